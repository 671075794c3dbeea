// The arc-hybrid system: see transition.hpp for how it works.
#include "parse/transition.hpp"

#include <algorithm>

namespace tempora::detail {

void ParseState::reset(int words) {
  n = words;
  const auto size = static_cast<std::size_t>(words) + 1;
  stack.clear();
  stack.reserve(size);
  stack.push_back(0);
  b = 1;
  head.assign(size, kNone);
  label.assign(size, kNone);
  lc1.assign(size, kNone);
  lc2.assign(size, kNone);
  rc1.assign(size, kNone);
  rc2.assign(size, kNone);
  nl.assign(size, 0);
  nr.assign(size, 0);
  lset.assign(size, 0);
  rset.assign(size, 0);
}

bool ParseState::valid(Move m) const {
  switch (m) {
    case Move::shift:
      return b <= n;
    case Move::left:
      return b <= n && stack.size() >= 2;  // s0 is a word, not ROOT
    case Move::right:
      if (stack.size() < 2) return false;
      // Only the last word standing goes on ROOT: one root per sentence.
      return s(1) != 0 || b > n;
  }
  return false;
}

void ParseState::add_arc(int h, int d, int relation) {
  head[static_cast<std::size_t>(d)] = h;
  label[static_cast<std::size_t>(d)] = relation;
  const auto hi = static_cast<std::size_t>(h);
  const std::uint64_t bit = relation >= 0 ? (std::uint64_t{1} << (relation & 63)) : 0;
  if (d < h) {
    if (lc1[hi] == kNone || d < lc1[hi]) {
      lc2[hi] = lc1[hi];
      lc1[hi] = d;
    } else if (lc2[hi] == kNone || d < lc2[hi]) {
      lc2[hi] = d;
    }
    if (nl[hi] < 255) ++nl[hi];
    lset[hi] |= bit;
  } else {
    if (rc1[hi] == kNone || d > rc1[hi]) {
      rc2[hi] = rc1[hi];
      rc1[hi] = d;
    } else if (rc2[hi] == kNone || d > rc2[hi]) {
      rc2[hi] = d;
    }
    if (nr[hi] < 255) ++nr[hi];
    rset[hi] |= bit;
  }
}

void ParseState::apply(Move m, int relation) {
  switch (m) {
    case Move::shift:
      stack.push_back(b++);
      return;
    case Move::left: {
      const int d = stack.back();
      stack.pop_back();
      add_arc(b, d, relation);
      return;
    }
    case Move::right: {
      const int d = stack.back();
      stack.pop_back();
      add_arc(stack.back(), d, relation);
      return;
    }
  }
}

namespace {

// Is word k dominated by h (k == h included)? Heads must form a tree.
bool dominated(std::span<const int> heads, int k, int h) {
  for (std::size_t steps = 0; k > 0 && steps < heads.size(); ++steps) {
    if (k == h) return true;
    k = heads[static_cast<std::size_t>(k)];
  }
  return k == h;
}

bool arc_is_projective(std::span<const int> heads, int d) {
  const int h = heads[static_cast<std::size_t>(d)];
  const int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k)
    if (!dominated(heads, k, h)) return false;
  return true;
}

}  // namespace

bool is_single_rooted_tree(std::span<const int> heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  int roots = 0;
  for (int i = 1; i <= n; ++i) {
    const int h = heads[static_cast<std::size_t>(i)];
    if (h < 0 || h > n || h == i) return false;
    if (h == 0) ++roots;
    if (!dominated(heads, i, 0)) return false;  // a cycle never reaches ROOT
  }
  return roots == 1 || n == 0;
}

bool is_projective(std::span<const int> heads) {
  for (int d = 1; d < static_cast<int>(heads.size()); ++d)
    if (!arc_is_projective(heads, d)) return false;
  return true;
}

int projectivize(std::vector<int>& heads) {
  int lifted = 0;
  // Each lift moves a word one step closer to ROOT, so this ends within n^2 lifts.
  const int limit = static_cast<int>(heads.size() * heads.size());
  while (lifted < limit) {
    int shortest = kNone, shortest_length = 0;
    for (int d = 1; d < static_cast<int>(heads.size()); ++d) {
      const int h = heads[static_cast<std::size_t>(d)];
      if (h == 0 || arc_is_projective(heads, d)) continue;
      const int length = std::abs(h - d);
      if (shortest == kNone || length < shortest_length) {
        shortest = d;
        shortest_length = length;
      }
    }
    if (shortest == kNone) break;
    auto& h = heads[static_cast<std::size_t>(shortest)];
    h = heads[static_cast<std::size_t>(h)];
    ++lifted;
  }
  return lifted;
}

namespace {

bool has_dependent_in_buffer(const ParseState& state, std::span<const int> gold, int word) {
  for (int k = state.b; k <= state.n; ++k)
    if (gold[static_cast<std::size_t>(k)] == word) return true;
  return false;
}

int dependents_in_buffer(const ParseState& state, std::span<const int> gold, int word) {
  int count = 0;
  for (int k = state.b; k <= state.n; ++k)
    if (gold[static_cast<std::size_t>(k)] == word) ++count;
  return count;
}

}  // namespace

Move static_oracle(const ParseState& state, std::span<const int> gold) {
  const int s0 = state.s(0), s1 = state.s(1), b0 = state.buf(0);
  if (s1 != kNone) {
    const int g = gold[static_cast<std::size_t>(s0)];
    if (b0 != kNone && g == b0 && !has_dependent_in_buffer(state, gold, s0)) return Move::left;
    if (g == s1 && state.valid(Move::right) && !has_dependent_in_buffer(state, gold, s0)) return Move::right;
  }
  return Move::shift;
}

int transition_cost(const ParseState& state, Move m, std::span<const int> gold) {
  const int s0 = state.s(0), s1 = state.s(1), b0 = state.buf(0);
  const auto in_buffer = [&](int k) { return k >= state.b && k <= state.n; };
  switch (m) {
    case Move::shift: {
      int cost = 0;
      const int g = gold[static_cast<std::size_t>(b0)];
      for (std::size_t i = 0; i < state.stack.size(); ++i) {
        const int k = state.stack[i];
        if (k != 0 && gold[static_cast<std::size_t>(k)] == b0) ++cost;
        if (k == g && i + 1 < state.stack.size()) ++cost;  // b0's head below s0
      }
      return cost;
    }
    case Move::left: {
      const int g = gold[static_cast<std::size_t>(s0)];
      int cost = dependents_in_buffer(state, gold, s0);
      if (g != b0 && (g == s1 || in_buffer(g))) ++cost;
      return cost;
    }
    case Move::right: {
      const int g = gold[static_cast<std::size_t>(s0)];
      int cost = dependents_in_buffer(state, gold, s0);
      if (in_buffer(g)) ++cost;
      return cost;
    }
  }
  return 0;
}

}  // namespace tempora::detail

// The arc-hybrid transition system and its oracles.
//
// A parser state is a stack, a buffer and the arcs built so far. Word 0 is an
// artificial ROOT that starts on the stack; words 1..n start in the buffer.
// Three transitions (Kuhlmann, Gómez-Rodríguez & Satta 2011):
//
//   SHIFT   moves the buffer front b0 onto the stack;
//   LEFT    makes b0 the head of the stack top s0 and pops s0;
//   RIGHT   makes s1 (the word under s0) the head of s0 and pops s0.
//
// Every word is popped exactly once, with its head, so a sentence of n words
// takes exactly 2n transitions: parsing is linear. To give UD's single root,
// RIGHT onto ROOT is allowed only when the buffer is empty (then s0 is the
// last word standing) and LEFT never pops ROOT.
//
// The system builds projective trees. Non-projective gold trees are
// projectivized for training by *lifting* (Nivre & Nilsson 2005, without label
// encoding): the shortest non-projective arc h -> d is replaced by
// head(h) -> d until none is left. The parser then learns the lifted heads,
// which are ancestors of the true heads; no deprojectivization is done.
//
// Oracles. The static oracle returns the one canonical transition sequence
// for a projective gold tree. The dynamic oracle (Goldberg & Nivre 2013)
// instead gives the *cost* of any transition in any state: how many gold arcs
// that are still reachable it makes unreachable. Arc-hybrid is arc-decomposable,
// so the cost is a simple count:
//
//   SHIFT: gold arcs between b0 and the stack: b0's dependents on the stack,
//          and b0's head when it is on the stack below s0;
//   LEFT:  s0's dependents in the buffer, and s0's head when it is s1 or a
//          buffer word other than b0;
//   RIGHT: s0's dependents in the buffer, and s0's head when it is in the buffer.
//
// Training with the dynamic oracle follows the model's own (possibly wrong)
// transitions and always learns the best transition from where it stands,
// which trains the greedy parser for the states it will really meet.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace tempora::detail {

enum class Move : std::uint8_t { shift = 0, left = 1, right = 2 };
inline constexpr int kMoveCount = 3;

constexpr int kNone = -1;

// The arcs of a (partial) parse plus the child bookkeeping features need.
struct ParseState {
  int n = 0;                     // number of words (ROOT excluded)
  std::vector<int> stack;        // word indices, ROOT (0) at the bottom
  int b = 1;                     // buffer front; buffer is b..n
  std::vector<int> head;         // size n+1; kNone when unattached
  std::vector<int> label;        // relation id, kNone when unattached
  std::vector<int> lc1, lc2;     // leftmost and second leftmost child
  std::vector<int> rc1, rc2;     // rightmost and second rightmost child
  std::vector<std::uint8_t> nl, nr;   // number of left / right children (saturating)
  std::vector<std::uint64_t> lset, rset;  // sets of left / right child relations (bit per relation id mod 64)

  void reset(int words);
  bool terminal() const { return b > n && stack.size() == 1; }
  int s(int k) const {   // k-th stack word from the top, kNone when absent
    return static_cast<int>(stack.size()) > k ? stack[stack.size() - 1 - static_cast<std::size_t>(k)] : kNone;
  }
  int buf(int k) const { return b + k <= n ? b + k : kNone; }

  bool valid(Move m) const;
  void apply(Move m, int relation);
  void add_arc(int h, int d, int relation);
};

// Gold-tree helpers. `heads` has size n+1 with heads[0] unused (word i's head
// at heads[i], 0 = ROOT).
bool is_projective(std::span<const int> heads);
// A single-rooted tree (every word reaches ROOT, exactly one word on ROOT).
bool is_single_rooted_tree(std::span<const int> heads);
// Lifts non-projective arcs in place until the tree is projective; returns the
// number of arcs lifted.
int projectivize(std::vector<int>& heads);

// The static oracle's transition for a projective gold tree.
Move static_oracle(const ParseState& state, std::span<const int> gold_heads);
// The dynamic oracle's cost of a valid transition.
int transition_cost(const ParseState& state, Move m, std::span<const int> gold_heads);

}  // namespace tempora::detail

// Temporal closure over interval endpoints (see include/tempora/reasoning.hpp).
//
// How it works
// ------------
// Every node is an interval with two points, start (2n) and end (2n+1). The
// relation between two points is a subset of {<, =, >}; the closure keeps,
// for every ordered pair of points (i, k), the set of basic relations still
// possible. It is stored as three bit matrices (lt, eq, gt), one row per
// point and one bit per column, so that rel(i, k) is the three bits at
// column k of row i. The matrices are kept symmetric: rel(k, i) is always
// the inverse of rel(i, k).
//
// Path consistency (PC-2, Mackworth; Allen's propagation for the point
// algebra) is complete for the point algebra without '!=' (van Beek), which
// is all tempora states. When rel(i, j) shrinks, every triangle through the
// edge is revised:
//
//   rel(i, k) &= rel(i, j) o rel(j, k)     for all k
//   rel(k, j) &= rel(k, i) o rel(i, j)     for all k
//
// With rel(i, j) fixed, both revisions are bitwise formulas over whole rows
// (the composition table of the point algebra is small enough to write as
// and/or of masks), so revising one edge costs O(points / 64) word
// operations plus O(1) per entry that actually changed. Each entry can shrink
// at most twice, which bounds the total work by O(points^3 / 64); the work is
// counted and capped (ReasoningOptions::max_work) so that a huge merged
// graph degrades to a sound but incomplete closure instead of a hang.
//
// Links are applied one at a time, strongest first (ties in input order).
// Every change is recorded on a trail; if applying a link empties some
// relation, the link contradicts what the stronger links (and the calendar)
// imply: the trail is unwound to where the link started, the link is marked
// dropped, and a Conflict names the chain of accepted links between the two
// nodes (a breadth-first path in the graph of accepted links, with the
// calendar acting as one hub that connects all dated nodes).
//
// Calendar values: time nodes get their start < end, and all time points are
// sorted by value and chained with < or = before any link, so dated nodes
// order each other. Bounds of an undated event are read off the closure:
// its earliest start is the latest time point known to be <= its start.
#include "tempora/reasoning.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <deque>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

namespace tempora {

namespace {

constexpr std::uint8_t bits(PointRel r) { return static_cast<std::uint8_t>(r); }

struct RelName {
  RelType type;
  std::string_view name;
};
constexpr std::array<RelName, 16> kRelNames = {{
    {RelType::before, "BEFORE"},
    {RelType::after, "AFTER"},
    {RelType::includes, "INCLUDES"},
    {RelType::is_included, "IS_INCLUDED"},
    {RelType::during, "DURING"},
    {RelType::during_inv, "DURING_INV"},
    {RelType::simultaneous, "SIMULTANEOUS"},
    {RelType::identity, "IDENTITY"},
    {RelType::begins, "BEGINS"},
    {RelType::begun_by, "BEGUN_BY"},
    {RelType::ends, "ENDS"},
    {RelType::ended_by, "ENDED_BY"},
    {RelType::ibefore, "IBEFORE"},
    {RelType::iafter, "IAFTER"},
    {RelType::starts_before, "STARTS_BEFORE"},
    {RelType::starts_after, "STARTS_AFTER"},
}};

}  // namespace

PointRel inverse(PointRel r) {
  const std::uint8_t b = bits(r);
  return static_cast<PointRel>(((b & 1) << 2) | (b & 2) | ((b & 4) >> 2));
}

PointRel compose(PointRel r1, PointRel r2) {
  // The table of basic relations: < o < = <, < o = = <, < o > = any, = o x = x, ...
  static constexpr std::uint8_t kBasic[3][3] = {{1, 1, 7}, {1, 2, 4}, {7, 4, 4}};
  std::uint8_t out = 0;
  for (int x = 0; x < 3; ++x)
    if (bits(r1) & (1 << x))
      for (int y = 0; y < 3; ++y)
        if (bits(r2) & (1 << y)) out |= kBasic[x][y];
  return static_cast<PointRel>(out);
}

std::string_view to_string(PointRel r) {
  static constexpr std::array<std::string_view, 8> kNames = {"{}", "<", "=", "<=", ">", "!=", ">=", "?"};
  return kNames[bits(r) & 7];
}

std::string_view to_string(RelType type) {
  for (const auto& [t, name] : kRelNames)
    if (t == type) return name;
  return "VAGUE";
}

std::optional<RelType> parse_rel_type(std::string_view name) {
  for (const auto& [t, n] : kRelNames)
    if (n == name) return t;
  return std::nullopt;
}

RelType inverse(RelType type) {
  switch (type) {
    case RelType::before: return RelType::after;
    case RelType::after: return RelType::before;
    case RelType::includes: return RelType::is_included;
    case RelType::is_included: return RelType::includes;
    case RelType::during: return RelType::during_inv;
    case RelType::during_inv: return RelType::during;
    case RelType::simultaneous: return RelType::simultaneous;
    case RelType::identity: return RelType::identity;
    case RelType::begins: return RelType::begun_by;
    case RelType::begun_by: return RelType::begins;
    case RelType::ends: return RelType::ended_by;
    case RelType::ended_by: return RelType::ends;
    case RelType::ibefore: return RelType::iafter;
    case RelType::iafter: return RelType::ibefore;
    case RelType::starts_before: return RelType::starts_after;
    case RelType::starts_after: return RelType::starts_before;
  }
  return type;
}

std::string_view to_string(StartOrder order) {
  switch (order) {
    case StartOrder::before: return "BEFORE";
    case StartOrder::after: return "AFTER";
    case StartOrder::equal: return "EQUAL";
    case StartOrder::vague: return "VAGUE";
  }
  return "VAGUE";
}

std::vector<PointConstraint> endpoint_constraints(RelType type) {
  using E = Endpoint;
  using R = PointRel;
  // Containment is read non-strictly: TimeML annotators use IS_INCLUDED for
  // "met on Friday" whether or not the meeting filled the day.
  switch (type) {
    case RelType::before: return {{E::end, R::lt, E::start}};
    case RelType::after: return {{E::start, R::gt, E::end}};
    case RelType::ibefore: return {{E::end, R::eq, E::start}};
    case RelType::iafter: return {{E::start, R::eq, E::end}};
    case RelType::includes:
    case RelType::during_inv: return {{E::start, R::le, E::start}, {E::end, R::ge, E::end}};
    case RelType::is_included:
    case RelType::during: return {{E::start, R::ge, E::start}, {E::end, R::le, E::end}};
    case RelType::simultaneous:
    case RelType::identity: return {{E::start, R::eq, E::start}, {E::end, R::eq, E::end}};
    case RelType::begins: return {{E::start, R::eq, E::start}, {E::end, R::lt, E::end}};
    case RelType::begun_by: return {{E::start, R::eq, E::start}, {E::end, R::gt, E::end}};
    case RelType::ends: return {{E::end, R::eq, E::end}, {E::start, R::gt, E::start}};
    case RelType::ended_by: return {{E::end, R::eq, E::end}, {E::start, R::lt, E::start}};
    case RelType::starts_before: return {{E::start, R::lt, E::start}};
    case RelType::starts_after: return {{E::start, R::gt, E::start}};
  }
  return {};
}

// ---- the graph ---------------------------------------------------------------

TemporalGraph::TemporalGraph(ReasoningOptions options) : options_(options) {}

std::size_t TemporalGraph::add_node(TemporalNode node) {
  if (nodes_.size() >= options_.max_nodes)
    throw std::length_error(fmt::format("temporal graph: more than {} nodes", options_.max_nodes));
  // A point-like or reversed calendar value still needs start < end.
  if (node.interval && node.interval->end <= node.interval->start)
    node.interval->end = node.interval->start + std::chrono::seconds(1);
  nodes_.push_back(std::move(node));
  closed_ = false;
  return nodes_.size() - 1;
}

std::size_t TemporalGraph::add_link(TemporalLink link) {
  if (link.a >= nodes_.size() || link.b >= nodes_.size() || link.a == link.b) return npos;
  links_.push_back(std::move(link));
  closed_ = false;
  return links_.size() - 1;
}

namespace {

// The propagation state: bit matrices, trail, queue, work counter.
struct Closure {
  std::size_t points = 0, words = 0;
  std::vector<std::uint64_t>&lt, &eq, &gt;
  std::uint64_t& work;
  std::uint64_t max_work;
  bool& cap_reached;

  struct Change {
    std::uint32_t i, k;
    std::uint8_t old;
  };
  std::vector<Change> trail;
  std::deque<std::pair<std::uint32_t, std::uint32_t>> queue;

  PointRel get(std::size_t i, std::size_t k) const {
    const std::size_t w = i * words + k / 64;
    const std::uint64_t m = std::uint64_t{1} << (k % 64);
    return static_cast<PointRel>(((lt[w] & m) ? 1 : 0) | ((eq[w] & m) ? 2 : 0) | ((gt[w] & m) ? 4 : 0));
  }
  void put_one(std::size_t i, std::size_t k, std::uint8_t r) {
    const std::size_t w = i * words + k / 64;
    const std::uint64_t m = std::uint64_t{1} << (k % 64);
    lt[w] = (r & 1) ? (lt[w] | m) : (lt[w] & ~m);
    eq[w] = (r & 2) ? (eq[w] | m) : (eq[w] & ~m);
    gt[w] = (r & 4) ? (gt[w] | m) : (gt[w] & ~m);
  }
  void put(std::size_t i, std::size_t k, PointRel r) {
    put_one(i, k, bits(r));
    put_one(k, i, bits(inverse(r)));
  }
  void set(std::size_t i, std::size_t k, PointRel r) {
    trail.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k), bits(get(i, k))});
    put(i, k, r);
    queue.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k));
  }
  void rollback(std::size_t mark) {
    while (trail.size() > mark) {
      const Change c = trail.back();
      trail.pop_back();
      put(c.i, c.k, static_cast<PointRel>(c.old));
    }
    queue.clear();
  }

  // Intersects rel(i, k) with r; false when that leaves nothing.
  bool constrain(std::size_t i, std::size_t k, PointRel r) {
    const PointRel old = get(i, k);
    const PointRel now = old & r;
    if (now == PointRel::none) return false;
    if (now != old) set(i, k, now);
    return true;
  }

  // Applies the changes of one row revision; false on an empty relation.
  bool apply_row(std::size_t row, std::size_t w, std::uint64_t nlt, std::uint64_t neq, std::uint64_t ngt) {
    const std::size_t at = row * words + w;
    std::uint64_t diff = (lt[at] ^ nlt) | (eq[at] ^ neq) | (gt[at] ^ ngt);
    while (diff != 0) {
      const int b = std::countr_zero(diff);
      diff &= diff - 1;
      const std::uint64_t m = std::uint64_t{1} << b;
      const std::uint8_t r = ((nlt & m) ? 1 : 0) | ((neq & m) ? 2 : 0) | ((ngt & m) ? 4 : 0);
      if (r == 0) return false;
      set(row, w * 64 + static_cast<std::size_t>(b), static_cast<PointRel>(r));
    }
    return true;
  }

  bool propagate() {
    while (!queue.empty()) {
      const auto [i, j] = queue.front();
      queue.pop_front();
      work += 6 * words;
      if (work > max_work) {
        cap_reached = true;
        queue.clear();
        return true;
      }
      const std::uint8_t a = bits(get(i, j));
      const std::uint64_t Alt = (a & 1) ? ~0ULL : 0, Aeq = (a & 2) ? ~0ULL : 0, Agt = (a & 4) ? ~0ULL : 0;
      // rel(i, k) &= rel(i, j) o rel(j, k)
      for (std::size_t w = 0; w < words; ++w) {
        const std::size_t jw = j * words + w, iw = i * words + w;
        const std::uint64_t Jlt = lt[jw], Jeq = eq[jw], Jgt = gt[jw];
        const std::uint64_t rlt = Alt | ((Aeq | Agt) & Jlt);
        const std::uint64_t req = (Alt & Jgt) | (Aeq & Jeq) | (Agt & Jlt);
        const std::uint64_t rgt = Agt | ((Alt | Aeq) & Jgt);
        if (!apply_row(i, w, lt[iw] & rlt, eq[iw] & req, gt[iw] & rgt)) return false;
      }
      // rel(k, j) &= rel(k, i) o rel(i, j), written on row j as its inverse.
      for (std::size_t w = 0; w < words; ++w) {
        const std::size_t jw = j * words + w, iw = i * words + w;
        const std::uint64_t Klt = gt[iw], Keq = eq[iw], Kgt = lt[iw];
        const std::uint64_t rlt = Klt | ((Keq | Kgt) & Alt);
        const std::uint64_t req = (Klt & Agt) | (Keq & Aeq) | (Kgt & Alt);
        const std::uint64_t rgt = Kgt | ((Klt | Keq) & Agt);
        if (!apply_row(j, w, lt[jw] & rgt, eq[jw] & req, gt[jw] & rlt)) return false;
      }
    }
    return true;
  }
};

std::size_t point(std::size_t node, Endpoint e) { return 2 * node + (e == Endpoint::end ? 1 : 0); }

}  // namespace

void TemporalGraph::close() {
  if (closed_) return;
  const std::size_t n = nodes_.size();
  const std::size_t points = 2 * n;
  words_ = (points + 63) / 64;
  lt_.assign(points * words_, 0);
  eq_.assign(points * words_, 0);
  gt_.assign(points * words_, 0);
  conflicts_.clear();
  accepted_.assign(links_.size(), false);
  cap_reached_ = false;
  work_ = 0;

  Closure c{points, words_, lt_, eq_, gt_, work_, options_.max_work, cap_reached_, {}, {}};
  // Everything is possible, except that a point equals itself.
  for (std::size_t i = 0; i < points; ++i) {
    for (std::size_t w = 0; w < words_; ++w) {
      const std::size_t valid = std::min<std::size_t>(64, points - w * 64);
      const std::uint64_t mask = valid == 64 ? ~0ULL : ((std::uint64_t{1} << valid) - 1);
      lt_[i * words_ + w] = eq_[i * words_ + w] = gt_[i * words_ + w] = mask;
    }
    c.put_one(i, i, 2);
  }

  // Hard facts: every interval starts before it ends; dated points follow the calendar.
  for (std::size_t v = 0; v < n; ++v) c.constrain(point(v, Endpoint::start), point(v, Endpoint::end), PointRel::lt);
  std::vector<std::pair<std::chrono::sys_seconds, std::size_t>> dated;
  for (std::size_t v = 0; v < n; ++v)
    if (nodes_[v].interval) {
      dated.emplace_back(nodes_[v].interval->start, point(v, Endpoint::start));
      dated.emplace_back(nodes_[v].interval->end, point(v, Endpoint::end));
    }
  std::stable_sort(dated.begin(), dated.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (std::size_t d = 1; d < dated.size(); ++d)
    c.constrain(dated[d - 1].second, dated[d].second,
                dated[d - 1].first == dated[d].first ? PointRel::eq : PointRel::lt);
  c.propagate();
  c.trail.clear();

  // Links, strongest first.
  std::vector<std::size_t> order(links_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return links_[x].confidence > links_[y].confidence; });
  for (const std::size_t li : order) {
    const TemporalLink& link = links_[li];
    const std::size_t mark = c.trail.size();
    bool ok = true;
    for (const PointConstraint& pc : endpoint_constraints(link.type))
      if (!c.constrain(point(link.a, pc.a_end), point(link.b, pc.b_end), pc.rel)) ok = false;
    if (ok) ok = c.propagate();
    if (ok) {
      accepted_[li] = true;
      c.trail.clear();
      continue;
    }
    c.rollback(mark);
    // Why: the shortest chain of accepted links (the calendar as one hub) from a to b.
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> adjacent(n + 1);  // (neighbour, link or npos)
    for (std::size_t other = 0; other < links_.size(); ++other)
      if (accepted_[other]) {
        adjacent[links_[other].a].emplace_back(links_[other].b, other);
        adjacent[links_[other].b].emplace_back(links_[other].a, other);
      }
    for (std::size_t v = 0; v < n; ++v)
      if (nodes_[v].interval) {
        adjacent[v].emplace_back(n, npos);
        adjacent[n].emplace_back(v, npos);
      }
    std::vector<std::pair<std::size_t, std::size_t>> via(n + 1, {npos, npos});
    std::deque<std::size_t> frontier{link.a};
    via[link.a] = {link.a, npos};
    while (!frontier.empty() && via[link.b].first == npos) {
      const std::size_t v = frontier.front();
      frontier.pop_front();
      for (const auto& [u, l] : adjacent[v])
        if (via[u].first == npos) {
          via[u] = {v, l};
          frontier.push_back(u);
        }
    }
    Conflict conflict;
    conflict.dropped = li;
    bool calendar = false;
    if (via[link.b].first != npos)
      for (std::size_t v = link.b; v != link.a; v = via[v].first) {
        if (via[v].second == npos)
          calendar = true;
        else
          conflict.against.push_back(via[v].second);
      }
    std::reverse(conflict.against.begin(), conflict.against.end());
    std::string chain;
    for (const std::size_t other : conflict.against) {
      const TemporalLink& o = links_[other];
      chain += fmt::format("{}{} {} {} ({}, {:.2f})", chain.empty() ? "" : "; ", nodes_[o.a].id, to_string(o.type),
                           nodes_[o.b].id, o.evidence, o.confidence);
    }
    if (calendar) chain += chain.empty() ? "the calendar" : "; the calendar";
    conflict.message = fmt::format("dropped {} {} {} ({}, confidence {:.2f}): contradicts {}", nodes_[link.a].id,
                                   to_string(link.type), nodes_[link.b].id, link.evidence, link.confidence,
                                   chain.empty() ? "stronger links" : chain);
    conflicts_.push_back(std::move(conflict));
  }
  closed_ = true;
}

PointRel TemporalGraph::relation(std::size_t a, Endpoint a_end, std::size_t b, Endpoint b_end) const {
  if (!closed_ || a >= nodes_.size() || b >= nodes_.size()) return PointRel::any;
  const std::size_t i = point(a, a_end), k = point(b, b_end);
  const std::size_t w = i * words_ + k / 64;
  const std::uint64_t m = std::uint64_t{1} << (k % 64);
  return static_cast<PointRel>(((lt_[w] & m) ? 1 : 0) | ((eq_[w] & m) ? 2 : 0) | ((gt_[w] & m) ? 4 : 0));
}

StartOrder TemporalGraph::start_order(std::size_t a, std::size_t b) const {
  switch (relation(a, Endpoint::start, b, Endpoint::start)) {
    case PointRel::lt: return StartOrder::before;
    case PointRel::gt: return StartOrder::after;
    case PointRel::eq: return StartOrder::equal;
    default: return StartOrder::vague;
  }
}

std::optional<RelType> TemporalGraph::rel_type(std::size_t a, std::size_t b) const {
  using E = Endpoint;
  using R = PointRel;
  if (!closed_ || a >= nodes_.size() || b >= nodes_.size() || a == b) return std::nullopt;
  const R ss = relation(a, E::start, b, E::start), ee = relation(a, E::end, b, E::end);
  const R es = relation(a, E::end, b, E::start), se = relation(a, E::start, b, E::end);
  if (es == R::lt) return RelType::before;
  if (se == R::gt) return RelType::after;
  if (es == R::eq) return RelType::ibefore;
  if (se == R::eq) return RelType::iafter;
  if (ss == R::eq && ee == R::eq) return RelType::simultaneous;
  if (ss == R::eq && ee == R::lt) return RelType::begins;
  if (ss == R::eq && ee == R::gt) return RelType::begun_by;
  if (ee == R::eq && ss == R::gt) return RelType::ends;
  if (ee == R::eq && ss == R::lt) return RelType::ended_by;
  const auto within = [](R r, R allowed) { return r != R::none && (r & allowed) == r; };
  if (within(ss, R::le) && within(ee, R::ge)) return RelType::includes;
  if (within(ss, R::ge) && within(ee, R::le)) return RelType::is_included;
  if (ss == R::lt) return RelType::starts_before;
  if (ss == R::gt) return RelType::starts_after;
  return std::nullopt;
}

NodeBounds TemporalGraph::bounds(std::size_t node) const {
  NodeBounds out;
  if (!closed_ || node >= nodes_.size()) return out;
  for (std::size_t v = 0; v < nodes_.size(); ++v) {
    if (!nodes_[v].interval) continue;
    for (const Endpoint te : {Endpoint::start, Endpoint::end}) {
      const auto value = te == Endpoint::start ? nodes_[v].interval->start : nodes_[v].interval->end;
      for (const Endpoint ne : {Endpoint::start, Endpoint::end}) {
        const PointRel r = relation(node, ne, v, te);  // node's point vs the time point
        auto& earliest = ne == Endpoint::start ? out.earliest_start : out.earliest_end;
        auto& latest = ne == Endpoint::start ? out.latest_start : out.latest_end;
        if ((r & PointRel::lt) == PointRel::none && (!earliest || *earliest < value)) earliest = value;
        if ((r & PointRel::gt) == PointRel::none && (!latest || value < *latest)) latest = value;
      }
    }
  }
  return out;
}

}  // namespace tempora

// Temporal closure over interval endpoints (see include/tempora/reasoning.hpp).
//
// How it works
// ------------
// Every node is an interval with two points, start (2n) and end (2n+1). The
// relations tempora states between points are the convex ones of the point
// algebra: <, <=, =, >=, > (never "!="). For those, the closure is plain
// reachability: draw an arc p -> q for every p <= q (strict arcs for p < q,
// two arcs for p = q); then p <= q is implied exactly when q is reachable
// from p, p < q when some path from p to q has a strict arc, and the
// constraints are inconsistent exactly when a strict arc lies on a cycle
// (van Beek 1992: path consistency is complete for this algebra, and it
// computes the same thing).
//
// The closure is kept as two bit matrices over points, le (row u: the points
// u reaches) and lt (row u: the points u reaches through a strict arc).
// Adding an arc p -> q changes only the rows of points that reach p (the set
// U, read from column p): each u in U gains q and q's rows,
//
//   le[u] |= le[q] + {q}
//   lt[u] |= lt[q], and also le[q] + {q} when u < p or the arc is strict,
//
// which is complete because a shortest new path uses the new arc once. One
// arc costs O(points) bit tests plus O(|U| * points / 64) word operations;
// a document's closure is far below the O(points^3) of generic path
// consistency. The work is counted and capped (ReasoningOptions::max_work):
// once the cap is reached, the remaining links are left out and
// cap_reached() says so, so a huge merged graph degrades to a sound but
// incomplete closure instead of a hang.
//
// Links are applied one at a time, strongest first (ties in input order).
// Before each arc the matrices are checked: p < q contradicts an implied
// q <= p, p <= q an implied q < p. A link whose arcs contradict what the
// stronger links (and the calendar) imply is undone (every changed row is on
// a trail), marked dropped, and reported as a Conflict naming the chain of
// accepted links between its two nodes (a breadth-first path in the graph of
// accepted links, with the calendar acting as one hub that connects all
// dated nodes).
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
#include <iterator>
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

// The reachability closure: bit matrices, trail, work counter.
struct Closure {
  std::size_t points = 0, words = 0;
  std::vector<std::uint64_t>&le, &lt;
  std::uint64_t& work;
  std::uint64_t max_work;
  bool& cap_reached;

  // Rows as they were before the current link: row ids, and their le and lt words in one flat array.
  std::vector<std::uint32_t> trail;
  std::vector<std::uint64_t> trail_words;
  std::vector<std::uint32_t> reachers;  // scratch

  bool test(const std::vector<std::uint64_t>& m, std::size_t u, std::size_t v) const {
    return (m[u * words + v / 64] >> (v % 64)) & 1U;
  }
  void save(std::size_t u) {
    trail.push_back(static_cast<std::uint32_t>(u));
    trail_words.insert(trail_words.end(), le.begin() + static_cast<std::ptrdiff_t>(u * words),
                       le.begin() + static_cast<std::ptrdiff_t>((u + 1) * words));
    trail_words.insert(trail_words.end(), lt.begin() + static_cast<std::ptrdiff_t>(u * words),
                       lt.begin() + static_cast<std::ptrdiff_t>((u + 1) * words));
  }
  void clear_trail() {
    trail.clear();
    trail_words.clear();
  }
  void rollback() {
    while (!trail.empty()) {
      const std::size_t row = trail.back();
      trail.pop_back();
      const auto from = trail_words.end() - static_cast<std::ptrdiff_t>(2 * words);
      std::copy(from, from + static_cast<std::ptrdiff_t>(words), le.begin() + static_cast<std::ptrdiff_t>(row * words));
      std::copy(from + static_cast<std::ptrdiff_t>(words), trail_words.end(), lt.begin() + static_cast<std::ptrdiff_t>(row * words));
      trail_words.resize(trail_words.size() - 2 * words);
    }
  }

  // Adds the arc p <= q (strict: p < q); false when it contradicts the closure.
  bool arc(std::size_t p, std::size_t q, bool strict, bool record) {
    if (p == q) return !strict;
    if (strict ? test(le, q, p) : test(lt, q, p)) return false;
    if (strict ? test(lt, p, q) : test(le, p, q)) return true;  // already implied
    reachers.clear();
    for (std::size_t u = 0; u < points; ++u)
      if (u == p || test(le, u, p)) reachers.push_back(static_cast<std::uint32_t>(u));
    work += points / 64 + 1 + reachers.size() * 2 * words;
    const std::size_t qw = q * words;
    for (const std::uint32_t u : reachers) {
      if (record) save(u);
      const bool strict_u = strict || (u != p && test(lt, u, p));
      const std::size_t uw = static_cast<std::size_t>(u) * words;
      for (std::size_t w = 0; w < words; ++w) {
        le[uw + w] |= le[qw + w];
        lt[uw + w] |= strict_u ? le[qw + w] : lt[qw + w];
      }
      le[uw + q / 64] |= std::uint64_t{1} << (q % 64);
      if (strict_u) lt[uw + q / 64] |= std::uint64_t{1} << (q % 64);
    }
    return true;
  }

  // p rel q, as arcs.
  bool constrain(std::size_t p, std::size_t q, PointRel rel, bool record) {
    switch (rel) {
      case PointRel::lt: return arc(p, q, true, record);
      case PointRel::le: return arc(p, q, false, record);
      case PointRel::eq: return arc(p, q, false, record) && arc(q, p, false, record);
      case PointRel::ge: return arc(q, p, false, record);
      case PointRel::gt: return arc(q, p, true, record);
      case PointRel::any: return true;
      default: return false;  // "!=" and "none" are never stated
    }
  }
};

std::size_t point(std::size_t node, Endpoint e) { return 2 * node + (e == Endpoint::end ? 1 : 0); }

}  // namespace

void TemporalGraph::close() {
  if (closed_) return;
  const std::size_t n = nodes_.size();
  const std::size_t points = 2 * n;
  words_ = (points + 63) / 64;
  le_.assign(points * words_, 0);
  lt_.assign(points * words_, 0);
  conflicts_.clear();
  accepted_.assign(links_.size(), false);
  cap_reached_ = false;
  work_ = 0;
  Closure c{points, words_, le_, lt_, work_, options_.max_work, cap_reached_, {}, {}, {}};
  // Every point equals itself.
  for (std::size_t i = 0; i < points; ++i) le_[i * words_ + i / 64] |= std::uint64_t{1} << (i % 64);

  // Hard facts: every interval starts before it ends; dated points follow the calendar.
  for (std::size_t v = 0; v < n; ++v) c.constrain(point(v, Endpoint::start), point(v, Endpoint::end), PointRel::lt, false);
  std::vector<std::pair<std::chrono::sys_seconds, std::size_t>> dated;
  for (std::size_t v = 0; v < n; ++v)
    if (nodes_[v].interval) {
      dated.emplace_back(nodes_[v].interval->start, point(v, Endpoint::start));
      dated.emplace_back(nodes_[v].interval->end, point(v, Endpoint::end));
    }
  std::stable_sort(dated.begin(), dated.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (std::size_t d = 1; d < dated.size(); ++d)
    c.constrain(dated[d - 1].second, dated[d].second,
                dated[d - 1].first == dated[d].first ? PointRel::eq : PointRel::lt, false);

  // The accepted links as a graph, for explanations: (neighbour, link), the
  // calendar as node n linked to every dated node (link npos).
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> adjacent(n + 1);
  for (std::size_t v = 0; v < n; ++v)
    if (nodes_[v].interval) {
      adjacent[v].emplace_back(n, npos);
      adjacent[n].emplace_back(v, npos);
    }
  std::vector<std::pair<std::size_t, std::size_t>> via(n + 1);

  // Links, strongest first.
  std::vector<std::size_t> order(links_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return links_[x].confidence > links_[y].confidence; });
  for (const std::size_t li : order) {
    if (work_ > options_.max_work) {
      cap_reached_ = true;
      break;
    }
    const TemporalLink& link = links_[li];
    bool ok = true;
    // A single arc is checked before it changes anything, so only links of
    // several arcs need their changes recorded for a rollback.
    const std::vector<PointConstraint> constraints = endpoint_constraints(link.type);
    const bool record = constraints.size() > 1 || constraints.front().rel == PointRel::eq;
    for (const PointConstraint& pc : constraints)
      if (ok) ok = c.constrain(point(link.a, pc.a_end), point(link.b, pc.b_end), pc.rel, record);
    if (ok) {
      accepted_[li] = true;
      adjacent[link.a].emplace_back(link.b, li);
      adjacent[link.b].emplace_back(link.a, li);
      c.clear_trail();
      continue;
    }
    c.rollback();
    // Why: the shortest chain of accepted links (the calendar as one hub) from a to b.
    std::fill(via.begin(), via.end(), std::pair<std::size_t, std::size_t>{npos, npos});
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
  auto test = [&](const std::vector<std::uint64_t>& m, std::size_t u, std::size_t v) {
    return ((m[u * words_ + v / 64] >> (v % 64)) & 1U) != 0;
  };
  if (test(lt_, i, k)) return PointRel::lt;
  if (test(lt_, k, i)) return PointRel::gt;
  const bool forward = test(le_, i, k), backward = test(le_, k, i);
  if (forward && backward) return PointRel::eq;
  if (forward) return PointRel::le;
  if (backward) return PointRel::ge;
  return PointRel::any;
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

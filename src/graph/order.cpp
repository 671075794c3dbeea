// The precedence model: which events come before which, as far as the graph
// says, and where that is self-contradictory.
//
// 1. Simultaneity classes. SIMULTANEOUS order edges and identity edges say
//    "same time"; the connected components of the graph made of just those
//    edges (boost::connected_components) are the classes. Everything below
//    works on classes, so two reports of one meeting are one step.
// 2. Dates. Each class takes the interval of the time it is anchored at or
//    within; the distinct intervals, sorted, are the date groups. Consecutive
//    groups that do not overlap say "everything on Oct 17 precedes everything
//    on Oct 20". Linking every class of one group to every class of the next
//    would be quadratic, so each gap gets one boundary vertex: class -> gap ->
//    class, linear in the number of dated classes. Overlapping intervals (a
//    month and a day in it) give no arc: we do not invent an order.
// 3. Precedence. BEFORE/IBEFORE edges give class arcs, AFTER/IAFTER reversed
//    ones; relations that fix no precedence (INCLUDES, OVERLAP, VAGUE, ...)
//    give none.
// 4. Contradictions. boost::strong_components on that graph: a component
//    with two or more classes is a cycle (A<B<A, or A<B against the dates); a
//    class with an arc to itself (A<B while A and B are simultaneous) is one
//    too. Collapsing the components leaves a DAG, which
//    boost::topological_sort orders for placement.
// 5. What to draw. The order edges between components, transitively reduced
//    with boost::transitive_reduction so that A<B, B<C does not also draw
//    A<C. That algorithm keeps a V x V closure matrix, so it runs only up to
//    kMaxReduced components; bigger graphs draw their edges unreduced (the
//    placement, which is linear, still orders them).
#include "graph/order.hpp"

#include <algorithm>
#include <map>

#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/graph/transitive_reduction.hpp>

namespace tempora::detail {

namespace {

constexpr int kMaxReduced = 2000;

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// Reads the anchoring edges of one event.
EventTime time_of(const TimelineGraph& graph, TimelineGraph::Vertex event) {
  EventTime out;
  const auto& g = graph.graph();
  for (const auto e : graph.anchors(event)) {
    const TimeNode* time = g[boost::target(e, g)].time();
    if (time != nullptr && !time->has_interval() && out.year_unknown == nullptr &&
        (g[e].anchor == Anchor::at || g[e].anchor == Anchor::within))
      out.year_unknown = time;
    if (time == nullptr || !time->has_interval() || *time->end < *time->start) continue;
    switch (g[e].anchor) {
      case Anchor::at:
      case Anchor::within:
        // The narrowest interval wins: "on Oct 17" beats "in October".
        if (!out.dated || (*time->end - *time->start) < (out.end - out.start)) {
          out.dated = true;
          out.start = *time->start;
          out.end = *time->end;
          out.time = time;
        }
        break;
      case Anchor::on_or_after:
        if (!out.not_before || *time->start > *out.not_before) {
          out.not_before = *time->start;
          out.after_time = time;
        }
        break;
      case Anchor::on_or_before:
        if (!out.not_after || *time->end < *out.not_after) {
          out.not_after = *time->end;
          out.before_time = time;
        }
        break;
    }
  }
  return out;
}

}  // namespace

Precedence precedence_of(OrderRelation relation) {
  switch (relation) {
    case OrderRelation::BEFORE:
    case OrderRelation::IBEFORE:
      return Precedence::forward;
    case OrderRelation::AFTER:
    case OrderRelation::IAFTER:
      return Precedence::backward;
    case OrderRelation::SIMULTANEOUS:
      return Precedence::same;
    default:
      return Precedence::none;
  }
}

OrderModel build_order_model(const TimelineGraph& graph) {
  const auto& g = graph.graph();
  const std::size_t n = boost::num_vertices(g);
  OrderModel m;
  m.event_time.resize(n);
  m.event_class.assign(n, -1);

  // 1. simultaneity classes
  Undirected same(n);
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& edge = g[e];
    const bool joins = edge.kind == EdgeKind::identity ||
                       (edge.kind == EdgeKind::order && precedence_of(edge.relation) == Precedence::same);
    if (joins) boost::add_edge(boost::source(e, g), boost::target(e, g), same);
  }
  std::vector<int> component(n);
  if (n > 0) boost::connected_components(same, component.data());
  std::vector<int> renumber(n, -1);
  for (std::size_t v = 0; v < n; ++v) {
    if (g[v].kind() != NodeKind::event) continue;
    int& c = renumber[static_cast<std::size_t>(component[v])];
    if (c < 0) c = m.class_count++;
    m.event_class[v] = c;
    m.event_time[v] = time_of(graph, v);
  }

  // 2. dates of classes, date groups
  m.class_time.resize(static_cast<std::size_t>(m.class_count));
  for (std::size_t v = 0; v < n; ++v) {
    if (m.event_class[v] < 0) continue;
    EventTime& ct = m.class_time[static_cast<std::size_t>(m.event_class[v])];
    const EventTime& et = m.event_time[v];
    // The finest date of the class: "2005" in a headline, "Jun 6, 2005" in
    // its lede.
    if (et.dated && (!ct.dated || et.end - et.start < ct.end - ct.start)) {
      ct.dated = true;
      ct.start = et.start;
      ct.end = et.end;
      ct.time = et.time;
    }
    if (et.year_unknown && !ct.year_unknown) ct.year_unknown = et.year_unknown;
    if (et.not_before && (!ct.not_before || *et.not_before > *ct.not_before)) {
      ct.not_before = et.not_before;
      ct.after_time = et.after_time;
    }
    if (et.not_after && (!ct.not_after || *et.not_after < *ct.not_after)) {
      ct.not_after = et.not_after;
      ct.before_time = et.before_time;
    }
  }
  for (const EventTime& ct : m.class_time)
    if (ct.dated) m.groups.push_back({ct.start, ct.end, ct.time});
  std::sort(m.groups.begin(), m.groups.end(),
            [](const DateGroup& a, const DateGroup& b) { return std::tie(a.start, a.end) < std::tie(b.start, b.end); });
  m.groups.erase(std::unique(m.groups.begin(), m.groups.end(),
                             [](const DateGroup& a, const DateGroup& b) { return a.start == b.start && a.end == b.end; }),
                 m.groups.end());
  m.class_group.assign(static_cast<std::size_t>(m.class_count), -1);
  for (int c = 0; c < m.class_count; ++c) {
    const EventTime& ct = m.class_time[static_cast<std::size_t>(c)];
    if (!ct.dated) continue;
    const auto it = std::lower_bound(m.groups.begin(), m.groups.end(), ct, [](const DateGroup& a, const EventTime& t) {
      return std::tie(a.start, a.end) < std::tie(t.start, t.end);
    });
    m.class_group[static_cast<std::size_t>(c)] = static_cast<int>(it - m.groups.begin());
  }

  // 3. the precedence graph: classes, then one boundary vertex per gap
  const std::size_t gaps = m.groups.empty() ? 0 : m.groups.size() - 1;
  Directed prec(static_cast<std::size_t>(m.class_count) + gaps);
  std::vector<bool> self_loop(static_cast<std::size_t>(m.class_count), false);
  std::vector<std::pair<int, int>> stated_arcs;  // class arcs from order edges
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& edge = g[e];
    if (edge.kind != EdgeKind::order) continue;
    const Precedence p = precedence_of(edge.relation);
    if (p != Precedence::forward && p != Precedence::backward) continue;
    int a = m.event_class[boost::source(e, g)];
    int b = m.event_class[boost::target(e, g)];
    if (p == Precedence::backward) std::swap(a, b);
    if (a == b) {
      self_loop[static_cast<std::size_t>(a)] = true;
      continue;
    }
    boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b), prec);
    stated_arcs.emplace_back(a, b);
  }
  for (int c = 0; c < m.class_count; ++c) {
    const int grp = m.class_group[static_cast<std::size_t>(c)];
    if (grp < 0) continue;
    const auto gu = static_cast<std::size_t>(grp);
    const std::size_t base = static_cast<std::size_t>(m.class_count);
    if (gu + 1 < m.groups.size() && m.groups[gu].end < m.groups[gu + 1].start)
      boost::add_edge(static_cast<std::size_t>(c), base + gu, prec);
    if (gu > 0 && m.groups[gu - 1].end < m.groups[gu].start)
      boost::add_edge(base + gu - 1, static_cast<std::size_t>(c), prec);
  }

  // 4. strong components, contradictions, topological order of the condensation
  const std::size_t pn = boost::num_vertices(prec);
  std::vector<int> scc(pn);
  m.component_count = pn == 0 ? 0 : boost::strong_components(prec, scc.data());
  m.class_component.assign(scc.begin(), scc.begin() + m.class_count);
  std::vector<int> classes_in(static_cast<std::size_t>(m.component_count), 0);
  for (int c = 0; c < m.class_count; ++c) ++classes_in[static_cast<std::size_t>(scc[static_cast<std::size_t>(c)])];
  m.component_contradiction.assign(static_cast<std::size_t>(m.component_count), false);
  for (int c = 0; c < m.class_count; ++c) {
    const auto comp = static_cast<std::size_t>(scc[static_cast<std::size_t>(c)]);
    if (classes_in[comp] > 1 || self_loop[static_cast<std::size_t>(c)]) m.component_contradiction[comp] = true;
  }
  std::map<int, std::vector<TimelineGraph::Vertex>> cycles;
  for (std::size_t v = 0; v < n; ++v) {
    if (m.event_class[v] < 0) continue;
    const int comp = scc[static_cast<std::size_t>(m.event_class[v])];
    if (m.component_contradiction[static_cast<std::size_t>(comp)]) cycles[comp].push_back(v);
  }
  for (auto& [comp, members] : cycles) m.contradictions.push_back(std::move(members));
  std::sort(m.contradictions.begin(), m.contradictions.end());

  m.component_successors.assign(static_cast<std::size_t>(m.component_count), {});
  Directed dag(static_cast<std::size_t>(m.component_count));
  for (const auto e : boost::make_iterator_range(boost::edges(prec))) {
    const int a = scc[boost::source(e, prec)], b = scc[boost::target(e, prec)];
    if (a != b) m.component_successors[static_cast<std::size_t>(a)].push_back(b);
  }
  for (std::size_t c = 0; c < m.component_successors.size(); ++c) {
    auto& s = m.component_successors[c];
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    for (const int b : s) boost::add_edge(c, static_cast<std::size_t>(b), dag);
  }
  std::vector<std::size_t> reverse_topo;
  boost::topological_sort(dag, std::back_inserter(reverse_topo));
  m.component_order.assign(reverse_topo.rbegin(), reverse_topo.rend());

  // 5. order edges worth drawing
  std::vector<std::pair<int, int>> arcs;
  for (const auto& [a, b] : stated_arcs) {
    const int ca = scc[static_cast<std::size_t>(a)], cb = scc[static_cast<std::size_t>(b)];
    if (ca != cb) arcs.emplace_back(ca, cb);
  }
  std::sort(arcs.begin(), arcs.end());
  arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
  if (!arcs.empty() && m.component_count <= kMaxReduced) {
    Directed drawn(static_cast<std::size_t>(m.component_count));
    for (const auto& [a, b] : arcs) boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b), drawn);
    Directed reduced;
    std::vector<std::size_t> to_reduced(static_cast<std::size_t>(m.component_count));
    boost::transitive_reduction(drawn, reduced, to_reduced.data(), boost::get(boost::vertex_index, drawn));
    std::vector<std::size_t> from_reduced(to_reduced.size());
    for (std::size_t c = 0; c < to_reduced.size(); ++c) from_reduced[to_reduced[c]] = c;
    arcs.clear();
    for (const auto e : boost::make_iterator_range(boost::edges(reduced)))
      arcs.emplace_back(static_cast<int>(from_reduced[boost::source(e, reduced)]),
                        static_cast<int>(from_reduced[boost::target(e, reduced)]));
    std::sort(arcs.begin(), arcs.end());
  }
  m.drawn_arcs = std::move(arcs);
  return m;
}

}  // namespace tempora::detail

namespace tempora {

std::vector<std::vector<TimelineGraph::Vertex>> contradiction_cycles(const TimelineGraph& graph) {
  return detail::build_order_model(graph).contradictions;
}

}  // namespace tempora

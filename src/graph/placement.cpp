// Placement in time: which column of the timeline each event goes to.
//
// The columns, left to right, are the date groups of the order model (one per
// distinct date interval) with gaps between them:
//
//   [before D0] D0 [after D0] [before D1] D1 [after D1] ... [undated]
//
// A dated event sits in its date's column. An undated event is placed by what
// the order edges (and its on-or-after / on-or-before bounds) say about it:
// lo = the latest date group it is known to follow, hi = the earliest it is
// known to precede, both propagated along the precedence DAG in topological
// order (one pass forward for lo, one backward for hi, linear). It then goes
// in the gap right after lo, or, when nothing precedes it, right before hi.
// Events that no date reaches go to the trailing "undated" zone. Inside a gap,
// undated events that are ordered among themselves get successive sub-steps
// (longest path), so a story told with no dates at all still reads left to
// right, one column per ordered step.
//
// Nothing is invented: an undated event gets the label "after Oct 17 (2025)"
// only because an edge says so, and a bound stays a bound ("on or after").
// An undated event that neither precedes nor follows a dated one but lies
// inside it, around it or across it (INCLUDES, DURING, OVERLAP) shares its
// column and says which: "within", "spanning", "overlapping Oct 17 (2025)".
//
// Filtering comes last, so hidden events still carry order: if A < (hidden
// reporting verb) < B, A and B keep their columns. Identity edges merge
// mentions into one entry (the first mention represents them); columns left
// empty by the filter are dropped.
#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include <boost/range/iterator_range.hpp>

#include "graph/order.hpp"
#include "tempora/graph.hpp"

namespace tempora {

namespace {

using Vertex = TimelineGraph::Vertex;
using detail::OrderModel;

// Where a component goes: (major, phase, sub). major is 2*group+1 for a date,
// 2*k+2 for the gap after group k (phase 0: known to follow k; phase 1: only
// known to precede k+1), and 2*G+1 with phase 2 for the undated zone.
using Slot = std::tuple<int, int, int>;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// How an event relates in time to another that neither precedes nor
// follows it (INCLUDES, DURING, OVERLAP, ...), read from the first's side.
enum class Containment : std::uint8_t { none, inside, around, overlapping };

Containment containment_of(OrderRelation relation) {
  switch (relation) {
    case OrderRelation::IS_INCLUDED: case OrderRelation::DURING: case OrderRelation::BEGINS:
    case OrderRelation::ENDS:
      return Containment::inside;
    case OrderRelation::INCLUDES: case OrderRelation::DURING_INV: case OrderRelation::BEGUN_BY:
    case OrderRelation::ENDED_BY:
      return Containment::around;
    case OrderRelation::OVERLAP:
      return Containment::overlapping;
    default:
      return Containment::none;
  }
}

Containment inverse(Containment c) {
  if (c == Containment::inside) return Containment::around;
  if (c == Containment::around) return Containment::inside;
  return c;
}

// What x is to a date, x being `x_in_y` to y and y `y_in_date` to it
// (none: y is itself on that date). Inside something inside is inside, around
// something around is around; any other chain says nothing.
Containment through(Containment x_in_y, Containment y_in_date) {
  if (y_in_date == Containment::none) return x_in_y;
  return x_in_y == y_in_date && x_in_y != Containment::overlapping ? x_in_y : Containment::none;
}

struct Candidate {
  Vertex rep;
  std::vector<Vertex> mentions;
  Slot slot;
  int lo = -1, hi = 0;  // of the representative's component
};

}  // namespace

Placement place(const TimelineGraph& graph, const TimelineFilter& filter) {
  const auto& g = graph.graph();
  const OrderModel m = detail::build_order_model(graph);
  const int groups = static_cast<int>(m.groups.size());
  const auto comps = static_cast<std::size_t>(m.component_count);

  // ---- lo / hi per component ----------------------------------------------------
  std::vector<int> own(comps, -1), lo(comps, -1), hi(comps, groups);
  std::vector<bool> has_class(comps, false);
  for (int c = 0; c < m.class_count; ++c) {
    const auto comp = static_cast<std::size_t>(m.class_component[static_cast<std::size_t>(c)]);
    has_class[comp] = true;
    const int grp = m.class_group[static_cast<std::size_t>(c)];
    const detail::EventTime& t = m.class_time[static_cast<std::size_t>(c)];
    if (grp >= 0) {
      own[comp] = own[comp] < 0 ? grp : std::min(own[comp], grp);
      lo[comp] = std::max(lo[comp], grp);
      hi[comp] = std::min(hi[comp], grp);
      continue;
    }
    if (t.not_before) {  // on or after D: follows every group that starts on or before D
      int k = -1;
      while (k + 1 < groups && m.groups[static_cast<std::size_t>(k + 1)].start <= *t.not_before) ++k;
      lo[comp] = std::max(lo[comp], k);
    }
    if (t.not_after) {  // on or before D: precedes every group that ends on or after D
      int k = groups;
      while (k - 1 >= 0 && m.groups[static_cast<std::size_t>(k - 1)].end >= *t.not_after) --k;
      hi[comp] = std::min(hi[comp], k);
    }
  }
  for (const int c : m.component_order)
    for (const int s : m.component_successors[static_cast<std::size_t>(c)])
      lo[static_cast<std::size_t>(s)] = std::max(lo[static_cast<std::size_t>(s)], lo[static_cast<std::size_t>(c)]);
  for (auto it = m.component_order.rbegin(); it != m.component_order.rend(); ++it)
    for (const int s : m.component_successors[static_cast<std::size_t>(*it)])
      hi[static_cast<std::size_t>(*it)] = std::min(hi[static_cast<std::size_t>(*it)], hi[static_cast<std::size_t>(s)]);

  // ---- slots, with sub-steps for undated events ordered among themselves ---------
  std::vector<Slot> slot(comps, Slot{2 * groups + 1, 2, 0});
  for (std::size_t c = 0; c < comps; ++c) {
    if (own[c] >= 0) slot[c] = {2 * own[c] + 1, 0, 0};
    else if (lo[c] >= 0) slot[c] = {2 * lo[c] + 2, 0, 0};
    else if (hi[c] < groups) slot[c] = {2 * (hi[c] - 1) + 2, 1, 0};
  }
  for (const int c : m.component_order) {
    const auto cu = static_cast<std::size_t>(c);
    if (own[cu] >= 0 || !has_class[cu]) continue;
    for (const int s : m.component_successors[cu]) {
      const auto su = static_cast<std::size_t>(s);
      if (own[su] >= 0 || std::get<0>(slot[su]) != std::get<0>(slot[cu]) ||
          std::get<1>(slot[su]) != std::get<1>(slot[cu]))
        continue;
      std::get<2>(slot[su]) = std::max(std::get<2>(slot[su]), std::get<2>(slot[cu]) + 1);
    }
  }

  // ---- containment: an event during another shares its column -----------------------
  // "said in the interview" (IS_INCLUDED) fixes no precedence, so the order
  // model leaves it unconstrained; rather than exile it to the undated zone,
  // it joins the column of the event that contains (or overlaps) it. One
  // pass over the edges: only events that nothing else placed move.
  // What the moved event is to the one whose column it took, for its label
  // in a date's column: inside it ("within Oct 17"), around it ("spanning
  // Oct 17": "the meeting during his visit" dates the visit only that far),
  // or overlapping it.
  std::vector<Containment> moved(comps, Containment::none);
  const auto undated_zone = [&](std::size_t c) { return std::get<1>(slot[c]) == 2; };
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& edge = g[e];
    if (edge.kind != EdgeKind::order || detail::precedence_of(edge.relation) != detail::Precedence::none ||
        edge.relation == OrderRelation::VAGUE)
      continue;
    const auto a = static_cast<std::size_t>(
        m.class_component[static_cast<std::size_t>(m.event_class[boost::source(e, g)])]);
    const auto b = static_cast<std::size_t>(
        m.class_component[static_cast<std::size_t>(m.event_class[boost::target(e, g)])]);
    const Containment a_in_b = containment_of(edge.relation);
    if (undated_zone(a) && !undated_zone(b)) {
      slot[a] = slot[b], lo[a] = lo[b], hi[a] = hi[b];
      moved[a] = through(a_in_b, moved[b]);
    } else if (undated_zone(b) && !undated_zone(a)) {
      slot[b] = slot[a], lo[b] = lo[a], hi[b] = hi[a];
      moved[b] = through(inverse(a_in_b), moved[a]);
    }
  }

  // ---- identity groups ------------------------------------------------------------
  const std::vector<Vertex> events = graph.events();
  std::vector<std::size_t> same_event(events.size());
  if (filter.merge_identity) same_event = graph.identity_groups(events);
  else std::iota(same_event.begin(), same_event.end(), std::size_t{0});
  std::vector<Candidate> candidates;
  std::vector<std::size_t> candidate_of(events.size());  // group's first position -> candidates index
  const auto component_of = [&](Vertex v) {
    return static_cast<std::size_t>(m.class_component[static_cast<std::size_t>(m.event_class[v])]);
  };
  for (std::size_t k = 0; k < events.size(); ++k) {
    const Vertex v = events[k];
    const std::size_t comp = component_of(v);
    if (same_event[k] == k) {
      candidate_of[k] = candidates.size();
      candidates.push_back({v, {v}, slot[comp], lo[comp], hi[comp]});
    } else {
      Candidate& cand = candidates[candidate_of[same_event[k]]];
      cand.mentions.push_back(v);
      cand.slot = std::min(cand.slot, slot[comp]);
    }
  }

  // ---- the filter -------------------------------------------------------------------
  std::vector<std::string> actor_filter, type_filter;
  for (const auto& a : filter.actors) actor_filter.push_back(lower(a));
  for (const auto& t : filter.types) type_filter.push_back(lower(t));
  const auto keep = [&](const Candidate& cand) {
    bool newsworthy = false, type_ok = type_filter.empty(), actor_ok = actor_filter.empty();
    for (const Vertex v : cand.mentions) {
      const EventNode& ev = *g[v].event();
      newsworthy = newsworthy || ev.newsworthy;
      if (!type_ok) type_ok = std::find(type_filter.begin(), type_filter.end(), lower(ev.type)) != type_filter.end();
      if (!actor_ok) {
        for (const auto& [actor, role] : graph.participants(v)) {
          const std::string name = lower(g[actor].actor()->name);
          for (const auto& want : actor_filter)
            if (name.find(want) != std::string::npos) actor_ok = true;
        }
      }
    }
    if (!filter.all && !newsworthy) return false;
    if (!type_ok || !actor_ok) return false;
    if (filter.from || filter.to) {
      // The event may fall in [from, to] unless what we know rules it out.
      const detail::EventTime& t = m.class_time[static_cast<std::size_t>(m.event_class[cand.rep])];
      std::optional<std::chrono::sys_days> earliest, latest;
      if (t.dated) {
        earliest = t.start;
        latest = t.end;
      } else {
        if (cand.lo >= 0) earliest = m.groups[static_cast<std::size_t>(cand.lo)].start;
        if (t.not_before && (!earliest || *t.not_before > *earliest)) earliest = t.not_before;
        if (cand.hi < groups) latest = m.groups[static_cast<std::size_t>(cand.hi)].end;
        if (t.not_after && (!latest || *t.not_after < *latest)) latest = t.not_after;
      }
      if (filter.from && latest && *latest < *filter.from) return false;
      if (filter.to && earliest && *earliest > *filter.to) return false;
    }
    return true;
  };

  Placement out;
  out.contradictions = m.contradictions;
  std::vector<const Candidate*> shown;
  for (const Candidate& cand : candidates) {
    if (keep(cand)) shown.push_back(&cand);
    else ++out.hidden;
  }

  // ---- columns -----------------------------------------------------------------------
  std::set<Slot> used;
  for (const Candidate* c : shown) used.insert(c->slot);
  std::map<Slot, int> column_of;
  bool undated_steps = false;
  int undated_step = 0;
  for (const Slot& s : used)
    if (std::get<1>(s) == 2 && std::get<2>(s) > 0) undated_steps = true;
  const auto group_label = [&](int k) { return date_label(*m.groups[static_cast<std::size_t>(k)].time); };
  std::map<std::pair<int, int>, int> steps_in_gap;  // shown sub-steps so far per (major, phase)
  for (const Slot& s : used) {
    const auto [major, phase, sub] = s;
    TimelineColumn col;
    if (phase == 2) {
      col.kind = TimelineColumn::Kind::undated;
      // Numbered among the shown steps, so a filter never leaves "step 2" first.
      col.label = undated_steps ? "step " + std::to_string(++undated_step) : "undated";
    } else if (major % 2 == 1) {
      const auto& grp = m.groups[static_cast<std::size_t>(major / 2)];
      col.kind = TimelineColumn::Kind::date;
      col.label = date_label(*grp.time);
      col.earliest = grp.start;
      col.latest = grp.end;
    } else {
      const int after = major / 2 - 1;  // the gap follows this group (-1: before the first)
      col.kind = TimelineColumn::Kind::between;
      if (phase == 0 && after >= 0) col.label = "after " + group_label(after);
      else col.label = "before " + group_label(after + 1);
      // Ordered sub-steps of one gap, numbered among the shown ones so that
      // no two columns read alike and a filter leaves no gaps in the count.
      if (const int step = ++steps_in_gap[{major, phase}]; step > 1) col.label += ", step " + std::to_string(step);
      if (after >= 0 && phase == 0) col.earliest = m.groups[static_cast<std::size_t>(after)].start;
      if (after + 1 < groups) col.latest = m.groups[static_cast<std::size_t>(after + 1)].end;
    }
    column_of.emplace(s, static_cast<int>(out.columns.size()));
    out.columns.push_back(std::move(col));
  }

  // ---- placed events ---------------------------------------------------------------------
  std::vector<int> placed_of(boost::num_vertices(g), -1);
  for (const Candidate* cand : shown) {
    PlacedEvent p;
    p.event = cand->rep;
    p.mentions = cand->mentions;
    p.column = column_of.at(cand->slot);
    const std::size_t comp = component_of(cand->rep);
    p.in_contradiction = m.component_contradiction[comp];
    const detail::EventTime& t = m.class_time[static_cast<std::size_t>(m.event_class[cand->rep])];
    p.dated = t.dated;
    if (t.dated) {
      p.date_label = date_label(*t.time);
    } else if (t.not_before && t.not_after) {
      // Bounded on both sides by the same day: within that day.
      const std::string from = date_label(*t.after_time), to = date_label(*t.before_time);
      p.date_label = from == to ? from : "between " + from + " and " + to;
    } else if (t.not_before) {
      p.date_label = "on or after " + date_label(*t.after_time);
    } else if (t.not_after) {
      p.date_label = "on or before " + date_label(*t.before_time);
    } else if (t.year_unknown) {
      p.date_label = date_label(*t.year_unknown) + ", year unknown";  // no DCT: "Mar 12, year unknown"
    } else {
      const TimelineColumn& col = out.columns[static_cast<std::size_t>(p.column)];
      p.date_label = col.kind == TimelineColumn::Kind::between ? col.label : "undated";
      if (col.kind == TimelineColumn::Kind::date) {
        switch (moved[comp]) {
          case Containment::inside: p.date_label = "within " + col.label; break;
          case Containment::around: p.date_label = "spanning " + col.label; break;
          case Containment::overlapping: p.date_label = "overlapping " + col.label; break;
          case Containment::none: break;
        }
      }
      if (const auto pos = p.date_label.find(", step "); pos != std::string::npos) p.date_label.erase(pos);
    }
    out.events.push_back(std::move(p));
  }
  std::stable_sort(out.events.begin(), out.events.end(), [](const PlacedEvent& a, const PlacedEvent& b) {
    return std::tie(a.column, a.event) < std::tie(b.column, b.event);
  });
  for (std::size_t i = 0; i < out.events.size(); ++i) {
    PlacedEvent& p = out.events[i];
    p.row = i > 0 && out.events[i - 1].column == p.column ? out.events[i - 1].row + 1 : 0;
    for (const Vertex v : p.mentions) placed_of[v] = static_cast<int>(i);
  }

  // ---- order edges to draw -------------------------------------------------------------------
  const std::set<std::pair<int, int>> drawn(m.drawn_arcs.begin(), m.drawn_arcs.end());
  std::map<std::tuple<int, int, OrderRelation>, std::size_t> seen;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& edge = g[e];
    if (edge.kind != EdgeKind::order) continue;
    Vertex a = boost::source(e, g), b = boost::target(e, g);
    int pa = placed_of[a], pb = placed_of[b];
    if (pa < 0 || pb < 0 || pa == pb) continue;
    OrderRelation rel = edge.relation;
    bool contradiction = false;
    const detail::Precedence prec = detail::precedence_of(rel);
    if (prec == detail::Precedence::backward) {
      std::swap(a, b);
      std::swap(pa, pb);
      rel = rel == OrderRelation::IAFTER ? OrderRelation::IBEFORE : OrderRelation::BEFORE;
    }
    if (prec == detail::Precedence::forward || prec == detail::Precedence::backward) {
      const auto ca = static_cast<int>(component_of(a)), cb = static_cast<int>(component_of(b));
      if (ca == cb) contradiction = true;
      else if (!drawn.contains({ca, cb})) continue;  // implied by a path of other edges
    }
    const auto key = std::make_tuple(pa, pb, rel);
    if (const auto it = seen.find(key); it != seen.end()) {
      PlacedOrder& old = out.order[it->second];
      if (old.inferred && !edge.inferred) {
        old.inferred = false;
        old.evidence = edge.evidence;
      }
      old.confidence = std::max(old.confidence, edge.confidence);
      continue;
    }
    seen.emplace(key, out.order.size());
    out.order.push_back({pa, pb, rel, edge.inferred, contradiction, edge.confidence, edge.evidence});
  }
  return out;
}

}  // namespace tempora

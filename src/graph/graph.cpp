// The timeline graph's builder calls and the names of its enumerations.
//
// The graph is a plain boost::adjacency_list (vecS vertices, so a vertex is
// its index and stays valid: nothing is ever removed). Ids map to vertices in
// a hash table so the later stages can link by the ids they already use
// ("e3", "t1"). The builder checks node kinds on every link, because a
// participation edge from a time or an order edge to an actor would only
// surface much later as a confusing picture.
//
// Date labels follow one rule: print what the text stated, put what tempora
// inferred in parentheses. "October 17" read in an article of 2025-10-20
// becomes "Oct 17 (2025)"; "Friday" resolved to a day becomes "(Oct 17) 2025"
// when the year was stated somewhere, "(Oct 17, 2025)" when nothing was.
#include "tempora/graph.hpp"

#include <array>
#include <unordered_map>
#include <algorithm>

#include <fmt/format.h>

namespace tempora {

namespace {

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(std::string_view name, const std::array<std::string_view, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  return std::nullopt;
}

constexpr std::array<std::string_view, 7> kGranularities{"day",  "week",   "month",  "quarter",
                                                         "year", "decade", "unknown"};
constexpr std::array<std::string_view, 3> kNodeKinds{"event", "actor", "time"};
constexpr std::array<std::string_view, 4> kEdgeKinds{"participation", "anchoring", "order", "identity"};
constexpr std::array<std::string_view, 4> kAnchors{"at", "within", "on-or-after", "on-or-before"};
constexpr std::array<std::string_view, 15> kRelations{
    "BEFORE",       "AFTER",  "IBEFORE",  "IAFTER", "INCLUDES", "IS_INCLUDED", "DURING", "DURING_INV",
    "SIMULTANEOUS", "BEGINS", "BEGUN_BY", "ENDS",   "ENDED_BY", "OVERLAP",     "VAGUE"};

constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "Oct 17, 2025" with the inferred parts in parentheses. Adjacent inferred
// parts share one pair of parentheses.
std::string format_parts(std::optional<unsigned> month, std::optional<unsigned> day,
                         std::optional<int> year, InferredParts inferred) {
  struct Part {
    std::string text;
    bool inferred;
  };
  std::vector<Part> parts;
  std::string month_day;
  if (month && *month >= 1 && *month <= 12) month_day = std::string(kMonths[*month - 1]);
  if (day) month_day += fmt::format("{}{}", month_day.empty() ? "" : " ", *day);
  if (!month_day.empty()) parts.push_back({month_day, (month && inferred.month) || (day && inferred.day)});
  if (year) parts.push_back({fmt::format("{}", *year), inferred.year});

  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const bool open = parts[i].inferred && (i == 0 || !parts[i - 1].inferred);
    const bool close = parts[i].inferred && (i + 1 == parts.size() || !parts[i + 1].inferred);
    if (i > 0) {
      // "Oct 17, 2025" when all stated; "Oct 17 (2025)" / "(Oct 17, 2025)" otherwise.
      const bool comma = !(parts[i].inferred != parts[i - 1].inferred);
      out += comma && day ? ", " : " ";
    }
    if (open) out += '(';
    out += parts[i].text;
    if (close) out += ')';
  }
  return out;
}

}  // namespace

std::string_view to_string(TimeGranularity g) { return kGranularities.at(static_cast<std::size_t>(g)); }
std::string_view to_string(NodeKind kind) { return kNodeKinds.at(static_cast<std::size_t>(kind)); }
std::string_view to_string(EdgeKind kind) { return kEdgeKinds.at(static_cast<std::size_t>(kind)); }
std::string_view to_string(Anchor anchor) { return kAnchors.at(static_cast<std::size_t>(anchor)); }
std::optional<Anchor> parse_anchor(std::string_view name) { return parse_name<Anchor>(name, kAnchors); }
std::string_view to_string(OrderRelation r) { return kRelations.at(static_cast<std::size_t>(r)); }
std::optional<OrderRelation> parse_order_relation(std::string_view name) {
  return parse_name<OrderRelation>(name, kRelations);
}

// ---- time nodes and their labels ----------------------------------------------

TimeNode TimeNode::day(std::string id, std::chrono::year_month_day ymd, InferredParts inferred) {
  TimeNode t;
  t.id = std::move(id);
  t.value = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                        static_cast<unsigned>(ymd.day()));
  t.start = t.end = std::chrono::sys_days(ymd);
  t.granularity = TimeGranularity::day;
  t.inferred = inferred;
  return t;
}

TimeNode TimeNode::month(std::string id, std::chrono::year_month ym, InferredParts inferred) {
  TimeNode t;
  t.id = std::move(id);
  t.value = fmt::format("{:04}-{:02}", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
  t.start = std::chrono::sys_days(ym / std::chrono::day{1});
  t.end = std::chrono::sys_days(ym / std::chrono::last);
  t.granularity = TimeGranularity::month;
  t.inferred = inferred;
  return t;
}

std::string date_label(std::chrono::sys_days day, InferredParts inferred) {
  const std::chrono::year_month_day ymd{day};
  return format_parts(static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                      static_cast<int>(ymd.year()), inferred);
}

std::string date_label(const TimeNode& time) {
  using namespace std::chrono;
  if (time.has_interval()) {
    const year_month_day a{*time.start}, b{*time.end};
    const int year = static_cast<int>(a.year());
    if (*time.start == *time.end) return date_label(*time.start, time.inferred);
    const bool whole_month = a.day() == day{1} && b == year_month_day{a.year() / a.month() / last};
    if (whole_month) return format_parts(static_cast<unsigned>(a.month()), std::nullopt, year, time.inferred);
    const bool whole_year = a.month() == January && a.day() == day{1} && b.year() == a.year() &&
                            b.month() == December && b.day() == day{31};
    if (whole_year) return format_parts(std::nullopt, std::nullopt, year, time.inferred);
    return fmt::format("{} – {}", date_label(*time.start, time.inferred), date_label(*time.end, time.inferred));
  }
  // No interval: read what the value states ("XXXX-10-17" -> "Oct 17").
  const std::string_view v = time.value;
  const auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    if (v.size() < pos + len) return std::nullopt;
    int n = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (v[i] < '0' || v[i] > '9') return std::nullopt;
      n = n * 10 + (v[i] - '0');
    }
    return n;
  };
  if (v.size() >= 7 && v[4] == '-') {
    const auto year = number(0, 4);
    const auto month = number(5, 2);
    const auto dd = v.size() >= 10 && v[7] == '-' ? number(8, 2) : std::nullopt;
    if (month && *month >= 1 && *month <= 12) {
      return format_parts(static_cast<unsigned>(*month),
                          dd ? std::optional<unsigned>(static_cast<unsigned>(*dd)) : std::nullopt, year,
                          time.inferred);
    }
  }
  if (!time.value.empty()) return time.value;
  return time.text;
}

// ---- nodes ------------------------------------------------------------------------

const std::string& Node::id() const {
  return std::visit([](const auto& node) -> const std::string& { return node.id; }, data);
}

// ---- the builder --------------------------------------------------------------------

TimelineGraph::Vertex TimelineGraph::add_node(Node node, char prefix) {
  std::string& id = std::visit([](auto& n) -> std::string& { return n.id; }, node.data);
  if (id.empty()) {
    // A fresh id that no caller used: the prefix and the vertex number, bumped
    // past any caller-chosen id that happens to look the same.
    for (std::size_t n = num_vertices(graph_) + 1;; ++n) {
      id = fmt::format("{}{}", prefix, n);
      if (!ids_.contains(id)) break;
    }
  } else if (ids_.contains(id)) {
    throw std::invalid_argument(fmt::format("timeline graph: duplicate node id '{}'", id));
  }
  std::string key = id;
  const Vertex v = boost::add_vertex(std::move(node), graph_);
  ids_.emplace(std::move(key), v);
  return v;
}

TimelineGraph::Vertex TimelineGraph::add_event(EventNode event) { return add_node(Node{std::move(event)}, 'e'); }
TimelineGraph::Vertex TimelineGraph::add_actor(ActorNode actor) { return add_node(Node{std::move(actor)}, 'a'); }
TimelineGraph::Vertex TimelineGraph::add_time(TimeNode time) { return add_node(Node{std::move(time)}, 't'); }

void TimelineGraph::require(Vertex v, NodeKind kind, std::string_view what) const {
  if (v >= num_vertices(graph_))
    throw std::invalid_argument(fmt::format("timeline graph: {} is not a vertex of this graph", what));
  if (graph_[v].kind() != kind)
    throw std::invalid_argument(fmt::format("timeline graph: {} '{}' is a {}, expected a {}", what,
                                            graph_[v].id(), to_string(graph_[v].kind()), to_string(kind)));
}

namespace {
double clamp_confidence(double c) { return c >= 0.0 && c <= 1.0 ? c : (c > 1.0 ? 1.0 : 0.0); }
}  // namespace

TimelineGraph::EdgeId TimelineGraph::add_participation(Vertex event, Vertex actor, Role role, double confidence) {
  require(event, NodeKind::event, "participation source");
  require(actor, NodeKind::actor, "participation target");
  Edge e;
  e.kind = EdgeKind::participation;
  e.role = role;
  e.confidence = clamp_confidence(confidence);
  return boost::add_edge(event, actor, std::move(e), graph_).first;
}

TimelineGraph::EdgeId TimelineGraph::add_anchoring(Vertex event, Vertex time, Anchor anchor, std::string evidence,
                                                   double confidence, bool inferred) {
  require(event, NodeKind::event, "anchoring source");
  require(time, NodeKind::time, "anchoring target");
  Edge e;
  e.kind = EdgeKind::anchoring;
  e.anchor = anchor;
  e.evidence = std::move(evidence);
  e.confidence = clamp_confidence(confidence);
  e.inferred = inferred;
  return boost::add_edge(event, time, std::move(e), graph_).first;
}

TimelineGraph::EdgeId TimelineGraph::add_order(Vertex from, Vertex to, OrderRelation relation, std::string evidence,
                                               double confidence, bool inferred) {
  require(from, NodeKind::event, "order source");
  require(to, NodeKind::event, "order target");
  Edge e;
  e.kind = EdgeKind::order;
  e.relation = relation;
  e.evidence = std::move(evidence);
  e.confidence = clamp_confidence(confidence);
  e.inferred = inferred;
  return boost::add_edge(from, to, std::move(e), graph_).first;
}

TimelineGraph::EdgeId TimelineGraph::add_identity(Vertex from, Vertex to, std::string evidence, double confidence) {
  require(from, NodeKind::event, "identity source");
  require(to, NodeKind::event, "identity target");
  Edge e;
  e.kind = EdgeKind::identity;
  e.relation = OrderRelation::SIMULTANEOUS;
  e.evidence = std::move(evidence);
  e.confidence = clamp_confidence(confidence);
  return boost::add_edge(from, to, std::move(e), graph_).first;
}

void TimelineGraph::set_label(Vertex event, std::string label) {
  require(event, NodeKind::event, "relabelled node");
  std::get<EventNode>(graph_[event].data).label = std::move(label);
}

std::optional<TimelineGraph::Vertex> TimelineGraph::find(std::string_view id) const {
  const auto it = ids_.find(std::string(id));
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

std::vector<TimelineGraph::Vertex> TimelineGraph::events() const {
  std::vector<Vertex> out;
  for (const Vertex v : boost::make_iterator_range(boost::vertices(graph_)))
    if (graph_[v].kind() == NodeKind::event) out.push_back(v);
  return out;
}

std::vector<TimelineGraph::Vertex> TimelineGraph::actors() const {
  std::vector<Vertex> out;
  for (const Vertex v : boost::make_iterator_range(boost::vertices(graph_)))
    if (graph_[v].kind() == NodeKind::actor) out.push_back(v);
  return out;
}

std::vector<std::pair<TimelineGraph::Vertex, Role>> TimelineGraph::participants(Vertex event) const {
  std::vector<std::pair<Vertex, Role>> out;
  for (const EdgeId e : boost::make_iterator_range(boost::out_edges(event, graph_)))
    if (graph_[e].kind == EdgeKind::participation) out.emplace_back(boost::target(e, graph_), graph_[e].role);
  return out;
}

std::vector<std::size_t> TimelineGraph::identity_groups(const std::vector<Vertex>& events) const {
  std::unordered_map<Vertex, std::size_t> position;
  for (std::size_t i = 0; i < events.size(); ++i) position.emplace(events[i], i);
  // Union-find whose root is always the group's first position.
  std::vector<std::size_t> first(events.size());
  for (std::size_t i = 0; i < first.size(); ++i) first[i] = i;
  const auto root = [&](std::size_t i) {
    while (first[i] != i) i = first[i] = first[first[i]];
    return i;
  };
  for (std::size_t i = 0; i < events.size(); ++i)
    for (const EdgeId e : boost::make_iterator_range(boost::out_edges(events[i], graph_))) {
      if (graph_[e].kind != EdgeKind::identity) continue;
      const auto other = position.find(boost::target(e, graph_));
      if (other == position.end()) continue;
      const std::size_t a = root(i), b = root(other->second);
      first[std::max(a, b)] = std::min(a, b);
    }
  for (std::size_t i = 0; i < first.size(); ++i) first[i] = root(i);
  return first;
}

std::vector<TimelineGraph::EdgeId> TimelineGraph::anchors(Vertex event) const {
  std::vector<EdgeId> out;
  for (const EdgeId e : boost::make_iterator_range(boost::out_edges(event, graph_)))
    if (graph_[e].kind == EdgeKind::anchoring) out.push_back(e);
  return out;
}

}  // namespace tempora

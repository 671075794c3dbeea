// tempora::TimelineGraph: what happened, who took part, when, and in which
// order, as one Boost.Graph adjacency_list with bundled properties.
//
// Three kinds of node and four kinds of edge:
//
//   event  --participation(role)-->  actor      Zelensky is the agent of MEET
//   event  --anchoring(at/within/on-or-after/on-or-before)-->  time
//   event  --order(BEFORE, INCLUDES, ...; evidence, confidence, inferred)--> event
//   event  --identity-->  event                 the same meeting reported twice
//
// The later pipeline stages (events, actors, relations) fill the graph through
// the plain builder calls below; nothing here reads a Document. Placement in
// time (place()) and drawing (tempora/render.hpp) read the graph only.
//
//   TimelineGraph g;
//   auto meet = g.add_event({.id = "e1", .type = "MEET", .trigger = "meeting",
//                            .label = "Zelensky meets Trump"});
//   auto zel  = g.add_actor({.id = "a1", .name = "Zelensky", .type = ActorType::PERSON});
//   auto oct17 = g.add_time(TimeNode::day("t1", 2025y/10/17, {.year = true}));
//   g.add_participation(meet, zel, Role::agent);
//   g.add_anchoring(meet, oct17, Anchor::at);
//   auto plan = place(g);                       // columns and date labels
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "tempora/actor.hpp"  // ActorType, Role
#include "tempora/event.hpp"  // Factuality

namespace tempora {

// ---- nodes -------------------------------------------------------------------

struct EventNode {
  std::string id;
  std::string type;     // MEET, SAY, VISIT, ... (the event stage's type inventory)
  std::string trigger;  // the words in the text: "meeting", "posted"
  std::string label;    // human label: "Zelensky meets Trump — White House"
  bool newsworthy = true;  // false for reporting verbs and states ("said", "is afraid")
  std::vector<std::string> documents;      // source document ids
  std::optional<std::uint32_t> sentence;   // sentence index in the (first) document
  Factuality factuality = Factuality::ASSERTED;  // of the (first) mention
};

struct ActorNode {
  std::string id;
  std::string name;  // canonical name: "Donald Trump"
  ActorType type = ActorType::PERSON;
};

enum class TimeGranularity : std::uint8_t { day, week, month, quarter, year, decade, unknown };
std::string_view to_string(TimeGranularity granularity);

// Which parts of a date the text did not state ("October 17" -> year inferred
// from the document creation time).
struct InferredParts {
  bool year = false;
  bool month = false;
  bool day = false;
  friend bool operator==(InferredParts, InferredParts) = default;
};

struct TimeNode {
  std::string id;
  std::string value;  // TIMEX3-like: "2025-10-17", "XXXX-10-17", "2025-W42", "2025-10"
  std::string text;   // surface text when known: "October 17"
  // The calendar interval [start, end] (both days included) when known.
  std::optional<std::chrono::sys_days> start;
  std::optional<std::chrono::sys_days> end;
  TimeGranularity granularity = TimeGranularity::unknown;
  InferredParts inferred;

  // A single day; value is the ISO date.
  static TimeNode day(std::string id, std::chrono::year_month_day ymd, InferredParts inferred = {});
  // A whole month; value is "YYYY-MM".
  static TimeNode month(std::string id, std::chrono::year_month ym, InferredParts inferred = {});
  bool has_interval() const { return start.has_value() && end.has_value(); }
};

// How an event is printed on a time: "Oct 17 (2025)" when the year is inferred,
// "Oct 17, 2025" when stated, "Oct 2025", "2025", "Oct 17" (year unknown,
// value XXXX-10-17), or the raw value when nothing better is known.
std::string date_label(const TimeNode& time);
// The same for a bare day with the given inferred parts.
std::string date_label(std::chrono::sys_days day, InferredParts inferred = {});

enum class NodeKind : std::uint8_t { event, actor, time };
std::string_view to_string(NodeKind kind);

// The bundled vertex property: one of the three node kinds.
struct Node {
  std::variant<EventNode, ActorNode, TimeNode> data;

  NodeKind kind() const { return static_cast<NodeKind>(data.index()); }
  const std::string& id() const;
  const EventNode* event() const { return std::get_if<EventNode>(&data); }
  const ActorNode* actor() const { return std::get_if<ActorNode>(&data); }
  const TimeNode* time() const { return std::get_if<TimeNode>(&data); }
};

// ---- edges -------------------------------------------------------------------

enum class EdgeKind : std::uint8_t { participation, anchoring, order, identity };
std::string_view to_string(EdgeKind kind);

// How an event sits on a time: at (the time is the event's date), within (the
// event happened somewhere inside the time), or bounded on one side.
enum class Anchor : std::uint8_t { at, within, on_or_after, on_or_before };
std::string_view to_string(Anchor anchor);  // "at", "within", "on-or-after", "on-or-before"
std::optional<Anchor> parse_anchor(std::string_view name);

// TimeML TLINK relation types, read "source REL target".
enum class OrderRelation : std::uint8_t {
  BEFORE, AFTER, IBEFORE, IAFTER, INCLUDES, IS_INCLUDED, DURING, DURING_INV,
  SIMULTANEOUS, BEGINS, BEGUN_BY, ENDS, ENDED_BY, OVERLAP, VAGUE
};
std::string_view to_string(OrderRelation relation);
std::optional<OrderRelation> parse_order_relation(std::string_view name);

// The bundled edge property. Fields that do not apply to `kind` keep their
// defaults (role only for participation, anchor only for anchoring, ...).
struct Edge {
  EdgeKind kind = EdgeKind::order;
  Role role = Role::other;
  Anchor anchor = Anchor::at;
  OrderRelation relation = OrderRelation::VAGUE;
  std::string evidence;     // why: "After the meeting", "tense", "DCT"
  double confidence = 1.0;  // 0..1
  bool inferred = false;    // false: the text states it; true: a rule or closure derived it
};

// ---- the graph -----------------------------------------------------------------

class TimelineGraph {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
  using Vertex = Graph::vertex_descriptor;
  using EdgeId = Graph::edge_descriptor;

  // Adding a node whose id is already used throws std::invalid_argument; use
  // find() first to reuse a node. An empty id gets a fresh one ("e12", "a3", "t4").
  Vertex add_event(EventNode event);
  Vertex add_actor(ActorNode actor);
  Vertex add_time(TimeNode time);

  // The link calls check the node kinds and throw std::invalid_argument on a
  // mismatch (an actor anchored to a time, an order edge to an actor, ...).
  EdgeId add_participation(Vertex event, Vertex actor, Role role, double confidence = 1.0);
  EdgeId add_anchoring(Vertex event, Vertex time, Anchor anchor, std::string evidence = {},
                       double confidence = 1.0, bool inferred = false);
  // "from relation to": add_order(post, meet, AFTER, "After the meeting").
  EdgeId add_order(Vertex from, Vertex to, OrderRelation relation, std::string evidence = {},
                   double confidence = 1.0, bool inferred = false);
  // from and to are two mentions of one real-world event.
  EdgeId add_identity(Vertex from, Vertex to, std::string evidence = {}, double confidence = 1.0);
  // Replaces an event's label (a builder that learns more about an event
  // once its mentions are merged, e.g. where it took place).
  void set_label(Vertex event, std::string label);

  std::optional<Vertex> find(std::string_view id) const;
  const Node& operator[](Vertex v) const { return graph_[v]; }
  const Edge& operator[](EdgeId e) const { return graph_[e]; }
  const Graph& graph() const { return graph_; }
  std::size_t size() const { return boost::num_vertices(graph_); }

  std::vector<Vertex> events() const;  // in insertion order
  std::vector<Vertex> actors() const;
  // Actors of an event with their roles, in insertion order.
  std::vector<std::pair<Vertex, Role>> participants(Vertex event) const;
  // The anchoring edges of an event.
  std::vector<EdgeId> anchors(Vertex event) const;
  // Mentions of one event: for each of `events`, the position in `events` of
  // the first of them it is joined to by identity edges, directly or through
  // other listed events (its own position when it stands alone).
  std::vector<std::size_t> identity_groups(const std::vector<Vertex>& events) const;

 private:
  Vertex add_node(Node node, char prefix);
  void require(Vertex v, NodeKind kind, std::string_view what) const;

  Graph graph_;
  std::unordered_map<std::string, Vertex> ids_;
};

// ---- order analysis -----------------------------------------------------------

// Sets of events whose order is circular: A before B before A, A before B
// while A and B are simultaneous or the same event, or a stated order that
// contradicts the events' dates (A before B, but A is on Oct 20 and B on
// Oct 17). Found as the strong components of the precedence graph; each set
// is sorted by vertex, the sets by their first vertex.
std::vector<std::vector<TimelineGraph::Vertex>> contradiction_cycles(const TimelineGraph& graph);

// ---- placement in time -----------------------------------------------------------

struct TimelineFilter {
  bool all = false;             // also show non-newsworthy events (reporting verbs, states)
  bool merge_identity = true;   // one entry for mentions linked by identity edges
  std::vector<std::string> actors;  // keep events with a participant of one of these names
                                    // (case-insensitive substring of the canonical name)
  std::vector<std::string> types;   // keep events of these types (case-insensitive)
  std::optional<std::chrono::sys_days> from;  // keep events that may fall in [from, to]
  std::optional<std::chrono::sys_days> to;
};

struct TimelineColumn {
  enum class Kind : std::uint8_t {
    date,     // events on a known date or interval
    between,  // undated events ordered after the previous and before the next column
    undated   // events with no date and no order to a dated event
  };
  Kind kind = Kind::date;
  std::string label;  // "Oct 17 (2025)", "after Oct 17 (2025)", "undated"
  // What the column's events may span: the date interval, or the open gap
  // between the neighbouring dated columns (unset when unbounded).
  std::optional<std::chrono::sys_days> earliest;
  std::optional<std::chrono::sys_days> latest;
};

struct PlacedEvent {
  TimelineGraph::Vertex event;                  // the representative mention
  std::vector<TimelineGraph::Vertex> mentions;  // all merged mentions, representative first
  int column = 0;      // index into Placement::columns, left to right
  int row = 0;         // position inside the column, top to bottom
  std::string date_label;  // "Oct 17 (2025)", "on or after Oct 17 (2025)", "spanning Oct 17 (2025)", "undated"
  bool dated = false;      // anchored at or within a time with a known interval
  bool in_contradiction = false;
};

// An order edge worth drawing between two shown events. Precedence relations
// are turned to read "earlier -> later" (an AFTER edge is flipped, relation
// becomes BEFORE); edges implied by others (A<B, B<C make A<C) are dropped.
struct PlacedOrder {
  int from = 0;  // index into Placement::events
  int to = 0;
  OrderRelation relation = OrderRelation::BEFORE;
  bool inferred = false;
  bool contradiction = false;  // part of a contradiction cycle
  double confidence = 1.0;
  std::string evidence;
};

struct Placement {
  std::vector<TimelineColumn> columns;
  std::vector<PlacedEvent> events;  // sorted by column, then row
  std::vector<std::vector<TimelineGraph::Vertex>> contradictions;  // from analyze_order
  std::vector<PlacedOrder> order;  // order edges between shown events, transitively reduced
  std::size_t hidden = 0;  // events the filter removed (merged mentions not counted)
};

// Places every event of the graph on the calendar (dated events by their
// interval) and between the dated ones (undated events, by the order edges),
// then applies the filter and drops the columns left empty.
Placement place(const TimelineGraph& graph, const TimelineFilter& filter = {});

}  // namespace tempora

// Internal: the precedence model that placement and contradiction detection
// share. See order.cpp for how it is built.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "tempora/graph.hpp"

namespace tempora::detail {

// What the anchoring edges say about one event or simultaneity class.
struct EventTime {
  bool dated = false;  // anchored at/within a time with a known interval
  std::chrono::sys_days start{}, end{};
  const TimeNode* time = nullptr;  // the time that dates it (for the label)
  // Without a DCT: the time it is on when that time has no interval ("March
  // 12" as XXXX-03-12). It labels the event; it cannot place it in a column.
  const TimeNode* year_unknown = nullptr;
  std::optional<std::chrono::sys_days> not_before;  // on-or-after bound
  std::optional<std::chrono::sys_days> not_after;   // on-or-before bound
  const TimeNode* after_time = nullptr;
  const TimeNode* before_time = nullptr;
};

// A distinct date interval of dated classes; groups are sorted by (start, end).
struct DateGroup {
  std::chrono::sys_days start{}, end{};
  const TimeNode* time = nullptr;
};

// True when the relation, read "a REL b", says a ends before b starts, or
// (flipped) b before a. Relations that fix no precedence return nullopt.
enum class Precedence { forward, backward, same, none };
Precedence precedence_of(OrderRelation relation);

struct OrderModel {
  using Vertex = TimelineGraph::Vertex;

  std::vector<EventTime> event_time;  // per vertex (default for non-events)

  // Simultaneity classes: SIMULTANEOUS and identity edges, connected components.
  std::vector<int> event_class;  // per vertex, -1 for actors and times
  int class_count = 0;
  std::vector<EventTime> class_time;  // per class: the first dated member's time and the tightest bounds
  std::vector<int> class_group;       // per class: index into groups, -1 when undated
  std::vector<DateGroup> groups;

  // Strong components of the precedence graph (class arcs + date arcs).
  std::vector<int> class_component;  // per class
  int component_count = 0;
  std::vector<int> component_order;  // components in topological order
  std::vector<std::vector<int>> component_successors;  // full precedence DAG between components
  std::vector<bool> component_contradiction;
  std::vector<std::vector<Vertex>> contradictions;

  // Pairs of components linked by order edges (dates excluded), transitively
  // reduced when the graph is small enough for the quadratic reduction.
  std::vector<std::pair<int, int>> drawn_arcs;
};

OrderModel build_order_model(const TimelineGraph& graph);

}  // namespace tempora::detail

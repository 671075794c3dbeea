// The JSON export: the whole graph (every node and edge, unfiltered, so other
// tools can apply their own filters) and the placement (what the picture
// shows). Schema and an example: docs/graph-json.md. Node references are the
// node ids, never vertex numbers, so the file stands on its own. Dates are ISO
// 8601 strings. Text is valid UTF-8 by construction (the Document repairs its
// input), but the dump replaces any invalid byte rather than throw.
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "tempora/render.hpp"

namespace tempora {

namespace {

// Keys in schema order, not alphabetical, so the file reads top-down.
using json = nlohmann::ordered_json;

json iso(std::optional<std::chrono::sys_days> day) {
  if (!day) return nullptr;
  const std::chrono::year_month_day ymd{*day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string_view column_kind(TimelineColumn::Kind kind) {
  switch (kind) {
    case TimelineColumn::Kind::date: return "date";
    case TimelineColumn::Kind::between: return "between";
    case TimelineColumn::Kind::undated: return "undated";
  }
  return "undated";
}

json node_json(const Node& node) {
  json j;
  j["id"] = node.id();
  j["kind"] = to_string(node.kind());
  if (const EventNode* e = node.event()) {
    j["type"] = e->type;
    j["trigger"] = e->trigger;
    j["label"] = e->label;
    j["newsworthy"] = e->newsworthy;
    j["factuality"] = to_string(e->factuality);
    j["documents"] = e->documents;
    j["sentence"] = e->sentence ? json(*e->sentence) : json(nullptr);
  } else if (const ActorNode* a = node.actor()) {
    j["name"] = a->name;
    j["type"] = to_string(a->type);
  } else if (const TimeNode* t = node.time()) {
    j["value"] = t->value;
    j["text"] = t->text;
    j["start"] = iso(t->start);
    j["end"] = iso(t->end);
    j["granularity"] = to_string(t->granularity);
    j["inferred"] = {{"year", t->inferred.year}, {"month", t->inferred.month}, {"day", t->inferred.day}};
    j["label"] = date_label(*t);
  }
  return j;
}

}  // namespace

std::string to_json(const TimelineGraph& graph, const Placement& placement) {
  const auto& g = graph.graph();
  json root;
  root["schema"] = "tempora-timeline/1";

  json nodes = json::array();
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) nodes.push_back(node_json(g[v]));
  root["nodes"] = std::move(nodes);

  json edges = json::array();
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& edge = g[e];
    json j;
    j["source"] = g[boost::source(e, g)].id();
    j["target"] = g[boost::target(e, g)].id();
    j["kind"] = to_string(edge.kind);
    switch (edge.kind) {
      case EdgeKind::participation: j["role"] = to_string(edge.role); break;
      case EdgeKind::anchoring: j["anchor"] = to_string(edge.anchor); break;
      case EdgeKind::order: j["relation"] = to_string(edge.relation); break;
      case EdgeKind::identity: break;
    }
    j["evidence"] = edge.evidence;
    j["confidence"] = edge.confidence;
    j["inferred"] = edge.inferred;
    edges.push_back(std::move(j));
  }
  root["edges"] = std::move(edges);

  json columns = json::array();
  for (std::size_t c = 0; c < placement.columns.size(); ++c) {
    const TimelineColumn& col = placement.columns[c];
    columns.push_back({{"index", c},
                       {"kind", column_kind(col.kind)},
                       {"label", col.label},
                       {"earliest", iso(col.earliest)},
                       {"latest", iso(col.latest)}});
  }
  json events = json::array();
  for (const PlacedEvent& p : placement.events) {
    json mentions = json::array();
    for (const auto m : p.mentions) mentions.push_back(g[m].id());
    events.push_back({{"id", g[p.event].id()},
                      {"mentions", std::move(mentions)},
                      {"column", p.column},
                      {"row", p.row},
                      {"date_label", p.date_label},
                      {"dated", p.dated},
                      {"in_contradiction", p.in_contradiction}});
  }
  json order = json::array();
  for (const PlacedOrder& o : placement.order) {
    order.push_back({{"from", g[placement.events[static_cast<std::size_t>(o.from)].event].id()},
                     {"to", g[placement.events[static_cast<std::size_t>(o.to)].event].id()},
                     {"relation", to_string(o.relation)},
                     {"inferred", o.inferred},
                     {"contradiction", o.contradiction},
                     {"confidence", o.confidence},
                     {"evidence", o.evidence}});
  }
  json contradictions = json::array();
  for (const auto& cycle : placement.contradictions) {
    json ids = json::array();
    for (const auto v : cycle) ids.push_back(g[v].id());
    contradictions.push_back(std::move(ids));
  }
  root["placement"] = {{"columns", std::move(columns)},
                       {"events", std::move(events)},
                       {"order", std::move(order)},
                       {"contradictions", std::move(contradictions)},
                       {"hidden", placement.hidden}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace tempora

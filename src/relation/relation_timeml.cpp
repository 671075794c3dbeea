// The TemporalLinks layer written out (see relation_timeml.hpp).
#include "relation/relation_timeml.hpp"

#include <map>
#include <string>

#include <date/date.h>
#include <fmt/format.h>

#include "tempora/timex.hpp"

namespace tempora::timeml {

namespace {

// Event id -> eiid.
std::map<std::string, std::string, std::less<>> instances(const Events& events) {
  std::map<std::string, std::string, std::less<>> out;
  for (const EventMention& m : events.events) out.emplace(m.id, m.eiid.empty() ? "ei" + m.id.substr(1) : m.eiid);
  return out;
}

std::string iso(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<date::days>(t);
  const auto time = t - day;
  if (time == std::chrono::seconds(0)) return date::format("%F", date::sys_days{day});
  return date::format("%FT%H:%M", date::sys_seconds{t});
}

}  // namespace

std::vector<Element> tlink_elements(const TemporalLinks& links, const Events& events, bool start_points) {
  const auto eiid = instances(events);
  std::vector<Element> out;
  for (const TemporalLinkRecord& l : links.links) {
    if (!l.kept) continue;
    std::optional<RelType> type = l.type;
    if (type == RelType::starts_before || type == RelType::starts_after) {
      type = links.rel_type(l.a, l.b);
      if (!type && start_points) type = l.type;
      if (!type || (!start_points && (type == RelType::starts_before || type == RelType::starts_after))) continue;
    }
    Element e;
    e.name = "TLINK";
    e.attributes.emplace_back("lid", fmt::format("l{}", out.size() + 1));
    e.attributes.emplace_back("relType", std::string(to_string(*type)));
    bool ok = true;
    auto side = [&](const std::string& id, const char* event_key, const char* time_key) {
      if (const auto it = eiid.find(id); it != eiid.end()) e.attributes.emplace_back(event_key, it->second);
      else if (!id.empty() && id[0] == 't') e.attributes.emplace_back(time_key, id);
      else ok = false;
    };
    side(l.a, "eventInstanceID", "timeID");
    side(l.b, "relatedToEventInstance", "relatedToTime");
    if (!ok) continue;
    e.attributes.emplace_back("origin", l.evidence);
    out.push_back(std::move(e));
  }
  return out;
}

nlohmann::json relations_json(const Document& doc, const TemporalLinks& links, const Events& events) {
  nlohmann::json out;
  out["tlinks"] = nlohmann::json::array();
  for (const TemporalLinkRecord& l : links.links) {
    nlohmann::json j{{"from", l.a}, {"to", l.b}, {"relType", std::string(to_string(l.type))},
                     {"confidence", l.confidence}, {"evidence", l.evidence}, {"kept", l.kept}};
    if (l.signal) j["signal"] = std::string(doc.text(*l.signal));
    out["tlinks"].push_back(std::move(j));
  }
  out["implicit_events"] = nlohmann::json::array();
  for (const ImplicitEvent& x : links.implicit_events)
    out["implicit_events"].push_back(
        {{"id", x.id}, {"head", x.head}, {"text", std::string(doc.text(x.phrase))}, {"start", x.phrase.begin}, {"end", x.phrase.end}});
  out["derived_times"] = nlohmann::json::array();
  for (const DerivedTime& d : links.derived_times)
    out["derived_times"].push_back({{"id", d.id},
                                    {"text", std::string(doc.text(d.phrase))},
                                    {"start", d.phrase.begin},
                                    {"end", d.phrase.end},
                                    {"value", d.value},
                                    {"from", d.from}});
  out["bounds"] = nlohmann::json::object();
  auto bounds_of = [&](const std::string& id) {
    const NodeBounds b = links.bounds(id);
    nlohmann::json j = nlohmann::json::object();
    if (b.earliest_start) j["earliest_start"] = iso(*b.earliest_start);
    if (b.latest_start) j["latest_start"] = iso(*b.latest_start);
    if (b.earliest_end) j["earliest_end"] = iso(*b.earliest_end);
    if (b.latest_end) j["latest_end"] = iso(*b.latest_end);
    if (!j.empty()) out["bounds"][id] = std::move(j);
  };
  for (const EventMention& m : events.events) bounds_of(m.id);
  for (const ImplicitEvent& x : links.implicit_events) bounds_of(x.id);
  out["conflicts"] = links.diagnostics;
  return out;
}

TimemlGraph timeml_graph(const TimemlDocument& doc) {
  TimemlGraph out;
  auto add_time = [&](const Element& timex) {
    const std::string tid(timex.attr("tid"));
    if (tid.empty() || out.node_of.contains(tid)) return;
    TemporalNode node{tid, std::nullopt};
    if (const auto iv = value_interval(timex.attr("value"))) node.interval = TimeBounds{iv->start, iv->end};
    out.node_of.emplace(tid, out.graph.add_node(std::move(node)));
  };
  if (doc.dct) add_time(*doc.dct);
  for (const Element* timex : doc.elements("TIMEX3")) add_time(*timex);
  for (const Element& e : doc.links) {
    if (e.name != "MAKEINSTANCE") continue;
    const std::string eiid(e.attr("eiid"));
    if (!eiid.empty() && !out.node_of.contains(eiid)) out.node_of.emplace(eiid, out.graph.add_node({eiid, std::nullopt}));
  }
  auto node = [&](const Element& e, std::string_view event_key, std::string_view time_key) {
    std::string_view id = e.attr(event_key);
    if (id.empty()) id = e.attr(time_key);
    const auto it = out.node_of.find(id);
    return it == out.node_of.end() ? TemporalGraph::npos : it->second;
  };
  for (const Element& e : doc.links) {
    if (e.name != "TLINK") continue;
    const std::size_t a = node(e, "eventInstanceID", "timeID");
    const std::size_t b = node(e, "relatedToEventInstance", "relatedToTime");
    const auto type = parse_rel_type(e.attr("relType"));
    if (a == TemporalGraph::npos || b == TemporalGraph::npos || !type ||
        out.graph.add_link({a, b, *type, 0.5, std::string(e.attr("lid"))}) == TemporalGraph::npos) {
      ++out.skipped;
      continue;
    }
    ++out.links;
  }
  out.graph.close();
  return out;
}

}  // namespace tempora::timeml

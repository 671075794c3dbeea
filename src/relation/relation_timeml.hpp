// Internal: the TemporalLinks layer as TimeML TLINKs and as JSON (used by the
// command line: annotate --format timeml|json), and TimeML TLINKs read back
// into the reasoning engine (eval timeml --matres).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tempora/event.hpp"
#include "tempora/relation.hpp"
#include "tempora/timeml.hpp"

namespace tempora::timeml {

// The kept links between events (by MAKEINSTANCE eiid) and times (by tid;
// "t0" is the DCT) as TLINK elements: lid, relType, eventInstanceID or
// timeID, relatedToEventInstance or relatedToTime, origin (the evidence).
// Start-point links (STARTS_BEFORE/AFTER) are written with the most specific
// TimeML relType the closure entails, or, when there is none, left out
// (TimeML cannot say "a started before b" and nothing of the ends) unless
// `start_points` asks for them under tempora's own relTypes STARTS_BEFORE /
// STARTS_AFTER, which timeml_graph() reads back but other TimeML tools do
// not know. Links to implicit events are left out (TimeML has no node for them).
std::vector<Element> tlink_elements(const TemporalLinks& links, const Events& events, bool start_points = false);

// {"tlinks": [...], "implicit_events": [...], "bounds": {...}, "conflicts": [...]}:
// every stated link with its evidence, confidence and whether it was kept;
// per event, the calendar bounds the closure gives it (ISO dates/times).
nlohmann::json relations_json(const Document& doc, const TemporalLinks& links, const Events& events);

// The TLINKs of any TimeML document (tempora's, another system's, a gold
// annotation) as a closed TemporalGraph: a node per event instance (eiid),
// per TIMEX3 (tid) and for the DCT, the times dated by their values
// (value_interval: "1998-03-05" is that day, "PAST_REF" is undated); a link
// per TLINK with a TimeML relType (or tempora's STARTS_BEFORE/AFTER), all of the same confidence, so that a link
// contradicting the ones before it in the file is the one dropped.
struct TimemlGraph {
  TemporalGraph graph;
  std::map<std::string, std::size_t, std::less<>> node_of;  // eiid or tid -> graph node
  std::size_t links = 0;    // TLINKs added to the graph
  std::size_t skipped = 0;  // TLINKs naming an unknown instance or time, or no TimeML relType
};
TimemlGraph timeml_graph(const TimemlDocument& doc);

}  // namespace tempora::timeml

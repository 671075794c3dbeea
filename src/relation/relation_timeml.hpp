// Internal: the TemporalLinks layer as TimeML TLINKs and as JSON (used by the
// command line: annotate --format timeml|json).
#pragma once

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
// TimeML relType the closure entails, or left out when there is none; links
// to implicit events are left out (TimeML has no node for them).
std::vector<Element> tlink_elements(const TemporalLinks& links, const Events& events);

// {"tlinks": [...], "implicit_events": [...], "bounds": {...}, "conflicts": [...]}:
// every stated link with its evidence, confidence and whether it was kept;
// per event, the calendar bounds the closure gives it (ISO dates/times).
nlohmann::json relations_json(const Document& doc, const TemporalLinks& links, const Events& events);

}  // namespace tempora::timeml

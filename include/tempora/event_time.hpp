// When each event happened, as the time and relation layers say it.
//
// An event gets a date of its own when a kept temporal link puts it inside a
// calendar time expression ("met on Friday": the meeting IS_INCLUDED in
// 2025-10-17); the strongest such link wins. Otherwise it keeps the bounds the
// closure of all links gives it ("posted after the meeting": on or after
// 2025-10-17), as bounds, never as a date. A bound that only says "before the
// article was written" is left out: it holds for every past event.
//
// The timeline graph, `tempora extract`, the corpus store and `compare` all
// read event dates from here, so they agree.
//
//   pipeline.analyze(doc);
//   const std::vector<EventTime> when = event_times(doc);  // parallel to Events::events
//   if (when[i].dated()) ... when[i].value ...             // "2025-10-17"
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "tempora/document.hpp"
#include "tempora/graph.hpp"  // Anchor, InferredParts, TimeGranularity

namespace tempora {

struct EventTime {
  // The anchoring time expression; empty tid when the event has no date.
  std::string tid;                 // "t3"
  std::string value;               // its TIMEX3 value: "2025-10-17", "2025-W42", "XXXX-10-17"
  Anchor anchor = Anchor::at;      // at (a day or finer) or within (a coarser time)
  std::optional<std::chrono::sys_days> start, end;  // the anchor's calendar days, both included;
                                                    // unset when the year is unknown (XXXX-10-17, no DCT)
  TimeGranularity granularity = TimeGranularity::unknown;
  InferredParts inferred;          // parts of the date taken from the DCT, not the text
  std::string evidence;            // the link's evidence ("signal 'on'", ...)
  double confidence = 0.0;
  bool stated = false;             // a word of the text gave the link (not a rule)

  // Without an anchor: calendar bounds from the closure.
  std::optional<std::chrono::sys_days> not_before;  // on or after this day
  std::optional<std::chrono::sys_days> not_after;   // on or before this day

  bool dated() const { return !tid.empty(); }
};

// One entry per EventMention of the Events layer, in the same order; empty
// when the document has no Events layer. Uses TimeExpressions and
// TemporalLinks when present.
std::vector<EventTime> event_times(const Document& doc);

}  // namespace tempora

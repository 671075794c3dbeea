// The time expressions of a document as the timeline builder needs them.
//
// What from_document.cpp needs from the time layer: the calendar days
// (inclusive, as TimeNode wants them) and which parts were inferred.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "tempora/document.hpp"

namespace tempora::detail {

struct TimelineTime {
  std::string tid;
  std::string value;
  Span span;
  bool calendar = false;  // a DATE or TIME with an interval (not a duration or set)
  // A DATE or TIME without an interval whose value still names a month:
  // "March 12" without a DCT is XXXX-03-12. An event on it is dated, with
  // the year unknown (start and end are then meaningless).
  bool partial = false;
  std::chrono::sys_days start{}, end{};  // both days included
  enum class Unit : std::uint8_t { day, week, month, quarter, year, decade, unknown } unit = Unit::unknown;
  bool year_inferred = false, month_inferred = false, day_inferred = false;
};

// The document's time expressions, then the dates the relation stage
// counted from events ("two days after the visit"; TemporalLinks::derived_times).
std::vector<TimelineTime> timeline_times(const Document& doc);

}  // namespace tempora::detail

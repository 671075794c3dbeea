// Reads the TimeExpressions layer into detail::TimelineTime (see the header
// for why this is a file of its own).
#include "graph/timeline_times.hpp"

#include "tempora/relation.hpp"
#include "tempora/timex.hpp"

namespace tempora::detail {

namespace {

TimelineTime::Unit unit_of(Granularity g) {
  using U = TimelineTime::Unit;
  switch (g) {
    case Granularity::day: case Granularity::part_of_day: case Granularity::hour: case Granularity::minute: return U::day;
    case Granularity::week: return U::week;
    case Granularity::month: return U::month;
    case Granularity::quarter: case Granularity::half: case Granularity::season: return U::quarter;
    case Granularity::year: return U::year;
    case Granularity::decade: case Granularity::century: return U::decade;
    case Granularity::unknown: break;
  }
  return U::unknown;
}

// "XXXX-03-12", "XXXX-03", "XXXX-03-12TEV": an unknown year, a known month
// (and day).
bool names_a_month(std::string_view v) {
  const auto digits = [&](std::size_t pos) { return v.size() >= pos + 2 && v[pos] >= '0' && v[pos] <= '9' && v[pos + 1] >= '0' && v[pos + 1] <= '9'; };
  if (!v.starts_with("XXXX-") || !digits(5)) return false;
  if (v.size() == 7) return true;
  return v[7] == '-' && digits(8) && (v.size() == 10 || v[10] == 'T');
}

std::vector<TimelineTime> stated_times(const TimeExpressions& layer) {
  std::vector<TimelineTime> out;
  for (const Timex& t : layer.timexes) {
    TimelineTime x;
    x.tid = t.tid;
    x.value = t.value;
    x.span = t.span;
    x.calendar = t.interval.has_value() && (t.type == TimexType::date || t.type == TimexType::time);
    x.partial = !t.interval && (t.type == TimexType::date || t.type == TimexType::time) && names_a_month(t.value);
    if (x.partial) x.unit = t.value.size() >= 10 && t.value[7] == '-' ? TimelineTime::Unit::day : TimelineTime::Unit::month;
    if (t.interval) {
      x.start = std::chrono::floor<std::chrono::days>(t.interval->start);
      x.end = std::chrono::floor<std::chrono::days>(t.interval->end - std::chrono::seconds(1));
      if (x.end < x.start) x.end = x.start;
      x.unit = unit_of(t.interval->granularity);
    }
    x.year_inferred = (t.inferred & kFieldYear) != 0;
    x.month_inferred = (t.inferred & kFieldMonth) != 0;
    x.day_inferred = (t.inferred & kFieldDay) != 0;
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace

std::vector<TimelineTime> timeline_times(const Document& doc) {
  std::vector<TimelineTime> out;
  if (doc.has<TimeExpressions>()) out = stated_times(doc.get<TimeExpressions>());
  if (doc.has<TemporalLinks>()) {
    // "two days after Li visited Seoul": a date counted, not stated, so
    // every part of it is drawn as inferred.
    for (const DerivedTime& d : doc.get<TemporalLinks>().derived_times) {
      TimelineTime x;
      x.tid = d.id;
      x.value = d.value;
      x.span = d.phrase;
      x.calendar = true;
      x.start = std::chrono::floor<std::chrono::days>(d.interval.start);
      x.end = std::chrono::floor<std::chrono::days>(d.interval.end - std::chrono::seconds(1));
      x.unit = d.value.size() == 10 ? TimelineTime::Unit::day
               : d.value.size() == 7 ? TimelineTime::Unit::month
                                     : TimelineTime::Unit::year;
      x.year_inferred = x.month_inferred = x.day_inferred = true;
      out.push_back(std::move(x));
    }
  }
  return out;
}

}  // namespace tempora::detail

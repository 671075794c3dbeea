// Event dates from the kept temporal links (see tempora/event_time.hpp).
//
// Two passes over the layers. First, every kept link between an event and a
// calendar time expression (or, without a DCT, one whose value still names
// a month: "March 12" as XXXX-03-12) that says the event lies inside the time
// (IS_INCLUDED, DURING, SIMULTANEOUS, or IDENTITY read either way) is a
// candidate anchor; the most confident one per event wins, so "met on Friday,
// October 17" is not torn between two timexes of the same day. Second, an
// event without an anchor reads its start bounds from the closed graph: the
// closure already combined "after the meeting" with the meeting's date, so
// this is where "on or after 2025-10-17" comes from.
#include "tempora/event_time.hpp"

#include <string_view>
#include <unordered_map>

#include "graph/timeline_times.hpp"
#include "tempora/event.hpp"
#include "tempora/relation.hpp"

namespace tempora {

namespace {

using std::chrono::sys_days;

TimeGranularity granularity_of(detail::TimelineTime::Unit unit) {
  using U = detail::TimelineTime::Unit;
  switch (unit) {
    case U::day: return TimeGranularity::day;
    case U::week: return TimeGranularity::week;
    case U::month: return TimeGranularity::month;
    case U::quarter: return TimeGranularity::quarter;
    case U::year: return TimeGranularity::year;
    case U::decade: return TimeGranularity::decade;
    case U::unknown: break;
  }
  return TimeGranularity::unknown;
}

bool places_inside(RelType type) {
  return type == RelType::is_included || type == RelType::during || type == RelType::simultaneous ||
         type == RelType::identity;
}

}  // namespace

std::vector<EventTime> event_times(const Document& doc) {
  std::vector<EventTime> out;
  if (!doc.has<Events>()) return out;
  const Events& events = doc.get<Events>();
  out.resize(events.events.size());
  if (!doc.has<TemporalLinks>()) return out;
  const TemporalLinks& links = doc.get<TemporalLinks>();

  const std::vector<detail::TimelineTime> times = detail::timeline_times(doc);
  std::unordered_map<std::string_view, const detail::TimelineTime*> timex_by_id;
  for (const detail::TimelineTime& t : times)
    if (t.calendar || t.partial) timex_by_id.emplace(t.tid, &t);
  std::unordered_map<std::string_view, std::size_t> event_by_id;
  for (std::size_t i = 0; i < events.events.size(); ++i) event_by_id.emplace(events.events[i].id, i);

  struct Best {
    const detail::TimelineTime* timex = nullptr;
    const TemporalLinkRecord* link = nullptr;
  };
  std::vector<Best> best(events.events.size());
  for (const TemporalLinkRecord& l : links.links) {
    if (!l.kept) continue;
    std::string_view event = l.a, time = l.b;
    RelType type = l.type;
    if (!event_by_id.contains(event)) {
      std::swap(event, time);
      type = inverse(type);
    }
    const auto e = event_by_id.find(event);
    const auto t = timex_by_id.find(time);
    if (e == event_by_id.end() || t == timex_by_id.end() || !places_inside(type)) continue;
    Best& b = best[e->second];
    if (b.link == nullptr || l.confidence > b.link->confidence) b = {t->second, &l};
  }

  std::optional<sys_days> dct;
  if (doc.info().creation_time) dct = doc.info().creation_time->day;
  for (std::size_t i = 0; i < events.events.size(); ++i) {
    EventTime& when = out[i];
    if (const Best& b = best[i]; b.link != nullptr) {
      const detail::TimelineTime& t = *b.timex;
      when.tid = t.tid;
      when.value = t.value;
      when.granularity = granularity_of(t.unit);
      if (when.granularity == TimeGranularity::day && when.value.size() > 10) when.value.resize(10);  // "2026-03-12T15:30"
      when.anchor = when.granularity == TimeGranularity::day ? Anchor::at : Anchor::within;
      if (t.calendar) {
        when.start = t.start;
        when.end = t.end;
      }
      when.inferred = {.year = t.year_inferred, .month = t.month_inferred, .day = t.day_inferred};
      when.evidence = b.link->evidence.empty() ? std::string(doc.text(t.span)) : b.link->evidence;
      when.confidence = b.link->confidence;
      when.stated = b.link->signal.has_value();
      continue;
    }
    const NodeBounds bounds = links.bounds(events.events[i].id);
    if (bounds.earliest_start) when.not_before = std::chrono::floor<std::chrono::days>(*bounds.earliest_start);
    if (bounds.latest_start) {
      const sys_days day = std::chrono::floor<std::chrono::days>(*bounds.latest_start - std::chrono::seconds(1));
      // "Before the article was written" (the DCT or the day before it) says
      // nothing, unless the start bound pins that very day ("gave an
      // interview" on a dated morning: the interview is on that day).
      const bool pinned = when.not_before && *when.not_before >= day;
      if (!dct || day + std::chrono::days{1} < *dct || pinned) when.not_after = day;
    }
  }
  return out;
}

}  // namespace tempora

// Answers across documents: who met whom and when, and an actor's timeline.
//
// A store returns what each document says (one meeting mention per pair of
// actors per event, one hit per event of an actor); the merging happens here,
// so that it is the same over any Store implementation.
//
// Two mentions tell of the same meeting when they name the same pair of
// actors (by key) and their dates are compatible: the calendar intervals
// they allow ([start, end] of a date, or the closure's bounds, open sides
// unbounded) intersect. Mentions are merged greedily, most precise first: a
// mention joins the first cluster of its pair whose interval meets its own,
// and the cluster's interval shrinks to the intersection; a mention that
// meets none opens a cluster of its own. So "March 12" and "on or after
// March 11" become one meeting on March 12, while "March 12" and "March 13"
// stay two, each with the sources that say so: a date disagreement is shown,
// not averaged away. Undated mentions come last and join the pair's
// best-attested cluster (they say nothing against it).
//
// The timeline merges an actor's events the same way, with the event's
// identity being its type (MEET and TALK as one; the lemma for untyped
// events) and the keys of the people and organisations taking part (not
// the place, which one article names and another leaves out) instead of
// the pair.
//
// Keys are compared as stored, with one widening for meetings: a one-word
// key ("marek", from an article that only says "Marek") joins the longer
// key ending in that word ("lidia marek") when the answer holds exactly one
// such longer key; with two ("lidia marek", "jan marek") it stays apart.
#include <algorithm>
#include <map>
#include <set>

#include "tempora/store.hpp"

namespace tempora {

namespace {

using std::chrono::sys_days;

std::string last_word(std::string_view key) {
  const auto space = key.rfind(' ');
  return std::string(space == std::string_view::npos ? key : key.substr(space + 1));
}

bool matches(const ActorRef& ref, const std::string& key) {
  return !key.empty() && (ref.key == key || last_word(ref.key) == key);
}

struct Interval {
  std::optional<sys_days> from, to;

  bool meets(const Interval& other) const {
    const auto lo = !from ? other.from : !other.from ? from : std::max(*from, *other.from);
    const auto hi = !to ? other.to : !other.to ? to : std::min(*to, *other.to);
    return !lo || !hi || *lo <= *hi;
  }
  Interval intersect(const Interval& other) const {
    return {!from ? other.from : !other.from ? from : std::max(*from, *other.from),
            !to ? other.to : !other.to ? to : std::min(*to, *other.to)};
  }
  bool undated() const { return !from && !to; }
  // Most precise first: single days, then closed intervals by width, then
  // half-open ones, then undated.
  std::pair<int, std::int64_t> precision() const {
    if (from && to) return {0, (*to - *from).count()};
    if (from || to) return {1, 0};
    return {2, 0};
  }
};

Interval interval_of(const EventDate& date) { return {date.from(), date.to()}; }

// Greedy clustering of items by interval (see the essay). Returns, per
// cluster, the item indices in input order and the cluster's interval.
struct Cluster {
  Interval interval;
  std::vector<std::size_t> items;
};

std::vector<Cluster> cluster_by_date(const std::vector<Interval>& intervals) {
  std::vector<std::size_t> order(intervals.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return intervals[x].precision() < intervals[y].precision(); });
  std::vector<Cluster> clusters;
  for (const std::size_t i : order) {
    const Interval& it = intervals[i];
    Cluster* home = nullptr;
    if (it.undated()) {
      for (Cluster& c : clusters)
        if (home == nullptr || c.items.size() > home->items.size()) home = &c;
    } else {
      for (Cluster& c : clusters)
        if (c.interval.meets(it)) {
          home = &c;
          break;
        }
    }
    if (home == nullptr) {
      clusters.push_back({it, {i}});
      continue;
    }
    home->interval = home->interval.intersect(it);
    home->items.push_back(i);
  }
  for (Cluster& c : clusters) std::sort(c.items.begin(), c.items.end());
  return clusters;
}

bool overlaps_query(const Interval& interval, const std::optional<sys_days>& from, const std::optional<sys_days>& to) {
  return interval.meets(Interval{from, to});
}

// Dated first by start (then end), undated after, stable otherwise.
template <class T>
void sort_by_date(std::vector<T>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const T& x, const T& y) {
    const auto kx = x.from ? x.from : x.to;
    const auto ky = y.from ? y.from : y.to;
    if (kx.has_value() != ky.has_value()) return kx.has_value();
    if (!kx) return false;
    if (*kx != *ky) return *kx < *ky;
    return x.to.value_or(sys_days::max()) < y.to.value_or(sys_days::max());
  });
}

void add_once(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

std::vector<Meeting> who_met_whom(const Store& store, const MeetingQuery& query) {
  std::vector<MeetingMention> mentions = store.meeting_mentions(query);
  const std::string actor = name_key(query.actor);
  const std::string with = name_key(query.with);
  // A one-word key ("marek", from a document that only says "Marek") joins
  // the one longer key ending in it ("lidia marek"), when there is only one.
  std::map<std::string, std::set<std::string>> by_last;
  for (const MeetingMention& m : mentions)
    for (const ActorRef* r : {&m.a, &m.b})
      if (r->key.find(' ') != std::string::npos) by_last[last_word(r->key)].insert(r->key);
  for (MeetingMention& m : mentions)
    for (ActorRef* r : {&m.a, &m.b})
      if (const auto it = by_last.find(r->key); it != by_last.end() && it->second.size() == 1) r->key = *it->second.begin();
  // "Marek" and "Lidia Marek" in one event are one actor, not a meeting.
  std::erase_if(mentions, [](const MeetingMention& m) { return m.a.key == m.b.key; });
  // The queried actor on the left; without one, the keys in order.
  for (MeetingMention& m : mentions) {
    const bool swap = !actor.empty() ? !matches(m.a, actor) && matches(m.b, actor)
                      : !with.empty() ? matches(m.a, with) && !matches(m.b, with)
                                      : m.b.key < m.a.key;
    if (swap) std::swap(m.a, m.b);
  }
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> pairs;
  std::vector<std::pair<std::string, std::string>> pair_order;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const auto& m = mentions[i];
    auto key = m.a.key < m.b.key ? std::make_pair(m.a.key, m.b.key) : std::make_pair(m.b.key, m.a.key);
    auto [it, fresh] = pairs.try_emplace(key);
    if (fresh) pair_order.push_back(key);
    it->second.push_back(i);
  }
  std::vector<Meeting> out;
  for (const auto& key : pair_order) {
    const std::vector<std::size_t>& members = pairs[key];
    std::vector<Interval> intervals;
    intervals.reserve(members.size());
    for (const std::size_t i : members) intervals.push_back(interval_of(mentions[i].date));
    for (const Cluster& c : cluster_by_date(intervals)) {
      if ((query.from || query.to) && !overlaps_query(c.interval, query.from, query.to)) continue;
      Meeting meeting;
      meeting.from = c.interval.from;
      meeting.to = c.interval.to;
      meeting.date_label = interval_label(meeting.from, meeting.to);
      std::vector<std::string> year_unknown;  // "XXXX-03-12": dated, but without a DCT
      for (const std::size_t k : c.items) {
        MeetingMention& m = mentions[members[k]];
        add_once(meeting.sources, m.document);
        add_once(meeting.places, m.place);
        if (!m.date.from() && !m.date.to()) add_once(year_unknown, m.date.value);
        meeting.mentions.push_back(m);
      }
      if (!meeting.from && !meeting.to && year_unknown.size() == 1) meeting.date_label = year_unknown.front();
      // The longest spelling of each name that the sources use.
      meeting.a = meeting.mentions.front().a;
      meeting.b = meeting.mentions.front().b;
      for (const MeetingMention& m : meeting.mentions) {
        if (m.a.name.size() > meeting.a.name.size()) meeting.a.name = m.a.name;
        if (m.b.name.size() > meeting.b.name.size()) meeting.b.name = m.b.name;
      }
      out.push_back(std::move(meeting));
    }
  }
  sort_by_date(out);
  return out;
}

std::vector<TimelineEntry> actor_timeline(const Store& store, const EventQuery& query) {
  std::vector<EventHit> hits = store.events(query);
  // Identity of an event across documents: its type and who took part.
  std::map<std::string, std::vector<std::size_t>> groups;
  std::vector<std::string> group_order;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const EventHit& h = hits[i];
    // Who took part: the people and organisations (not the place, which
    // one article names and another leaves out).
    std::set<std::string> keys;
    for (std::size_t p = 0; p < h.actors.size(); ++p)
      if (!h.actors[p].key.empty() && (h.actors[p].type == "PERSON" || h.actors[p].type == "ORGANIZATION") &&
          h.event.participants[p].role != "place")
        keys.insert(h.actors[p].key);
    // MEET and TALK name one kind of event ("met", "held talks").
    std::string signature = h.event.type == "OTHER" || h.event.type.empty() ? "OTHER:" + h.event.lemma
                            : h.event.type == "TALK"                         ? std::string("MEET")
                                                                             : h.event.type;
    for (const std::string& k : keys) signature += "|" + k;
    auto [it, fresh] = groups.try_emplace(signature);
    if (fresh) group_order.push_back(signature);
    it->second.push_back(i);
  }
  std::vector<TimelineEntry> out;
  std::vector<std::size_t> first_seen;  // per entry: its first hit
  for (const std::string& signature : group_order) {
    const std::vector<std::size_t>& members = groups[signature];
    std::vector<Interval> intervals;
    for (const std::size_t i : members) intervals.push_back(interval_of(hits[i].event.date));
    for (const Cluster& c : cluster_by_date(intervals)) {
      TimelineEntry entry;
      entry.from = c.interval.from;
      entry.to = c.interval.to;
      entry.date_label = interval_label(entry.from, entry.to);
      for (const std::size_t k : c.items) {
        EventHit& h = hits[members[k]];
        add_once(entry.sources, h.document);
        for (const ActorRef& a : h.actors)
          if (!a.key.empty() && std::none_of(entry.participants.begin(), entry.participants.end(),
                                             [&](const ActorRef& b) { return b.key == a.key; }))
            entry.participants.push_back(a);
        entry.mentions.push_back(h);
      }
      const EventHit& first = entry.mentions.front();
      entry.type = first.event.type;
      entry.label = first.event.label.empty() ? first.event.trigger : first.event.label;
      first_seen.push_back(members[c.items.front()]);
      out.push_back(std::move(entry));
    }
  }
  // In the order first seen (the store's order: by document, then text),
  // then by date: undated entries keep the order of the text.
  std::vector<std::size_t> order(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return first_seen[x] < first_seen[y]; });
  std::vector<TimelineEntry> sorted;
  sorted.reserve(out.size());
  for (const std::size_t i : order) sorted.push_back(std::move(out[i]));
  sort_by_date(sorted);
  return sorted;
}

}  // namespace tempora

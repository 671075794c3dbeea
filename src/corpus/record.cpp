// From an analysed Document to the plain record a Store keeps.
//
// The record is a copy of the layers in store-shaped form, so that a store
// implementation needs to know nothing of Document and its layer types:
//
//   actors        the Actors layer, when the actor stage ran: local id, key
//                 (Actor::key, or name_key(name) when the resolver left it
//                 empty), canonical name, type, and every mention;
//   events        the Events layer, with each event's date from
//                 event_times() (tempora/event_time.hpp): "at" a day,
//                 "within" a week or month, or the bounds the temporal
//                 closure gives ("on or after 2026-03-12"), the dates
//                 `tempora timeline` draws; and the headline label the
//                 timeline builder gives it (build_timeline). Mentions the
//                 timeline joins as one event point at the first
//                 (same_event), and an undated one takes the date another
//                 mention of the event has;
//   participants  the Participants layer, when present, per event;
//   times, links  the TimeExpressions and TemporalLinks layers.
//
// Every fact carries its provenance: the sentence it is in and its byte span
// (a link's is its signal word when a word gave it, else its first node's).
//
// name_key() is what the store matches query names with: ActorKeys::key
// (tempora/actor.hpp), the key the actor stage gives every actor, so that
// "President Holm" finds "holm". Should resources/actor be missing, a plain
// fold stands in: NFD, combining marks dropped, case folded, apostrophes
// dropped ("O'Brien" -> "obrien"), anything else but letters and digits a
// single space.
#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "tempora/event.hpp"
#include "tempora/event_time.hpp"
#include "tempora/graph.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/relation.hpp"
#include "tempora/store.hpp"
#include "tempora/timex.hpp"

namespace tempora {

using std::chrono::sys_days;

std::string text_hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

namespace {

// The fallback when resources/actor cannot be loaded.
std::string fold_name(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_SUCCESS(status)) decomposed = nfd->normalize(source, status);
  if (U_FAILURE(status)) decomposed = source;
  std::string out;
  bool space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == '\'' || c == 0x2019) continue;  // "O'Brien" and "O’Brien" -> "obrien"
    if (u_isalnum(c)) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      const UChar32 folded = u_foldCase(c, U_FOLD_CASE_DEFAULT);
      char buffer[4];
      std::int32_t length = 0;
      UBool error = false;
      U8_APPEND(buffer, length, 4, folded, error);
      if (!error) out.append(buffer, static_cast<std::size_t>(length));
    } else {
      space = true;
    }
  }
  return out;
}

const ActorKeys* actor_keys() {
  static const std::optional<ActorKeys> keys = []() -> std::optional<ActorKeys> {
    try {
      return ActorKeys::load();
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }();
  return keys ? &*keys : nullptr;
}

}  // namespace

std::string name_key(std::string_view name) {
  if (const ActorKeys* keys = actor_keys()) return keys->key(name);
  return fold_name(name);
}

std::string iso_date(sys_days day) {
  const std::chrono::year_month_day ymd{day};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::optional<sys_days> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p)
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  const std::chrono::year_month_day ymd{std::chrono::year(parts[0]), std::chrono::month(static_cast<unsigned>(parts[1])),
                                        std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!ymd.ok()) return std::nullopt;
  return sys_days(ymd);
}

std::string interval_label(std::optional<sys_days> from, std::optional<sys_days> to) {
  if (from && to) return *from == *to ? iso_date(*from) : fmt::format("{}..{}", iso_date(*from), iso_date(*to));
  if (from) return "on or after " + iso_date(*from);
  if (to) return "on or before " + iso_date(*to);
  return "undated";
}

namespace {

std::uint32_t sentence_of(const Segmentation& seg, std::uint32_t offset) {
  const auto it = std::upper_bound(seg.sentences.begin(), seg.sentences.end(), offset,
                                   [](std::uint32_t o, const Sentence& s) { return o < s.span.begin; });
  if (it == seg.sentences.begin()) return 0;
  return static_cast<std::uint32_t>(it - seg.sentences.begin() - 1);
}

sys_days day_of(std::chrono::sys_seconds t) { return std::chrono::floor<std::chrono::days>(t); }

// Mentions of one event, as the timeline's identity links join them, in
// text order: each points at the first (StoredEvent::same_event), and those
// without a date of their own ("his recent meeting with Trump") take the date
// of the first mention that has one ("held a meeting ... on October 17"), so
// that the store answers "when did they meet?" as the timeline draws it.
void share_dates_between_mentions(const Document& doc, const TimelineGraph& timeline, DocumentRecord& record) {
  const std::vector<std::size_t> first = event_mention_groups(doc, timeline);
  if (first.size() != record.events.size()) return;
  const auto has_date = [](const EventDate& date) { return date.anchor == "at" || date.anchor == "within"; };
  std::vector<std::optional<std::size_t>> dated(first.size());  // by first mention: the group's first dated mention
  for (std::size_t i = 0; i < first.size(); ++i) {
    if (first[i] != i) record.events[i].same_event = static_cast<int>(first[i]);
    if (!dated[first[i]] && has_date(record.events[i].date)) dated[first[i]] = i;
  }
  for (std::size_t i = 0; i < first.size(); ++i) {
    EventDate& date = record.events[i].date;
    if (const auto from = dated[first[i]]; from && !has_date(date)) date = record.events[*from].date;
  }
}

void add_dates(const Document& doc, DocumentRecord& record) {
  const std::vector<EventTime> when = event_times(doc);
  for (std::size_t i = 0; i < record.events.size() && i < when.size(); ++i) {
    const EventTime& t = when[i];
    EventDate& date = record.events[i].date;
    if (t.dated()) {
      date.anchor = t.anchor == Anchor::at ? "at" : "within";
      date.value = t.value;
      date.start = t.start;
      date.end = t.end;
    } else if (t.not_before || t.not_after) {
      date.anchor = "bounds";
      date.earliest = t.not_before;
      date.latest = t.not_after;
    }
  }
  // The headline labels the timeline draws ("Marek meets Holm").
  const TimelineGraph graph = build_timeline(doc);
  for (StoredEvent& event : record.events)
    if (const auto v = graph.find(event.local_id))
      if (const EventNode* node = graph[*v].event()) event.label = node->label;
  share_dates_between_mentions(doc, graph, record);
}

}  // namespace

DocumentRecord make_record(const Document& doc) {
  DocumentRecord record;
  const DocumentInfo& info = doc.info();
  record.id = info.id;
  if (info.creation_time) record.dct = iso_date(info.creation_time->day);
  record.title = info.title;
  record.source = info.source;
  record.url = info.url;
  record.text_hash = text_hash(doc.text());
  record.bytes = doc.text().size();
  if (!doc.has<Segmentation>()) return record;
  const Segmentation& seg = doc.get<Segmentation>();
  record.sentences = static_cast<std::uint32_t>(seg.sentences.size());
  const auto where = [&](Span span) { return Provenance{sentence_of(seg, span.begin), span}; };

  if (doc.has<Actors>()) {
    for (const Actor& actor : doc.get<Actors>().actors) {
      StoredActor& a = record.actors.emplace_back();
      a.local_id = actor.id;
      a.name = actor.name;
      a.key = actor.key.empty() ? name_key(actor.name) : actor.key;
      a.type = std::string(to_string(actor.type));
      for (const ActorMention& m : actor.mentions)
        a.mentions.push_back({Provenance{m.sentence, m.span}, std::string(to_string(m.kind)), std::string(doc.text(m.span))});
    }
  }

  std::unordered_map<std::string, Provenance> node_where;
  if (doc.has<Events>()) {
    const Events& events = doc.get<Events>();
    const Participants* participants = doc.has<Participants>() && doc.has<Actors>() ? &doc.get<Participants>() : nullptr;
    for (std::size_t i = 0; i < events.events.size(); ++i) {
      const EventMention& e = events.events[i];
      StoredEvent& s = record.events.emplace_back();
      s.local_id = e.id;
      s.type = e.type;
      s.trigger = std::string(doc.text(e.span));
      s.lemma = e.lemma;
      s.event_class = std::string(to_string(e.cls));
      s.newsworthy = e.newsworthy;
      s.negated = e.polarity == EventPolarity::NEG;
      s.factuality = std::string(to_string(e.factuality));
      s.where = Provenance{e.sentence, e.span};
      node_where.emplace(e.id, s.where);
      if (participants == nullptr) continue;
      for (const Participant& p : participants->of(i)) {
        StoredParticipant& sp = s.participants.emplace_back();
        sp.role = std::string(to_string(p.role));
        sp.actor = p.actor >= 0 && static_cast<std::size_t>(p.actor) < record.actors.size() ? p.actor : -1;
        sp.where = where(p.span);
        sp.text = std::string(doc.text(p.span));
      }
    }
    add_dates(doc, record);
  }

  if (doc.has<TimeExpressions>()) {
    for (const Timex& t : doc.get<TimeExpressions>().timexes) {
      StoredTime& s = record.times.emplace_back();
      s.tid = t.tid;
      s.type = std::string(to_string(t.type));
      s.value = t.value;
      s.mod = t.mod;
      s.text = std::string(doc.text(t.span));
      s.where = where(t.span);
      if (t.interval && (t.type == TimexType::date || t.type == TimexType::time) && t.interval->end > t.interval->start) {
        s.start = day_of(t.interval->start);
        s.end = day_of(t.interval->end - std::chrono::seconds(1));
      }
      node_where.emplace(t.tid, s.where);
    }
  }

  if (doc.has<TemporalLinks>()) {
    for (const TemporalLinkRecord& l : doc.get<TemporalLinks>().links) {
      StoredLink& s = record.links.emplace_back();
      s.a = l.a;
      s.b = l.b;
      s.relation = std::string(to_string(l.type));
      s.confidence = l.confidence;
      s.evidence = l.evidence;
      s.kept = l.kept;
      if (l.signal) s.where = where(*l.signal);
      else if (const auto it = node_where.find(l.a); it != node_where.end()) s.where = it->second;
      else if (const auto jt = node_where.find(l.b); jt != node_where.end()) s.where = jt->second;
    }
  }
  return record;
}

}  // namespace tempora

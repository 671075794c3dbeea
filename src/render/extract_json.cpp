// extract_json(): the document's layers as one JSON object
// ("tempora-extract/1", docs/extract-json.md).
//
// The writer walks the layers in pipeline order and turns each fact into a
// plain object with its byte span and sentence, so a consumer never needs the
// C++ types. Ids are the stages' own ("a1", "e3", "t2", "t0" for the DCT), and
// every cross-reference uses them: a participant names its actor by id, a link
// names its ends by id. Members are written straight into the output
// (JsonWriter) in the order the schema documents them, so the output is
// stable byte for byte, and no JSON tree is built per document: for a whole
// corpus, building and freeing that tree cost as much as several stages.
#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

#include "render/json_writer.hpp"
#include "tempora/actor.hpp"
#include "tempora/event.hpp"
#include "tempora/event_time.hpp"
#include "tempora/extract.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/relation.hpp"
#include "tempora/timex.hpp"

namespace tempora {

namespace {

using detail::JsonWriter;

void write_span(JsonWriter& w, Span s) { w.begin_array().integer(s.begin).integer(s.end).end_array(); }

std::string iso_day(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

void write_optional_day(JsonWriter& w, const std::optional<std::chrono::sys_days>& day) {
  if (day) w.string(iso_day(*day));
  else w.null();
}

std::string iso_time(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms{t - day};
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d", iso_day(day).c_str(), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buffer;
}

void write_field_names(JsonWriter& w, std::uint16_t bits) {
  static constexpr std::array<std::pair<TimexField, std::string_view>, 12> kNames{{
      {kFieldCentury, "century"}, {kFieldDecade, "decade"}, {kFieldYear, "year"}, {kFieldQuarter, "quarter"},
      {kFieldSeason, "season"}, {kFieldMonth, "month"}, {kFieldWeek, "week"}, {kFieldWeekday, "weekday"},
      {kFieldDay, "day"}, {kFieldPartOfDay, "part_of_day"}, {kFieldHour, "hour"}, {kFieldMinute, "minute"}}};
  w.begin_array();
  for (const auto& [bit, name] : kNames)
    if (bits & bit) w.string(name);
  w.end_array();
}

void write_strings(JsonWriter& w, const std::vector<std::string>& strings) {
  w.begin_array();
  for (const std::string& s : strings) w.string(s);
  w.end_array();
}

std::string_view severity_name(Diagnostic::Severity s) {
  switch (s) {
    case Diagnostic::Severity::note: return "note";
    case Diagnostic::Severity::warning: return "warning";
    case Diagnostic::Severity::error: return "error";
  }
  return "warning";
}

void write_document(JsonWriter& w, const Document& doc, const ExtractOptions& options) {
  const DocumentInfo& info = doc.info();
  w.begin_object();
  w.key("id").string(info.id);
  w.key("title").string(info.title);
  w.key("source").string(info.source);
  w.key("url").string(info.url);
  w.key("dct");
  if (info.creation_time)
    w.begin_object()
        .key("value").string(dct_value(*info.creation_time))
        .key("origin").string(info.creation_time->origin)
        .end_object();
  else
    w.null();
  w.key("bytes").integer(doc.text().size());
  if (options.text) w.key("text").string(doc.text());
  w.end_object();
}

void write_sentences(JsonWriter& w, const Document& doc) {
  w.begin_array();
  if (doc.has<Segmentation>())
    for (const Sentence& s : doc.get<Segmentation>().sentences) write_span(w, s.span);
  w.end_array();
}

void write_actors(JsonWriter& w, const Document& doc) {
  w.begin_array();
  if (doc.has<Actors>()) {
    for (const Actor& a : doc.get<Actors>().actors) {
      w.begin_object();
      w.key("id").string(a.id);
      w.key("type").string(to_string(a.type));
      w.key("name").string(a.name);
      w.key("key").string(a.key);
      w.key("short_name").string(a.short_name);
      w.key("aliases");
      write_strings(w, a.aliases);
      w.key("roles");
      write_strings(w, a.roles);
      w.key("affiliations");
      write_strings(w, a.affiliations);
      w.key("mentions").begin_array();
      for (const ActorMention& m : a.mentions) {
        w.begin_object();
        w.key("text").string(doc.text(m.span));
        w.key("span");
        write_span(w, m.span);
        w.key("sentence").integer(m.sentence);
        w.key("kind").string(to_string(m.kind));
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
  }
  w.end_array();
}

void write_entities(JsonWriter& w, const Document& doc) {
  w.begin_array();
  if (doc.has<Entities>()) {
    for (const EntityMention& m : doc.get<Entities>().mentions) {
      w.begin_object();
      w.key("text").string(doc.text(m.span));
      w.key("span");
      write_span(w, m.span);
      w.key("sentence").integer(m.sentence);
      w.key("type").string(to_string(m.type));
      w.key("confidence").real(m.confidence);
      w.end_object();
    }
  }
  w.end_array();
}

void write_participants(JsonWriter& w, const Document& doc, std::size_t event) {
  w.begin_array();
  if (doc.has<Participants>()) {
    const Actors* actors = doc.has<Actors>() ? &doc.get<Actors>() : nullptr;
    const auto& events = doc.get<Events>().events;
    for (const Participant& p : doc.get<Participants>().of(event)) {
      w.begin_object();
      w.key("role").string(to_string(p.role));
      w.key("text").string(doc.text(p.span));
      w.key("span");
      write_span(w, p.span);
      w.key("actor");
      if (actors && p.actor >= 0 && static_cast<std::size_t>(p.actor) < actors->actors.size())
        w.string(actors->actors[static_cast<std::size_t>(p.actor)].id);
      else
        w.null();
      w.key("event");
      if (p.event >= 0 && static_cast<std::size_t>(p.event) < events.size())
        w.string(events[static_cast<std::size_t>(p.event)].id);
      else
        w.null();
      w.end_object();
    }
  }
  w.end_array();
}

// The "time" and "bounds" members of an event.
void write_event_time(JsonWriter& w, const EventTime& t) {
  w.key("time");
  if (t.dated()) {
    w.begin_object();
    w.key("tid").string(t.tid);
    w.key("value").string(t.value);
    w.key("anchor").string(to_string(t.anchor));
    w.key("start");
    write_optional_day(w, t.start);
    w.key("end");
    write_optional_day(w, t.end);
    w.key("granularity").string(to_string(t.granularity));
    w.key("inferred")
        .begin_object()
        .key("year").boolean(t.inferred.year)
        .key("month").boolean(t.inferred.month)
        .key("day").boolean(t.inferred.day)
        .end_object();
    w.key("evidence").string(t.evidence);
    w.key("confidence").real(t.confidence);
    w.key("stated").boolean(t.stated);
    w.end_object();
  } else {
    w.null();
  }
  w.key("bounds").begin_object();
  w.key("not_before");
  write_optional_day(w, t.not_before);
  w.key("not_after");
  write_optional_day(w, t.not_after);
  w.end_object();
}

void write_events(JsonWriter& w, const Document& doc) {
  w.begin_array();
  if (doc.has<Events>()) {
    const auto& events = doc.get<Events>().events;
    const std::vector<EventTime> when = event_times(doc);
    const std::vector<std::size_t> first_mention = event_mention_groups(doc, build_timeline(doc));
    for (std::size_t i = 0; i < events.size(); ++i) {
      const EventMention& e = events[i];
      w.begin_object();
      w.key("id").string(e.id);
      w.key("same_event").string(events[first_mention[i]].id);
      w.key("trigger").string(doc.text(e.span));
      w.key("span");
      write_span(w, e.span);
      w.key("sentence").integer(e.sentence);
      w.key("lemma").string(e.lemma);
      w.key("type").string(e.type);
      w.key("class").string(to_string(e.cls));
      w.key("newsworthy").boolean(e.newsworthy);
      w.key("factuality").string(to_string(e.factuality));
      w.key("tense").string(to_string(e.tense));
      w.key("aspect").string(to_string(e.aspect));
      w.key("polarity").string(to_string(e.polarity));
      w.key("modality").string(e.modality);
      w.key("pos").string(to_string(e.pos));
      w.key("confidence").real(e.confidence);
      w.key("participants");
      write_participants(w, doc, i);
      write_event_time(w, when[i]);
      w.end_object();
    }
  }
  w.end_array();
}

void write_times(JsonWriter& w, const Document& doc) {
  w.begin_array();
  if (doc.has<TimeExpressions>()) {
    for (const Timex& t : doc.get<TimeExpressions>().timexes) {
      w.begin_object();
      w.key("tid").string(t.tid);
      w.key("text").string(doc.text(t.span));
      w.key("span");
      write_span(w, t.span);
      w.key("type").string(to_string(t.type));
      w.key("value").string(t.value);
      w.key("mod").string(t.mod);
      w.key("quant").string(t.quant);
      w.key("freq").string(t.freq);
      w.key("temporal_function").boolean(t.temporal_function);
      w.key("anchor");
      if (t.anchor_tid.empty()) w.null();
      else w.string(t.anchor_tid);
      w.key("interval");
      if (t.interval)
        w.begin_object()
            .key("start").string(iso_time(t.interval->start))
            .key("end").string(iso_time(t.interval->end))
            .key("granularity").string(to_string(t.interval->granularity))
            .end_object();
      else
        w.null();
      w.key("stated");
      write_field_names(w, t.stated);
      w.key("inferred");
      write_field_names(w, t.inferred);
      w.end_object();
    }
  }
  w.end_array();
}

void write_links(JsonWriter& w, const Document& doc) {
  w.begin_array();
  if (doc.has<TemporalLinks>()) {
    for (const TemporalLinkRecord& l : doc.get<TemporalLinks>().links) {
      w.begin_object();
      w.key("source").string(l.a);
      w.key("target").string(l.b);
      w.key("relation").string(to_string(l.type));
      w.key("confidence").real(l.confidence);
      w.key("evidence").string(l.evidence);
      w.key("signal");
      if (l.signal) {
        w.begin_object().key("text").string(doc.text(*l.signal)).key("span");
        write_span(w, *l.signal);
        w.end_object();
      } else {
        w.null();
      }
      w.key("kept").boolean(l.kept);
      w.end_object();
    }
  }
  w.end_array();
}

void write_implicit_events(JsonWriter& w, const Document& doc) {
  w.begin_array();
  if (doc.has<TemporalLinks>()) {
    for (const ImplicitEvent& x : doc.get<TemporalLinks>().implicit_events) {
      w.begin_object();
      w.key("id").string(x.id);
      w.key("text").string(doc.text(x.phrase));
      w.key("span");
      write_span(w, x.phrase);
      w.key("head").string(x.head);
      w.end_object();
    }
  }
  w.end_array();
}

void write_derived_times(JsonWriter& w, const Document& doc) {
  w.begin_array();
  if (doc.has<TemporalLinks>()) {
    for (const DerivedTime& d : doc.get<TemporalLinks>().derived_times) {
      w.begin_object();
      w.key("id").string(d.id);
      w.key("text").string(doc.text(d.phrase));
      w.key("span");
      write_span(w, d.phrase);
      w.key("value").string(d.value);
      w.key("start").string(iso_day(std::chrono::floor<std::chrono::days>(d.interval.start)));
      w.key("end").string(iso_day(std::chrono::floor<std::chrono::days>(d.interval.end - std::chrono::seconds(1))));
      w.key("from").string(d.from);
      w.end_object();
    }
  }
  w.end_array();
}

void write_diagnostics(JsonWriter& w, const Document& doc) {
  w.begin_array();
  for (const Diagnostic& d : doc.diagnostics()) {
    w.begin_object();
    w.key("severity").string(severity_name(d.severity));
    w.key("stage").string(d.stage);
    w.key("message").string(d.message);
    w.key("span");
    if (d.where) write_span(w, *d.where);
    else w.null();
    w.end_object();
  }
  if (doc.has<TemporalLinks>())
    for (const std::string& line : doc.get<TemporalLinks>().diagnostics)
      w.begin_object()
          .key("severity").string("note")
          .key("stage").string("relation")
          .key("message").string(line)
          .key("span").null()
          .end_object();
  w.end_array();
}

}  // namespace

std::string extract_json(const Document& doc, const ExtractOptions& options) {
  std::string out;
  out.reserve(4 * doc.text().size() + 1024);
  JsonWriter w(out, options.indent);
  w.begin_object();
  w.key("schema").string(kExtractSchema);
  w.key("document");
  write_document(w, doc, options);
  w.key("sentences");
  write_sentences(w, doc);
  w.key("actors");
  write_actors(w, doc);
  w.key("entities");
  write_entities(w, doc);
  w.key("events");
  write_events(w, doc);
  w.key("implicit_events");
  write_implicit_events(w, doc);
  w.key("times");
  write_times(w, doc);
  w.key("derived_times");
  write_derived_times(w, doc);
  w.key("links");
  write_links(w, doc);
  w.key("diagnostics");
  write_diagnostics(w, doc);
  w.end_object();
  return out;
}

}  // namespace tempora

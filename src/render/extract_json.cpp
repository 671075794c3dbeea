// extract_json(): the document's layers as one JSON object
// ("tempora-extract/1", docs/extract-json.md).
//
// The writer walks the layers in pipeline order and turns each fact into a
// plain object with its byte span and sentence, so a consumer never needs the
// C++ types. Ids are the stages' own ("a1", "e3", "t2", "t0" for the DCT), and
// every cross-reference uses them: a participant names its actor by id, a link
// names its ends by id. nlohmann::ordered_json keeps the keys in the order the
// schema documents them, so the output is stable byte for byte.
#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <string>
#include <string_view>

#include "tempora/actor.hpp"
#include "tempora/event.hpp"
#include "tempora/event_time.hpp"
#include "tempora/extract.hpp"
#include "tempora/relation.hpp"
#include "tempora/timex.hpp"

namespace tempora {

namespace {

using Json = nlohmann::ordered_json;

Json span_json(Span s) { return Json::array({s.begin, s.end}); }

std::string iso_day(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

Json optional_day(const std::optional<std::chrono::sys_days>& day) {
  return day ? Json(iso_day(*day)) : Json(nullptr);
}

std::string iso_time(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms{t - day};
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d", iso_day(day).c_str(), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buffer;
}

Json field_names(std::uint16_t bits) {
  static constexpr std::array<std::pair<TimexField, std::string_view>, 12> kNames{{
      {kFieldCentury, "century"}, {kFieldDecade, "decade"}, {kFieldYear, "year"}, {kFieldQuarter, "quarter"},
      {kFieldSeason, "season"}, {kFieldMonth, "month"}, {kFieldWeek, "week"}, {kFieldWeekday, "weekday"},
      {kFieldDay, "day"}, {kFieldPartOfDay, "part_of_day"}, {kFieldHour, "hour"}, {kFieldMinute, "minute"}}};
  Json out = Json::array();
  for (const auto& [bit, name] : kNames)
    if (bits & bit) out.push_back(name);
  return out;
}

std::string_view severity_name(Diagnostic::Severity s) {
  switch (s) {
    case Diagnostic::Severity::note: return "note";
    case Diagnostic::Severity::warning: return "warning";
    case Diagnostic::Severity::error: return "error";
  }
  return "warning";
}

Json document_json(const Document& doc, const ExtractOptions& options) {
  const DocumentInfo& info = doc.info();
  Json d;
  d["id"] = info.id;
  d["title"] = info.title;
  d["source"] = info.source;
  d["url"] = info.url;
  if (info.creation_time)
    d["dct"] = {{"value", dct_value(*info.creation_time)}, {"origin", info.creation_time->origin}};
  else
    d["dct"] = nullptr;
  d["bytes"] = doc.text().size();
  if (options.text) d["text"] = std::string(doc.text());
  return d;
}

Json sentences_json(const Document& doc) {
  Json out = Json::array();
  if (!doc.has<Segmentation>()) return out;
  for (const Sentence& s : doc.get<Segmentation>().sentences) out.push_back(span_json(s.span));
  return out;
}

Json actors_json(const Document& doc) {
  Json out = Json::array();
  if (!doc.has<Actors>()) return out;
  for (const Actor& a : doc.get<Actors>().actors) {
    Json mentions = Json::array();
    for (const ActorMention& m : a.mentions)
      mentions.push_back({{"text", std::string(doc.text(m.span))},
                          {"span", span_json(m.span)},
                          {"sentence", m.sentence},
                          {"kind", to_string(m.kind)}});
    out.push_back({{"id", a.id},
                   {"type", to_string(a.type)},
                   {"name", a.name},
                   {"key", a.key},
                   {"aliases", a.aliases},
                   {"roles", a.roles},
                   {"affiliations", a.affiliations},
                   {"mentions", std::move(mentions)}});
  }
  return out;
}

Json entities_json(const Document& doc) {
  Json out = Json::array();
  if (!doc.has<Entities>()) return out;
  for (const EntityMention& m : doc.get<Entities>().mentions)
    out.push_back({{"text", std::string(doc.text(m.span))},
                   {"span", span_json(m.span)},
                   {"sentence", m.sentence},
                   {"type", to_string(m.type)},
                   {"confidence", m.confidence}});
  return out;
}

Json participants_json(const Document& doc, std::size_t event) {
  Json out = Json::array();
  if (!doc.has<Participants>()) return out;
  const Actors* actors = doc.has<Actors>() ? &doc.get<Actors>() : nullptr;
  const auto& events = doc.get<Events>().events;
  for (const Participant& p : doc.get<Participants>().of(event)) {
    Json j{{"role", to_string(p.role)}, {"text", std::string(doc.text(p.span))}, {"span", span_json(p.span)}};
    const bool has_actor = actors && p.actor >= 0 && static_cast<std::size_t>(p.actor) < actors->actors.size();
    j["actor"] = has_actor ? Json(actors->actors[static_cast<std::size_t>(p.actor)].id) : Json(nullptr);
    const bool has_event = p.event >= 0 && static_cast<std::size_t>(p.event) < events.size();
    j["event"] = has_event ? Json(events[static_cast<std::size_t>(p.event)].id) : Json(nullptr);
    out.push_back(std::move(j));
  }
  return out;
}

Json event_time_json(const EventTime& w) {
  Json j;
  if (w.dated()) {
    j["time"] = {{"tid", w.tid},
                 {"value", w.value},
                 {"anchor", to_string(w.anchor)},
                 {"start", optional_day(w.start)},
                 {"end", optional_day(w.end)},
                 {"granularity", to_string(w.granularity)},
                 {"inferred", {{"year", w.inferred.year}, {"month", w.inferred.month}, {"day", w.inferred.day}}},
                 {"evidence", w.evidence},
                 {"confidence", w.confidence},
                 {"stated", w.stated}};
  } else {
    j["time"] = nullptr;
  }
  j["bounds"] = {{"not_before", optional_day(w.not_before)}, {"not_after", optional_day(w.not_after)}};
  return j;
}

Json events_json(const Document& doc) {
  Json out = Json::array();
  if (!doc.has<Events>()) return out;
  const auto& events = doc.get<Events>().events;
  const std::vector<EventTime> when = event_times(doc);
  for (std::size_t i = 0; i < events.size(); ++i) {
    const EventMention& e = events[i];
    Json j{{"id", e.id},
           {"trigger", std::string(doc.text(e.span))},
           {"span", span_json(e.span)},
           {"sentence", e.sentence},
           {"lemma", e.lemma},
           {"type", e.type},
           {"class", to_string(e.cls)},
           {"newsworthy", e.newsworthy},
           {"tense", to_string(e.tense)},
           {"aspect", to_string(e.aspect)},
           {"polarity", to_string(e.polarity)},
           {"modality", e.modality},
           {"pos", to_string(e.pos)},
           {"confidence", e.confidence},
           {"participants", participants_json(doc, i)}};
    const Json time = event_time_json(when[i]);
    j["time"] = time["time"];
    j["bounds"] = time["bounds"];
    out.push_back(std::move(j));
  }
  return out;
}

Json times_json(const Document& doc) {
  Json out = Json::array();
  if (!doc.has<TimeExpressions>()) return out;
  for (const Timex& t : doc.get<TimeExpressions>().timexes) {
    Json j{{"tid", t.tid},
           {"text", std::string(doc.text(t.span))},
           {"span", span_json(t.span)},
           {"type", to_string(t.type)},
           {"value", t.value},
           {"mod", t.mod},
           {"quant", t.quant},
           {"freq", t.freq},
           {"temporal_function", t.temporal_function},
           {"anchor", t.anchor_tid.empty() ? Json(nullptr) : Json(t.anchor_tid)}};
    if (t.interval)
      j["interval"] = {{"start", iso_time(t.interval->start)},
                       {"end", iso_time(t.interval->end)},
                       {"granularity", to_string(t.interval->granularity)}};
    else
      j["interval"] = nullptr;
    j["stated"] = field_names(t.stated);
    j["inferred"] = field_names(t.inferred);
    out.push_back(std::move(j));
  }
  return out;
}

Json links_json(const Document& doc) {
  Json out = Json::array();
  if (!doc.has<TemporalLinks>()) return out;
  for (const TemporalLinkRecord& l : doc.get<TemporalLinks>().links) {
    Json j{{"source", l.a},
           {"target", l.b},
           {"relation", to_string(l.type)},
           {"confidence", l.confidence},
           {"evidence", l.evidence}};
    j["signal"] = l.signal ? Json{{"text", std::string(doc.text(*l.signal))}, {"span", span_json(*l.signal)}}
                           : Json(nullptr);
    j["kept"] = l.kept;
    out.push_back(std::move(j));
  }
  return out;
}

Json implicit_events_json(const Document& doc) {
  Json out = Json::array();
  if (!doc.has<TemporalLinks>()) return out;
  for (const ImplicitEvent& x : doc.get<TemporalLinks>().implicit_events)
    out.push_back({{"id", x.id}, {"text", std::string(doc.text(x.phrase))}, {"span", span_json(x.phrase)}, {"head", x.head}});
  return out;
}

Json diagnostics_json(const Document& doc) {
  Json out = Json::array();
  for (const Diagnostic& d : doc.diagnostics())
    out.push_back({{"severity", severity_name(d.severity)},
                   {"stage", d.stage},
                   {"message", d.message},
                   {"span", d.where ? span_json(*d.where) : Json(nullptr)}});
  if (doc.has<TemporalLinks>())
    for (const std::string& line : doc.get<TemporalLinks>().diagnostics)
      out.push_back({{"severity", "note"}, {"stage", "relation"}, {"message", line}, {"span", nullptr}});
  return out;
}

}  // namespace

std::string extract_json(const Document& doc, const ExtractOptions& options) {
  Json j;
  j["schema"] = kExtractSchema;
  j["document"] = document_json(doc, options);
  j["sentences"] = sentences_json(doc);
  j["actors"] = actors_json(doc);
  j["entities"] = entities_json(doc);
  j["events"] = events_json(doc);
  j["implicit_events"] = implicit_events_json(doc);
  j["times"] = times_json(doc);
  j["links"] = links_json(doc);
  j["diagnostics"] = diagnostics_json(doc);
  // Invalid UTF-8 cannot reach here (Document repairs it), but replace rather
  // than throw should a stage ever produce a bad byte.
  return j.dump(options.indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace tempora

// tempora query: questions to a corpus store made by `tempora index`.
//
//   query met        who met whom and when (MEET/TALK events between people
//                    and organisations), merged across articles
//   query events     the events an actor takes part in, per document
//   query timeline   an actor's events across documents, merged and ordered
//
// Names are matched by actor key (tempora/store.hpp): "Holm" finds "Anders
// Holm". Tables are for people (sources abbreviated), --format json gives
// everything, with the provenance of each mention.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "tempora/store.hpp"
#include "tempora/timex.hpp"

namespace tempora::cli {
namespace {

using nlohmann::json;

struct QueryOptions {
  std::string store = "corpus.db";
  std::string format = "table";
  std::string actor, with, from, to;
  std::vector<std::string> types;
  bool all = false;
};

std::optional<std::chrono::sys_days> date_option(const std::string& name, const std::string& value) {
  if (value.empty()) return std::nullopt;
  const auto parsed = parse_dct(value, "cli");
  if (!parsed) throw std::runtime_error(fmt::format("{} {}: not a date (use YYYY-MM-DD)", name, value));
  return parsed->day;
}

// A plain text table: columns as wide as their widest cell (in code points).
class Table {
 public:
  explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void print() const {
    std::vector<std::size_t> width(rows_.front().size(), 0);
    for (const auto& row : rows_)
      for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], columns(row[c]));
    for (const auto& row : rows_) {
      std::string line;
      for (std::size_t c = 0; c < row.size(); ++c) {
        line += row[c];
        if (c + 1 < row.size()) line += std::string(width[c] - columns(row[c]) + 2, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      fmt::print("{}\n", line);
    }
  }

 private:
  static std::size_t columns(const std::string& s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  }
  std::vector<std::vector<std::string>> rows_;
};

std::string sources_cell(const std::vector<std::string>& sources) {
  std::string out = fmt::format("{}: ", sources.size());
  for (std::size_t i = 0; i < sources.size() && i < 3; ++i) out += (i ? ", " : "") + sources[i];
  if (sources.size() > 3) out += fmt::format(", +{} more", sources.size() - 3);
  return out;
}

json date_json(const EventDate& d) {
  json j = {{"anchor", d.anchor.empty() ? json(nullptr) : json(d.anchor)}};
  if (!d.value.empty()) j["value"] = d.value;
  if (d.start) j["start"] = iso_date(*d.start);
  if (d.end) j["end"] = iso_date(*d.end);
  if (d.earliest) j["earliest"] = iso_date(*d.earliest);
  if (d.latest) j["latest"] = iso_date(*d.latest);
  return j;
}

json actor_json(const ActorRef& a) { return {{"key", a.key}, {"name", a.name}, {"type", a.type}}; }

json where_json(const Provenance& p) { return {{"sentence", p.sentence}, {"begin", p.span.begin}, {"end", p.span.end}}; }

json optional_day(const std::optional<std::chrono::sys_days>& day) { return day ? json(iso_date(*day)) : json(nullptr); }

void print_json(const json& j) {
  fmt::print("{}\n", j.dump(2, ' ', false, json::error_handler_t::replace));
}

void run_met(const QueryOptions& o) {
  MeetingQuery query{o.actor, o.with, date_option("--from", o.from), date_option("--to", o.to)};
  if (query.from && query.to && *query.to < *query.from)
    throw std::runtime_error(fmt::format("--from {} is after --to {}", o.from, o.to));
  auto store = SqliteStore::open(o.store, true);
  const std::vector<Meeting> meetings = who_met_whom(*store, query);
  if (o.format == "json") {
    json out = json::array();
    for (const Meeting& m : meetings) {
      json mentions = json::array();
      for (const MeetingMention& x : m.mentions)
        mentions.push_back({{"document", x.document}, {"event", x.event}, {"type", x.type}, {"trigger", x.trigger},
                            {"date", date_json(x.date)}, {"place", x.place}, {"where", where_json(x.where)}});
      out.push_back({{"a", actor_json(m.a)}, {"b", actor_json(m.b)}, {"date", m.date_label},
                     {"from", optional_day(m.from)}, {"to", optional_day(m.to)}, {"places", m.places},
                     {"sources", m.sources}, {"mentions", std::move(mentions)}});
    }
    print_json(out);
    return;
  }
  if (meetings.empty()) {
    fmt::print(stderr, "tempora: no meetings found\n");
    return;
  }
  Table table({"DATE", "WHO", "WITH", "PLACE", "SOURCES"});
  for (const Meeting& m : meetings) {
    std::string places;
    for (const std::string& p : m.places) places += (places.empty() ? "" : "; ") + p;
    table.add({m.date_label, m.a.name, m.b.name, places.empty() ? "-" : places, sources_cell(m.sources)});
  }
  table.print();
}

std::string participants_cell(const StoredEvent& e, const std::vector<ActorRef>& actors) {
  std::string out;
  for (std::size_t i = 0; i < e.participants.size(); ++i) {
    const std::string& name = i < actors.size() && !actors[i].key.empty() ? actors[i].name : e.participants[i].text;
    out += fmt::format("{}{}: {}", out.empty() ? "" : "; ", e.participants[i].role, name);
  }
  return out.empty() ? "-" : out;
}

std::string event_date_label(const EventDate& d) { return interval_label(d.from(), d.to()); }

json hit_json(const EventHit& h) {
  json participants = json::array();
  for (std::size_t i = 0; i < h.event.participants.size(); ++i) {
    const StoredParticipant& p = h.event.participants[i];
    json j = {{"role", p.role}, {"text", p.text}, {"where", where_json(p.where)}};
    if (i < h.actors.size() && !h.actors[i].key.empty()) j["actor"] = actor_json(h.actors[i]);
    participants.push_back(std::move(j));
  }
  return {{"document", h.document}, {"event", h.event.local_id}, {"type", h.event.type},
          {"trigger", h.event.trigger}, {"label", h.event.label}, {"class", h.event.event_class},
          {"newsworthy", h.event.newsworthy}, {"negated", h.event.negated},
          {"factuality", h.event.factuality}, {"role", h.role},
          {"date", date_json(h.event.date)}, {"where", where_json(h.event.where)}, {"participants", std::move(participants)}};
}

void run_events(const QueryOptions& o) {
  auto store = SqliteStore::open(o.store, true);
  const std::vector<EventHit> hits = store->events(EventQuery{o.actor, o.types, false});
  if (o.format == "json") {
    json out = json::array();
    for (const EventHit& h : hits) out.push_back(hit_json(h));
    print_json(out);
    return;
  }
  if (hits.empty()) {
    fmt::print(stderr, "tempora: no events found for {}\n", o.actor);
    return;
  }
  Table table({"DOCUMENT", "EVENT", "TYPE", "DATE", "TRIGGER", "ROLE", "PARTICIPANTS"});
  for (const EventHit& h : hits)
    table.add({h.document, h.event.local_id, h.event.type, event_date_label(h.event.date), h.event.trigger, h.role,
               participants_cell(h.event, h.actors)});
  table.print();
}

void run_timeline(const QueryOptions& o) {
  auto store = SqliteStore::open(o.store, true);
  const std::vector<TimelineEntry> entries = actor_timeline(*store, EventQuery{o.actor, o.types, !o.all});
  if (o.format == "json") {
    json out = json::array();
    for (const TimelineEntry& e : entries) {
      json participants = json::array();
      for (const ActorRef& a : e.participants) participants.push_back(actor_json(a));
      json mentions = json::array();
      for (const EventHit& h : e.mentions) mentions.push_back(hit_json(h));
      out.push_back({{"date", e.date_label}, {"from", optional_day(e.from)}, {"to", optional_day(e.to)},
                     {"type", e.type}, {"label", e.label}, {"participants", std::move(participants)},
                     {"sources", e.sources}, {"mentions", std::move(mentions)}});
    }
    print_json(out);
    return;
  }
  if (entries.empty()) {
    fmt::print(stderr, "tempora: no events found for {}\n", o.actor);
    return;
  }
  Table table({"DATE", "TYPE", "EVENT", "PARTICIPANTS", "SOURCES"});
  for (const TimelineEntry& e : entries) {
    std::string who;
    for (const ActorRef& a : e.participants) who += (who.empty() ? "" : ", ") + a.name;
    table.add({e.date_label, e.type, e.label, who.empty() ? "-" : who, sources_cell(e.sources)});
  }
  table.print();
}

}  // namespace

void add_query_command(CLI::App& app) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* query = app.add_subcommand("query", "Ask a corpus store (made by `tempora index`) who met whom, and when");
  query->require_subcommand(1);
  query->fallthrough();
  query->add_option("--store", options->store, "The store file")->capture_default_str();
  query->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"table", "json"}))->capture_default_str();

  CLI::App* met = query->add_subcommand(
      "met", "Who met whom and when: pairs of people or organisations in MEET/TALK events, merged across articles");
  met->add_option("--actor", options->actor, "Meetings of this actor (a name: 'Holm' matches 'Anders Holm')");
  met->add_option("--with", options->with, "Meetings with this actor");
  met->add_option("--from", options->from, "Meetings that may fall on or after this date (YYYY-MM-DD)");
  met->add_option("--to", options->to, "Meetings that may fall on or before this date (YYYY-MM-DD)");
  met->callback([options] { run_met(*options); });

  CLI::App* events = query->add_subcommand("events", "The events an actor takes part in, in every article");
  events->add_option("--actor", options->actor, "The actor's name")->required();
  events->add_option("--type", options->types, "Only events of these types (MEET, TALK, VISIT, ...)");
  events->callback([options] { run_events(*options); });

  CLI::App* timeline = query->add_subcommand(
      "timeline", "An actor's events across articles: merged (same type, participants, compatible date) and ordered");
  timeline->add_option("--actor", options->actor, "The actor's name")->required();
  timeline->add_option("--type", options->types, "Only events of these types");
  timeline->add_flag("--all", options->all, "Also reporting verbs and states (hidden by default)");
  timeline->callback([options] { run_timeline(*options); });
}

}  // namespace tempora::cli

// extract_table(): the analysis of one document as aligned text for a
// terminal (`tempora extract --pretty`). Three sections, each a table whose
// columns are padded to their widest cell (counted in code points, so names
// with diacritics line up): actors, events in text order with their date and
// participants, and time expressions. Layers the document lacks are left out.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "tempora/actor.hpp"
#include "tempora/event.hpp"
#include "tempora/event_time.hpp"
#include "tempora/extract.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/timex.hpp"

namespace tempora {

namespace {

std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// One line per cell, newlines in cells flattened so a row stays one line.
std::string cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

struct Table {
  std::vector<std::vector<std::string>> rows;

  void add(std::vector<std::string> row) { rows.push_back(std::move(row)); }

  std::string str() const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (widths.size() <= i) widths.resize(i + 1, 0);
        widths[i] = std::max(widths[i], width(row[i]));
      }
    std::string out;
    for (const auto& row : rows) {
      std::string line = "  ";
      for (std::size_t i = 0; i < row.size(); ++i) {
        line += row[i];
        if (i + 1 < row.size()) line.append(widths[i] - width(row[i]) + 2, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + '\n';
    }
    return out;
  }
};

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

std::string iso_day(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string when_text(const EventTime& w) {
  if (w.dated()) {
    std::string out = w.value;
    if (w.inferred.year || w.inferred.month || w.inferred.day) out += " (inferred)";
    return out;
  }
  if (w.not_before && w.not_after && *w.not_before == *w.not_after) return iso_day(*w.not_before) + " (by order)";
  if (w.not_before && w.not_after) return fmt::format("{}..{}", iso_day(*w.not_before), iso_day(*w.not_after));
  if (w.not_before) return ">= " + iso_day(*w.not_before);
  if (w.not_after) return "<= " + iso_day(*w.not_after);
  return "?";
}

std::string participants_text(const Document& doc, std::size_t event) {
  if (!doc.has<Participants>()) return {};
  const Actors* actors = doc.has<Actors>() ? &doc.get<Actors>() : nullptr;
  const auto& events = doc.get<Events>().events;
  std::vector<std::string> parts;
  for (const Participant& p : doc.get<Participants>().of(event)) {
    std::string who;
    if (actors && p.actor >= 0 && static_cast<std::size_t>(p.actor) < actors->actors.size())
      who = actors->actors[static_cast<std::size_t>(p.actor)].name;
    else if (p.event >= 0 && static_cast<std::size_t>(p.event) < events.size())
      who = std::string(doc.text(events[static_cast<std::size_t>(p.event)].span)) + " (" +
            events[static_cast<std::size_t>(p.event)].id + ")";
    else
      who = cell(doc.text(p.span));
    parts.push_back(fmt::format("{}: {}", to_string(p.role), who));
  }
  return join(parts, "; ");
}

}  // namespace

std::string extract_table(const Document& doc) {
  std::string out;
  const DocumentInfo& info = doc.info();
  out += fmt::format("Document {}  DCT {}\n", info.id.empty() ? "(no id)" : info.id,
                     info.creation_time ? fmt::format("{} ({})", dct_value(*info.creation_time), info.creation_time->origin)
                                        : std::string("unknown"));

  if (doc.has<Actors>()) {
    Table t;
    t.add({"ID", "TYPE", "NAME", "ROLES", "ALIASES", "MENTIONS"});
    for (const Actor& a : doc.get<Actors>().actors) {
      std::vector<std::string> roles = a.roles;
      for (const std::string& aff : a.affiliations) roles.push_back("of " + aff);
      t.add({a.id, std::string(to_string(a.type)), cell(a.name), cell(join(roles, ", ")), cell(join(a.aliases, ", ")),
             std::to_string(a.mentions.size())});
    }
    out += fmt::format("\nActors ({})\n{}", doc.get<Actors>().actors.size(), t.str());
  }

  if (doc.has<Events>()) {
    const auto& events = doc.get<Events>().events;
    const std::vector<EventTime> when = event_times(doc);
    // A mention without a date of its own shows the date another mention of
    // the same event gives ("his meeting with Trump": "2025-10-17 (as e29)").
    const std::vector<std::size_t> first_mention = event_mention_groups(doc, build_timeline(doc));
    std::vector<std::optional<std::size_t>> dated_mention(events.size());  // by first mention
    for (std::size_t i = 0; i < events.size(); ++i)
      if (!dated_mention[first_mention[i]] && when[i].dated()) dated_mention[first_mention[i]] = i;
    Table t;
    t.add({"ID", "WHEN", "TYPE", "TRIGGER", "CLASS", "FACTUALITY", "PARTICIPANTS"});
    for (std::size_t i = 0; i < events.size(); ++i) {
      const EventMention& e = events[i];
      std::string trigger = cell(doc.text(e.span));
      if (e.polarity == EventPolarity::NEG) trigger = "not " + trigger;
      std::string date = when_text(when[i]);
      if (const auto other = dated_mention[first_mention[i]]; !when[i].dated() && other) {
        date = when_text(when[*other]);
        const std::string as = "as " + events[*other].id;
        if (date.back() == ')') date.insert(date.size() - 1, ", " + as);
        else date += " (" + as + ")";
      }
      t.add({e.id, date, e.type + (e.newsworthy ? "" : "*"), trigger, std::string(to_string(e.cls)),
             std::string(to_string(e.factuality)), cell(participants_text(doc, i))});
    }
    out += fmt::format("\nEvents ({}; * = reporting or state, hidden from timelines by default)\n{}", events.size(),
                       t.str());
  }

  if (doc.has<TimeExpressions>()) {
    const auto& timexes = doc.get<TimeExpressions>().timexes;
    Table t;
    t.add({"ID", "TYPE", "VALUE", "TEXT", "INFERRED"});
    for (const Timex& x : timexes) {
      std::vector<std::string> inferred;
      if (x.inferred & kFieldYear) inferred.push_back("year");
      if (x.inferred & kFieldMonth) inferred.push_back("month");
      if (x.inferred & kFieldDay) inferred.push_back("day");
      t.add({x.tid, std::string(to_string(x.type)), x.value + (x.mod.empty() ? "" : " " + x.mod),
             cell(doc.text(x.span)), join(inferred, ", ")});
    }
    out += fmt::format("\nTime expressions ({})\n{}", timexes.size(), t.str());
  }

  for (const Diagnostic& d : doc.diagnostics())
    if (d.severity != Diagnostic::Severity::note) out += fmt::format("\n{}: {}", d.stage, d.message);
  return out;
}

}  // namespace tempora

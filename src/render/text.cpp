// The plain-text timeline: what `tempora timeline` prints when no output file
// is given. One line per shown event in placement order (column, then row),
// the date label padded to one width so the events line up. Text from the
// document is printed through a filter that turns control characters (C0,
// DEL, C1: newlines, terminal escape sequences) into spaces, so an article
// cannot move the cursor or recolour the user's terminal.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "tempora/render.hpp"
#include "tempora/utf8.hpp"

namespace tempora {

namespace {

std::string printable(std::string_view text) {
  std::string repaired(text);
  utf8::repair(repaired);
  std::string out;
  out.reserve(repaired.size());
  for (std::size_t pos = 0; pos < repaired.size();) {
    const std::size_t len = std::max<std::size_t>(1, utf8::valid_sequence_length(repaired, pos));
    const char32_t cp = utf8::decode(repaired, pos, len);
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) out += ' ';
    else out.append(repaired, pos, len);
    pos += len;
  }
  return out;
}

std::size_t width(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string to_text(const TimelineGraph& graph, const Placement& placement) {
  const auto& g = graph.graph();
  std::size_t date_width = 0;
  for (const PlacedEvent& p : placement.events) date_width = std::max(date_width, width(p.date_label));
  std::string out;
  for (const PlacedEvent& p : placement.events) {
    const EventNode& ev = *g[p.event].event();
    const std::string& title = !ev.label.empty() ? ev.label : !ev.trigger.empty() ? ev.trigger : ev.id;
    std::string details = ev.type;
    // Each actor once, in the first role a mention gives it: the reports of
    // one meeting may call the same person its agent and its co-participant.
    std::set<TimelineGraph::Vertex> seen;
    for (const auto m : p.mentions)
      for (const auto& [actor, role] : graph.participants(m)) {
        if (!seen.insert(actor).second) continue;
        details += fmt::format("{}{} ({})", details.empty() ? "" : seen.size() == 1 ? "; " : ", ",
                               g[actor].actor()->name, to_string(role));
      }
    if (p.mentions.size() > 1) details += fmt::format("{}{} reports", details.empty() ? "" : "; ", p.mentions.size());
    if (p.in_contradiction) details += fmt::format("{}order contradicts itself", details.empty() ? "" : "; ");
    out += printable(p.date_label);
    out.append(date_width - width(p.date_label) + 2, ' ');
    out += printable(title);
    if (!details.empty()) out += "  [" + printable(details) + "]";
    out += '\n';
  }
  for (const auto& cycle : placement.contradictions) {
    out += "contradiction: the order of";
    for (std::size_t i = 0; i < cycle.size(); ++i) {
      const EventNode& ev = *g[cycle[i]].event();
      out += fmt::format("{} \"{}\"", i ? "," : "", printable(ev.label.empty() ? ev.id : ev.label));
    }
    out += " is circular\n";
  }
  if (placement.hidden > 0)
    out += fmt::format(
        "({} more event{} hidden: reporting verbs, states, possibilities, denials or filters; --all shows them)\n",
        placement.hidden, placement.hidden == 1 ? "" : "s");
  return out;
}

}  // namespace tempora

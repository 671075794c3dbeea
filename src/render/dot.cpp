// The DOT writer: a placed timeline graph as a left-to-right timeline.
//
// Layout is left to Graphviz `dot` with rankdir=LR, so a rank is a column.
// Each placement column becomes one rank holding a header node (the date, in
// a dark box, linked to the next header by a bold arrow: the time axis) and
// the column's events ({rank=same; header; events}). Actors share a first
// "Who" rank, and their edges to events run left to right into the columns;
// each actor has a colour so its lines can be followed. Order edges between
// events are drawn solid when the text states them, dashed when inferred,
// red when they belong to a contradiction cycle; edges inside one column do
// not constrain the ranks (constraint=false). Every piece of user text goes
// through dot_html_text() or dot_quoted(); node names are generated ("e12"),
// never taken from the input.
#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

#include "tempora/render.hpp"
#include "tempora/utf8.hpp"

namespace tempora {

namespace {

// Above this many events the layout trades looks for speed (see to_dot).
constexpr std::size_t kLargeGraph = 150;
// Above this many events crossing minimisation is skipped altogether: on
// 10,000 events it alone takes dot minutes, and no reader follows the
// crossings of a picture that size.
constexpr std::size_t kHugeGraph = 3000;
// Above this many events actors are named in the event boxes, not linked.
constexpr std::size_t kActorLines = 60;
// Above this many events the actor lines carry no role label (each label is
// one more virtual node per line for dot; the role stays in the tooltip).
constexpr std::size_t kRoleLabels = 20;

constexpr std::string_view kAxis = "#1f3b73";
constexpr std::string_view kBetween = "#6d83ad";
constexpr std::string_view kUndated = "#8c8c8c";
constexpr std::string_view kEventFill = "#fff4d1";
constexpr std::string_view kEventLine = "#c79a1e";
constexpr std::string_view kQuietFill = "#f1f1f1";
constexpr std::string_view kContradiction = "#d62728";
// Distinct, print-safe colours for actors' lines (Tableau 10 without red).
constexpr std::array<std::string_view, 8> kActorColors{"#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e",
                                                       "#17becf", "#8c564b", "#e377c2", "#7f7f7f"};

std::string_view actor_fill(ActorType type) {
  switch (type) {
    case ActorType::PERSON: return "#dbe9f6";
    case ActorType::ORGANIZATION: return "#dff0d8";
    case ActorType::GPE:
    case ActorType::LOCATION:
    case ActorType::FACILITY: return "#ece2f3";
    case ActorType::OTHER: break;
  }
  return "#eeeeee";
}

std::string_view actor_kind(ActorType type) {
  switch (type) {
    case ActorType::PERSON: return "person";
    case ActorType::ORGANIZATION: return "organization";
    case ActorType::GPE: return "country / city";
    case ActorType::LOCATION: return "place";
    case ActorType::FACILITY: return "building / facility";
    case ActorType::OTHER: break;
  }
  return "other";
}

// Greedy word wrap at about `width` code points; words longer than twice the
// width are cut so a URL cannot make a node as wide as the page.
std::string wrap(std::string_view text, std::size_t width) {
  if (width == 0) return std::string(text);
  std::string out, line, word;
  std::size_t line_len = 0, word_len = 0;
  const auto flush_word = [&] {
    if (word.empty()) return;
    if (line_len > 0 && line_len + 1 + word_len > width) {
      out += line;
      out += '\n';
      line.clear();
      line_len = 0;
    }
    if (line_len > 0) {
      line += ' ';
      ++line_len;
    }
    line += word;
    line_len += word_len;
    word.clear();
    word_len = 0;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t len = std::max<std::size_t>(1, utf8::valid_sequence_length(text, pos));
    const std::string_view cp = text.substr(pos, len);
    pos += len;
    if (cp == " " || cp == "\n") {
      flush_word();
      if (cp == "\n") {
        out += line;
        out += '\n';
        line.clear();
        line_len = 0;
      }
      continue;
    }
    word += cp;
    if (++word_len >= 2 * width) flush_word();
  }
  flush_word();
  out += line;
  return out;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string event_title(const EventNode& e) {
  if (!e.label.empty()) return e.label;
  if (!e.trigger.empty()) return e.trigger;
  if (!e.type.empty()) return e.type;
  return e.id;
}

std::string_view relation_words(OrderRelation r) {
  switch (r) {
    case OrderRelation::BEFORE: return "";
    case OrderRelation::IBEFORE: return "right before";
    case OrderRelation::SIMULTANEOUS: return "same time";
    case OrderRelation::INCLUDES: return "includes";
    case OrderRelation::IS_INCLUDED: return "during";
    case OrderRelation::DURING: return "during";
    case OrderRelation::DURING_INV: return "includes";
    case OrderRelation::BEGINS: return "begins";
    case OrderRelation::BEGUN_BY: return "begun by";
    case OrderRelation::ENDS: return "ends";
    case OrderRelation::ENDED_BY: return "ended by";
    case OrderRelation::OVERLAP: return "overlaps";
    default: return "related";
  }
}

// An HTML-like label: a bold line and a small grey line, both already
// escaped. Graphviz rejects empty elements (<B></B> is a syntax error at
// layout time), so an empty part is left out, and an empty label is a space.
std::string two_line_label(const std::string& title, const std::string& detail) {
  std::string out = "<";
  if (!title.empty()) out += "<B>" + title + "</B>";
  if (!title.empty() && !detail.empty()) out += "<BR/>";
  if (!detail.empty()) out += "<FONT POINT-SIZE=\"9\" COLOR=\"#555555\">" + detail + "</FONT>";
  if (title.empty() && detail.empty()) out += " ";
  return out + ">";
}

// What an order arrow says on its own: the relation when it is not plain
// "before", and the words of the text that state it when they are short
// ("After the meeting"), so a reader sees why the arrow is there.
std::string order_label(const PlacedOrder& o) {
  std::string label(relation_words(o.relation));
  if (!o.inferred && !o.evidence.empty() && utf8_length(o.evidence) <= 32) {
    if (!label.empty()) label += "\n";
    label += "“" + o.evidence + "”";
  }
  return label;
}

void write_legend(std::string& out) {
  // Samples drawn in an HTML table: a box for events, an ellipse-ish cell for
  // actors, arrows as text. Static text, no user input.
  out +=
      "  subgraph cluster_legend {\n"
      "    label=<<B>How to read this</B>>; fontsize=11; style=\"rounded\"; color=\"#bbbbbb\"; margin=8;\n"
      "    legend [shape=plaintext, margin=0, label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
      "CELLPADDING=\"2\">\n";
  const auto row = [&](std::string_view sample, std::string_view text) {
    out += fmt::format("      <TR>{}<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">{}</FONT></TD></TR>\n", sample, text);
  };
  row(fmt::format("<TD BGCOLOR=\"{}\" COLOR=\"{}\" BORDER=\"1\" STYLE=\"ROUNDED\">"
                  "<FONT POINT-SIZE=\"10\" COLOR=\"white\"><B>Date</B></FONT></TD>",
                  kAxis, kAxis),
      "a date or step; time runs left to right");
  row(fmt::format("<TD BGCOLOR=\"{}\" COLOR=\"{}\" BORDER=\"1\" STYLE=\"ROUNDED\">"
                  "<FONT POINT-SIZE=\"10\">Event</FONT></TD>",
                  kEventFill, kEventLine),
      "something that happened, under its date");
  row(fmt::format("<TD BGCOLOR=\"{}\" BORDER=\"1\" STYLE=\"ROUNDED\"><FONT POINT-SIZE=\"10\">Actor</FONT></TD>",
                  actor_fill(ActorType::PERSON)),
      "who took part; a line to each event");
  row("<TD><FONT POINT-SIZE=\"12\">&#8212;&#8212;&#9654;</FONT></TD>", "order the text states");
  row("<TD><FONT POINT-SIZE=\"12\">- - &#9654;</FONT></TD>", "order tempora inferred");
  row(fmt::format("<TD><FONT POINT-SIZE=\"12\" COLOR=\"{}\">&#8212;&#8212;&#9654;</FONT></TD>", kContradiction),
      "contradicting order (a cycle)");
  row("<TD><FONT POINT-SIZE=\"10\">Oct 17 (2025)</FONT></TD>",
      "(...) = inferred, here the year, from the article date");
  out += "    </TABLE>>];\n  }\n";
}

}  // namespace

std::string to_dot(const TimelineGraph& graph, const Placement& placement, const RenderOptions& options) {
  const auto& g = graph.graph();
  std::string out;
  out.reserve(512 + placement.events.size() * 400);
  out += "digraph timeline {\n";
  out += "  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=0.55, pad=0.3, fontname=\"Helvetica\", "
         "bgcolor=\"white\", charset=\"UTF-8\", outputorder=edgesfirst";
  const std::string title = dot_html_text(options.title);
  if (!title.empty() || placement.hidden > 0) {
    std::string label = "<";
    if (!title.empty()) label += "<B>" + title + "</B>";
    if (placement.hidden > 0) {
      if (!title.empty()) label += "<BR ALIGN=\"LEFT\"/>";
      label += fmt::format("<FONT POINT-SIZE=\"10\" COLOR=\"#666666\">{} more event{} hidden (reporting verbs, "
                           "states, filters)</FONT>",
                           placement.hidden, placement.hidden == 1 ? "" : "s");
    }
    label += "<BR ALIGN=\"LEFT\"/>";
    label += ">";
    out += fmt::format(", label={}, labelloc=t, labeljust=l, fontsize=18", label);
  }
  // Big graphs: dot's network simplex (ranking and positions) and spline
  // routing dominate, growing much faster than linearly; capping their
  // iterations and drawing straight edges keeps 1,000 events around a second.
  // Edge labels become extra virtual nodes in dot, so big graphs carry the
  // roles and relations in tooltips only.
  const bool large = placement.events.size() > kLargeGraph;
  if (placement.events.size() > kHugeGraph) out += ", nslimit=0, nslimit1=0, mclimit=0, splines=line";
  else if (large) out += ", nslimit=2, nslimit1=2, mclimit=0.5, splines=line";
  out += "];\n";
  out += "  node [fontname=\"Helvetica\", fontsize=11];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n\n";

  // ---- actors: who takes part in the shown events -------------------------------
  std::vector<TimelineGraph::Vertex> actors;
  std::vector<int> actor_index(boost::num_vertices(g), -1);
  // Actor lines are long edges that dot routes through every column they
  // cross (a virtual node per rank); past a few dozen events they dominate
  // the layout time and turn into a hairball. Bigger timelines name the
  // participants inside each event box instead.
  const bool actor_lines = options.actors && placement.events.size() <= kActorLines;
  if (actor_lines) {
    for (const PlacedEvent& p : placement.events)
      for (const auto mention : p.mentions)
        for (const auto& [actor, role] : graph.participants(mention))
          if (actor_index[actor] < 0) {
            actor_index[actor] = static_cast<int>(actors.size());
            actors.push_back(actor);
          }
  }
  const bool who = !actors.empty();

  // ---- the time axis ----------------------------------------------------------------
  out += "  // time axis: one header per column, left to right\n";
  if (who)
    out += fmt::format("  who [shape=plaintext, fontsize=13, fontcolor=\"{}\", label=<<B>Who</B>>];\n", kAxis);
  for (std::size_t c = 0; c < placement.columns.size(); ++c) {
    const TimelineColumn& col = placement.columns[c];
    const std::string_view fill = col.kind == TimelineColumn::Kind::date      ? kAxis
                                  : col.kind == TimelineColumn::Kind::between ? kBetween
                                                                              : kUndated;
    out += fmt::format(
        "  c{} [shape=box, style=\"rounded,filled\", color=\"{}\", fillcolor=\"{}\", fontcolor=\"white\", "
        "fontsize=13, margin=\"0.2,0.06\", label={}];\n",
        c, fill, fill, two_line_label(dot_html_text(col.label), ""));
  }
  if (placement.columns.size() > 1) {
    out += "  ";
    for (std::size_t c = 0; c < placement.columns.size(); ++c) out += fmt::format("{}c{}", c ? " -> " : "", c);
    out += fmt::format(" [color=\"{}\", penwidth=2.5, arrowsize=0.9, weight=100];\n", kAxis);
  }
  // "Who" heads the actors' column, left of the time axis, not on it.
  if (who && !placement.columns.empty()) out += "  who -> c0 [style=invis, weight=100];\n";

  // ---- events --------------------------------------------------------------------------
  out += "\n  // events, one rank per column\n";
  for (std::size_t i = 0; i < placement.events.size(); ++i) {
    const PlacedEvent& p = placement.events[i];
    const EventNode& ev = *g[p.event].event();
    bool newsworthy = false;
    for (const auto m : p.mentions) newsworthy = newsworthy || g[m].event()->newsworthy;
    std::string detail = ev.type.empty() ? std::string() : ev.type;
    const auto add = [&](std::string_view part) {
      if (part.empty()) return;
      if (!detail.empty()) detail += " · ";
      detail += part;
    };
    add(p.date_label);
    if (options.actors && !actor_lines) {
      std::vector<std::string> names;
      for (const auto m : p.mentions)
        for (const auto& [actor, role] : graph.participants(m))
          if (const std::string& name = g[actor].actor()->name; std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
      if (!names.empty()) {
        std::string who_line = "with " + names[0];
        for (std::size_t k = 1; k < names.size() && k < 4; ++k) who_line += ", " + names[k];
        if (names.size() > 4) who_line += fmt::format(" +{}", names.size() - 4);
        add(who_line);
      }
    }
    if (p.mentions.size() > 1) add(fmt::format("reported {}×", p.mentions.size()));
    if (p.in_contradiction) add("order contradicts itself");
    std::string tooltip = ev.trigger.empty() ? event_title(ev) : "\"" + ev.trigger + "\"";
    for (const auto m : p.mentions)
      for (const auto& doc : g[m].event()->documents) tooltip += "\n" + doc;
    out += fmt::format(
        "  e{} [shape=box, style=\"rounded,filled{}\", fillcolor=\"{}\", color=\"{}\", penwidth={}, "
        "margin=\"0.15,0.07\", label={}, tooltip={}];\n",
        i, newsworthy ? "" : ",dashed", newsworthy ? kEventFill : kQuietFill,
        p.in_contradiction ? kContradiction : kEventLine, p.in_contradiction ? 2 : 1,
        two_line_label(dot_html_text(wrap(event_title(ev), options.wrap)),
                       dot_html_text(wrap(detail, options.wrap + 12))),
        dot_quoted(tooltip));
  }
  // Placement sorts events by column: one pass writes every column's rank.
  for (std::size_t c = 0, i = 0; c < placement.columns.size(); ++c) {
    out += fmt::format("  {{ rank=same; c{};", c);
    for (; i < placement.events.size() && placement.events[i].column == static_cast<int>(c); ++i)
      out += fmt::format(" e{};", i);
    out += " }\n";
  }
  // Invisible flat edges header -> events keep each header at one end of its
  // column, so the dates read as one row.
  for (std::size_t i = 0; i < placement.events.size(); ++i)
    if (placement.events[i].row == 0) out += fmt::format("  c{} -> e{} [style=invis];\n", placement.events[i].column, i);

  // ---- actors and their lines ------------------------------------------------------------
  if (who) {
    out += "\n  // actors and who took part in what\n";
    for (std::size_t a = 0; a < actors.size(); ++a) {
      const ActorNode& actor = *g[actors[a]].actor();
      const std::string_view color = kActorColors[a % kActorColors.size()];
      out += fmt::format(
          "  a{} [shape=box, style=\"rounded,filled\", fillcolor=\"{}\", color=\"{}\", penwidth=1.5, "
          "label={}];\n",
          a, actor_fill(actor.type), color,
          two_line_label(dot_html_text(wrap(actor.name, 24)), dot_html_text(actor_kind(actor.type))));
    }
    out += "  { rank=same; who;";
    for (std::size_t a = 0; a < actors.size(); ++a) out += fmt::format(" a{};", a);
    out += " }\n";
    for (std::size_t i = 0; i < placement.events.size(); ++i) {
      // One line per actor, in the first role a mention gives it (as the text summary does).
      std::set<int> seen;
      for (const auto m : placement.events[i].mentions)
        for (const auto& [actor, role] : graph.participants(m)) {
          const int a = actor_index[actor];
          if (!seen.insert(a).second) continue;
          const std::string_view color = kActorColors[static_cast<std::size_t>(a) % kActorColors.size()];
          out += fmt::format("  a{} -> e{} [color=\"{}\", fontcolor=\"{}\", penwidth=1.3, arrowhead=dot, "
                             "arrowsize=0.5, label={}, tooltip={}];\n",
                             a, i, color, color, dot_quoted(placement.events.size() > kRoleLabels ? "" : to_string(role)), dot_quoted(to_string(role)));
        }
    }
  }

  // ---- order between events -----------------------------------------------------------------
  if (!placement.order.empty()) out += "\n  // order: solid = stated, dashed = inferred, red = contradiction\n";
  for (const PlacedOrder& o : placement.order) {
    const PlacedEvent& from = placement.events[static_cast<std::size_t>(o.from)];
    const PlacedEvent& to = placement.events[static_cast<std::size_t>(o.to)];
    const bool flat = from.column == to.column;
    const bool precedence = o.relation == OrderRelation::BEFORE || o.relation == OrderRelation::IBEFORE;
    std::string tooltip = std::string(to_string(o.relation));
    if (!o.evidence.empty()) tooltip += ": " + o.evidence;
    tooltip += fmt::format(" ({}, confidence {:.2f})", o.inferred ? "inferred" : "stated", o.confidence);
    out += fmt::format(
        "  e{} -> e{} [style={}, color=\"{}\", fontcolor=\"{}\", penwidth={}{}{}, {}={}, tooltip={}];\n", o.from,
        o.to, o.inferred ? "dashed" : "solid", o.contradiction ? kContradiction : "#333333",
        o.contradiction ? kContradiction : "#333333", o.contradiction ? "2" : "1.6",
        flat || o.contradiction || from.column > to.column ? ", constraint=false" : "",
        precedence ? "" : ", dir=none",
        // A labelled edge inside one rank makes Graphviz 2.43's dot free
        // memory twice in gvFreeLayout; such edges get an external label.
        flat ? "xlabel" : "label", dot_quoted(large ? "" : order_label(o)), dot_quoted(tooltip));
  }

  if (options.legend) {
    out += "\n";
    write_legend(out);
  }
  out += "}\n";
  return out;
}

}  // namespace tempora

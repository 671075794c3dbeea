// Drawing a placed timeline graph: DOT text, SVG/PNG/PDF through the Graphviz
// library (in-process, no `dot` program needed), and a JSON export.
//
//   TimelineGraph g = ...;                    // built by the pipeline
//   Placement plan = place(g);                // columns, date labels, filter
//   std::string dot = to_dot(g, plan, {.title = "Zelensky meets Trump"});
//   std::string svg = render_dot(dot, OutputFormat::svg);
//   render_to_file(g, plan, "timeline.png");  // format from the extension
//
// The picture reads left to right: a time axis of date headers (one column per
// date, or per ordered step between dates), event boxes under their date,
// actors on the left linked to their events, stated order as solid arrows,
// inferred order dashed, contradictions red, and a legend. JSON schema:
// docs/graph-json.md.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "tempora/graph.hpp"

namespace tempora {

enum class OutputFormat : std::uint8_t { dot, svg, png, pdf, json };
std::string_view to_string(OutputFormat format);  // "dot", "svg", ...
std::optional<OutputFormat> parse_output_format(std::string_view name);  // case-insensitive
// From the file name's extension (".svg", ".PNG", ".gv" counts as dot).
std::optional<OutputFormat> format_from_path(const std::filesystem::path& path);

struct RenderOptions {
  std::string title;       // printed above the timeline; empty: none
  bool actors = true;      // actor nodes linked to their events
  bool legend = true;
  std::size_t wrap = 34;   // wrap event labels at about this many characters (0: never)
};

// Graphviz failed to parse, lay out or render (message from Graphviz).
class RenderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// ---- escaping (public so that other writers and the tests share it) -------------

// A DOT double-quoted string, quotes included, that Graphviz reads back as
// exactly `text` (label escapes like \N or \l are neutralised, newlines become
// label line breaks, other control characters spaces, invalid UTF-8 U+FFFD).
std::string dot_quoted(std::string_view text);

// Text for inside a Graphviz HTML-like label (<...>): XML-escaped, newlines
// become <BR/>, characters XML forbids are dropped or replaced.
std::string dot_html_text(std::string_view text);

// ---- writers ---------------------------------------------------------------------

std::string to_dot(const TimelineGraph& graph, const Placement& placement, const RenderOptions& options = {});

// The graph (all nodes and edges, unfiltered) and the placement, as JSON text.
std::string to_json(const TimelineGraph& graph, const Placement& placement);

// One line per shown event, in timeline order, for a terminal:
//   Oct 17 (2025)        Zelensky meets Trump — White House  [MEET; Volodymyr Zelensky (agent), ...]
// followed by one line per contradiction cycle. Control characters in the
// text (newlines, escape sequences) are printed as spaces.
std::string to_text(const TimelineGraph& graph, const Placement& placement);

// Lays out DOT text with Graphviz `dot` and renders it (svg, png or pdf) in
// memory. Throws RenderError when Graphviz reports an error, std::invalid_argument
// for the dot and json formats (nothing to render). Serialised by a mutex:
// Graphviz is not thread-safe.
std::string render_dot(std::string_view dot, OutputFormat format);

// Writes the timeline in `format`, or the one the extension names; throws
// std::invalid_argument for an unknown extension, std::runtime_error when the
// file cannot be written, RenderError from Graphviz.
void render_to_file(const TimelineGraph& graph, const Placement& placement, const std::filesystem::path& path,
                    std::optional<OutputFormat> format = std::nullopt, const RenderOptions& options = {});

}  // namespace tempora

// tempora timeline: from articles to a picture of what happened, and when.
//
// Every input goes through the whole pipeline (tempora/pipeline.hpp); the
// documents share one TimelineGraph (node ids prefixed by the article's name
// when there is more than one, and an event several articles report joined
// across them: tempora/compare.hpp), which is placed on the calendar with the filters
// (--actor, --type, --from/--to, --all) and written in the format that -o's
// extension or --format names. Without -o, a text summary goes to stdout:
// one line per event in timeline order, with its date and participants.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "tempora/compare.hpp"
#include "tempora/graph.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/render.hpp"
#include "tempora/timex.hpp"
#include "text/atomic_file.hpp"

namespace tempora::cli {
namespace {

struct TimelineOptions {
  std::vector<std::string> inputs;
  std::string dct;
  std::vector<std::string> actors;
  std::vector<std::string> types;
  std::string from, to;
  bool all = false;
  std::string output;
  std::string format;
  std::string title;
};

std::chrono::sys_days date_option(const std::string& name, const std::string& value) {
  const auto parsed = parse_dct(value, "cli");
  if (!parsed) throw std::runtime_error(fmt::format("{} {}: not a date (use YYYY-MM-DD)", name, value));
  return parsed->day;
}

void run_timeline(const TimelineOptions& options) {
  std::optional<CreationTime> dct;
  if (!options.dct.empty()) dct = parse_dct(options.dct, "cli");
  if (!options.dct.empty() && !dct)
    throw std::runtime_error(fmt::format("--dct {}: not a date (use YYYY-MM-DD)", options.dct));

  TimelineFilter filter;
  filter.all = options.all;
  filter.actors = options.actors;
  filter.types = options.types;
  if (!options.from.empty()) filter.from = date_option("--from", options.from);
  if (!options.to.empty()) filter.to = date_option("--to", options.to);
  if (filter.from && filter.to && *filter.to < *filter.from)
    throw std::runtime_error(fmt::format("--from {} is after --to {}", options.from, options.to));

  // Decide the output format before the (slow) analysis, so a typo fails at once.
  // nullopt: the text summary.
  std::optional<OutputFormat> format;
  if (!options.format.empty() && options.format != "text") {
    format = parse_output_format(options.format);
    if (!format)
      throw std::runtime_error(
          fmt::format("--format {}: unknown format (use text, svg, png, pdf, dot or json)", options.format));
  } else if (options.format.empty() && !options.output.empty()) {
    format = format_from_path(options.output);
    if (!format)
      throw std::runtime_error(fmt::format(
          "-o {}: cannot tell the format from the extension (use .svg, .png, .pdf, .dot or .json, or --format)",
          options.output));
  }

  const Pipeline pipeline = Pipeline::load();
  if (!pipeline.has_events())
    fmt::print(stderr, "tempora: warning: the event model (models/event-tbaq.bin) is missing; the timeline is empty\n");
  std::vector<Document> docs;
  std::string title = options.title;
  for (const std::string& input : options.inputs) {
    Document doc = read_document(input, dct);
    pipeline.analyze(doc);
    for (const Diagnostic& d : doc.diagnostics())
      if (d.severity != Diagnostic::Severity::note) fmt::print(stderr, "tempora: {}: {}\n", input, d.message);
    if (options.title.empty() && options.inputs.size() == 1) {
      title = doc.info().id;
      if (doc.info().creation_time) title += " — article of " + date_label(doc.info().creation_time->day);
    }
    docs.push_back(std::move(doc));
  }
  // Several articles: one timeline, an event they all report shown once.
  const TimelineGraph graph = combined_timeline(docs);
  const Placement placement = place(graph, filter);

  RenderOptions render;
  render.title = title;
  std::string out;
  if (!format) {
    out = to_text(graph, placement);
    if (placement.events.empty())
      out += placement.hidden > 0 ? "(no event passes the filters)\n" : "(no events found)\n";
  } else if (*format == OutputFormat::dot) {
    out = to_dot(graph, placement, render);
  } else if (*format == OutputFormat::json) {
    out = to_json(graph, placement);
  } else {
    out = render_dot(to_dot(graph, placement, render), *format);
  }
  if (options.output.empty() || options.output == "-") {
    std::fwrite(out.data(), 1, out.size(), stdout);
    return;
  }
  detail::write_file_atomically(options.output, out);  // complete or absent, never half a picture
  fmt::print(stderr, "tempora: wrote {} ({} events shown, {} hidden; --all shows every event)\n", options.output,
             placement.events.size(), placement.hidden);
}

}  // namespace

void add_timeline_command(CLI::App& app) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* cmd = app.add_subcommand(
      "timeline",
      "Build the event timeline of articles: what happened, who took part, in which order.\n"
      "Writes a picture (SVG, PNG, PDF), DOT or JSON with -o (format from the extension or --format),\n"
      "or prints one line per event when no -o is given. Inputs: plain text, TimeML or .json {\"text\", \"dct\"}.");
  cmd->add_option("inputs", options->inputs, "Articles (one timeline for all of them)")->required();
  cmd->add_option("--dct", options->dct, "Document creation time YYYY-MM-DD (else from TimeML, JSON or a dateline)");
  cmd->add_option("--actor", options->actors, "Only events with this participant (name or part of it; repeatable)")
      ->delimiter(',');
  cmd->add_option("--type", options->types, "Only events of these types, e.g. MEET,VISIT")->delimiter(',');
  cmd->add_option("--from", options->from, "Only events that may fall on or after YYYY-MM-DD");
  cmd->add_option("--to", options->to, "Only events that may fall on or before YYYY-MM-DD");
  cmd->add_flag("--all", options->all, "Also show reporting verbs and states ('said', 'believe')");
  cmd->add_option("-o,--output", options->output, "Output file: .svg, .png, .pdf, .dot or .json");
  cmd->add_option("--format", options->format, "text, svg, png, pdf, dot or json (default: from -o, else text)");
  cmd->add_option("--title", options->title, "Title printed above the picture (default: the article's name and date)");
  cmd->callback([options] { run_timeline(*options); });
}

}  // namespace tempora::cli

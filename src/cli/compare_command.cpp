// tempora compare: how several articles tell the same story.
//
//   tempora compare samples/meeting-meridian.txt samples/meeting-harbor-times.txt
//       samples/meeting-civic-wire.txt --dct 2026-03-14,2026-03-13,2026-03-16
//
// Every article goes through the whole pipeline (in parallel, results in
// input order); compare() (tempora/compare.hpp) aligns their events and
// finds the date and order disagreements. --format text (default) prints the
// report, json the same for programs, dot and svg draw the merged timeline
// with each event's sources in its box and the disputes in red.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tbb/parallel_for.h>

#include "cli/commands.hpp"
#include "tempora/compare.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/render.hpp"
#include "tempora/timex.hpp"

namespace tempora::cli {
namespace {

struct CompareCommandOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> dcts;
  std::string format;
  std::string output;
  std::string title;
  bool all = false;
  double threshold = 1.0;
};

void run_compare(const CompareCommandOptions& options) {
  if (options.inputs.size() < 2) throw std::runtime_error("compare needs at least two articles");
  if (!options.dcts.empty() && options.dcts.size() != 1 && options.dcts.size() != options.inputs.size())
    throw std::runtime_error(fmt::format("--dct: give one date for all articles or one per article ({} articles, {} dates)",
                                         options.inputs.size(), options.dcts.size()));
  std::vector<std::optional<CreationTime>> dcts(options.inputs.size());
  for (std::size_t i = 0; i < options.dcts.size(); ++i) {
    const auto parsed = parse_dct(options.dcts[i], "cli");
    if (!parsed && options.dcts[i] != "-")
      throw std::runtime_error(fmt::format("--dct {}: not a date (use YYYY-MM-DD, or - for the file's own)", options.dcts[i]));
    if (options.dcts.size() == 1) std::fill(dcts.begin(), dcts.end(), parsed);
    else dcts[i] = parsed;
  }
  std::string format = options.format;
  if (format.empty()) {
    format = "text";
    if (!options.output.empty() && options.output != "-") {
      const auto ext = std::filesystem::path(options.output).extension().string();
      if (ext == ".json") format = "json";
      else if (ext == ".dot" || ext == ".gv") format = "dot";
      else if (ext == ".svg") format = "svg";
    }
  }
  if (format != "text" && format != "json" && format != "dot" && format != "svg")
    throw std::runtime_error(fmt::format("--format {}: use text, json, dot or svg", format));

  // Read everything first so a missing file fails before the analysis.
  std::vector<Document> docs;
  for (std::size_t i = 0; i < options.inputs.size(); ++i) docs.push_back(read_document(options.inputs[i], dcts[i]));
  const Pipeline pipeline = Pipeline::load();
  if (!pipeline.has_events())
    fmt::print(stderr, "tempora: warning: the event model (models/event-tbaq.bin) is missing; nothing to compare\n");
  tbb::parallel_for(std::size_t{0}, docs.size(), [&](std::size_t i) { pipeline.analyze(docs[i]); });
  for (std::size_t i = 0; i < docs.size(); ++i)
    for (const Diagnostic& d : docs[i].diagnostics())
      if (d.severity != Diagnostic::Severity::note) fmt::print(stderr, "tempora: {}: {}\n", options.inputs[i], d.message);

  CompareOptions compare_options;
  compare_options.all = options.all;
  compare_options.threshold = options.threshold;
  const Comparison comparison = compare(docs, compare_options);

  std::string out;
  if (format == "text") out = to_text(comparison);
  else if (format == "json") out = to_json(comparison);
  else if (format == "dot") out = compare_dot(comparison, options.title);
  else out = render_dot(compare_dot(comparison, options.title), OutputFormat::svg);
  if (options.output.empty() || options.output == "-") {
    std::fwrite(out.data(), 1, out.size(), stdout);
    return;
  }
  std::ofstream file(options.output, std::ios::binary);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  file.close();
  if (!file) throw std::runtime_error(fmt::format("cannot write {}", options.output));
  fmt::print(stderr, "tempora: wrote {} ({} aligned events, {} date and {} order disagreements)\n", options.output,
             comparison.events.size(), comparison.date_disagreements.size(), comparison.order_disagreements.size());
}

}  // namespace

void add_compare_command(CLI::App& app) {
  auto options = std::make_shared<CompareCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Compare how several articles tell the same story: events every article reports, events only some\n"
      "report, date disagreements, order disagreements, and an agreement score (Kendall's tau).\n"
      "--format dot or svg draws the merged timeline, sources marked, disputes in red.");
  cmd->add_option("inputs", options->inputs, "Articles (plain text, TimeML or .json {\"text\", \"dct\"})")->required();
  cmd->add_option("--dct", options->dcts,
                  "Creation dates YYYY-MM-DD: one for all articles or one per article in input order ('-' keeps the "
                  "file's own)")
      ->delimiter(',');
  cmd->add_option("--format", options->format, "text, json, dot or svg (default: from -o, else text)");
  cmd->add_option("-o,--output", options->output, "Output file");
  cmd->add_option("--title", options->title, "Title of the drawn timeline");
  cmd->add_flag("--all", options->all, "Also compare reporting verbs and states ('said', 'believe')");
  cmd->add_option("--threshold", options->threshold, "How alike two reports must be to be aligned (default 1.0)");
  cmd->callback([options] { run_compare(*options); });
}

}  // namespace tempora::cli

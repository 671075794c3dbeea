// tempora extract: the whole analysis of each article, as JSON or a table.
//
// Each input goes through the whole pipeline (tempora/pipeline.hpp) and is
// written as one "tempora-extract/1" object (docs/extract-json.md). With
// several inputs the output is JSON Lines, one object per input line, in input
// order, so the command is a mapper under Hadoop Streaming or Spark's pipe():
// extraction is a pure function of (text, DCT, models). Documents are analysed
// in parallel (oneTBB) with a bounded number in flight; output order never
// depends on the thread count. --pretty prints tables for people instead.
#include <fmt/format.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "tempora/extract.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/timex.hpp"
#include "text/atomic_file.hpp"

namespace tempora::cli {
namespace {

struct ExtractCommandOptions {
  std::vector<std::string> inputs;
  std::string dct;
  std::string format = "json";
  bool pretty = false;
  int indent = -1;
  bool text = false;
  std::string output;
};

struct Item {
  std::string input;
  std::string out;
  std::vector<std::string> warnings;
  std::string error;  // the input could not be read
};

void run_extract(const ExtractCommandOptions& options) {
  std::optional<CreationTime> dct;
  if (!options.dct.empty()) {
    dct = parse_dct(options.dct, "cli");
    if (!dct) throw std::runtime_error(fmt::format("--dct {}: not a date (use YYYY-MM-DD)", options.dct));
  }
  const bool table = options.pretty || options.format == "table";
  if (!table && options.format != "json")
    throw std::runtime_error(fmt::format("--format {}: unknown format (use json or table)", options.format));
  if (!table && options.indent >= 0 && options.inputs.size() > 1)
    throw std::runtime_error("--indent prints one document over many lines: give one input, or drop --indent for JSON Lines");

  const Pipeline pipeline = Pipeline::load();
  ExtractOptions json_options{.indent = options.indent, .text = options.text};

  std::string all;  // with -o: the whole output, written atomically at the end
  int failures = 0;
  std::size_t next = 0;
  const auto live = static_cast<std::size_t>(2 * tbb::this_task_arena::max_concurrency());
  tbb::parallel_pipeline(
      live,
      tbb::make_filter<void, std::shared_ptr<Item>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) -> std::shared_ptr<Item> {
            if (next == options.inputs.size()) {
              control.stop();
              return nullptr;
            }
            return std::make_shared<Item>(Item{.input = options.inputs[next++]});
          }) &
          tbb::make_filter<std::shared_ptr<Item>, std::shared_ptr<Item>>(
              tbb::filter_mode::parallel,
              [&](std::shared_ptr<Item> item) {
                try {
                  Document doc = read_document(item->input, dct);
                  pipeline.analyze(doc);
                  for (const Diagnostic& d : doc.diagnostics())
                    if (d.severity != Diagnostic::Severity::note) item->warnings.push_back(d.message);
                  item->out = table ? extract_table(doc) + "\n" : extract_json(doc, json_options) + "\n";
                } catch (const std::exception& e) {
                  item->error = e.what();
                }
                return item;
              }) &
          tbb::make_filter<std::shared_ptr<Item>, void>(tbb::filter_mode::serial_in_order,
                                                        [&](std::shared_ptr<Item> item) {
                                                          for (const std::string& w : item->warnings)
                                                            fmt::print(stderr, "tempora: {}: {}\n", item->input, w);
                                                          if (!item->error.empty()) {
                                                            fmt::print(stderr, "tempora: {}\n", item->error);
                                                            ++failures;
                                                            return;
                                                          }
                                                          if (options.output.empty() || options.output == "-")
                                                            std::fwrite(item->out.data(), 1, item->out.size(), stdout);
                                                          else
                                                            all += item->out;
                                                        }));
  if (!options.output.empty() && options.output != "-") detail::write_file_atomically(options.output, all);
  if (failures > 0)
    throw std::runtime_error(fmt::format("{} of {} inputs could not be read", failures, options.inputs.size()));
}

}  // namespace

void add_extract_command(CLI::App& app) {
  auto options = std::make_shared<ExtractCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "The whole analysis of each article: actors, events with participants and dates, time expressions,\n"
      "temporal links. JSON (schema tempora-extract/1, docs/extract-json.md), one object per input per line;\n"
      "--pretty prints tables.");
  cmd->add_option("inputs", options->inputs, "Articles: plain text, TimeML or .json {\"text\", \"dct\"}")->required();
  cmd->add_option("--dct", options->dct, "Document creation time YYYY-MM-DD (else from TimeML, JSON or a dateline)");
  cmd->add_option("--format", options->format, "json (default) or table");
  cmd->add_flag("--pretty", options->pretty, "Tables for people (same as --format table)");
  cmd->add_option("--indent", options->indent, "Pretty-print the JSON of a single input with this indent");
  cmd->add_flag("--text", options->text, "Include each document's text in the JSON");
  cmd->add_option("-o,--output", options->output, "Write to this file (atomically) instead of stdout");
  cmd->callback([options] { run_extract(*options); });
}

}  // namespace tempora::cli

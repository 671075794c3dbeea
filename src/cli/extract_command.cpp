// tempora extract: the whole analysis of each article, as JSON or a table.
//
// Articles come from CorpusReader: files (plain text, TimeML, one JSON
// object), directories, and JSON Lines (*.jsonl, *.ndjson, or "-" for
// standard input, one {"id", "dct", "text", ...} per line). Each goes through
// the whole pipeline (tempora/pipeline.hpp) and is written as one
// "tempora-extract/1" object (docs/extract-json.md) per output line, in input
// order. So `tempora extract -` is a mapper under Hadoop Streaming or Spark's
// pipe(): JSON Lines in, JSON Lines out, extraction a pure function of (text,
// DCT, models). Documents are analysed in parallel (oneTBB) with a bounded
// number in flight and written as they finish (to a temporary file beside
// -o, renamed at the end), so memory does not grow with the corpus. A line
// that is no article is reported with its line number and skipped; the exit
// status then says that some input was not read. --pretty prints tables.
#include <fmt/format.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/article_batches.hpp"
#include "cli/commands.hpp"
#include "tempora/corpus.hpp"
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

// One article on its way through the three stages below.
struct Item {
  std::optional<Document> doc;
  std::string name;
  std::string out;
  std::vector<std::string> warnings;
  std::string error;  // the analysis failed
};

using Batch = std::vector<Item>;  // see cli/article_batches.hpp

void run_extract(const ExtractCommandOptions& options) {
  CorpusReaderOptions reader_options;
  if (!options.dct.empty()) {
    reader_options.dct = parse_dct(options.dct, "cli");
    if (!reader_options.dct)
      throw std::runtime_error(fmt::format("--dct {}: not a date (use YYYY-MM-DD)", options.dct));
  }
  const bool table = options.pretty || options.format == "table";
  if (!table && options.format != "json")
    throw std::runtime_error(fmt::format("--format {}: unknown format (use json or table)", options.format));
  const bool many = options.inputs.size() > 1 || std::filesystem::is_directory(options.inputs.front()) ||
                    is_json_lines(options.inputs.front());
  if (!table && options.indent >= 0 && many)
    throw std::runtime_error("--indent prints one document over many lines: give one article, or drop --indent for JSON Lines");
  reader_options.on_problem = [](const CorpusProblem& p) {
    if (p.line > 0) fmt::print(stderr, "tempora: {}:{}: {}\n", p.file, p.line, p.message);
    else fmt::print(stderr, "tempora: {}: {}\n", p.file, p.message);
  };
  const std::vector<std::filesystem::path> inputs(options.inputs.begin(), options.inputs.end());
  CorpusReader reader(inputs, reader_options);

  const Pipeline pipeline = Pipeline::load();
  const ExtractOptions json_options{.indent = options.indent, .text = options.text};
  std::optional<detail::AtomicFileWriter> file;
  if (!options.output.empty() && options.output != "-") file.emplace(options.output);

  std::uint64_t failures = 0;
  const auto live = static_cast<std::size_t>(2 * tbb::this_task_arena::max_concurrency());
  tbb::parallel_pipeline(
      live,
      tbb::make_filter<void, std::shared_ptr<Batch>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) {
            return next_article_batch<Item>(reader, control, [](Item& item, Document doc) {
              // Messages name the file, and for a JSON Lines record its id too.
              const DocumentInfo& info = doc.info();
              item.name = info.source.empty() ? info.id
                          : is_json_lines(info.source) ? fmt::format("{}: {}", info.source, info.id)
                                                       : info.source;
              item.doc = std::move(doc);
            });
          }) &
          tbb::make_filter<std::shared_ptr<Batch>, std::shared_ptr<Batch>>(
              tbb::filter_mode::parallel,
              [&](std::shared_ptr<Batch> batch) {
                std::vector<Document> docs;
                docs.reserve(batch->size());
                for (Item& item : *batch) docs.push_back(std::move(*item.doc));
                const std::vector<std::exception_ptr> failures = pipeline.analyze(docs);
                for (std::size_t i = 0; i < batch->size(); ++i) {
                  Item& item = (*batch)[i];
                  item.doc.reset();
                  try {
                    if (failures[i]) std::rethrow_exception(failures[i]);
                    const Document& doc = docs[i];
                    for (const Diagnostic& d : doc.diagnostics())
                      if (d.severity != Diagnostic::Severity::note) item.warnings.push_back(d.message);
                    item.out = table ? extract_table(doc) + "\n" : extract_json(doc, json_options) + "\n";
                  } catch (const std::exception& e) {
                    item.error = e.what();
                  }
                }
                return batch;  // the analyses are in `out`; the documents are freed here
              }) &
          tbb::make_filter<std::shared_ptr<Batch>, void>(
              tbb::filter_mode::serial_in_order, [&](std::shared_ptr<Batch> batch) {
                for (const Item& item : *batch) {
                  for (const std::string& w : item.warnings) fmt::print(stderr, "tempora: {}: {}\n", item.name, w);
                  if (!item.error.empty()) {
                    fmt::print(stderr, "tempora: {}: {}\n", item.name, item.error);
                    ++failures;
                  } else if (file) {
                    file->write(item.out);
                  } else {
                    std::fwrite(item.out.data(), 1, item.out.size(), stdout);
                  }
                }
              }));
  if (file) file->commit();
  const std::uint64_t unread = reader.problems() + failures;
  if (unread > 0)
    throw std::runtime_error(fmt::format("{} of {} inputs could not be read", unread, reader.documents_read() + reader.problems()));
}

}  // namespace

void add_extract_command(CLI::App& app) {
  auto options = std::make_shared<ExtractCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "The whole analysis of each article: actors, events with participants and dates, time expressions,\n"
      "temporal links. JSON (schema tempora-extract/1, docs/extract-json.md), one object per input per line;\n"
      "--pretty prints tables.");
  cmd->add_option("inputs", options->inputs,
                  "Articles: plain text, TimeML, .json {\"text\", \"dct\"}, folders, JSON Lines (.jsonl, or - for standard input)")
      ->required();
  cmd->add_option("--dct", options->dct, "Document creation time YYYY-MM-DD (else from TimeML, JSON or a dateline)");
  cmd->add_option("--format", options->format, "json (default) or table");
  cmd->add_flag("--pretty", options->pretty, "Tables for people (same as --format table)");
  cmd->add_option("--indent", options->indent, "Pretty-print the JSON of a single input with this indent");
  cmd->add_flag("--text", options->text, "Include each document's text in the JSON");
  cmd->add_option("-o,--output", options->output, "Write to this file (atomically) instead of stdout");
  cmd->callback([options] { run_extract(*options); });
}

}  // namespace tempora::cli

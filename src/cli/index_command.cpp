// tempora index: analyses a corpus and stores what it finds.
//
// Articles come from CorpusReader (files, directories, JSON Lines) and go
// through a three-stage oneTBB pipeline:
//
//   read     serial, in input order: the next article; skipped at once when
//            the store already holds the same id with the same text and DCT
//            (so re-running an interrupted index only does what is missing);
//   analyse  parallel on every core: Pipeline::analyze and make_record;
//   store    serial, in input order: Store::put, one transaction per document.
//
// Articles travel in batches of 16 (cli/article_batches.hpp) and at most 2 x cores batches are in
// flight, so memory is bounded by the models plus a few hundred articles,
// whatever the size of the corpus. A document is
// either wholly committed or not at all: killing the process loses only the
// documents in flight. When stderr is a terminal a progress line shows
// documents/s, MB/s and, when the corpus size is known, the ETA.
#include <fmt/format.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/article_batches.hpp"
#include "cli/commands.hpp"
#include "tempora/corpus.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/store.hpp"
#include "tempora/timex.hpp"

namespace tempora::cli {
namespace {

struct IndexOptions {
  std::vector<std::string> inputs;
  std::string store = "corpus.db";
  std::string dct;
  bool force = false;
  int threads = 0;
  bool quiet = false;
};

class Progress {
 public:
  Progress(bool enabled, std::optional<std::uint64_t> total_bytes)
      : enabled_(enabled), total_(total_bytes), start_(Clock::now()), last_(start_) {}

  void update(std::uint64_t documents, std::uint64_t bytes, bool final = false) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double seconds = std::max(1e-3, std::chrono::duration<double>(now - start_).count());
    std::string line = fmt::format("{} documents  {:.1f} docs/s  {:.2f} MB/s", documents, documents / seconds,
                                   bytes / seconds / 1e6);
    if (total_ && *total_ > 0) {
      const double done = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(*total_));
      line += fmt::format("  {:5.1f}%", 100 * done);
      if (done > 0 && !final) {
        const auto eta = static_cast<long>(seconds * (1 - done) / done);
        line += fmt::format("  ETA {}:{:02d}:{:02d}", eta / 3600, eta / 60 % 60, eta % 60);
      }
    }
    fmt::print(stderr, "\r{:<78}", line);
    if (final) fmt::print(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::optional<std::uint64_t> total_;
  Clock::time_point start_, last_;
};

void run_index(const IndexOptions& options) {
  CorpusReaderOptions reader_options;
  if (!options.dct.empty()) {
    reader_options.dct = parse_dct(options.dct, "cli");
    if (!reader_options.dct) throw std::runtime_error(fmt::format("--dct {}: not a date (use YYYY-MM-DD)", options.dct));
  }
  const bool terminal = !options.quiet && isatty(fileno(stderr)) != 0;
  bool line_open = false;  // the progress line is on screen
  reader_options.on_problem = [&](const CorpusProblem& p) {
    if (line_open) fmt::print(stderr, "\n");
    line_open = false;
    if (p.line > 0) fmt::print(stderr, "tempora: {}:{}: {}\n", p.file, p.line, p.message);
    else fmt::print(stderr, "tempora: {}: {}\n", p.file, p.message);
  };
  std::vector<std::filesystem::path> inputs(options.inputs.begin(), options.inputs.end());
  CorpusReader reader(inputs, reader_options);

  std::optional<tbb::global_control> limit;
  if (options.threads > 0)
    limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(options.threads));

  const Pipeline pipeline = Pipeline::load();
  if (!pipeline.has_events())
    fmt::print(stderr, "tempora: warning: the event model (models/event-tbaq.bin) is missing; no events will be stored\n");
  auto store = SqliteStore::open(options.store);
  // The read stage asks whether a document is stored already; it may run at
  // the same time as the store stage, so it has a connection of its own.
  auto lookup = SqliteStore::open(options.store, true);

  struct Item {
    std::optional<Document> doc;
    DocumentRecord record;
    std::uint64_t bytes_read = 0;  // the reader's position after this document
    bool skipped = false;
    std::string id;
    std::string error;  // the analysis failed
  };
  std::uint64_t stored = 0, skipped = 0, failed = 0;
  Progress progress(terminal, reader.total_bytes());
  const auto live = static_cast<std::size_t>(2 * tbb::this_task_arena::max_concurrency());
  using Batch = std::vector<Item>;  // see cli/article_batches.hpp
  tbb::parallel_pipeline(
      live,
      tbb::make_filter<void, std::shared_ptr<Batch>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) {
            return next_article_batch<Item>(reader, control, [&](Item& item, Document doc) {
              item.id = doc.info().id;
              item.bytes_read = reader.bytes_read();
              if (!options.force) {
                const auto version = lookup->version(doc.info().id);
                const std::string dct = doc.info().creation_time ? iso_date(doc.info().creation_time->day) : "";
                item.skipped = version && version->text_hash == text_hash(doc.text()) && version->dct == dct;
              }
              if (!item.skipped) item.doc = std::move(doc);
            });
          }) &
          tbb::make_filter<std::shared_ptr<Batch>, std::shared_ptr<Batch>>(
              tbb::filter_mode::parallel,
              [&](std::shared_ptr<Batch> batch) {
                std::vector<Document> docs;
                std::vector<Item*> analysed;
                for (Item& item : *batch)
                  if (item.doc) {
                    docs.push_back(std::move(*item.doc));
                    item.doc.reset();
                    analysed.push_back(&item);
                  }
                const std::vector<std::exception_ptr> failures = pipeline.analyze(docs);
                for (std::size_t i = 0; i < docs.size(); ++i) {
                  Item& item = *analysed[i];
                  try {
                    if (failures[i]) std::rethrow_exception(failures[i]);
                    item.record = make_record(docs[i]);
                  } catch (const std::exception& e) {
                    // Never one article's failure for the whole corpus.
                    item.record = {};
                    item.error = e.what();
                  }
                }
                return batch;
              }) &
          tbb::make_filter<std::shared_ptr<Batch>, void>(
              tbb::filter_mode::serial_in_order, [&](std::shared_ptr<Batch> batch) {
                for (const Item& item : *batch) {
                  if (!item.error.empty()) {
                    ++failed;
                    if (line_open) fmt::print(stderr, "\n");
                    line_open = false;
                    fmt::print(stderr, "tempora: {}: analysis failed ({}); not stored\n", item.id, item.error);
                  } else if (item.skipped) {
                    ++skipped;
                  } else {
                    store->put(item.record);
                    ++stored;
                  }
                  progress.update(stored + skipped, item.bytes_read);
                  line_open = terminal;
                }
              }));
  progress.update(stored + skipped, reader.bytes_read(), true);
  if (!options.quiet)
    fmt::print(stderr, "tempora: {} documents stored, {} unchanged, {} problems, {} failed; {} in {}\n", stored, skipped,
               reader.problems(), failed, store->document_count(), options.store);
}

}  // namespace

void add_index_command(CLI::App& app) {
  auto options = std::make_shared<IndexOptions>();
  CLI::App* cmd = app.add_subcommand(
      "index",
      "Analyse articles and keep what they say in a corpus store (SQLite).\n"
      "Inputs: text, TimeML or JSON files, directories, and JSON Lines files (.jsonl, '-' for standard input)\n"
      "with one article per line: {\"id\", \"dct\", \"title\", \"text\", \"source\", \"url\"}.\n"
      "A document already stored under the same id is replaced; one stored with the same text and DCT is skipped.");
  cmd->add_option("inputs", options->inputs, "Files, directories or JSON Lines files")->required();
  cmd->add_option("--store", options->store, "The store file (created when missing)")->capture_default_str();
  cmd->add_option("--dct", options->dct, "Document creation time for every article (YYYY-MM-DD), overriding their own");
  cmd->add_flag("--force", options->force, "Re-analyse documents whose text is stored already");
  cmd->add_option("--threads", options->threads, "Worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
  cmd->add_flag("-q,--quiet", options->quiet, "No progress line and no summary");
  cmd->callback([options] { run_index(*options); });
}

}  // namespace tempora::cli

// tempora eval timeline: the SemEval-2015 Task 4 scorer, and
// tempora semeval-timeline: tempora's timelines for that task from raw text.
//
//   tempora semeval-timeline ../shared/data/semeval2015-timeline/trial-corpus-cat
//       --targets-from ../shared/data/semeval2015-timeline/trial-timelines -o out/
//   tempora eval timeline --gold ../shared/data/semeval2015-timeline/trial-timelines --system out/
//
// The scorer turns every timeline into TLINKs as the task describes and
// measures temporal awareness (precision over the reduced system graph
// against the gold closure, recall the other way round), micro-averaged over
// the target files of --gold (src/corpus/semeval_score.cpp). semeval-timeline
// reads CAT files (tokens and DCT only: raw text), runs the pipeline on each,
// and writes one timeline per target, named as the task names them
// ("Steve Jobs" -> steve_jobs.txt).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include <tbb/parallel_for.h>

#include "cli/commands.hpp"
#include "corpus/semeval.hpp"
#include "tempora/pipeline.hpp"

namespace tempora::cli {
namespace {

struct EvalTimelineOptions {
  std::string gold;
  std::string system;
  std::string format = "text";
};

void run_eval_timeline(const EvalTimelineOptions& options) {
  const semeval::Evaluation ev = semeval::evaluate(options.gold, options.system);
  for (const std::string& p : ev.problems) fmt::print(stderr, "tempora: {}\n", p);
  if (options.format == "json") {
    nlohmann::json j;
    j["micro"] = {{"precision", 100 * ev.micro.precision()},
                  {"recall", 100 * ev.micro.recall()},
                  {"f1", 100 * ev.micro.f1()},
                  {"system_matched", ev.micro.system_matched},
                  {"system_total", ev.micro.system_total},
                  {"gold_matched", ev.micro.gold_matched},
                  {"gold_total", ev.micro.gold_total}};
    for (const semeval::TargetScore& t : ev.targets)
      j["targets"].push_back({{"file", t.file},
                              {"target", t.target},
                              {"system_missing", t.system_missing},
                              {"precision", 100 * t.counts.precision()},
                              {"recall", 100 * t.counts.recall()},
                              {"f1", 100 * t.counts.f1()},
                              {"system_matched", t.counts.system_matched},
                              {"system_total", t.counts.system_total},
                              {"gold_matched", t.counts.gold_matched},
                              {"gold_total", t.counts.gold_total}});
    fmt::print("{}\n", j.dump(2));
    return;
  }
  fmt::print("{:<28} {:>9} {:>9} {:>7} {:>7} {:>7}\n", "target", "sys m/t", "gold m/t", "P", "R", "F1");
  for (const semeval::TargetScore& t : ev.targets)
    fmt::print("{:<28} {:>9} {:>9} {:>7.2f} {:>7.2f} {:>7.2f}{}\n", t.target.empty() ? t.file : t.target,
               fmt::format("{}/{}", t.counts.system_matched, t.counts.system_total),
               fmt::format("{}/{}", t.counts.gold_matched, t.counts.gold_total), 100 * t.counts.precision(),
               100 * t.counts.recall(), 100 * t.counts.f1(), t.system_missing ? "  (no system file)" : "");
  fmt::print("{:<28} {:>9} {:>9} {:>7.2f} {:>7.2f} {:>7.2f}\n", "micro average",
             fmt::format("{}/{}", ev.micro.system_matched, ev.micro.system_total),
             fmt::format("{}/{}", ev.micro.gold_matched, ev.micro.gold_total), 100 * ev.micro.precision(),
             100 * ev.micro.recall(), 100 * ev.micro.f1());
}

struct SemevalTimelineOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> targets;
  std::string targets_from;
  std::string output;
  bool newsworthy_only = false;
  bool undated_at_dct = false;
};

std::vector<std::filesystem::path> cat_files(const std::vector<std::string>& inputs) {
  std::vector<std::filesystem::path> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      std::vector<std::filesystem::path> in_dir;
      for (const auto& entry : std::filesystem::directory_iterator(input, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".xml") in_dir.push_back(entry.path());
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else {
      files.emplace_back(input);
    }
  }
  return files;
}

void run_semeval_timeline(const SemevalTimelineOptions& options) {
  std::vector<std::string> targets = options.targets;
  if (!options.targets_from.empty()) {
    std::vector<std::filesystem::path> gold;
    for (const auto& entry : std::filesystem::directory_iterator(options.targets_from))
      if (entry.is_regular_file()) gold.push_back(entry.path());
    std::sort(gold.begin(), gold.end());
    for (const auto& file : gold) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream buffer;
      buffer << in.rdbuf();
      const semeval::Timeline t = semeval::parse_timeline(buffer.str());
      if (!t.target.empty()) targets.push_back(t.target);
    }
  }
  if (targets.empty()) throw std::runtime_error("no target: give --target NAME or --targets-from DIR");
  const std::vector<std::filesystem::path> files = cat_files(options.inputs);
  if (files.empty()) throw std::runtime_error("no CAT files (.xml) among the inputs");

  std::vector<semeval::CatDocument> cats;
  for (const auto& f : files) cats.push_back(semeval::read_cat(f));
  const Pipeline pipeline = Pipeline::load();
  std::vector<std::optional<semeval::AnalyzedCat>> slots(cats.size());
  tbb::parallel_for(std::size_t{0}, cats.size(),
                    [&](std::size_t i) { slots[i].emplace(semeval::analyze_cat(pipeline, std::move(cats[i]))); });
  std::vector<semeval::AnalyzedCat> docs;
  for (auto& s : slots) docs.push_back(std::move(*s));

  std::filesystem::create_directories(options.output);
  semeval::TargetTimelineOptions build;
  build.include_reporting = !options.newsworthy_only;
  build.undated_at_dct = options.undated_at_dct;
  for (const std::string& target : targets) {
    const semeval::Timeline t = semeval::target_timeline(docs, target, build);
    const std::filesystem::path out = std::filesystem::path(options.output) / semeval::timeline_file_name(target);
    std::ofstream file(out, std::ios::binary);
    const std::string text = semeval::write_timeline(t);
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!file) throw std::runtime_error(fmt::format("cannot write {}", out.string()));
    std::size_t dated = 0;
    for (const auto& e : t.entries) dated += e.order > 0 ? 1 : 0;
    fmt::print(stderr, "tempora: {}: {} events ({} dated) -> {}\n", target, t.entries.size(), dated, out.string());
  }
}

}  // namespace

void add_eval_timeline_command(CLI::App& eval) {
  auto options = std::make_shared<EvalTimelineOptions>();
  CLI::App* cmd = eval.add_subcommand(
      "timeline",
      "Score timelines as SemEval-2015 Task 4 does: temporal-awareness F1 over the TLINK graphs the timelines\n"
      "turn into, micro-averaged over the target files of --gold (same file names in --system).");
  cmd->add_option("--gold", options->gold, "Directory of gold timelines (one file per target)")->required();
  cmd->add_option("--system", options->system, "Directory of system timelines")->required();
  cmd->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([options] { run_eval_timeline(*options); });
}

void add_semeval_timeline_command(CLI::App& app) {
  auto options = std::make_shared<SemevalTimelineOptions>();
  CLI::App* cmd = app.add_subcommand(
      "semeval-timeline",
      "Write SemEval-2015 Task 4 timelines (ORDER<TAB>DATE<TAB>DOCID-SENTENCE-TOKEN) for target entities,\n"
      "from the raw text of CAT XML documents (tokens and DCT only), one file per target in -o DIR.");
  cmd->add_option("inputs", options->inputs, "CAT files or directories of them")->required();
  cmd->add_option("--target", options->targets, "Target entity, e.g. \"Steve Jobs\" (repeatable)");
  cmd->add_option("--targets-from", options->targets_from,
                  "Directory of timeline files whose first lines name the targets (e.g. the gold timelines)");
  cmd->add_option("-o,--output", options->output, "Output directory")->required();
  cmd->add_flag("--newsworthy-only", options->newsworthy_only,
                "Leave out reporting verbs and states ('said'); the task's timelines include them");
  cmd->add_flag("--undated-at-dct", options->undated_at_dct,
                "Date past events that have no date of their own on the day the article last gave its story "
                "(else the article's day; without the flag: ORDER 0)");
  cmd->callback([options] { run_semeval_timeline(*options); });
}

}  // namespace tempora::cli

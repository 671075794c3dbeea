// tempora train events: the event-trigger tagger from TimeML (TempEval-3 TBAQ).
//
// Reads every .tml file under the given folders, sorts the documents by file
// name and, with --folds N, assigns document i (in that order) to fold i % N:
// --fold K trains on the other folds and scores fold K; --folds without
// --fold runs every fold and prints the mean. Without --folds it trains on
// everything and writes the model to -o. Training is deterministic.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "event/event_timeml.hpp"
#include "tempora/data.hpp"
#include "tempora/event.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"
#include "tempora/timeml.hpp"

namespace tempora::cli {
namespace {

struct TrainEventsOptions {
  std::vector<std::string> timeml_dirs;
  std::string output;
  int folds = 0;
  int fold = -1;
  int epochs = EventTrainingOptions{}.epochs;
  std::uint64_t seed = EventTrainingOptions{}.seed;
  bool confusions = false;
};

struct NamedDocument {
  std::string name;
  EventTrainingDocument doc;
};

std::vector<NamedDocument> read_corpus(const std::vector<std::string>& dirs) {
  std::vector<std::filesystem::path> files;
  for (const std::string& dir : dirs)
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().extension() == ".tml") files.push_back(entry.path());
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.filename().string() < b.filename().string(); });
  std::vector<NamedDocument> out;
  for (const auto& file : files) {
    timeml::TimemlDocument tml = timeml::read_timeml(file);
    NamedDocument d{file.filename().string(), {}};
    d.doc.events = timeml::gold_events(tml);
    d.doc.text = std::move(tml.text);
    out.push_back(std::move(d));
  }
  return out;
}

// Scores the tagger on documents; gold spans are byte spans of the same text.
timeml::EventScores evaluate(const EventTagger& tagger, const Segmenter& segmenter, const PosTagger& pos,
                             const std::vector<const EventTrainingDocument*>& docs, bool confusions) {
  timeml::EventScores total;
  for (const EventTrainingDocument* d : docs) {
    Document doc(d->text);
    segmenter.segment(doc);
    pos.tag(doc);
    std::vector<EventTrainingDocument::Gold> system;
    for (const EventMention& e : tagger.tag(doc).events) system.push_back({e.span, e.cls});
    total += timeml::score_events(d->events, system);
    if (confusions)
      for (const auto& g : d->events)
        for (const auto& e : system)
          if (e.span == g.span && e.cls != g.cls)
            fmt::print(stderr, "class {} -> {}\t{}\n", to_string(g.cls), to_string(e.cls), doc.text(e.span));
  }
  return total;
}

void run_train_events(const TrainEventsOptions& options) {
  const std::vector<NamedDocument> corpus = read_corpus(options.timeml_dirs);
  if (corpus.empty()) throw std::runtime_error("no .tml documents found");
  const Segmenter segmenter = Segmenter::load();
  const PosTagger pos = PosTagger::load();
  EventTrainingOptions training;
  training.epochs = options.epochs;
  training.seed = options.seed;
  training.log = &std::cerr;
  const std::filesystem::path resources = data_file("resources/event");

  if (options.folds <= 1) {
    if (options.output.empty()) throw std::runtime_error("-o FILE is required without --folds");
    std::vector<EventTrainingDocument> docs;
    for (const auto& d : corpus) docs.push_back(d.doc);
    const EventTagger tagger = EventTagger::train(docs, segmenter, pos, training, resources);
    tagger.save(options.output);
    fmt::print("trained on {} documents; wrote {}\n", docs.size(), options.output);
    return;
  }
  double strict_sum = 0, class_sum = 0, p_sum = 0, r_sum = 0;
  int runs = 0;
  for (int k = 0; k < options.folds; ++k) {
    if (options.fold >= 0 && k != options.fold) continue;
    std::vector<EventTrainingDocument> train;
    std::vector<const EventTrainingDocument*> test;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
      if (static_cast<int>(i % static_cast<std::size_t>(options.folds)) == k) test.push_back(&corpus[i].doc);
      else train.push_back(corpus[i].doc);
    }
    const EventTagger tagger = EventTagger::train(train, segmenter, pos, training, resources);
    const timeml::EventScores s = evaluate(tagger, segmenter, pos, test, options.confusions);
    fmt::print("fold {}: {} test documents, gold {}, system {}: strict P {:.2f} R {:.2f} F1 {:.2f}; class F1 {:.2f}\n",
               k, test.size(), s.strict.gold, s.strict.system, 100 * s.strict.precision(), 100 * s.strict.recall(),
               100 * s.strict.f1(), 100 * s.cls.f1());
    std::fflush(stdout);
    strict_sum += s.strict.f1(), class_sum += s.cls.f1(), p_sum += s.strict.precision(), r_sum += s.strict.recall();
    ++runs;
    if (!options.output.empty() && options.fold >= 0) tagger.save(options.output);
  }
  if (runs > 1)
    fmt::print("mean over {} folds: strict P {:.2f} R {:.2f} F1 {:.2f}; class F1 {:.2f}\n", runs, 100 * p_sum / runs,
               100 * r_sum / runs, 100 * strict_sum / runs, 100 * class_sum / runs);
}

}  // namespace

void add_train_events_command(CLI::App& train) {
  auto options = std::make_shared<TrainEventsOptions>();
  CLI::App* cmd = train.add_subcommand(
      "events", "Train the event-trigger tagger on TimeML (.tml) folders; --folds N [--fold K] cross-validates by document");
  cmd->add_option("--timeml", options->timeml_dirs, "Folders of gold TimeML files")->required();
  cmd->add_option("-o,--output", options->output, "Model file to write (e.g. models/event-tbaq.bin)");
  cmd->add_option("--folds", options->folds, "Cross-validate over N folds by document (document i -> fold i % N)");
  cmd->add_option("--fold", options->fold, "Only this fold (0-based); default: all folds and their mean");
  cmd->add_option("--epochs", options->epochs, "Training epochs");
  cmd->add_option("--seed", options->seed, "Shuffling seed");
  cmd->add_flag("--confusions", options->confusions, "With --folds: print each class error (gold -> system, word) to stderr");
  cmd->callback([options] { run_train_events(*options); });
}

}  // namespace tempora::cli

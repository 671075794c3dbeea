// tempora train events: the event-trigger tagger from TimeML (TempEval-3 TBAQ).
//
// Reads every .tml file under the given folders, sorts the documents by file
// name and, with --folds N, assigns document i (in that order) to fold i % N:
// --fold K trains on the other folds and scores fold K; --folds without
// --fold runs every fold and prints the mean. Without --folds it trains on
// everything and writes the model to -o. Training is deterministic. Documents
// are parsed with models/parser-en-ewt.bin, as in the pipeline (without it:
// no parse features).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "event/event_timeml.hpp"
#include "tempora/data.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
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
  int models = EventTrainingOptions{}.models;
  float prune = EventTrainingOptions{}.prune_below;
  bool confusions = false;
};

struct NamedDocument {
  std::string name;
  EventTrainingDocument doc;
  // Gold MAKEINSTANCE attributes by EVENT start byte: tense, aspect, polarity, pos.
  std::map<std::uint32_t, std::array<std::string, 4>> instances;
};

// Agreement of the rule-derived MAKEINSTANCE attributes with gold, over
// events whose span the tagger found.
struct AttributeCounts {
  std::array<std::size_t, 4> right{};
  std::size_t total = 0;
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
    NamedDocument d{file.filename().string(), {}, {}};
    d.doc.events = timeml::gold_events(tml);
    std::map<std::string, std::uint32_t> start_of;
    for (const timeml::Element* e : tml.elements("EVENT"))
      if (e->span) start_of.emplace(std::string(e->attr("eid")), e->span->begin);
    for (const timeml::Element& link : tml.links)
      if (link.name == "MAKEINSTANCE")
        if (const auto it = start_of.find(std::string(link.attr("eventID"))); it != start_of.end())
          d.instances.emplace(it->second, std::array<std::string, 4>{std::string(link.attr("tense")),
                                                                     std::string(link.attr("aspect")),
                                                                     std::string(link.attr("polarity")),
                                                                     std::string(link.attr("pos"))});
    d.doc.text = std::move(tml.text);
    // TBAQ-cleaned's AQUAINT part has pos="UNKNOWN" and half its polarities
    // NEG; such documents are left out of the attribute measure.
    if (std::any_of(d.instances.begin(), d.instances.end(), [](const auto& i) { return i.second[3] == "UNKNOWN"; }))
      d.instances.clear();
    out.push_back(std::move(d));
  }
  return out;
}

// Scores the tagger on documents; gold spans are byte spans of the same text.
timeml::EventScores evaluate(const EventTagger& tagger, const Segmenter& segmenter, const PosTagger& pos,
                             const DependencyParser* parser, const std::vector<const NamedDocument*>& named,
                             bool confusions, AttributeCounts& attributes) {
  timeml::EventScores total;
  for (const NamedDocument* nd : named) {
    const EventTrainingDocument* d = &nd->doc;
    Document doc(d->text);
    segmenter.segment(doc);
    pos.tag(doc);
    if (parser != nullptr) parser->parse(doc);
    std::vector<EventTrainingDocument::Gold> system;
    for (const EventMention& e : tagger.tag(doc).events) {
      system.push_back({e.span, e.cls});
      if (confusions) {
        const bool hit = std::any_of(d->events.begin(), d->events.end(), [&](const auto& g) { return g.span == e.span; });
        fmt::print(stderr, "confidence {:.3f} {}\n", e.confidence, hit ? 1 : 0);
      }
      const auto gold = nd->instances.find(e.span.begin);
      const bool found = std::any_of(d->events.begin(), d->events.end(), [&](const auto& g) { return g.span == e.span; });
      if (!found || gold == nd->instances.end()) continue;
      const std::array<std::string_view, 4> got{to_string(e.tense), to_string(e.aspect), to_string(e.polarity),
                                                to_string(e.pos)};
      for (std::size_t k = 0; k < 4; ++k) attributes.right[k] += got[k] == gold->second[k];
      if (confusions && got[0] != gold->second[0])
        fmt::print(stderr, "tense {} -> {}\t{}\t{}\n", gold->second[0], got[0], doc.text(e.span), to_string(e.pos));
      ++attributes.total;
    }
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
  // The pipeline parses before tagging events; training and evaluation see
  // the same predicted trees. Without the parser model: no parse features.
  std::optional<DependencyParser> parser;
  if (DependencyParser::available())
    parser.emplace(DependencyParser::load());
  else
    std::cerr << "no models/parser-en-ewt.bin: training without parse features" << std::endl;
  const DependencyParser* parse = parser ? &*parser : nullptr;
  EventTrainingOptions training;
  training.epochs = options.epochs;
  training.seed = options.seed;
  training.models = options.models;
  training.prune_below = options.prune;
  training.log = &std::cerr;
  const std::filesystem::path resources = data_file("resources/event");

  if (options.folds <= 1) {
    if (options.output.empty()) throw std::runtime_error("-o FILE is required without --folds");
    std::vector<EventTrainingDocument> docs;
    for (const auto& d : corpus) docs.push_back(d.doc);
    const EventTagger tagger = EventTagger::train(docs, segmenter, pos, parse, training, resources);
    tagger.save(options.output);
    fmt::print("trained on {} documents; wrote {}\n", docs.size(), options.output);
    return;
  }
  double strict_sum = 0, relaxed_sum = 0, class_sum = 0, p_sum = 0, r_sum = 0;
  int runs = 0;
  AttributeCounts attribute_totals;
  for (int k = 0; k < options.folds; ++k) {
    if (options.fold >= 0 && k != options.fold) continue;
    std::vector<EventTrainingDocument> train;
    std::vector<const NamedDocument*> test;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
      if (static_cast<int>(i % static_cast<std::size_t>(options.folds)) == k) test.push_back(&corpus[i]);
      else train.push_back(corpus[i].doc);
    }
    const EventTagger tagger = EventTagger::train(train, segmenter, pos, parse, training, resources);
    AttributeCounts a;
    const timeml::EventScores s = evaluate(tagger, segmenter, pos, parse, test, options.confusions, a);
    attribute_totals.total += a.total;
    for (std::size_t k = 0; k < 4; ++k) attribute_totals.right[k] += a.right[k];
    fmt::print(
        "fold {}: {} test documents, gold {}, system {}: strict P {:.2f} R {:.2f} F1 {:.2f}; relaxed F1 {:.2f}; "
        "class F1 {:.2f}\n",
        k, test.size(), s.strict.gold, s.strict.system, 100 * s.strict.precision(), 100 * s.strict.recall(),
        100 * s.strict.f1(), 100 * s.relaxed.f1(), 100 * s.cls.f1());
    std::fflush(stdout);
    strict_sum += s.strict.f1(), relaxed_sum += s.relaxed.f1(), class_sum += s.cls.f1(), p_sum += s.strict.precision(), r_sum += s.strict.recall();
    ++runs;
    if (!options.output.empty() && options.fold >= 0) tagger.save(options.output);
  }
  const auto pct = [&](std::size_t k) { return 100.0 * attribute_totals.right[k] / std::max<std::size_t>(attribute_totals.total, 1); };
  fmt::print("MAKEINSTANCE accuracy over {} found events (documents with reliable gold attributes): tense {:.2f}, aspect {:.2f}, polarity {:.2f}, pos {:.2f}\n",
             attribute_totals.total, pct(0), pct(1), pct(2), pct(3));
  if (runs > 1)
    fmt::print("mean over {} folds: strict P {:.2f} R {:.2f} F1 {:.2f}; relaxed F1 {:.2f}; class F1 {:.2f}\n", runs,
               100 * p_sum / runs, 100 * r_sum / runs, 100 * strict_sum / runs, 100 * relaxed_sum / runs,
               100 * class_sum / runs);
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
  cmd->add_option("--models", options->models, "Perceptrons (each on its own shuffles) merged into their mean");
  cmd->add_option("--prune", options->prune, "Drop averaged weights whose absolute value is below this");
  cmd->add_flag("--confusions", options->confusions, "With --folds: print each class error (gold -> system, word) to stderr");
  cmd->callback([options] { run_train_events(*options); });
}

}  // namespace tempora::cli

// tempora train ner / tempora eval ner: building and scoring the entity
// recognizer (models/ner-en.bin).
//
// Training data: IOB2 files (Universal NER on EWT: PER, ORG, LOC) and
// MEANTIME's named mentions (--meantime DIR). Cross-validation: --cv-iob2
// FILE --folds N assigns the file's document i (its "# newdoc" blocks, in
// file order) to fold i % N, trains on the other folds plus every --iob2 and
// --meantime source, and scores the held-out fold; --cv-meantime does the
// same over the MEANTIME documents (sorted by file name) with the MEANTIME
// measure. Training is deterministic. Sentences are tagged and parsed with
// the committed POS and parser models before the recognizer sees them, in
// training as in scoring, as the pipeline does (--without-parse: no parse).
//
// Scores: --iob2 is conlleval-style (exact span and type, on the corpus's
// coarse types: GPE, LOCATION, FACILITY count as LOC, NORP is not scored);
// --meantime is named-mention F1 with head-word match (ner_corpus.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "actor/ner_corpus.hpp"
#include "cli/commands.hpp"
#include "tempora/actor.hpp"
#include "tempora/data.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"

namespace tempora::cli {
namespace {

using detail::NerScores;
using detail::WordSpan;

struct TrainNerOptions {
  std::vector<std::string> iob2;
  std::string meantime;
  std::string cv_iob2;
  bool cv_meantime = false;
  int folds = 0;
  int fold = -1;
  bool without_parse = false;
  std::string output;
  NerTrainingOptions training;
};

struct EvalNerOptions {
  std::string iob2;
  std::string meantime;
  std::string model;
  bool errors = false;
  bool without_parse = false;
};

// The committed parser, as the pipeline runs it before the recognizer;
// none with --without-parse (the recognizer then leaves its syntactic
// features out).
std::optional<DependencyParser> load_parser(bool without_parse) {
  if (without_parse) return std::nullopt;
  return DependencyParser::load();
}

void print_scores(const NerScores& scores, const std::string& title) {
  fmt::print("{}\n", title);
  fmt::print("  {:<5} {:>6} {:>6} {:>6}   {:>7} {:>7} {:>7}\n", "type", "gold", "system", "right", "P", "R", "F1");
  const auto row = [](const std::string& name, const detail::NerCounts& c) {
    fmt::print("  {:<5} {:>6} {:>6} {:>6}   {:>7.2f} {:>7.2f} {:>7.2f}\n", name, c.gold, c.system, c.correct,
               100 * c.precision(), 100 * c.recall(), 100 * c.f1());
  };
  for (const auto& [type, c] : scores.by_type) row(type, c);
  row("all", scores.all);
}

NerScores score_iob2(const EntityRecognizer& recognizer, const PosTagger& pos, const DependencyParser* parser,
                     const std::vector<const detail::Iob2Sentence*>& sentences, bool errors) {
  // Each document is tagged as one Document, as the recognizer sees an article.
  std::vector<std::vector<std::string>> words;
  std::vector<std::vector<WordSpan>> system;
  std::size_t start = 0;
  for (std::size_t k = 0; k <= sentences.size(); ++k) {
    if (k > start && (k == sentences.size() || sentences[k]->document != sentences[start]->document)) {
      std::vector<std::vector<std::string>> doc;
      for (std::size_t j = start; j < k; ++j) doc.push_back(sentences[j]->sentence.words);
      for (auto& spans : detail::recognize_words(recognizer, pos, parser, doc)) system.push_back(std::move(spans));
      start = k;
    }
    if (k < sentences.size()) words.push_back(sentences[k]->sentence.words);
  }
  NerScores scores;
  for (const char* type : {"PER", "ORG", "LOC"}) scores.add(type, 0, 0, 0);
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const std::vector<WordSpan> gold = detail::spans_of_tags(sentences[k]->sentence.tags);
    const std::set<WordSpan> gold_set(gold.begin(), gold.end());
    for (const WordSpan& g : gold) scores.add(g.type, 1, 0, 0);
    for (const WordSpan& s : system[k]) {
      const bool right = gold_set.count(s) > 0;
      scores.add(s.type, 0, 1, right);
      if (errors && !right) {
        std::string text;
        for (std::uint32_t i = s.first; i <= s.last; ++i) text += (i > s.first ? " " : "") + words[k][i];
        fmt::print(stderr, "false {} {}\n", s.type, text);
      }
    }
    if (errors) {
      const std::set<WordSpan> sys_set(system[k].begin(), system[k].end());
      for (const WordSpan& g : gold)
        if (!sys_set.count(g)) {
          std::string text;
          for (std::uint32_t i = g.first; i <= g.last; ++i) text += (i > g.first ? " " : "") + words[k][i];
          fmt::print(stderr, "missed {} {}\n", g.type, text);
        }
    }
  }
  return scores;
}

NerScores score_meantime(const EntityRecognizer& recognizer, const PosTagger& pos, const DependencyParser* parser,
                         const std::vector<const detail::MeantimeDocument*>& docs, bool errors) {
  NerScores scores;
  for (const char* type : {"PER", "ORG", "LOC"}) scores.add(type, 0, 0, 0);
  for (const detail::MeantimeDocument* doc : docs) {
    const auto system = detail::recognize_words(recognizer, pos, parser, doc->sentences);
    // Gold named mentions by (sentence, head word, type); duplicates (nested
    // mentions with one head) count once.
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> gold;
    for (const auto& m : doc->mentions)
      if (m.type == "PER" || m.type == "ORG" || m.type == "LOC")
        gold.emplace(m.sentence, detail::name_head(doc->sentences[m.sentence], m.first, m.last), m.type);
    for (const auto& [s, h, type] : gold) scores.add(type, 1, 0, 0);
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> seen;
    for (std::uint32_t s = 0; s < system.size(); ++s)
      for (const WordSpan& span : system[s]) {
        const auto key = std::make_tuple(s, detail::name_head(doc->sentences[s], span.first, span.last), span.type);
        if (!seen.insert(key).second) continue;
        const bool right = gold.count(key) > 0;
        scores.add(span.type, 0, 1, right);
        if (errors && !right) fmt::print(stderr, "false {} {} in {}\n", span.type, doc->sentences[s][std::get<1>(key)], doc->name);
      }
    if (errors)
      for (const auto& key : gold)
        if (!seen.count(key))
          fmt::print(stderr, "missed {} {} in {}\n", std::get<2>(key), doc->sentences[std::get<0>(key)][std::get<1>(key)], doc->name);
  }
  return scores;
}

void run_train_ner(TrainNerOptions& options) {
  const PosTagger pos = PosTagger::load();
  const std::optional<DependencyParser> parser_model = load_parser(options.without_parse);
  const DependencyParser* parser = parser_model ? &*parser_model : nullptr;
  const std::filesystem::path resources = data_file("resources/actor");
  options.training.log = &std::cerr;
  std::vector<NerTrainingSentence> base;
  for (const std::string& file : options.iob2)
    for (auto& s : detail::read_iob2(file)) base.push_back(std::move(s.sentence));
  std::vector<detail::MeantimeDocument> meantime;
  if (!options.meantime.empty()) meantime = detail::read_meantime(options.meantime);
  fmt::print(stderr, "{} IOB2 sentences, {} MEANTIME documents\n", base.size(), meantime.size());

  if (options.folds <= 1) {
    if (options.output.empty()) throw std::runtime_error("-o FILE is required without --folds");
    std::vector<NerTrainingSentence> train = base;
    for (const auto& d : meantime)
      for (auto& s : d.training_sentences()) train.push_back(std::move(s));
    const EntityRecognizer recognizer = EntityRecognizer::train(train, pos, parser, options.training, resources);
    recognizer.save(options.output);
    fmt::print("trained on {} sentences; wrote {}\n", train.size(), options.output);
    return;
  }

  std::vector<detail::Iob2Sentence> cv;
  if (!options.cv_iob2.empty()) cv = detail::read_iob2(options.cv_iob2);
  if (cv.empty() && !options.cv_meantime) throw std::runtime_error("--folds needs --cv-iob2 FILE or --cv-meantime");
  NerScores total;
  for (int k = 0; k < options.folds; ++k) {
    if (options.fold >= 0 && k != options.fold) continue;
    const auto held_out = [&](std::size_t document) { return static_cast<int>(document % options.folds) == k; };
    std::vector<NerTrainingSentence> train = base;
    std::vector<const detail::Iob2Sentence*> test_iob2;
    for (const auto& s : cv) {
      if (held_out(s.document)) test_iob2.push_back(&s);
      else train.push_back(s.sentence);
    }
    std::vector<const detail::MeantimeDocument*> test_meantime;
    for (std::size_t d = 0; d < meantime.size(); ++d) {
      if (options.cv_meantime && held_out(d)) {
        test_meantime.push_back(&meantime[d]);
        continue;
      }
      for (auto& s : meantime[d].training_sentences()) train.push_back(std::move(s));
    }
    const EntityRecognizer recognizer = EntityRecognizer::train(train, pos, parser, options.training, resources);
    const NerScores s = options.cv_meantime ? score_meantime(recognizer, pos, parser, test_meantime, false)
                                            : score_iob2(recognizer, pos, parser, test_iob2, false);
    print_scores(s, fmt::format("fold {}: trained on {} sentences", k, train.size()));
    std::fflush(stdout);
    for (const auto& [type, c] : s.by_type) total.add(type, c.gold, c.system, c.correct);
  }
  print_scores(total, "all folds (pooled counts)");
}

void run_eval_ner(const EvalNerOptions& options) {
  const PosTagger pos = PosTagger::load();
  const std::optional<DependencyParser> parser_model = load_parser(options.without_parse);
  const DependencyParser* parser = parser_model ? &*parser_model : nullptr;
  const EntityRecognizer recognizer = options.model.empty()
                                          ? EntityRecognizer::load()
                                          : EntityRecognizer::load(options.model, data_file("resources/actor"));
  if (!options.iob2.empty()) {
    const auto sentences = detail::read_iob2(options.iob2);
    std::vector<const detail::Iob2Sentence*> all;
    for (const auto& s : sentences) all.push_back(&s);
    print_scores(score_iob2(recognizer, pos, parser, all, options.errors),
                 fmt::format("{}: {} sentences; exact span and type (conlleval)", options.iob2, sentences.size()));
  }
  if (!options.meantime.empty()) {
    const auto docs = detail::read_meantime(options.meantime);
    std::vector<const detail::MeantimeDocument*> all;
    for (const auto& d : docs) all.push_back(&d);
    print_scores(score_meantime(recognizer, pos, parser, all, options.errors),
                 fmt::format("{}: {} documents; named mentions, head-word match", options.meantime, docs.size()));
  }
  if (options.iob2.empty() && options.meantime.empty()) throw std::runtime_error("give --iob2 FILE or --meantime DIR");
}

}  // namespace

void add_train_ner_command(CLI::App& train) {
  auto options = std::make_shared<TrainNerOptions>();
  CLI::App* cmd = train.add_subcommand(
      "ner", "Train the entity recognizer on IOB2 files and MEANTIME; --folds N cross-validates by document");
  cmd->add_option("--iob2", options->iob2, "IOB2 training files (PER, ORG, LOC)")->check(CLI::ExistingFile);
  cmd->add_option("--meantime", options->meantime, "MEANTIME CAT XML folder (named mentions)")->check(CLI::ExistingDirectory);
  cmd->add_option("--cv-iob2", options->cv_iob2, "With --folds: IOB2 file cross-validated by document")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--cv-meantime", options->cv_meantime, "With --folds: cross-validate over the MEANTIME documents");
  cmd->add_option("--folds", options->folds, "Cross-validate over N folds (document i -> fold i % N)");
  cmd->add_option("--fold", options->fold, "Only this fold (0-based)");
  cmd->add_flag("--without-parse", options->without_parse,
                "Train (and cross-validate) without the dependency parser's features");
  cmd->add_option("-o,--output", options->output, "Model file to write (e.g. models/ner-en.bin)");
  cmd->add_option("--epochs", options->training.epochs, "Training passes")->capture_default_str();
  cmd->add_option("--seed", options->training.seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--models", options->training.models, "Perceptrons (each on its own shuffles) merged into one")
      ->capture_default_str();
  cmd->callback([options] { run_train_ner(*options); });
}

void add_eval_ner_command(CLI::App& eval) {
  auto options = std::make_shared<EvalNerOptions>();
  CLI::App* cmd = eval.add_subcommand("ner", "Score the entity recognizer: IOB2 (exact span+type) or MEANTIME (head match)");
  cmd->add_option("--iob2", options->iob2, "Gold IOB2 file")->check(CLI::ExistingFile);
  cmd->add_option("--meantime", options->meantime, "MEANTIME CAT XML folder")->check(CLI::ExistingDirectory);
  cmd->add_option("--model", options->model, "Entity model (default: models/ner-en.bin)");
  cmd->add_flag("--errors", options->errors, "Print each false and missed entity to stderr");
  cmd->add_flag("--without-parse", options->without_parse, "Tag without parsing first (no syntactic features)");
  cmd->callback([options] { run_eval_ner(*options); });
}

}  // namespace tempora::cli

// tempora train pos / tempora eval pos: building and scoring the POS model.
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "tempora/conllu.hpp"
#include "tempora/pos.hpp"

namespace tempora::cli {
namespace {

struct TrainPosOptions {
  std::string train, dev, output;
  PosTrainingOptions training;
};

struct EvalPosOptions {
  std::string conllu;
  std::string model;
};

void run_train_pos(TrainPosOptions& options) {
  const auto train = read_conllu(options.train);
  const auto dev = options.dev.empty() ? std::vector<ConlluSentence>{} : read_conllu(options.dev);
  fmt::print(stderr, "training on {} sentences ({} dev)\n", train.size(), dev.size());
  options.training.log = &std::cerr;
  const PosTagger tagger = PosTagger::train(train, dev, options.training);
  tagger.save(options.output);
  fmt::print(stderr, "wrote {}\n", options.output);
}

void run_eval_pos(const EvalPosOptions& options) {
  const PosTagger tagger = options.model.empty() ? PosTagger::load() : PosTagger::load(options.model);
  const auto sentences = read_conllu(options.conllu);
  std::size_t total = 0, upos = 0, xpos = 0, lemma = 0, all = 0;
  for (const auto& sentence : sentences) {
    std::vector<std::string_view> words;
    for (const auto& w : sentence.words) words.push_back(w.form);
    const auto tags = tagger.tag_words(words);
    for (std::size_t i = 0; i < words.size(); ++i) {
      const auto& gold = sentence.words[i];
      const bool u = to_string(tags[i].upos) == gold.upos, x = tags[i].xpos == gold.xpos,
                 l = tags[i].lemma == gold.lemma;
      upos += u;
      xpos += x;
      lemma += l;
      all += u && x && l;
      ++total;
    }
  }
  const auto pct = [&](std::size_t n) { return total == 0 ? 0.0 : 100.0 * static_cast<double>(n) / total; };
  fmt::print("{}: {} sentences, {} tokens (gold tokenization)\n", options.conllu, sentences.size(), total);
  fmt::print("UPOS   {:6.2f}%\nXPOS   {:6.2f}%\nLemma  {:6.2f}%\nAll    {:6.2f}%\n", pct(upos), pct(xpos),
             pct(lemma), pct(all));
}

}  // namespace

void add_train_pos_command(CLI::App& train) {
  auto options = std::make_shared<TrainPosOptions>();
  CLI::App* cmd = train.add_subcommand("pos", "Train the POS tagger and lemmatizer on CoNLL-U (e.g. UD English EWT)");
  cmd->add_option("--conllu", options->train, "Training CoNLL-U file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--dev", options->dev, "Development CoNLL-U file (progress only)")->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", options->output, "Model file to write")->required();
  cmd->add_option("--epochs", options->training.epochs, "Training passes")->capture_default_str();
  cmd->add_option("--seed", options->training.seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--prune", options->training.prune_below, "Drop features with smaller averaged weights")
      ->capture_default_str();
  cmd->add_option("--wordnet", options->training.wordnet_dir, "WordNet dict folder (irregular forms)")
      ->capture_default_str();
  cmd->callback([options] { run_train_pos(*options); });
}

void add_eval_pos_command(CLI::App& eval) {
  auto options = std::make_shared<EvalPosOptions>();
  CLI::App* cmd = eval.add_subcommand("pos", "Score UPOS, XPOS and lemma accuracy on gold-tokenized CoNLL-U");
  cmd->add_option("--conllu", options->conllu, "Gold CoNLL-U file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--model", options->model, "POS model (default: models/pos-en-ewt.bin)");
  cmd->callback([options] { run_eval_pos(*options); });
}

}  // namespace tempora::cli

// tempora parse / tempora train parser / tempora eval deps: dependency parsing.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/text_input.hpp"
#include "tempora/conllu.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"

namespace tempora::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> inputs;
  std::string model;
};

struct TrainParserOptions {
  std::string train, dev, output, pos_model;
  bool gold_pos = false;
  int jackknife = 4;
  ParserTrainingOptions training;
};

struct EvalDepsOptions {
  std::string conllu, model, pos_model;
  bool gold_pos = false;
  bool by_relation = false;
  std::string parses;  // where to write the predicted trees (CoNLL-U), if anywhere
};

// Replaces the upos/xpos columns by the tagger's predictions (gold tokens).
void retag(const PosTagger& tagger, std::vector<ConlluSentence>& sentences) {
  std::vector<std::string_view> words;
  for (ConlluSentence& s : sentences) {
    words.clear();
    for (const ConlluWord& w : s.words) words.push_back(w.form);
    const std::vector<TokenMorph> tags = tagger.tag_words(words);
    for (std::size_t i = 0; i < s.words.size() && i < tags.size(); ++i) {
      s.words[i].upos = std::string(to_string(tags[i].upos));
      s.words[i].xpos = tags[i].xpos;
      s.words[i].runner_up = tags[i].runner_up ? std::string(to_string(*tags[i].runner_up)) : std::string();
    }
  }
}

PosTagger load_tagger(const std::string& path) { return path.empty() ? PosTagger::load() : PosTagger::load(path); }

void run_parse(const ParseOptions& options) {
  const Segmenter segmenter = Segmenter::load();
  const PosTagger tagger = PosTagger::load();
  const DependencyParser parser = options.model.empty() ? DependencyParser::load() : DependencyParser::load(options.model);
  std::size_t sentence_number = 0;
  for_each_chunk(options.inputs, 1 << 20, [&](const TextChunk& chunk) {
    DocumentInfo info;
    info.id = chunk.name;
    Document doc(chunk.text, std::move(info));
    segmenter.segment(doc);
    tagger.tag(doc);
    parser.parse(doc);
    for (const Diagnostic& d : doc.diagnostics()) fmt::print(stderr, "tempora: {}: {}\n", chunk.name, d.message);
    const auto& seg = doc.get<Segmentation>();
    const auto& morph = doc.get<Morphology>();
    const auto& deps = doc.get<Dependencies>();
    std::ostringstream out;
    std::vector<std::string_view> words;
    std::vector<Arc> arcs;
    for (const Sentence& sentence : seg.sentences) {
      words.clear();
      arcs.clear();
      for (std::uint32_t i = 0; i < sentence.token_count; ++i) {
        const std::size_t t = sentence.first_token + i;
        words.push_back(seg.tokens[t].norm.empty() ? doc.text(seg.tokens[t].span) : std::string_view(seg.tokens[t].norm));
        const int h = deps.head[t];
        arcs.push_back({h < 0 ? -1 : h - static_cast<int>(sentence.first_token), deps.deprel[t]});
      }
      std::string text(doc.text(sentence.span));
      for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      write_conllu(out, words,
                   std::span<const TokenMorph>(morph.tokens).subspan(sentence.first_token, sentence.token_count), arcs,
                   fmt::format("{}-{}", chunk.name, ++sentence_number), text);
    }
    const std::string s = out.str();
    std::fwrite(s.data(), 1, s.size(), stdout);
  });
}

void run_train_parser(TrainParserOptions& options) {
  auto train = read_conllu(options.train);
  auto dev = options.dev.empty() ? std::vector<ConlluSentence>{} : read_conllu(options.dev);
  if (!options.gold_pos) {
    const PosTagger tagger = load_tagger(options.pos_model);
    if (options.jackknife >= 2) {
      // Each fold is tagged by a tagger trained on the other folds, so the
      // training tags are as wrong as the tags the parser will see in use.
      const std::size_t k = static_cast<std::size_t>(options.jackknife);
      std::vector<ConlluSentence> tagged = train;
      for (std::size_t fold = 0; fold < k; ++fold) {
        std::vector<ConlluSentence> rest, held;
        for (std::size_t i = 0; i < train.size(); ++i) (i % k == fold ? held : rest).push_back(train[i]);
        fmt::print(stderr, "jack-knife fold {}/{}: training a tagger on {} sentences\n", fold + 1, k, rest.size());
        const PosTagger fold_tagger = PosTagger::train(rest, {}, PosTrainingOptions{});
        retag(fold_tagger, held);
        for (std::size_t i = fold, j = 0; i < train.size(); i += k, ++j) tagged[i] = std::move(held[j]);
      }
      train = std::move(tagged);
    } else {
      fmt::print(stderr, "tagging the training data with the POS model\n");
      retag(tagger, train);
    }
    retag(tagger, dev);
  }
  fmt::print(stderr, "training the parser on {} sentences ({} dev), {} POS\n", train.size(), dev.size(),
             options.gold_pos ? "gold" : "predicted");
  options.training.log = &std::cerr;
  const DependencyParser parser = DependencyParser::train(train, dev, options.training);
  parser.save(options.output);
  if (!dev.empty()) {
    const AttachmentScores s = parser.evaluate(dev);
    fmt::print(stderr, "dev: UAS {:.2f} LAS {:.2f} (universal relations {:.2f})\n", s.uas(), s.las(), s.las_universal());
  }
  fmt::print(stderr, "wrote {}\n", options.output);
}

// The gold sentence with the parser's heads and relations (and the tags it
// was given) in place of the gold ones.
void write_predicted(std::ostream& out, const ConlluSentence& sentence, std::span<const Arc> arcs) {
  if (!sentence.id.empty()) out << "# sent_id = " << sentence.id << '\n';
  if (!sentence.text.empty()) out << "# text = " << sentence.text << '\n';
  for (std::size_t i = 0; i < sentence.words.size(); ++i) {
    const ConlluWord& w = sentence.words[i];
    const Arc arc = i < arcs.size() ? arcs[i] : Arc{};
    out << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t_\n", i + 1, w.form, w.lemma, w.upos, w.xpos, w.feats,
                       arc.head + 1, arc.deprel.empty() ? "_" : arc.deprel);
  }
  out << '\n';
}

void run_eval_deps(const EvalDepsOptions& options) {
  const DependencyParser parser = options.model.empty() ? DependencyParser::load() : DependencyParser::load(options.model);
  auto sentences = read_conllu(options.conllu);
  if (!options.gold_pos) retag(load_tagger(options.pos_model), sentences);
  // Scored sentence by sentence so that the errors can also be broken down
  // by the gold relation of each word (where a parser loses its points).
  AttachmentScores s;
  std::map<std::string, AttachmentScores> by_relation;
  std::ofstream parses;
  if (!options.parses.empty()) {
    parses.open(options.parses);
    if (!parses) throw std::runtime_error(fmt::format("cannot write {}", options.parses));
  }
  for (const ConlluSentence& sentence : sentences) {
    const std::vector<Arc> arcs = parser.parse_words(sentence.words);
    score_attachments(sentence.words, arcs, s);
    if (parses.is_open()) write_predicted(parses, sentence, arcs);
    if (!options.by_relation) continue;
    for (std::size_t i = 0; i < sentence.words.size(); ++i)
      score_attachments(std::span(&sentence.words[i], 1), std::span(arcs).subspan(std::min(i, arcs.size()), i < arcs.size() ? 1 : 0),
                        by_relation[sentence.words[i].deprel]);
  }
  fmt::print("{}: {} sentences, {} words (gold tokens, {} POS, punctuation included)\n", options.conllu,
             sentences.size(), s.words, options.gold_pos ? "gold" : "predicted");
  fmt::print("UAS  {:6.2f}%\nLAS  {:6.2f}%\nLAS  {:6.2f}% (universal relations only)\n", s.uas(), s.las(),
             s.las_universal());
  if (!options.by_relation) return;
  // Most lost points first: words of the relation whose head or label is wrong.
  std::vector<std::pair<std::string, AttachmentScores>> rows(by_relation.begin(), by_relation.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.words - a.second.labels_correct > b.second.words - b.second.labels_correct;
  });
  fmt::print("\n{:<14} {:>6} {:>7} {:>7} {:>8}\n", "gold relation", "words", "UAS", "LAS", "LAS lost");
  for (const auto& [relation, r] : rows)
    fmt::print("{:<14} {:>6} {:>7.2f} {:>7.2f} {:>8.2f}\n", relation, r.words, r.uas(), r.las(),
               100.0 * static_cast<double>(r.words - r.labels_correct) / static_cast<double>(s.words));
}

}  // namespace

void add_parse_command(CLI::App& app) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* cmd = app.add_subcommand(
      "parse", "Split, tag and parse text; print CoNLL-U (Universal Dependencies relations).");
  cmd->add_option("inputs", options->inputs, "Text files to read ('-' or none: standard input)");
  cmd->add_option("--model", options->model, "Parser model (default: models/parser-en-ewt.bin)");
  cmd->callback([options] { run_parse(*options); });
}

void add_train_parser_command(CLI::App& train) {
  auto options = std::make_shared<TrainParserOptions>();
  CLI::App* cmd = train.add_subcommand("parser", "Train the dependency parser on CoNLL-U (e.g. UD English EWT)");
  cmd->add_option("--conllu", options->train, "Training CoNLL-U file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--dev", options->dev, "Development CoNLL-U file (progress, and the choice of the best epoch)")->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", options->output, "Model file to write")->required();
  cmd->add_flag("--gold-pos", options->gold_pos, "Train on the gold POS columns instead of predicted tags");
  cmd->add_option("--pos-model", options->pos_model, "POS model for predicted tags (default: models/pos-en-ewt.bin)");
  cmd->add_option("--jackknife", options->jackknife,
                  "Tag the training data in this many folds, each by a tagger trained on the others (0: use the POS model)")
      ->capture_default_str();
  cmd->add_option("--epochs", options->training.epochs, "Training passes (at most, with --dev)")->capture_default_str();
  cmd->add_option("--select-from", options->training.select_from_epoch,
                  "With --dev: keep the epoch from this one on whose averaged model scores best on dev (0: the last)")
      ->capture_default_str();
  cmd->add_option("--features", options->training.feature_format,
                  "Feature templates: 5 (current: 4 and the tagger's runner-up tags), 4 or 3 (those of older models)")
      ->check(CLI::Range(3, 5))
      ->capture_default_str();
  cmd->add_option("--seed", options->training.seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--prune", options->training.prune_below, "Drop features with smaller averaged weights")
      ->capture_default_str();
  cmd->callback([options] { run_train_parser(*options); });
}

void add_eval_deps_command(CLI::App& eval) {
  auto options = std::make_shared<EvalDepsOptions>();
  CLI::App* cmd = eval.add_subcommand("deps", "Score the dependency parser (UAS, LAS) on gold-tokenized CoNLL-U");
  cmd->add_option("--conllu", options->conllu, "Gold CoNLL-U file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--model", options->model, "Parser model (default: models/parser-en-ewt.bin)");
  cmd->add_flag("--gold-pos", options->gold_pos, "Parse with the gold POS columns instead of tagging");
  cmd->add_option("--pos-model", options->pos_model, "POS model (default: models/pos-en-ewt.bin)");
  cmd->add_flag("--by-relation", options->by_relation,
                "Also break the scores down by gold relation, the relations losing most points first");
  cmd->add_option("--write-parses", options->parses, "Write the predicted trees to this CoNLL-U file");
  cmd->callback([options] { run_eval_deps(*options); });
}

}  // namespace tempora::cli

// Part-of-speech tagging and lemmatization (the `tag` stage).
//
// PosTagger predicts a joint UPOS+XPOS tag per token with a greedy
// left-to-right averaged perceptron (see perceptron.hpp), then lemmatizes each
// token with the Lemmatizer. Both are trained by tempora's own code on UD
// English EWT (`tempora train pos`); the trained model lives in
// models/pos-en-ewt.bin.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/conllu.hpp"
#include "tempora/document.hpp"

namespace tempora {

struct PosTrainingOptions {
  int epochs = 12;
  std::uint64_t seed = 20251017;            // shuffling is deterministic for a given seed
  float prune_below = 0.0f;                 // drop features whose averaged weights are all this small
  std::filesystem::path wordnet_dir = "/usr/share/wordnet";  // irregular forms for the lemmatizer
  std::ostream* log = nullptr;              // progress lines (epoch, accuracy) when set
};

class PosTagger {
 public:
  // Loads models/pos-en-ewt.bin under data_dir().
  static PosTagger load();
  static PosTagger load(const std::filesystem::path& model_file);

  PosTagger(PosTagger&&) noexcept;
  PosTagger& operator=(PosTagger&&) noexcept;
  ~PosTagger();

  // Trains a tagger and lemmatizer on gold CoNLL-U sentences; `dev`, when
  // non-empty, is tagged after each epoch for the log only.
  static PosTagger train(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                         const PosTrainingOptions& options);
  void save(const std::filesystem::path& model_file) const;

  // Adds the Morphology layer (needs Segmentation) and returns it.
  // tempora's segmenter keeps hyphenated words whole, which the treebank
  // splits; tag() therefore makes a hyphenated name inside a sentence
  // ("Bankman-Fried") a proper noun, which the model never learned. It also
  // reads names once per document: a word tagged a proper noun inside the
  // document's sentences is one at a sentence's start ("Tusk spoke").
  const Morphology& tag(Document& doc) const;

  // Tags one sentence given its token forms (normalized), tokenized as the
  // treebank tokenizes (CoNLL-U input); the building block for training
  // other models on predicted tags.
  std::vector<TokenMorph> tag_words(std::span<const std::string_view> words) const;

 private:
  struct Model;
  explicit PosTagger(std::unique_ptr<const Model> model);
  std::unique_ptr<const Model> model_;
};

}  // namespace tempora

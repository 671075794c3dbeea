// Part-of-speech tagging and lemmatization (the `tag` stage).
//
// PosTagger predicts a joint UPOS+XPOS tag per token with a greedy
// left-to-right averaged perceptron (see perceptron.hpp), then lemmatizes each
// token with the Lemmatizer. Both are trained by tempora's own code on UD
// English EWT (`tempora train pos`); the trained model lives in
// models/pos-en-ewt.bin.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/document.hpp"

namespace tempora {

class PosTagger {
 public:
  // Loads models/pos-en-ewt.bin under data_dir().
  static PosTagger load();
  static PosTagger load(const std::filesystem::path& model_file);

  PosTagger(PosTagger&&) noexcept;
  PosTagger& operator=(PosTagger&&) noexcept;
  ~PosTagger();

  // Adds the Morphology layer (needs Segmentation) and returns it.
  const Morphology& tag(Document& doc) const;

  // Tags one sentence given its token forms (normalized); the building block
  // for tag() and for training other models on predicted tags.
  std::vector<TokenMorph> tag_words(std::span<const std::string_view> words) const;

 private:
  struct Model;
  explicit PosTagger(std::unique_ptr<const Model> model);
  std::unique_ptr<const Model> model_;
  friend struct PosTrainer;
};

}  // namespace tempora

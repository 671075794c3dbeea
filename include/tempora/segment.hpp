// Sentence and token segmentation for news English.
//
// A single left-to-right scan over the text (linear time, no backtracking)
// that knows what news needs: abbreviations (U.S., Dr., Oct.), initials,
// curly quotes, possessives ("Ukraine’s" -> "Ukraine" "’s"), contractions,
// hyphenated words, numbers, clock times and dates (3:30 p.m., 10/17/2025),
// URLs and e-mail addresses, and an opening dateline ("KYIV, Oct. 20
// (Reuters) -"). Abbreviation lists are data in resources/text/.
#pragma once

#include <filesystem>
#include <memory>

#include "tempora/document.hpp"

namespace tempora {

class Segmenter {
 public:
  // Loads the abbreviation lexicons from resources/text/ under data_dir().
  static Segmenter load();
  static Segmenter load(const std::filesystem::path& resources_dir);

  // Adds the Segmentation layer to doc and returns it.
  const Segmentation& segment(Document& doc) const;

  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  ~Segmenter();

 private:
  struct Lexicon;
  explicit Segmenter(std::unique_ptr<const Lexicon> lexicon);
  std::unique_ptr<const Lexicon> lexicon_;
};

}  // namespace tempora

// Which parts of speech English has for a word, from WordNet's index files.
//
// The tagger sees ~10% of words it never met in training; whether such a word
// is a dictionary noun, verb or adjective (directly or as an inflected form:
// "bloggers" -> noun "blogger") tells a typo or a name from a common word. The
// lexicon is read from /usr/share/wordnet/index.{noun,verb,adj,adv} when a
// model is trained and stored inside the model as 32-bit hashes with a POS
// bit mask, so tagging needs no WordNet files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <span>
#include <string_view>
#include <unordered_map>

namespace tempora::detail {

class WordLexicon {
 public:
  enum Bit : std::uint8_t {
    kNoun = 1, kVerb = 2, kAdjective = 4, kAdverb = 8,
    kInflectedNoun = 16, kInflectedVerb = 32, kInflectedAdjective = 64,
  };

  // Empty when the folder has no WordNet index files.
  static WordLexicon from_wordnet(const std::filesystem::path& dir);

  // Mask of Bits for a lowercased word; 0 when unknown.
  std::uint8_t classes(std::string_view lower) const;

  // Mask of Bits for the word itself (no inflection rules).
  std::uint8_t base_classes(std::string_view lower) const { return lookup(lower); }

  bool empty() const { return entries_.empty(); }
  void save(std::ostream& out) const;
  static WordLexicon load(std::istream& in);

 private:
  std::uint8_t lookup(std::string_view word) const;
  std::unordered_map<std::uint32_t, std::uint8_t> entries_;
};

}  // namespace tempora::detail

// Lemmatizer: suffix rewrite rules learned per XPOS, plus an exception table.
//
// How it works. For every training word the lemma is described as a rewrite
// of the lowercased form: strip k final bytes, append a string ("studies" ->
// strip 3, append "y"). For each XPOS we count, for every final substring
// ("suffix") of up to kMaxSuffix bytes, which rewrite the words ending in it
// take. At run time the longest known suffix of the word picks the rewrite.
// Only rules that differ from their shorter parent are kept, so the table is
// small. Words whose gold lemma the rules get wrong (irregular verbs,
// pronouns, "n't" -> "not") go into an exception table keyed by (form, XPOS),
// together with WordNet's exception lists (verb.exc, noun.exc, adj.exc,
// adv.exc) for irregular forms the treebank never shows. Rewrites work on the
// lowercased word; the lemma's casing is then learned per (XPOS, casing of
// the form): UD English lowercases common words, keeps "NASA", and writes
// proper nouns capitalized even when the text did not ("kerala" -> "Kerala").
// When WordNet's word list is at hand, a rule whose output is not a word of
// the right part of speech gives way to a shorter suffix's rule.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tempora/conllu.hpp"
#include "word_lexicon.hpp"

namespace tempora::detail {

class Lemmatizer {
 public:
  // Learns rules and exceptions from gold (form, XPOS, lemma) triples;
  // `wordnet_dir` (e.g. /usr/share/wordnet) adds irregular forms when present.
  // `lexicon` (optional, must outlive the lemmatizer) vets rule outputs.
  static Lemmatizer train(const std::vector<ConlluSentence>& sentences, const std::filesystem::path& wordnet_dir,
                          const WordLexicon* lexicon);
  // The lexicon is not part of the saved lemmatizer: set it after load().
  void set_lexicon(const WordLexicon* lexicon) { lexicon_ = lexicon; }

  std::string lemma(std::string_view form, std::string_view xpos) const;

  void save(std::ostream& out) const;
  static Lemmatizer load(std::istream& in);

  std::size_t rule_count() const { return rules_.size(); }
  std::size_t exception_count() const { return exceptions_.size(); }

 private:
  struct Rewrite {
    std::uint8_t strip = 0;
    std::string append;
    friend bool operator==(const Rewrite&, const Rewrite&) = default;
  };
  enum class CasePolicy : std::uint8_t { lower, capitalize, keep };
  static constexpr std::size_t kMaxSuffix = 6;
  std::string cased(std::string_view form, const std::string& lower_lemma, std::string_view xpos) const;
  static std::uint8_t base_classes_for(std::string_view xpos);
  std::string apply_rules(std::string_view form, std::string_view lower, std::string_view xpos) const;

  // Keys are 64-bit hashes of "a<TAB>b" strings (see lemmatizer.cpp).
  std::unordered_map<std::uint64_t, Rewrite> rules_;             // xpos, suffix
  std::unordered_map<std::uint64_t, CasePolicy> case_policy_;    // xpos, case class of the form (l, C, U, m)
  std::unordered_map<std::uint64_t, std::string> exceptions_;    // lowercased form, xpos -> the lemma as written
  const WordLexicon* lexicon_ = nullptr;
};

// ASCII lowercase (non-ASCII bytes unchanged): the folding the tagger uses.
std::string ascii_lower(std::string_view s);

// Whether a past participle's past tense is another word ("taken", "shown",
// "begun", "done"), so that the tagger never confuses the two; "sued" and
// "met" can be either. Read by the tagger's and the parser's rules for a main
// verb read as a participle.
bool distinct_participle(std::string_view form);

}  // namespace tempora::detail

// Readers for the corpora the entity recognizer is trained and scored on,
// and the scorer: IOB2 columns (Universal NER on EWT) and MEANTIME's CAT XML.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "tempora/actor.hpp"
#include "tempora/parse.hpp"

namespace tempora::detail {

// One IOB2 sentence and the document it belongs to ("# newdoc id" lines).
struct Iob2Sentence {
  NerTrainingSentence sentence;
  std::uint32_t document = 0;  // running document number in the file
};

// Reads "index<TAB>word<TAB>tag..." lines; '#' lines are comments, a blank
// line ends a sentence. Tags other than B-/I- of PER, ORG, LOC become "O".
std::vector<Iob2Sentence> read_iob2(const std::filesystem::path& file);

// A MEANTIME document: its annotated sentences as words (MEANTIME marks up
// only the first sentences of each article; later ones are left out) and its
// named mentions.
struct MeantimeMention {
  std::uint32_t sentence = 0;
  std::uint32_t first = 0, last = 0;  // word indices in the sentence, inclusive
  std::string type;                   // ent_type of the referred ENTITY: PER, ORG, LOC, PRO, FIN, MIX
};

struct MeantimeDocument {
  std::string name;
  std::vector<std::vector<std::string>> sentences;
  std::vector<MeantimeMention> mentions;  // syntactic_type="NAM" only

  // The sentences as BIO training data over PER, ORG and LOC.
  std::vector<NerTrainingSentence> training_sentences() const;
};

std::vector<MeantimeDocument> read_meantime(const std::filesystem::path& dir);  // sorted by file name

// The head word of a name: the last word before "of", ",", "(" (so "Bank of
// America" is headed by "Bank"), else its last word, skipping legal-form
// suffixes and punctuation ("Apple Inc." is headed by "Apple").
std::uint32_t name_head(const std::vector<std::string>& words, std::uint32_t first, std::uint32_t last);

// Precision, recall and F1 counts per type and overall.
struct NerCounts {
  std::size_t gold = 0, system = 0, correct = 0;
  double precision() const { return system == 0 ? 0.0 : static_cast<double>(correct) / system; }
  double recall() const { return gold == 0 ? 0.0 : static_cast<double>(correct) / gold; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

struct NerScores {
  std::map<std::string, NerCounts> by_type;
  NerCounts all;
  void add(const std::string& type, std::size_t gold, std::size_t system, std::size_t correct);
};

// The coarse corpus type of an entity type: PERSON -> PER, ORGANIZATION ->
// ORG, GPE, LOCATION, FACILITY -> LOC; NORP -> "" (not scored).
std::string coarse_type(EntityType type);

// A sentence's entities as (first, last, coarse type) from BIO tags.
struct WordSpan {
  std::uint32_t first = 0, last = 0;
  std::string type;
  friend bool operator<(const WordSpan& a, const WordSpan& b) {
    return std::tie(a.first, a.last, a.type) < std::tie(b.first, b.last, b.type);
  }
  friend bool operator==(const WordSpan&, const WordSpan&) = default;
};
std::vector<WordSpan> spans_of_tags(const std::vector<std::string>& tags);

// Tags pre-split sentences with the POS tagger, the parser (when given) and
// the recognizer, as the pipeline does: a Document is built with one sentence
// per input sentence, words separated by single spaces. Returns, per
// sentence, the recognizer's spans in word indices with coarse types (NORP
// dropped).
std::vector<std::vector<WordSpan>> recognize_words(const EntityRecognizer& recognizer, const PosTagger& pos,
                                                   const DependencyParser* parser,
                                                   const std::vector<std::vector<std::string>>& sentences);

}  // namespace tempora::detail

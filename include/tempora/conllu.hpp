// Reading CoNLL-U (Universal Dependencies) files: the training and evaluation
// format for the tagger and the parser. Multiword token lines (1-2) and empty
// nodes (1.1) are skipped: tempora works on syntactic words.
#pragma once

#include <filesystem>
#include <istream>
#include <string>
#include <vector>

namespace tempora {

struct ConlluWord {
  std::string form, lemma, upos, xpos, feats;
  int head = 0;         // 0 = root
  std::string deprel;   // e.g. "nsubj", "obl:tmod"
  bool space_after = true;
  // Not a CoNLL-U column: the UPOS a tagger nearly chose instead of `upos`
  // when the columns hold its predictions (TokenMorph::runner_up); "" when
  // it was sure or the tags are gold.
  std::string runner_up;
};

struct ConlluSentence {
  std::string id;       // "# sent_id = ..."
  std::string text;     // "# text = ..."
  std::vector<ConlluWord> words;
};

// Throws std::runtime_error with the line number on malformed input.
std::vector<ConlluSentence> read_conllu(std::istream& in);
std::vector<ConlluSentence> read_conllu(const std::filesystem::path& file);

}  // namespace tempora

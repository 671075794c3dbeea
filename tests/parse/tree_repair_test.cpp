// The repairs of greedy parse errors (src/parse/tree_repair.hpp).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parse/tree_repair.hpp"

namespace tempora::detail {
namespace {

struct Word {
  std::string form, upos, xpos;
  int head;  // 0-based, -1 for the root
  std::string deprel;
};

// Runs the repair over hand-made arcs; returns them.
std::vector<Arc> repaired(const std::vector<Word>& words) {
  std::vector<Arc> arcs;
  std::vector<RepairTags> tags;
  for (const Word& w : words) {
    arcs.push_back(Arc{w.head, w.deprel});
    tags.push_back(RepairTags{w.upos, w.xpos});
  }
  repair_tree(arcs, tags);
  return arcs;
}

// "Carnival , which has ships , presented claims ." as the greedy parser
// leaves it: "presented" inside the relative clause, "Carnival" the root.
std::vector<Word> main_verb_in_relative_clause() {
  return {{"Carnival", "PROPN", "NNP", -1, "root"}, {",", "PUNCT", ",", 0, "punct"},
          {"which", "PRON", "WDT", 3, "nsubj"},     {"has", "VERB", "VBZ", 0, "acl:relcl"},
          {"ships", "NOUN", "NNS", 3, "obj"},       {",", "PUNCT", ",", 6, "punct"},
          {"presented", "VERB", "VBD", 3, "advcl"}, {"claims", "NOUN", "NNS", 6, "obj"},
          {".", "PUNCT", ".", 0, "punct"}};
}

TEST(TreeRepair, MainVerbLeavesTheRelativeClauseAndTakesTheNounAsSubject) {
  const std::vector<Arc> arcs = repaired(main_verb_in_relative_clause());
  EXPECT_EQ(arcs[6], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[0], (Arc{6, "nsubj"}));
  EXPECT_EQ(arcs[8].head, 6) << "the final full stop follows the new root";
  EXPECT_EQ(arcs[1].head, 0) << "punctuation before the verb stays";
  EXPECT_EQ(arcs[3], (Arc{0, "acl:relcl"})) << "the relative clause still describes the noun";
}

TEST(TreeRepair, AVerbWithAnAuxiliaryCountsAsFinite) {
  // "Volatility , which rose , is undercutting efforts ."
  const std::vector<Arc> arcs = repaired({{"Volatility", "NOUN", "NN", -1, "root"},
                                          {",", "PUNCT", ",", 0, "punct"},
                                          {"which", "PRON", "WDT", 3, "nsubj"},
                                          {"rose", "VERB", "VBD", 0, "acl:relcl"},
                                          {",", "PUNCT", ",", 6, "punct"},
                                          {"is", "AUX", "VBZ", 6, "aux"},
                                          {"undercutting", "VERB", "VBG", 3, "conj"},
                                          {"efforts", "NOUN", "NNS", 6, "obj"},
                                          {".", "PUNCT", ".", 0, "punct"}});
  EXPECT_EQ(arcs[6].head, -1);
  EXPECT_EQ(arcs[0], (Arc{6, "nsubj"}));
}

TEST(TreeRepair, CoordinationInsideTheRelativeClauseIsLeftAlone) {
  // "Carnival , which has ships and presented claims ." : "presented" is a
  // second predicate of the relative clause.
  std::vector<Word> w = main_verb_in_relative_clause();
  w[5] = {"and", "CCONJ", "CC", 6, "cc"};
  w[6].deprel = "conj";
  const std::vector<Arc> arcs = repaired(w);
  EXPECT_EQ(arcs[0].head, -1);
  EXPECT_EQ(arcs[6], (Arc{3, "conj"}));
}

TEST(TreeRepair, ParticipleAdjunctsAndSubjectfulClausesAreLeftAlone) {
  std::vector<Word> participle = main_verb_in_relative_clause();
  participle[6] = {"leaving", "VERB", "VBG", 3, "advcl"};  // ", leaving claims"
  EXPECT_EQ(repaired(participle)[0].head, -1);

  std::vector<Word> own_subject = main_verb_in_relative_clause();
  own_subject[7].deprel = "nsubj";  // the verb already has a subject
  EXPECT_EQ(repaired(own_subject)[0].head, -1);
}

// "In trading Friday , Crossland closed at $ 5.25 ." with "Crossland" taken
// for an apposition of "Friday".
std::vector<Word> subject_taken_for_apposition() {
  return {{"In", "ADP", "IN", 1, "case"},         {"trading", "NOUN", "NN", 5, "obl"},
          {"Friday", "PROPN", "NNP", 1, "nmod"},  {",", "PUNCT", ",", 4, "punct"},
          {"Crossland", "PROPN", "NNP", 2, "appos"}, {"closed", "VERB", "VBD", -1, "root"},
          {"at", "ADP", "IN", 7, "case"},         {"$", "SYM", "$", 5, "obl"},
          {"5.25", "NUM", "CD", 7, "nummod"},     {".", "PUNCT", ".", 5, "punct"}};
}

TEST(TreeRepair, AnAppositionBeforeASubjectlessVerbIsItsSubject) {
  const std::vector<Arc> arcs = repaired(subject_taken_for_apposition());
  EXPECT_EQ(arcs[4], (Arc{5, "nsubj"}));
  EXPECT_EQ(arcs[2], (Arc{1, "nmod"})) << "the rest of the tree stays";
}

TEST(TreeRepair, RealAppositionsAndVerbsWithSubjectsAreLeftAlone) {
  std::vector<Word> has_subject = subject_taken_for_apposition();
  has_subject.insert(has_subject.begin() + 5, Word{"shares", "NOUN", "NNS", 6, "nsubj"});
  for (std::size_t i = 0; i < has_subject.size(); ++i)
    if (i != 5 && has_subject[i].head >= 5) ++has_subject[i].head;  // words after the insertion moved right
  has_subject[4].head = 2;  // "Crossland" still an apposition of "Friday", now before "shares"
  EXPECT_EQ(repaired(has_subject)[4], (Arc{2, "appos"}));

  std::vector<Word> participle = subject_taken_for_apposition();
  participle[5].xpos = "VBN";  // "..., Crossland closed at $5.25": a reduced relative, not a clause
  EXPECT_EQ(repaired(participle)[4], (Arc{2, "appos"}));
}

TEST(TreeRepair, VerbalRootsAndEmptySentencesAreUntouched) {
  std::vector<Word> w = main_verb_in_relative_clause();
  w[0].upos = "VERB";
  EXPECT_EQ(repaired(w)[0].head, -1);
  EXPECT_TRUE(repaired({}).empty());
}

}  // namespace
}  // namespace tempora::detail

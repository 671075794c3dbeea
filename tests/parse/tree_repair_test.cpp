// The repairs of greedy parse errors (src/parse/tree_repair.hpp).
#include <array>
#include <cstdint>
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
std::vector<Arc> arcs_of(const std::vector<Word>& words) {
  std::vector<Arc> arcs;
  for (const Word& w : words) arcs.push_back(Arc{w.head, w.deprel});
  return arcs;
}

std::vector<RepairTags> tags_of(const std::vector<Word>& words) {
  std::vector<RepairTags> tags;
  for (const Word& w : words) tags.push_back(RepairTags{w.upos, w.xpos, w.form});
  return tags;
}

std::vector<Arc> repaired(const std::vector<Word>& words) {
  std::vector<Arc> arcs = arcs_of(words);
  repair_tree(arcs, tags_of(words));
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

TEST(TreeRepair, TheRelativeClausesVerbTakenForTheRootGivesItBack) {
  // "Airbus , which will take plants , said it agreed ." with "take" the
  // root, "which" its subject and the name a vocative.
  const std::vector<Arc> arcs = repaired({{"Airbus", "PROPN", "NNP", 4, "vocative"},
                                          {",", "PUNCT", ",", 0, "punct"},
                                          {"which", "PRON", "WDT", 4, "nsubj"},
                                          {"will", "AUX", "MD", 4, "aux"},
                                          {"take", "VERB", "VB", -1, "root"},
                                          {"plants", "NOUN", "NNS", 4, "obj"},
                                          {",", "PUNCT", ",", 7, "punct"},
                                          {"said", "VERB", "VBD", 4, "conj"},
                                          {"it", "PRON", "PRP", 9, "nsubj"},
                                          {"agreed", "VERB", "VBD", 7, "ccomp"},
                                          {".", "PUNCT", ".", 4, "punct"}});
  EXPECT_EQ(arcs[7], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[0], (Arc{7, "nsubj"}));
  EXPECT_EQ(arcs[4], (Arc{0, "acl:relcl"}));
  EXPECT_EQ(arcs[10], (Arc{7, "punct"}));
}

TEST(TreeRepair, TheClauseDescribesTheNominalBeforeItsComma) {
  // "The study by Potach , who edits reports , warns ." : the clause is Potach's.
  const std::vector<Arc> arcs = repaired({{"The", "DET", "DT", 1, "det"},
                                          {"study", "NOUN", "NN", 6, "nsubj"},
                                          {"by", "ADP", "IN", 3, "case"},
                                          {"Potach", "PROPN", "NNP", 1, "nmod"},
                                          {",", "PUNCT", ",", 3, "punct"},
                                          {"who", "PRON", "WP", 6, "nsubj"},
                                          {"edits", "VERB", "VBZ", -1, "root"},
                                          {"reports", "NOUN", "NNS", 6, "obj"},
                                          {",", "PUNCT", ",", 9, "punct"},
                                          {"warns", "VERB", "VBZ", 6, "conj"},
                                          {".", "PUNCT", ".", 6, "punct"}});
  EXPECT_EQ(arcs[9], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[1], (Arc{9, "nsubj"}));
  EXPECT_EQ(arcs[6], (Arc{3, "acl:relcl"}));
}

TEST(TreeRepair, AParticipleAfterTheClauseWithNothingFiniteAfterItIsTheMainVerb) {
  // "The agency , which has capped output , declined to comment ." with
  // "declined" tagged a participle after the clause's "has".
  std::vector<Word> words = {{"The", "DET", "DT", 1, "det"},
                             {"agency", "NOUN", "NN", -1, "root"},
                             {",", "PUNCT", ",", 5, "punct"},
                             {"which", "PRON", "WDT", 5, "nsubj"},
                             {"has", "AUX", "VBZ", 5, "aux"},
                             {"capped", "VERB", "VBN", 1, "acl:relcl"},
                             {"output", "NOUN", "NN", 5, "obj"},
                             {",", "PUNCT", ",", 8, "punct"},
                             {"declined", "VERB", "VBN", 5, "advcl"},
                             {"to", "PART", "TO", 10, "mark"},
                             {"comment", "VERB", "VB", 8, "xcomp"},
                             {".", "PUNCT", ".", 1, "punct"}};
  std::vector<Arc> arcs = repaired(words);
  EXPECT_EQ(arcs[8], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[1], (Arc{8, "nsubj"}));
  // With a finite verb after it the participle is no main verb.
  words[10] = {"comment", "VERB", "VBD", 8, "xcomp"};
  arcs = repaired(words);
  EXPECT_EQ(arcs[1], (Arc{-1, "root"}));
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

// "Yesterday , company CEO Steve Jobs unveiled iPhone ." with "Yesterday"
// taken for the subject and the name for an apposition of "CEO".
std::vector<Word> day_name_taken_for_subject() {
  return {{"Yesterday", "NOUN", "NN", 6, "nsubj"}, {",", "PUNCT", ",", 3, "punct"},
          {"company", "NOUN", "NN", 3, "compound"}, {"CEO", "NOUN", "NN", 0, "appos"},
          {"Steve", "PROPN", "NNP", 3, "appos"},    {"Jobs", "PROPN", "NNP", 4, "flat"},
          {"unveiled", "VERB", "VBD", -1, "root"},  {"iPhone", "PROPN", "NNP", 6, "obj"},
          {".", "PUNCT", ".", 6, "punct"}};
}

TEST(TreeRepair, ADayNameSetOffByACommaDatesTheVerbWhoseSubjectFollows) {
  const std::vector<Arc> arcs = repaired(day_name_taken_for_subject());
  EXPECT_EQ(arcs[0], (Arc{6, "obl:unmarked"}));
  EXPECT_EQ(arcs[4], (Arc{6, "nsubj"})) << "the name before the verb is its subject, Jobs still part of it";
  EXPECT_EQ(arcs[5], (Arc{4, "flat"}));
}

TEST(TreeRepair, ADayNameYieldsToTheVerbsOtherSubjectOrAConjunctBeforeTheVerb) {
  // "Earlier Sunday , police clashed ."
  std::vector<Arc> arcs = repaired({{"Earlier", "ADV", "RBR", 1, "advmod"},
                                    {"Sunday", "PROPN", "NNP", 4, "nsubj"},
                                    {",", "PUNCT", ",", 3, "punct"},
                                    {"police", "NOUN", "NNS", 4, "nsubj"},
                                    {"clashed", "VERB", "VBD", -1, "root"},
                                    {".", "PUNCT", ".", 4, "punct"}});
  EXPECT_EQ(arcs[1], (Arc{4, "obl:unmarked"}));
  EXPECT_EQ(arcs[3], (Arc{4, "nsubj"}));
  // "Also Thursday , Saudi Arabia called ." with "Arabia" a conjunct of the day.
  arcs = repaired({{"Also", "ADV", "RB", 5, "advmod"},
                   {"Thursday", "PROPN", "NNP", 5, "nsubj"},
                   {",", "PUNCT", ",", 4, "punct"},
                   {"Saudi", "PROPN", "NNP", 4, "compound"},
                   {"Arabia", "PROPN", "NNP", 1, "conj"},
                   {"called", "VERB", "VBD", -1, "root"},
                   {".", "PUNCT", ".", 5, "punct"}});
  EXPECT_EQ(arcs[1], (Arc{5, "obl:unmarked"}));
  EXPECT_EQ(arcs[4], (Arc{5, "nsubj"}));
}

TEST(TreeRepair, ADayNameWithNoOtherSubjectStaysTheSubject) {
  // "Wednesday , July 12 will work ." : the day is what the clause is about.
  const std::vector<Arc> arcs = repaired({{"Wednesday", "PROPN", "NNP", 5, "nsubj"},
                                          {",", "PUNCT", ",", 2, "punct"},
                                          {"July", "PROPN", "NNP", 0, "appos"},
                                          {"12", "NUM", "CD", 2, "nummod"},
                                          {"will", "AUX", "MD", 5, "aux"},
                                          {"work", "VERB", "VB", -1, "root"},
                                          {".", "PUNCT", ".", 5, "punct"}});
  EXPECT_EQ(arcs[0], (Arc{5, "nsubj"}));
  // Without the comma the day is an ordinary subject ("Today marks ...").
  std::vector<Word> no_comma = day_name_taken_for_subject();
  no_comma[1] = {"and", "CCONJ", "CC", 4, "cc"};
  EXPECT_EQ(repaired(no_comma)[0], (Arc{6, "nsubj"}));
}

TEST(TreeRepair, ADayNameAfterAVerbDatesItWhenTheNextVerbHasItsOwnSubject) {
  // "Boeing said Wednesday it had agreed ." with the day a second subject of "agreed".
  std::vector<Word> words = {{"Boeing", "PROPN", "NNP", 1, "nsubj"}, {"said", "VERB", "VBD", -1, "root"},
                             {"Wednesday", "PROPN", "NNP", 5, "nsubj"}, {"it", "PRON", "PRP", 5, "nsubj"},
                             {"had", "AUX", "VBD", 5, "aux"},          {"agreed", "VERB", "VBN", 1, "ccomp"},
                             {".", "PUNCT", ".", 1, "punct"}};
  std::vector<Arc> arcs = repaired(words);
  EXPECT_EQ(arcs[2], (Arc{1, "obl:unmarked"}));
  EXPECT_EQ(arcs[3], (Arc{5, "nsubj"}));
  // Without another subject the day is what the clause is about
  // ("said Monday was the deadline").
  words[3] = {"it", "PRON", "PRP", 5, "obj"};
  EXPECT_EQ(repaired(words)[2], (Arc{5, "nsubj"}));
  // Nor after a noun ("the team Monday") .
  words[3] = {"it", "PRON", "PRP", 5, "nsubj"};
  words[1] = {"team", "NOUN", "NN", -1, "root"};
  EXPECT_EQ(repaired(words)[2], (Arc{5, "nsubj"}));
}

TEST(TreeRepair, AFrontedPhraseTakenForASubjectIsAnOblique) {
  // "Before the talks , Lee laid a wreath ." with "Before" a mark and
  // "talks" a first subject of "laid".
  std::vector<Word> words = {{"Before", "SCONJ", "IN", 5, "mark"}, {"the", "DET", "DT", 2, "det"},
                             {"talks", "NOUN", "NNS", 5, "nsubj"}, {",", "PUNCT", ",", 2, "punct"},
                             {"Lee", "PROPN", "NNP", 5, "nsubj"},  {"laid", "VERB", "VBD", -1, "root"},
                             {"a", "DET", "DT", 7, "det"},         {"wreath", "NOUN", "NN", 5, "obj"},
                             {".", "PUNCT", ".", 5, "punct"}};
  std::vector<Arc> arcs = repaired(words);
  EXPECT_EQ(arcs[2], (Arc{5, "obl"}));
  EXPECT_EQ(arcs[0], (Arc{2, "case"}));
  EXPECT_EQ(arcs[4], (Arc{5, "nsubj"}));
  // A clause ("Before the talks ended , Lee ...") keeps its subject: no
  // second subject of the same verb after the comma.
  words[4] = {"Lee", "PROPN", "NNP", 5, "obj"};
  arcs = repaired(words);
  EXPECT_EQ(arcs[2], (Arc{5, "nsubj"}));
}

// "Zelensky told reporters that the US sent missiles ." with the that-clause
// taken for a clause of "reporters".
std::vector<Word> complement_clause_on_recipient() {
  return {{"Zelensky", "PROPN", "NNP", 1, "nsubj"}, {"told", "VERB", "VBD", -1, "root"},
          {"reporters", "NOUN", "NNS", 1, "iobj"},  {"that", "SCONJ", "IN", 6, "mark"},
          {"the", "DET", "DT", 5, "det"},           {"US", "PROPN", "NNP", 6, "nsubj"},
          {"sent", "VERB", "VBD", 2, "acl"},        {"missiles", "NOUN", "NNS", 6, "obj"},
          {".", "PUNCT", ".", 1, "punct"}};
}

TEST(TreeRepair, AThatClauseOnTheIndirectObjectIsTheVerbsComplement) {
  const std::vector<Arc> arcs = repaired(complement_clause_on_recipient());
  EXPECT_EQ(arcs[6], (Arc{1, "ccomp"}));
  EXPECT_EQ(arcs[2], (Arc{1, "iobj"}));
}

TEST(TreeRepair, ClausesOfDirectObjectsAndOfIndirectObjectsBesideAnObjectStay) {
  std::vector<Word> object = complement_clause_on_recipient();
  object[2].deprel = "obj";  // "the claim that ...": a content clause of a noun
  EXPECT_EQ(repaired(object)[6], (Arc{2, "acl"}));
  std::vector<Word> with_object = complement_clause_on_recipient();
  with_object[0].deprel = "obj";  // the verb has a direct object already
  EXPECT_EQ(repaired(with_object)[6], (Arc{2, "acl"}));
  std::vector<Word> relative = complement_clause_on_recipient();
  relative[3] = {"that", "PRON", "WDT", 6, "nsubj"};  // "reporters that sent ...": no subordinator
  EXPECT_EQ(repaired(relative)[6], (Arc{2, "acl"}));
}

TEST(TreeRepair, AnAdjectiveTakenForASecondSubjectModifiesTheNextNoun) {
  // "Cuban President Fidel Castro said ."
  const std::vector<Arc> arcs = repaired({{"Cuban", "ADJ", "JJ", 4, "nsubj"},
                                          {"President", "PROPN", "NNP", 2, "nmod:desc"},
                                          {"Fidel", "PROPN", "NNP", 4, "nsubj"},
                                          {"Castro", "PROPN", "NNP", 2, "flat"},
                                          {"said", "VERB", "VBD", -1, "root"},
                                          {".", "PUNCT", ".", 4, "punct"}});
  EXPECT_EQ(arcs[0], (Arc{1, "amod"}));
  EXPECT_EQ(arcs[2], (Arc{4, "nsubj"}));
  // "Many said ." : an adjective may be the only subject.
  const std::vector<Arc> alone = repaired({{"Many", "ADJ", "JJ", 1, "nsubj"},
                                           {"said", "VERB", "VBD", -1, "root"},
                                           {".", "PUNCT", ".", 1, "punct"}});
  EXPECT_EQ(alone[0], (Arc{1, "nsubj"}));
  // "Ukrainian President Volodymyr Zelensky spoke ." with "Ukrainian" an
  // adverbial of the verb: the same modifier.
  const std::vector<Arc> adverbial = repaired({{"Ukrainian", "ADJ", "JJ", 4, "advmod"},
                                               {"President", "PROPN", "NNP", 2, "nmod:desc"},
                                               {"Volodymyr", "PROPN", "NNP", 4, "nsubj"},
                                               {"Zelensky", "PROPN", "NNP", 2, "flat"},
                                               {"spoke", "VERB", "VBD", -1, "root"},
                                               {".", "PUNCT", ".", 4, "punct"}});
  EXPECT_EQ(adverbial[0], (Arc{1, "amod"}));
  // "Sure , Marek said ." : an adverbial adjective before a comma stays.
  const std::vector<Arc> sure = repaired({{"Sure", "ADJ", "JJ", 3, "advmod"},
                                          {",", "PUNCT", ",", 0, "punct"},
                                          {"Marek", "PROPN", "NNP", 3, "nsubj"},
                                          {"said", "VERB", "VBD", -1, "root"},
                                          {".", "PUNCT", ".", 3, "punct"}});
  EXPECT_EQ(sure[0], (Arc{3, "advmod"}));
}

// "Blinken met Wang , two days after talks in Munich ended ." as the greedy
// parser leaves it: "talks" an oblique of "ended", "ended" a conjunct of "met".
std::vector<Word> clause_taken_for_prepositional_phrase() {
  return {{"Blinken", "PROPN", "NNP", 1, "nsubj"}, {"met", "VERB", "VBD", -1, "root"},
          {"Wang", "PROPN", "NNP", 1, "obj"},      {",", "PUNCT", ",", 5, "punct"},
          {"two", "NUM", "CD", 5, "nummod"},       {"days", "NOUN", "NNS", 10, "obl"},
          {"after", "ADV", "RB", 7, "case"},       {"talks", "NOUN", "NNS", 10, "obl"},
          {"in", "ADP", "IN", 9, "case"},          {"Munich", "PROPN", "NNP", 7, "nmod"},
          {"ended", "VERB", "VBD", 1, "conj"},     {".", "PUNCT", ".", 1, "punct"}};
}

TEST(TreeRepair, AClauseOpenedByAfterHasItsNominalAsSubject) {
  const std::vector<Arc> arcs = repaired(clause_taken_for_prepositional_phrase());
  EXPECT_EQ(arcs[7], (Arc{10, "nsubj"}));
  EXPECT_EQ(arcs[6], (Arc{10, "mark"}));
  EXPECT_EQ(arcs[10], (Arc{1, "advcl"}));
  EXPECT_EQ(arcs[5], (Arc{10, "obl"})) << "the measure stays";
}

TEST(TreeRepair, AClauseOpenedByAfterIsFoundUnderANounToo) {
  // "met Holm to discuss the sale , two weeks after the government said ." with
  // "weeks" a conjunct of "sale", "government" its nmod, "said" a conjunct of "met".
  const std::vector<Arc> arcs = repaired({{"met", "VERB", "VBD", -1, "root"},
                                          {"Holm", "PROPN", "NNP", 0, "obj"},
                                          {"to", "PART", "TO", 3, "mark"},
                                          {"discuss", "VERB", "VB", 0, "advcl"},
                                          {"the", "DET", "DT", 5, "det"},
                                          {"sale", "NOUN", "NN", 3, "obj"},
                                          {",", "PUNCT", ",", 8, "punct"},
                                          {"two", "NUM", "CD", 8, "nummod"},
                                          {"weeks", "NOUN", "NNS", 5, "conj"},
                                          {"after", "ADP", "IN", 11, "case"},
                                          {"the", "DET", "DT", 11, "det"},
                                          {"government", "NOUN", "NN", 5, "nmod"},
                                          {"said", "VERB", "VBD", 0, "conj"},
                                          {".", "PUNCT", ".", 0, "punct"}});
  EXPECT_EQ(arcs[11], (Arc{12, "nsubj"}));
  EXPECT_EQ(arcs[9], (Arc{12, "mark"}));
  EXPECT_EQ(arcs[12], (Arc{0, "advcl"}));
  EXPECT_EQ(arcs[8], (Arc{12, "obl:unmarked"}));
}

TEST(TreeRepair, AClauseAfterACommaIsNoClauseOfThePhrase) {
  // "re-entering the market after selloffs , makers say ." with "makers" inside
  // the selloffs phrase: the verb does not follow the phrase directly.
  const std::vector<Arc> arcs = repaired({{"re-entering", "VERB", "VBG", -1, "root"},
                                          {"market", "NOUN", "NN", 0, "obj"},
                                          {"after", "ADP", "IN", 3, "case"},
                                          {"selloffs", "NOUN", "NNS", 1, "nmod"},
                                          {",", "PUNCT", ",", 5, "punct"},
                                          {"makers", "NOUN", "NNS", 3, "appos"},
                                          {"say", "VERB", "VBP", 0, "conj"},
                                          {".", "PUNCT", ".", 0, "punct"}});
  EXPECT_EQ(arcs[3], (Arc{1, "nmod"}));
  EXPECT_EQ(arcs[6], (Arc{0, "conj"}));
}

TEST(TreeRepair, APrepositionalPhraseOfAVerbWithASubjectOrOfAnotherPrepositionStays) {
  std::vector<Word> with_subject = clause_taken_for_prepositional_phrase();
  with_subject[4] = {"they", "PRON", "PRP", 10, "nsubj"};  // "they after talks ended": the verb has its subject
  EXPECT_EQ(repaired(with_subject)[7], (Arc{10, "obl"}));
  std::vector<Word> during = clause_taken_for_prepositional_phrase();
  during[6].form = "during";  // "during" opens no clause
  EXPECT_EQ(repaired(during)[7], (Arc{10, "obl"}));
  std::vector<Word> participle = clause_taken_for_prepositional_phrase();
  participle[10].xpos = "VBN";  // not finite
  EXPECT_EQ(repaired(participle)[7], (Arc{10, "obl"}));
  std::vector<Word> coordinated = clause_taken_for_prepositional_phrase();
  coordinated[3] = {"and", "CCONJ", "CC", 10, "cc"};  // "met Wang and ... ended": a real conjunct
  EXPECT_EQ(repaired(coordinated)[7], (Arc{10, "obl"}));
}

TEST(TreeRepair, AMeasureOfTimeBeforeTheSubjectDatesTheVerb) {
  // "Hours after the conference , Marek sat ." with "Hours" a second subject.
  std::vector<Word> words = {{"Hours", "NOUN", "NNS", 5, "nsubj"},     {"after", "ADP", "IN", 2, "case"},
                             {"conference", "NOUN", "NN", 0, "nmod"}, {",", "PUNCT", ",", 5, "punct"},
                             {"Marek", "PROPN", "NNP", 5, "nsubj"},    {"sat", "VERB", "VBD", -1, "root"},
                             {".", "PUNCT", ".", 5, "punct"}};
  EXPECT_EQ(repaired(words)[0], (Arc{5, "obl:unmarked"}));
  EXPECT_EQ(repaired(words)[4], (Arc{5, "nsubj"}));
  std::vector<Word> no_other_subject = words;
  no_other_subject[4] = {"then", "ADV", "RB", 5, "advmod"};  // "Hours ..., then sat": nothing else to be the subject
  EXPECT_EQ(repaired(no_other_subject)[0], (Arc{5, "nsubj"}));
  std::vector<Word> not_time = words;
  not_time[0].form = "Officials";
  EXPECT_EQ(repaired(not_time)[0], (Arc{5, "nsubj"}));
}

TEST(TreeRepair, AParticipleWithAComplementAndNoAuxiliaryIsActive) {
  // "Holm posted that he met Marek ." with "posted" tagged VBN.
  std::vector<Word> words = {{"Holm", "PROPN", "NNP", 1, "nsubj:pass"}, {"posted", "VERB", "VBN", -1, "root"},
                             {"that", "SCONJ", "IN", 4, "mark"},        {"he", "PRON", "PRP", 4, "nsubj"},
                             {"met", "VERB", "VBD", 1, "ccomp"},        {"Marek", "PROPN", "NNP", 4, "obj"},
                             {".", "PUNCT", ".", 1, "punct"}};
  EXPECT_EQ(repaired(words)[0], (Arc{1, "nsubj"}));
  std::vector<Word> parataxis = words;
  parataxis[4].deprel = "parataxis";  // the that-clause taken for a parataxis
  EXPECT_EQ(repaired(parataxis)[0], (Arc{1, "nsubj"}));
  // "Five killed in attack , police say": a headline passive stays passive.
  std::vector<Word> headline = {{"Five", "NUM", "CD", 1, "nsubj:pass"}, {"killed", "VERB", "VBN", -1, "root"},
                                {"in", "ADP", "IN", 3, "case"},         {"attack", "NOUN", "NN", 1, "obl"},
                                {",", "PUNCT", ",", 6, "punct"},        {"police", "NOUN", "NNS", 6, "nsubj"},
                                {"say", "VERB", "VBP", 1, "parataxis"}};
  EXPECT_EQ(repaired(headline)[0], (Arc{1, "nsubj:pass"}));
  std::vector<Word> with_auxiliary = words;
  with_auxiliary[2] = {"was", "AUX", "VBD", 1, "aux:pass"};  // "Holm was told that ..."
  EXPECT_EQ(repaired(with_auxiliary)[0], (Arc{1, "nsubj:pass"}));
}

TEST(TreeRepair, APassiveSubjectWithAnAuxiliaryOtherThanBeIsActive) {
  // "the state has injected euros ." with "state" a passive subject.
  std::vector<Word> words = {{"the", "DET", "DT", 1, "det"},        {"state", "NOUN", "NN", 3, "nsubj:pass"},
                             {"has", "AUX", "VBZ", 3, "aux"},       {"injected", "VERB", "VBN", -1, "root"},
                             {"euros", "NOUN", "NNS", 3, "obj"},    {".", "PUNCT", ".", 3, "punct"}};
  EXPECT_EQ(repaired(words)[1], (Arc{3, "nsubj"}));
  std::vector<Word> intransitive = words;
  intransitive[4] = {"again", "ADV", "RB", 3, "advmod"};  // "the market has crashed again"
  EXPECT_EQ(repaired(intransitive)[1], (Arc{3, "nsubj"}));
  // "has been" with "been" taken for a plain auxiliary is still a passive.
  std::vector<Word> been = {{"money", "NOUN", "NN", 3, "nsubj:pass"}, {"has", "AUX", "VBZ", 3, "aux"},
                            {"been", "AUX", "VBN", 3, "aux"},           {"used", "VERB", "VBN", -1, "root"}};
  EXPECT_EQ(repaired(been)[0], (Arc{3, "nsubj:pass"}));
}

// "Marek of Carvenia pressed Holm to supply systems ." with "pressed" a
// participle modifying "Marek" and "Holm" an agent without "by".
std::vector<Word> main_verb_in_reduced_relative() {
  return {{"Marek", "PROPN", "NNP", -1, "root"},   {"of", "ADP", "IN", 2, "case"},
          {"Carvenia", "PROPN", "NNP", 0, "nmod"}, {"pressed", "VERB", "VBN", 0, "acl"},
          {"Holm", "PROPN", "NNP", 3, "obl:agent"}, {"to", "PART", "TO", 6, "mark"},
          {"supply", "VERB", "VB", 3, "advcl"},     {"systems", "NOUN", "NNS", 6, "obj"},
          {".", "PUNCT", ".", 0, "punct"}};
}

TEST(TreeRepair, AMainVerbTakenForAReducedRelativeClauseIsTheRoot) {
  const std::vector<Arc> arcs = repaired(main_verb_in_reduced_relative());
  EXPECT_EQ(arcs[3], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[0], (Arc{3, "nsubj"}));
  EXPECT_EQ(arcs[4], (Arc{3, "obj"}));
  EXPECT_EQ(arcs[8].head, 3);
}

// "Anderson, a British lawmaker, criticised Kardashian.": British spelling,
// a participle to the tagger, hung on the apposition.
TEST(TreeRepair, AMainVerbAfterAnAppositionIsTheRoot) {
  const std::vector<Arc> arcs = repaired({{"Anderson", "PROPN", "NNP", -1, "root"},
                                          {",", "PUNCT", ",", 4, "punct"},
                                          {"a", "DET", "DT", 4, "det"},
                                          {"British", "ADJ", "JJ", 4, "amod"},
                                          {"lawmaker", "NOUN", "NN", 0, "appos"},
                                          {",", "PUNCT", ",", 6, "punct"},
                                          {"criticised", "VERB", "VBN", 4, "acl"},
                                          {"Kardashian", "PROPN", "NNP", 6, "obj"},
                                          {".", "PUNCT", ".", 0, "punct"}});
  EXPECT_EQ(arcs[6], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[0], (Arc{6, "nsubj"}));
  EXPECT_EQ(arcs[4], (Arc{0, "appos"}));
  EXPECT_EQ(arcs[8].head, 6);
}

TEST(TreeRepair, AnOpeningAdjectiveTakenForTheRootGivesItToTheNameAndTheVerb) {
  // "Polish Minister Donald Tusk hosted Merz ." with "Polish" the root,
  // "Donald" a bare conjunct of it and "hosted" a participle of the name.
  std::vector<Word> words = {{"Polish", "ADJ", "JJ", -1, "root"},     {"Minister", "PROPN", "NNP", 2, "nmod:desc"},
                             {"Donald", "PROPN", "NNP", 0, "conj"},   {"Tusk", "PROPN", "NNP", 2, "flat"},
                             {"hosted", "VERB", "VBN", 2, "acl"},     {"Merz", "PROPN", "NNP", 4, "obj"},
                             {".", "PUNCT", ".", 0, "punct"}};
  std::vector<Arc> arcs = repaired(words);
  EXPECT_EQ(arcs[4], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[2], (Arc{4, "nsubj"}));
  EXPECT_EQ(arcs[0], (Arc{1, "amod"}));
  EXPECT_EQ(arcs[6], (Arc{4, "punct"}));
  // Without a participle with an object to free, the tree is given back as it was.
  words[5] = {"Merz", "PROPN", "NNP", 2, "appos"};
  arcs = repaired(words);
  EXPECT_EQ(arcs[0], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[2], (Arc{0, "conj"}));
}

TEST(TreeRepair, ReducedRelativesWithByOrSetOffByCommasStay) {
  std::vector<Word> by = main_verb_in_reduced_relative();
  by[1] = {"by", "ADP", "IN", 4, "case"};  // "Marek pressed by Holm ...": a real agent
  by[2] = {"now", "ADV", "RB", 0, "advmod"};
  EXPECT_EQ(repaired(by)[3], (Arc{0, "acl"}));
  std::vector<Word> commas = main_verb_in_reduced_relative();
  commas[1] = {",", "PUNCT", ",", 3, "punct"};  // "Marek, pressed ...": an apposed participle
  commas[4].deprel = "obj";
  commas[2] = {"again", "ADV", "RB", 3, "advmod"};
  EXPECT_EQ(repaired(commas)[3], (Arc{0, "acl"}));
  std::vector<Word> headline = main_verb_in_reduced_relative();
  headline[4] = {"Friday", "PROPN", "NNP", 3, "obl"};  // "Man arrested Friday to ...": no object, no bare agent
  EXPECT_EQ(repaired(headline)[3], (Arc{0, "acl"}));
}

TEST(TreeRepair, ANameRightBeforeANounSubjectOfTheSameVerbQualifiesIt) {
  // "Apple executive leaves company" with both words subjects of "leaves".
  const std::vector<Arc> arcs = repaired({{"Apple", "PROPN", "NNP", 2, "nsubj"},
                                          {"executive", "NOUN", "NN", 2, "nsubj"},
                                          {"leaves", "VERB", "VBZ", -1, "root"},
                                          {"company", "NOUN", "NN", 2, "obj"}});
  EXPECT_EQ(arcs[0], (Arc{1, "compound"}));
  EXPECT_EQ(arcs[1], (Arc{2, "nsubj"}));
  // "Apple , Google say": a comma between them keeps two subjects; so does
  // a second subject that is a name ("Motors Ada Lind").
  const std::vector<Arc> listed = repaired({{"Apple", "PROPN", "NNP", 3, "nsubj"},
                                            {",", "PUNCT", ",", 2, "punct"},
                                            {"analysts", "NOUN", "NNS", 3, "nsubj"},
                                            {"say", "VERB", "VBP", -1, "root"}});
  EXPECT_EQ(listed[0], (Arc{3, "nsubj"}));
  const std::vector<Arc> named = repaired({{"Motors", "PROPN", "NNP", 2, "nsubj"},
                                           {"Lind", "PROPN", "NNP", 2, "nsubj"},
                                           {"dies", "VERB", "VBZ", -1, "root"}});
  EXPECT_EQ(named[0], (Arc{2, "nsubj"}));
}

TEST(TreeRepair, ASayingVerbTakenForAnAdverbialClauseOfWhatItSaysIsTheRoot) {
  // "Apple announced Monday it has settled ." with "announced" an advcl of "settled".
  const std::vector<Arc> arcs = repaired({{"Apple", "PROPN", "NNP", 1, "nsubj"},
                                          {"announced", "VERB", "VBD", 5, "advcl"},
                                          {"Monday", "PROPN", "NNP", 1, "obl:unmarked"},
                                          {"it", "PRON", "PRP", 5, "nsubj"},
                                          {"has", "AUX", "VBZ", 5, "aux"},
                                          {"settled", "VERB", "VBN", -1, "root"},
                                          {".", "PUNCT", ".", 5, "punct"}});
  EXPECT_EQ(arcs[1], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[5], (Arc{1, "ccomp"}));
  EXPECT_EQ(arcs[6], (Arc{1, "punct"}));
  // "When the French returned the Viet Minh were in control": "when" opens it.
  const std::vector<Arc> when = repaired({{"When", "ADV", "WRB", 3, "advmod"},
                                          {"the", "DET", "DT", 2, "det"},
                                          {"French", "PROPN", "NNPS", 3, "nsubj"},
                                          {"returned", "VERB", "VBD", 7, "advcl"},
                                          {"the", "DET", "DT", 6, "det"},
                                          {"Viet", "PROPN", "NNP", 6, "compound"},
                                          {"Minh", "PROPN", "NNP", 7, "nsubj"},
                                          {"ruled", "VERB", "VBD", -1, "root"}});
  EXPECT_EQ(when[3], (Arc{7, "advcl"}));
  // "Gonzalez said he would go , Castro said": a comma ends the quote the root reports.
  const std::vector<Arc> quote = repaired({{"Gonzalez", "PROPN", "NNP", 1, "nsubj"},
                                           {"said", "VERB", "VBD", 6, "advcl"},
                                           {"he", "PRON", "PRP", 3, "nsubj"},
                                           {"went", "VERB", "VBD", 1, "ccomp"},
                                           {",", "PUNCT", ",", 5, "punct"},
                                           {"Castro", "PROPN", "NNP", 6, "nsubj"},
                                           {"said", "VERB", "VBD", -1, "root"}});
  EXPECT_EQ(quote[1], (Arc{6, "advcl"}));
}

TEST(TreeRepair, AVisitingGuestIsTheObjectOfTheVerbBefore) {
  // "Xi told visiting Chancellor Scholz on Tuesday that ..." with "visiting" an xcomp of "told".
  const std::vector<Arc> arcs = repaired({{"Xi", "PROPN", "NNP", 1, "nsubj"},
                                          {"told", "VERB", "VBD", -1, "root"},
                                          {"visiting", "VERB", "VBG", 1, "xcomp"},
                                          {"Chancellor", "PROPN", "NNP", 2, "obj"},
                                          {"Scholz", "PROPN", "NNP", 3, "flat"},
                                          {"on", "ADP", "IN", 6, "case"},
                                          {"Tuesday", "PROPN", "NNP", 2, "obl"}});
  EXPECT_EQ(arcs[3], (Arc{1, "obj"}));
  EXPECT_EQ(arcs[2], (Arc{3, "amod"}));
  EXPECT_EQ(arcs[6], (Arc{1, "obl"}));
  // "We enjoyed visiting New York": no verb of a person; the clause stays.
  const std::vector<Arc> trip = repaired({{"We", "PRON", "PRP", 1, "nsubj"},
                                          {"enjoyed", "VERB", "VBD", -1, "root"},
                                          {"visiting", "VERB", "VBG", 1, "xcomp"},
                                          {"New", "PROPN", "NNP", 4, "compound"},
                                          {"York", "PROPN", "NNP", 2, "obj"}});
  EXPECT_EQ(trip[2], (Arc{1, "xcomp"}));
  // "met visiting students": a common noun is no dignitary's title.
  const std::vector<Arc> students = repaired({{"Xi", "PROPN", "NNP", 1, "nsubj"},
                                              {"met", "VERB", "VBD", -1, "root"},
                                              {"visiting", "VERB", "VBG", 1, "xcomp"},
                                              {"students", "NOUN", "NNS", 2, "obj"}});
  EXPECT_EQ(students[2], (Arc{1, "xcomp"}));
}

TEST(TreeRepair, AnObjectTakenForACompoundOfATimeIsTheVerbsObject) {
  // "Nadella met Kotick in New York last month" with "Kotick" a compound of "month".
  const std::vector<Arc> arcs = repaired({{"Nadella", "PROPN", "NNP", 1, "nsubj"},
                                          {"met", "VERB", "VBD", -1, "root"},
                                          {"Kotick", "PROPN", "NNP", 7, "compound"},
                                          {"in", "ADP", "IN", 5, "case"},
                                          {"New", "ADJ", "NNP", 5, "amod"},
                                          {"York", "PROPN", "NNP", 2, "nmod"},
                                          {"last", "ADJ", "JJ", 7, "amod"},
                                          {"month", "NOUN", "NN", 1, "obl:unmarked"}});
  EXPECT_EQ(arcs[2], (Arc{1, "obj"}));
  EXPECT_EQ(arcs[5], (Arc{2, "nmod"}));
  EXPECT_EQ(arcs[7], (Arc{1, "obl:unmarked"}));
  // a plain compound stays: "met company officials"
  const std::vector<Arc> plain = repaired({{"Nadella", "PROPN", "NNP", 1, "nsubj"},
                                           {"met", "VERB", "VBD", -1, "root"},
                                           {"company", "NOUN", "NN", 3, "compound"},
                                           {"officials", "NOUN", "NNS", 1, "obj"}});
  EXPECT_EQ(plain[2], (Arc{3, "compound"}));
}

TEST(TreeRepair, AVerbCoordinatedWithAnObjectIsTheVerbsConjunct) {
  // "Zelenskyy condemned the attack and called on allies" with "called" a conjunct of "attack".
  const std::vector<Arc> arcs = repaired({{"Zelenskyy", "PROPN", "NNP", 1, "nsubj"},
                                          {"condemned", "VERB", "VBD", -1, "root"},
                                          {"the", "DET", "DT", 3, "det"},
                                          {"attack", "NOUN", "NN", 1, "obj"},
                                          {"and", "CCONJ", "CC", 5, "cc"},
                                          {"called", "VERB", "VBD", 3, "conj"},
                                          {"on", "ADP", "IN", 7, "case"},
                                          {"allies", "NOUN", "NNS", 5, "obl"}});
  EXPECT_EQ(arcs[5], (Arc{1, "conj"}));
  // a verb with a subject of its own, or a participle, stays
  const std::vector<Arc> own = repaired({{"He", "PRON", "PRP", 1, "nsubj"},
                                         {"condemned", "VERB", "VBD", -1, "root"},
                                         {"attacks", "NOUN", "NNS", 1, "obj"},
                                         {"and", "CCONJ", "CC", 5, "cc"},
                                         {"losses", "NOUN", "NNS", 5, "nsubj"},
                                         {"mounted", "VERB", "VBD", 2, "conj"}});
  EXPECT_EQ(own[5], (Arc{2, "conj"}));
}

// "strike on Kyiv kills 12 , officials say": the clause before the
// attribution, parsed on its own, goes under the saying verb.
TEST(TreeRepair, AClauseBeforeItsAttributionGoesUnderTheSayingVerb) {
  const std::vector<Word> words = {{"strike", "NOUN", "NN", 6, "nsubj"},  {"on", "ADP", "IN", 3, "case"},
                                   {"Kyiv", "PROPN", "NNP", 3, "nsubj"},  {"kills", "VERB", "VBZ", 0, "nmod"},
                                   {"12", "NUM", "CD", 5, "nummod"},      {"officials", "NOUN", "NNS", 3, "obj"},
                                   {"say", "VERB", "VBP", -1, "root"}};
  // (no comma here: no attribution)
  EXPECT_EQ(attributed_clause_length(tags_of(words)), 0u);
  const std::vector<Word> with_comma = {{"strike", "NOUN", "NN", 7, "nsubj"},  {"on", "ADP", "IN", 3, "case"},
                                        {"Kyiv", "PROPN", "NNP", 3, "nsubj"},  {"kills", "VERB", "VBZ", 0, "nmod"},
                                        {"12", "NUM", "CD", 3, "obj"},         {",", "PUNCT", ",", 6, "punct"},
                                        {"officials", "NOUN", "NNS", 3, "obj"}, {"say", "VERB", "VBP", -1, "root"}};
  std::vector<Arc> arcs = arcs_of(with_comma);
  const std::vector<RepairTags> tags = tags_of(with_comma);
  ASSERT_EQ(attributed_clause_length(tags), 5u);
  // the clause's own parse: "strike" the subject of "kills", "Kyiv" its nmod
  const std::vector<Arc> clause = {{3, "nsubj"}, {2, "case"}, {0, "nmod"}, {-1, "root"}, {3, "obj"}};
  attach_attributed_clause(arcs, clause, tags);
  EXPECT_EQ(arcs[3], (Arc{7, "ccomp"}));
  EXPECT_EQ(arcs[0], (Arc{3, "nsubj"}));
  EXPECT_EQ(arcs[2], (Arc{0, "nmod"}));
  EXPECT_EQ(arcs[5], (Arc{7, "punct"}));
  EXPECT_EQ(arcs[6], (Arc{7, "nsubj"}));
  EXPECT_EQ(arcs[7], (Arc{-1, "root"}));
  // that shape is one the parser then keeps; the first parse was none
  EXPECT_TRUE(attributed_clause_attached(arcs, 5, tags));
  const std::vector<Arc> first = arcs_of(with_comma);
  EXPECT_FALSE(attributed_clause_attached(first, 5, tags));
  // a clause parse with a nominal root is no clause: nothing changes
  std::vector<Arc> kept = first;
  const std::vector<Arc> nominal = {{-1, "root"}, {2, "case"}, {0, "nmod"}, {0, "acl"}, {3, "obj"}};
  attach_attributed_clause(kept, nominal, tags);
  EXPECT_EQ(kept, first);
  // "..., officials said on Tuesday": the day after the verb is its oblique
  std::vector<Word> dated = with_comma;
  dated[7] = {"said", "VERB", "VBD", -1, "root"};
  dated.push_back({"on", "ADP", "IN", 9, "case"});
  dated.push_back({"Tuesday", "PROPN", "NNP", 7, "obl"});
  dated.push_back({".", "PUNCT", ".", 7, "punct"});
  const std::vector<RepairTags> dated_tags = tags_of(dated);
  ASSERT_EQ(attributed_clause_length(dated_tags), 5u);
  std::vector<Arc> dated_arcs = arcs_of(dated);
  attach_attributed_clause(dated_arcs, clause, dated_tags);
  EXPECT_EQ(dated_arcs[3], (Arc{7, "ccomp"}));
  EXPECT_EQ(dated_arcs[7], (Arc{-1, "root"}));
  EXPECT_EQ(dated_arcs[8], (Arc{9, "case"}));
  EXPECT_EQ(dated_arcs[9], (Arc{7, "obl"}));
}

TEST(TreeRepair, VerbalRootsAndEmptySentencesAreUntouched) {
  std::vector<Word> w = main_verb_in_relative_clause();
  w[0].upos = "VERB";
  EXPECT_EQ(repaired(w)[0].head, -1);
  EXPECT_TRUE(repaired({}).empty());
}

// "A judge ruled in August that Google monopolized search ." with "that"
// read as a relative pronoun: the clause hung on the verb is its complement.
TEST(TreeRepair, AThatClauseTakenForARelativeClauseOfAVerbIsItsComplement) {
  const std::vector<Word> words = {
      {"A", "DET", "DT", 1, "det"},           {"judge", "NOUN", "NN", 2, "nsubj"},
      {"ruled", "VERB", "VBD", -1, "root"},   {"in", "ADP", "IN", 4, "case"},
      {"August", "PROPN", "NNP", 2, "obl"},   {"that", "PRON", "WDT", 7, "obj"},
      {"Google", "PROPN", "NNP", 7, "nsubj"}, {"monopolized", "VERB", "VBD", 2, "acl:relcl"},
      {"search", "NOUN", "NN", 7, "obj"},     {".", "PUNCT", ".", 2, "punct"}};
  const std::vector<Arc> arcs = repaired(words);
  EXPECT_EQ(arcs[7], (Arc{2, "ccomp"}));
  EXPECT_EQ(arcs[5], (Arc{7, "mark"}));
  // on a noun it is a relative clause ("the search that Google monopolized")
  std::vector<Word> on_noun = words;
  on_noun[7].head = 4;
  EXPECT_EQ(repaired(on_noun)[7], (Arc{4, "acl:relcl"}));
}

// The candidate for a second parse with a past tense (repair 19): a
// participle modifying the subject's phrase, right after it, in a sentence
// with a full stop; not one set off by a comma, nor one with an auxiliary.
TEST(TreeRepair, AParticipleAfterTheSubjectsPhraseIsReadAgainAsAPastTense) {
  std::vector<Word> words = {
      {"The", "DET", "DT", 1, "det"},         {"department", "NOUN", "NN", -1, "root"},
      {"and", "CCONJ", "CC", 4, "cc"},        {"a", "DET", "DT", 4, "det"},
      {"group", "NOUN", "NN", 1, "conj"},     {"of", "ADP", "IN", 6, "case"},
      {"states", "NOUN", "NNS", 4, "nmod"},   {"sued", "VERB", "VBN", 6, "acl"},
      {"Google", "PROPN", "NNP", 7, "obj"},   {".", "PUNCT", ".", 1, "punct"}};
  EXPECT_EQ(participle_read_as_past_tense(arcs_of(words), tags_of(words)), 7);
  std::vector<Word> headline = words;
  headline.pop_back();
  EXPECT_EQ(participle_read_as_past_tense(arcs_of(headline), tags_of(headline)), -1);
  std::vector<Word> taken = words;
  taken[7].form = "taken";
  EXPECT_EQ(participle_read_as_past_tense(arcs_of(taken), tags_of(taken)), -1);
  std::vector<Word> commas = words;
  commas[5] = {",", "PUNCT", ",", 7, "punct"};
  EXPECT_EQ(participle_read_as_past_tense(arcs_of(commas), tags_of(commas)), -1);

  std::vector<Arc> reparsed = arcs_of(words);
  reparsed[7] = Arc{-1, "root"};
  reparsed[1] = Arc{7, "nsubj"};
  EXPECT_TRUE(past_tense_reading_holds(reparsed, 7));
  reparsed[8] = Arc{7, "obl"};
  EXPECT_FALSE(past_tense_reading_holds(reparsed, 7)) << "no object or clause: a caption's participle";
}

// "Modi , who arrived , held talks with Macron and Italian Minister Meloni
// ." as the parser left it: the relative clause an advcl of "held",
// "Italian" a conjunct governing the name.
TEST(TreeRepair, ARelativeClauseAndANationalityFindTheirPlaces) {
  const std::vector<Word> words = {
      {"Modi", "PROPN", "NNP", 5, "nsubj"},      {",", "PUNCT", ",", 0, "punct"},
      {"who", "PRON", "WP", 3, "nsubj"},         {"arrived", "VERB", "VBD", 5, "advcl"},
      {",", "PUNCT", ",", 3, "punct"},           {"held", "VERB", "VBD", -1, "root"},
      {"talks", "NOUN", "NNS", 5, "obj"},        {"with", "ADP", "IN", 8, "case"},
      {"Macron", "PROPN", "NNP", 6, "nmod"},     {"and", "CCONJ", "CC", 10, "cc"},
      {"Italian", "ADJ", "JJ", 8, "conj"},       {"Minister", "PROPN", "NNP", 12, "nmod:desc"},
      {"Meloni", "PROPN", "NNP", 10, "obj"},     {".", "PUNCT", ".", 5, "punct"}};
  const std::vector<Arc> arcs = repaired(words);
  EXPECT_EQ(arcs[3], (Arc{0, "acl:relcl"}));
  EXPECT_EQ(arcs[12], (Arc{8, "conj"}));
  EXPECT_EQ(arcs[9], (Arc{12, "cc"}));
  EXPECT_EQ(arcs[10], (Arc{11, "amod"}));
  // the noun made a second subject of the clause is the main verb's
  std::vector<Word> second = words;
  second[0].head = 3;
  const std::vector<Arc> freed = repaired(second);
  EXPECT_EQ(freed[0], (Arc{5, "nsubj"}));
  EXPECT_EQ(freed[3], (Arc{0, "acl:relcl"}));
  // an adjective with a common-noun object is left alone
  std::vector<Word> common = words;
  common[12] = {"aid", "NOUN", "NN", 10, "obj"};
  EXPECT_EQ(repaired(common)[10], (Arc{8, "conj"}));
}

// "Macron and Scholz hold surprise meeting before EU summit" as the parser
// left it: "hold" a compound of "meeting", the nouns conjuncts of "Macron".
TEST(TreeRepair, AHeadlinesVerbTakenForACompoundIsTheRoot) {
  const std::vector<Word> words = {
      {"Macron", "PROPN", "NNP", -1, "root"},  {"and", "CCONJ", "CC", 2, "cc"},
      {"Scholz", "PROPN", "NNP", 0, "conj"},   {"hold", "VERB", "VBP", 5, "compound"},
      {"surprise", "NOUN", "NN", 5, "compound"}, {"meeting", "NOUN", "NN", 0, "conj"},
      {"before", "ADP", "IN", 8, "case"},      {"EU", "PROPN", "NNP", 8, "compound"},
      {"summit", "NOUN", "NN", 0, "conj"}};
  const std::vector<Arc> arcs = repaired(words);
  EXPECT_EQ(arcs[3], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[0], (Arc{3, "nsubj"}));
  EXPECT_EQ(arcs[2], (Arc{0, "conj"}));
  EXPECT_EQ(arcs[5], (Arc{3, "obj"}));
  EXPECT_EQ(arcs[8], (Arc{3, "obl"}));
  // a base form or a participle may modify a noun ("cooking oil")
  std::vector<Word> base = words;
  base[3].xpos = "VB";
  EXPECT_EQ(repaired(base)[3], (Arc{5, "compound"}));
}

// "spoke with Lebanese President Michel Aoun" with "with" on the title and
// the name the verb's object: the preposition marks the name, an oblique.
TEST(TreeRepair, APrepositionOnATitleMarksTheName) {
  const std::vector<Word> words = {
      {"Blinken", "PROPN", "NNP", 1, "nsubj"},   {"spoke", "VERB", "VBD", -1, "root"},
      {"with", "ADP", "IN", 4, "case"},          {"Lebanese", "ADJ", "JJ", 4, "amod"},
      {"President", "PROPN", "NNP", 5, "nmod:desc"}, {"Aoun", "PROPN", "NNP", 1, "obj"},
      {".", "PUNCT", ".", 1, "punct"}};
  const std::vector<Arc> arcs = repaired(words);
  EXPECT_EQ(arcs[2], (Arc{5, "case"}));
  EXPECT_EQ(arcs[5], (Arc{1, "obl"}));
  // before a common noun the parser's choice stays
  std::vector<Word> common = words;
  common[5] = {"aide", "NOUN", "NN", 1, "obj"};
  EXPECT_EQ(repaired(common)[2], (Arc{4, "case"}));
}

TEST(TreeRepair, AnOpeningParticipleTakenForTheRootGivesItToTheMainVerb) {
  const std::vector<Word> words = {
      {"Born", "VERB", "VBN", -1, "root"},  {"in", "ADP", "IN", 2, "case"},        {"Lima", "PROPN", "NNP", 0, "obl"},
      {",", "PUNCT", ",", 5, "punct"},       {"Ruiz", "PROPN", "NNP", 5, "nsubj"}, {"studied", "VERB", "VBD", 0, "parataxis"},
      {"economics", "NOUN", "NNS", 5, "obj"}, {".", "PUNCT", ".", 0, "punct"}};
  const std::vector<Arc> arcs = repaired(words);
  EXPECT_EQ(arcs[5], (Arc{-1, "root"}));
  EXPECT_EQ(arcs[0], (Arc{5, "advcl"}));
  EXPECT_EQ(arcs[7], (Arc{5, "punct"}));
  EXPECT_EQ(arcs[2], (Arc{0, "obl"}));
  // a verb with no subject of its own after the comma is left alone
  std::vector<Word> subjectless = words;
  subjectless[4] = {"then", "ADV", "RB", 5, "advmod"};
  EXPECT_EQ(repaired(subjectless)[0], (Arc{-1, "root"}));
}

TEST(TreeRepair, ANamedPredicateWithoutAnObjectIsTheObject) {
  const std::vector<Word> words = {
      {"Kamikawa", "PROPN", "NNP", 1, "nsubj"}, {"met", "VERB", "VBD", -1, "root"},
      {"her", "PRON", "PRP$", 4, "nmod:poss"},  {"German", "ADJ", "JJ", 4, "amod"},
      {"counterpart", "NOUN", "NN", 1, "xcomp"}, {"Annalena", "PROPN", "NNP", 4, "appos"},
      {"Baerbock", "PROPN", "NNP", 5, "flat"},   {".", "PUNCT", ".", 1, "punct"}};
  EXPECT_EQ(repaired(words)[4], (Arc{1, "obj"}));
  // "became chairman" names no one: a complement
  std::vector<Word> predicate = words;
  predicate[5] = {"again", "ADV", "RB", 1, "advmod"};
  predicate[6] = {"today", "NOUN", "NN", 1, "obl:tmod"};
  EXPECT_EQ(repaired(predicate)[4], (Arc{1, "xcomp"}));
}

TEST(TreeRepair, AnAsClauseTakenForAPhraseOrAListItem) {
  // "... prayed for help as Easter week began": "as" the case of "week"
  const std::vector<Word> phrase = {
      {"protesters", "NOUN", "NNS", 1, "nsubj"}, {"prayed", "VERB", "VBD", -1, "root"},
      {"for", "ADP", "IN", 3, "case"},           {"help", "NOUN", "NN", 1, "obl"},
      {"as", "ADP", "IN", 6, "case"},            {"Easter", "PROPN", "NNP", 6, "compound"},
      {"week", "NOUN", "NN", 3, "nmod"},         {"began", "VERB", "VBD", 1, "conj"},
      {".", "PUNCT", ".", 1, "punct"}};
  std::vector<Arc> arcs = repaired(phrase);
  EXPECT_EQ(arcs[4], (Arc{7, "mark"}));
  EXPECT_EQ(arcs[6], (Arc{7, "nsubj"}));
  EXPECT_EQ(arcs[7], (Arc{1, "advcl"}));
  // "... as a witness wanted for questioning": the participle's noun stays
  std::vector<Word> witness = phrase;
  witness[5] = {"a", "DET", "DT", 6, "det"};
  witness[6] = {"witness", "NOUN", "NN", 3, "nmod"};
  witness[7] = {"wanted", "VERB", "VBD", 1, "conj"};
  witness[8] = {"for", "ADP", "IN", 1, "punct"};
  EXPECT_EQ(repaired(witness)[4], (Arc{6, "case"}));
  // ", as Japanese Foreign Minister Yoko Kamikawa met ...": the name a list item, "as" an adverb
  const std::vector<Word> listed = {
      {"Japan", "PROPN", "NNP", 1, "nsubj"},      {"signed", "VERB", "VBD", -1, "root"},
      {"it", "PRON", "PRP", 1, "obj"},            {",", "PUNCT", ",", 7, "punct"},
      {"as", "ADP", "IN", 5, "advmod"},           {"Japanese", "ADJ", "JJ", 7, "amod"},
      {"Minister", "PROPN", "NNP", 7, "nmod:desc"}, {"Kamikawa", "PROPN", "NNP", 2, "list"},
      {"met", "VERB", "VBD", 1, "conj"},          {"Baerbock", "PROPN", "NNP", 8, "obj"},
      {".", "PUNCT", ".", 1, "punct"}};
  arcs = repaired(listed);
  EXPECT_EQ(arcs[4], (Arc{8, "mark"}));
  EXPECT_EQ(arcs[7], (Arc{8, "nsubj"}));
  EXPECT_EQ(arcs[8], (Arc{1, "advcl"}));
  // the same with the name already the conjunct verb's subject
  std::vector<Word> subject = listed;
  subject[7] = {"Kamikawa", "PROPN", "NNP", 8, "nsubj"};
  arcs = repaired(subject);
  EXPECT_EQ(arcs[4], (Arc{8, "mark"}));
  EXPECT_EQ(arcs[7], (Arc{8, "nsubj"}));
  EXPECT_EQ(arcs[8], (Arc{1, "advcl"}));
}

TEST(TreeRepair, WhichBesideTheClausesOwnSubjectIsItsObject) {
  const std::vector<Word> words = {
      {"The", "DET", "DT", 1, "det"},       {"deal", "NOUN", "NN", 8, "nsubj"},  {",", "PUNCT", ",", 5, "punct"},
      {"which", "PRON", "WDT", 5, "nsubj"}, {"board", "NOUN", "NN", 5, "nsubj"}, {"approved", "VERB", "VBD", 1, "acl:relcl"},
      {",", "PUNCT", ",", 1, "punct"},      {"will", "AUX", "MD", 8, "aux"},     {"close", "VERB", "VB", -1, "root"}};
  EXPECT_EQ(repaired(words)[3], (Arc{5, "obj"}));
  // "who yesterday trimmed": a day taken for a second subject, and "who", stay
  std::vector<Word> who = words;
  who[3] = {"who", "PRON", "WP", 5, "nsubj"};
  who[4] = {"yesterday", "NOUN", "NN", 5, "nsubj"};
  EXPECT_EQ(repaired(who)[3], (Arc{5, "nsubj"}));
  std::vector<Word> day = words;
  day[4] = {"yesterday", "NOUN", "NN", 5, "nsubj"};
  EXPECT_EQ(repaired(day)[3], (Arc{5, "nsubj"}));
}

TEST(TreeRepair, IsTreeFindsCyclesSecondRootsAndStrayHeads) {
  EXPECT_TRUE(is_tree(std::vector<Arc>{}));
  EXPECT_TRUE(is_tree(std::vector<Arc>{{1, "nsubj"}, {-1, "root"}, {1, "obj"}}));
  EXPECT_FALSE(is_tree(std::vector<Arc>{{-1, "root"}, {-1, "root"}}));
  EXPECT_FALSE(is_tree(std::vector<Arc>{{1, "nsubj"}, {-1, "root"}, {3, "obj"}, {2, "det"}}));
  EXPECT_FALSE(is_tree(std::vector<Arc>{{5, "nsubj"}, {-1, "root"}}));
}

// Random trees over the tags and relations the repairs look at: whatever
// they change, a tree stays a tree.
TEST(TreeRepair, RandomTreesStayTrees) {
  const std::vector<std::array<const char*, 3>> kinds = {
      {"NOUN", "NN", "talks"},   {"PROPN", "NNP", "Modi"},  {"VERB", "VBD", "met"},    {"VERB", "VBN", "sued"},
      {"VERB", "VBP", "hold"},   {"ADJ", "JJ", "Italian"},  {"PRON", "WP", "who"},     {"PUNCT", ",", ","},
      {"ADP", "IN", "with"},     {"ADP", "IN", "after"},    {"PROPN", "NNP", "Monday"}, {"DET", "DT", "the"},
      {"PRON", "PRP", "that"},   {"AUX", "VBD", "was"},     {"VERB", "VBD", "said"},   {"PUNCT", ".", "."}};
  const std::vector<const char*> relations = {"nsubj", "obj", "obl", "nmod", "advcl", "acl", "acl:relcl", "conj",
                                              "compound", "nmod:desc", "flat", "case", "mark", "appos", "ccomp",
                                              "xcomp", "amod", "det", "punct", "aux", "parataxis"};
  std::uint64_t state = 20251017;
  const auto next = [&](std::uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  };
  for (int trial = 0; trial < 20000; ++trial) {
    const std::size_t n = 2 + next(18);
    std::vector<Word> words(n);
    const std::size_t root = next(n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& kind = kinds[next(kinds.size())];
      words[i].form = kind[2];
      words[i].upos = kind[0];
      words[i].xpos = kind[1];
      // a head among the words already placed keeps it a tree: attach in a
      // random order starting from the root
      words[i].head = -1;
      words[i].deprel = relations[next(relations.size())];
    }
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::swap(order[0], order[root]);
    for (std::size_t i = 1; i < n; ++i) std::swap(order[i], order[i + next(n - i)]);
    words[root].deprel = "root";
    for (std::size_t i = 1; i < n; ++i) words[order[i]].head = static_cast<int>(order[next(i)]);
    ASSERT_TRUE(is_tree(arcs_of(words)));
    const std::vector<Arc> arcs = repaired(words);
    ASSERT_TRUE(is_tree(arcs)) << "trial " << trial;
  }
}

// A hostile sentence of 100,000 words, every fifth an "after" phrase before
// a subjectless conjunct and every word a candidate of some repair: the
// repairs stay linear (a quadratic walk would take minutes, under the
// sanitizers hours) and leave a tree.
TEST(TreeRepair, AHugeSentenceOfCandidatesIsRepairedInLinearTime) {
  std::vector<Word> words = {{"Officials", "NOUN", "NNS", 1, "nsubj"}, {"met", "VERB", "VBD", -1, "root"}};
  while (words.size() < 100000) {
    const int at = static_cast<int>(words.size());
    words.push_back({"hours", "NOUN", "NNS", at + 4, "nsubj"});
    words.push_back({"after", "ADV", "RB", at + 3, "case"});
    words.push_back({"the", "DET", "DT", at + 3, "det"});
    words.push_back({"talks", "NOUN", "NNS", at + 4, "obl"});
    words.push_back({"ended", "VERB", "VBN", 1, "conj"});
  }
  const std::vector<Arc> arcs = repaired(words);
  ASSERT_EQ(arcs.size(), words.size());
  int roots = 0;
  for (const Arc& a : arcs) {
    EXPECT_LT(a.head, static_cast<int>(arcs.size()));
    roots += a.head < 0;
  }
  EXPECT_EQ(roots, 1);
}

}  // namespace
}  // namespace tempora::detail

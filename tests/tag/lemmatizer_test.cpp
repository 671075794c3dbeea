#include "tag/lemmatizer.hpp"

#include <sstream>

#include <gtest/gtest.h>

namespace tempora::detail {
namespace {

Lemmatizer small_lemmatizer() {
  std::istringstream in(
      "1\tMeetings\tmeeting\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
      "2\ttalks\ttalk\tNOUN\tNNS\t_\t1\tdep\t_\t_\n"
      "3\twalks\twalk\tNOUN\tNNS\t_\t1\tdep\t_\t_\n"
      "4\tstudies\tstudy\tNOUN\tNNS\t_\t1\tdep\t_\t_\n"
      "5\tparties\tparty\tNOUN\tNNS\t_\t1\tdep\t_\t_\n"
      "6\tAmericans\tAmerican\tPROPN\tNNPS\t_\t1\tdep\t_\t_\n"
      "7\tRussians\tRussian\tPROPN\tNNPS\t_\t1\tdep\t_\t_\n"
      "8\tme\tI\tPRON\tPRP\t_\t1\tdep\t_\t_\n"
      "9\tThe\tthe\tDET\tDT\t_\t1\tdep\t_\t_\n"
      "10\tthe\tthe\tDET\tDT\t_\t1\tdep\t_\t_\n\n");
  return Lemmatizer::train(read_conllu(in), "/nonexistent", nullptr);
}

TEST(Lemmatizer, LearnsSuffixRules) {
  const Lemmatizer lem = small_lemmatizer();
  EXPECT_EQ(lem.lemma("cars", "NNS"), "car");
  EXPECT_EQ(lem.lemma("cities", "NNS"), "city");
}

TEST(Lemmatizer, LearnsCasingPerTag) {
  const Lemmatizer lem = small_lemmatizer();
  EXPECT_EQ(lem.lemma("Ukrainians", "NNPS"), "Ukrainian");
  EXPECT_EQ(lem.lemma("THE", "DT"), "the");
}

TEST(Lemmatizer, ExceptionsKeepTheGoldLemma) { EXPECT_EQ(small_lemmatizer().lemma("me", "PRP"), "I"); }

TEST(Lemmatizer, UnknownTagLeavesWordAlone) { EXPECT_EQ(small_lemmatizer().lemma("xyz", "ZZZ"), "xyz"); }

TEST(Lemmatizer, SaveLoadRoundTrip) {
  const Lemmatizer lem = small_lemmatizer();
  std::stringstream bytes;
  lem.save(bytes);
  const Lemmatizer again = Lemmatizer::load(bytes);
  EXPECT_EQ(again.lemma("parties", "NNS"), "party");
  EXPECT_EQ(again.lemma("me", "PRP"), "I");
}

TEST(Lemmatizer, WordNetIrregularFormsWhenAvailable) {
  std::istringstream in("1\twalked\twalk\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
  const Lemmatizer lem = Lemmatizer::train(read_conllu(in), "/usr/share/wordnet", nullptr);
  if (lem.exception_count() == 0) GTEST_SKIP() << "WordNet data not installed";
  EXPECT_EQ(lem.lemma("went", "VBD"), "go");
}

}  // namespace
}  // namespace tempora::detail

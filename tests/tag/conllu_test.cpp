#include "tempora/conllu.hpp"

#include <sstream>

#include <gtest/gtest.h>

namespace tempora {
namespace {

TEST(Conllu, ReadsWordsCommentsAndSkipsMultiwordTokens) {
  std::istringstream in(
      "# sent_id = s1\n"
      "# text = I don't.\n"
      "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\tSpaceAfter=No\n"
      "3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
      "\n");
  const auto sentences = read_conllu(in);
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].id, "s1");
  EXPECT_EQ(sentences[0].text, "I don't.");
  ASSERT_EQ(sentences[0].words.size(), 4u);
  EXPECT_EQ(sentences[0].words[2].lemma, "not");
  EXPECT_EQ(sentences[0].words[2].head, 0);
  EXPECT_FALSE(sentences[0].words[1].space_after);
  EXPECT_TRUE(sentences[0].words[3].space_after);
}

TEST(Conllu, MalformedLineNamesItsNumber) {
  std::istringstream in("1\tI\tI\tPRON\n");
  try {
    read_conllu(in);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("line 1"), std::string::npos);
  }
}

TEST(Conllu, BadHeadIsAnError) {
  std::istringstream in("1\tI\tI\tPRON\tPRP\t_\tx\tnsubj\t_\t_\n");
  EXPECT_THROW(read_conllu(in), std::runtime_error);
}

}  // namespace
}  // namespace tempora

#include "tempora/segment.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace tempora {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

const Segmenter& segmenter() {
  static const Segmenter instance = Segmenter::load();
  return instance;
}

struct Result {
  std::vector<std::string> tokens;                  // token text as written
  std::vector<std::string> norms;                   // Token::norm
  std::vector<std::vector<std::string>> sentences;  // token texts per sentence
  std::vector<std::string> sentence_texts;
  std::optional<std::string> dateline;
  bool headline = false;
};

Result run(std::string text) {
  Document doc(std::move(text));
  const Segmentation& seg = segmenter().segment(doc);
  Result r;
  for (const Token& t : seg.tokens) {
    r.tokens.emplace_back(doc.text(t.span));
    r.norms.push_back(t.norm);
  }
  for (const Sentence& s : seg.sentences) {
    std::vector<std::string> words;
    for (const Token& t : seg.tokens_of(s)) words.emplace_back(doc.text(t.span));
    r.sentences.push_back(std::move(words));
    r.sentence_texts.emplace_back(doc.text(s.span));
  }
  if (seg.dateline) r.dateline = std::string(doc.text(*seg.dateline));
  r.headline = seg.headline;
  return r;
}

std::vector<std::string> tokens(std::string text) { return run(std::move(text)).tokens; }
std::size_t sentence_count(std::string text) { return run(std::move(text)).sentences.size(); }

// ---- tokens ------------------------------------------------------------------

TEST(Segmenter, SplitsWordsAndFinalPeriod) {
  EXPECT_THAT(tokens("Zelensky met Trump."), ElementsAre("Zelensky", "met", "Trump", "."));
}

TEST(Segmenter, KeepsAbbreviationsWhole) {
  EXPECT_THAT(tokens("Dr. Smith and Gov. Newsom met Sen. Lee on Oct. 17 and Jan. 2 at No. 10."),
              ElementsAre("Dr.", "Smith", "and", "Gov.", "Newsom", "met", "Sen.", "Lee", "on", "Oct.", "17", "and",
                          "Jan.", "2", "at", "No.", "10", "."));
  EXPECT_THAT(tokens("Mr. Musk left Acme Inc. in the U.S. yesterday."),
              ElementsAre("Mr.", "Musk", "left", "Acme", "Inc.", "in", "the", "U.S.", "yesterday", "."));
}

TEST(Segmenter, KeepsInitialsWhole) {
  EXPECT_THAT(tokens("George W. Bush read J.R.R. Tolkien."),
              ElementsAre("George", "W.", "Bush", "read", "J.R.R.", "Tolkien", "."));
  EXPECT_EQ(sentence_count("George W. Bush read J.R.R. Tolkien."), 1u);
}

TEST(Segmenter, SplitsCurlyAndStraightQuotes) {
  const Result r = run("“President Trump didn’t say ‘no,’ and that’s good,” he said. \"Yes,\" she said.");
  EXPECT_THAT(r.tokens, ElementsAre("“", "President", "Trump", "did", "n’t", "say", "‘", "no", ",", "’", "and", "that",
                                    "’s", "good", ",", "”", "he", "said", ".", "\"", "Yes", ",", "\"", "she", "said",
                                    "."));
  EXPECT_THAT(r.norms, ElementsAre("\"", "President", "Trump", "did", "n't", "say", "'", "no", ",", "'", "and", "that",
                                   "'s", "good", ",", "\"", "he", "said", ".", "\"", "Yes", ",", "\"", "she", "said",
                                   "."));
  EXPECT_EQ(r.sentences.size(), 2u);
}

TEST(Segmenter, SplitsPossessives) {
  const Result r = run("Ukraine’s defense and the presidents’ talks and Iraq's oil.");
  EXPECT_THAT(r.tokens, ElementsAre("Ukraine", "’s", "defense", "and", "the", "presidents", "’", "talks", "and",
                                    "Iraq", "'s", "oil", "."));
  EXPECT_EQ(r.norms[1], "'s");
  EXPECT_EQ(r.norms[6], "'");
  EXPECT_THAT(tokens("O'Brien's plan"), ElementsAre("O'Brien", "'s", "plan"));
}

TEST(Segmenter, SplitsContractionsPennStyle) {
  EXPECT_THAT(tokens("didn’t that’s he’s we're I'll can't won't don't I'm they've she'd"),
              ElementsAre("did", "n’t", "that", "’s", "he", "’s", "we", "'re", "I", "'ll", "ca", "n't", "wo", "n't",
                          "do", "n't", "I", "'m", "they", "'ve", "she", "'d"));
  const Result r = run("didn’t");
  EXPECT_THAT(r.norms, ElementsAre("did", "n't"));
}

TEST(Segmenter, KeepsHyphenatedWordsWhole) {
  EXPECT_THAT(tokens("a closed-door meeting on long-range weapons, a 10-year-old plan"),
              ElementsAre("a", "closed-door", "meeting", "on", "long-range", "weapons", ",", "a", "10-year-old",
                          "plan"));
}

TEST(Segmenter, SplitsNumbersAndCurrencyLikeUD) {
  EXPECT_THAT(tokens("1,000 troops, 3.5 percent, -2 degrees, $20 and 20%."),
              ElementsAre("1,000", "troops", ",", "3.5", "percent", ",", "-2", "degrees", ",", "$", "20", "and", "20",
                          "%", "."));
}

TEST(Segmenter, KeepsTimesAndDatesWhole) {
  EXPECT_THAT(tokens("at 3:30 p.m. on 10/17/2025 or 2025-10-17"),
              ElementsAre("at", "3:30", "p.m.", "on", "10/17/2025", "or", "2025-10-17"));
  EXPECT_EQ(sentence_count("They met at 3 p.m. Tuesday in Kyiv."), 1u);
  EXPECT_EQ(sentence_count("They met at 3 p.m. The talks went on."), 2u);
}

TEST(Segmenter, KeepsUrlsAndEmailsWhole) {
  EXPECT_THAT(tokens("See https://www.nbcnews.com/politics/a-b?x=1. Write to press@example.org, or www.zamin.uz."),
              ElementsAre("See", "https://www.nbcnews.com/politics/a-b?x=1", ".", "Write", "to", "press@example.org",
                          ",", "or", "www.zamin.uz", "."));
  EXPECT_THAT(tokens("(see http://x.org/a_(b))"), ElementsAre("(", "see", "http://x.org/a_(b)", ")"));
}

TEST(Segmenter, KeepsJoinedWordsWhole) {
  EXPECT_THAT(tokens("U.S.-based AT&T and bbc.co.uk, O'SMACH and Ph.D. holders; U.S.'s role"),
              ElementsAre("U.S.-based", "AT&T", "and", "bbc.co.uk", ",", "O'SMACH", "and", "Ph.D.", "holders", ";",
                          "U.S.", "'s", "role"));
}

TEST(Segmenter, StraightSingleQuotes) {
  EXPECT_THAT(tokens("He said 'no' twice, 'yes' once."),
              ElementsAre("He", "said", "'", "no", "'", "twice", ",", "'", "yes", "'", "once", "."));
}

TEST(Segmenter, SplitsEllipsesAndDashes) {
  EXPECT_THAT(tokens("Well... maybe -- or not—never. Wait…"),
              ElementsAre("Well", "...", "maybe", "--", "or", "not", "—", "never", ".", "Wait", "…"));
}

TEST(Segmenter, NormFoldsOnlyQuotes) {
  const Result r = run("“Café” NATO’s");
  EXPECT_THAT(r.norms, ElementsAre("\"", "Café", "\"", "NATO", "'s"));
}

TEST(Segmenter, SpaceAfter) {
  Document doc("Hi, you.");
  const Segmentation& seg = segmenter().segment(doc);
  ASSERT_EQ(seg.tokens.size(), 4u);
  EXPECT_FALSE(seg.tokens[0].space_after);
  EXPECT_TRUE(seg.tokens[1].space_after);
  EXPECT_FALSE(seg.tokens[2].space_after);
  EXPECT_FALSE(seg.tokens[3].space_after);
}

TEST(Segmenter, PtbQuotes) {
  EXPECT_THAT(tokens("``It was a bomb,'' he said."),
              ElementsAre("``", "It", "was", "a", "bomb", ",", "''", "he", "said", "."));
  EXPECT_EQ(sentence_count("``It was a bomb,'' he said. ``No one knows.'' Then quiet."), 3u);
}

// ---- sentences -----------------------------------------------------------------

TEST(Segmenter, SplitsSentencesAtTerminalPunctuation) {
  const Result r = run("Zelensky met Trump on Oct. 17. They talked! Did it work? Nobody knows.");
  ASSERT_EQ(r.sentences.size(), 4u);
  EXPECT_EQ(r.sentence_texts[0], "Zelensky met Trump on Oct. 17.");
  EXPECT_EQ(r.sentence_texts[3], "Nobody knows.");
}

TEST(Segmenter, ClosingQuotesStayWithTheirSentence) {
  const Result r = run("He said, “the doors remain open.” Then he left. (It was late.) Done.");
  ASSERT_EQ(r.sentences.size(), 4u);
  EXPECT_EQ(r.sentence_texts[0], "He said, “the doors remain open.”");
  EXPECT_EQ(r.sentence_texts[2], "(It was late.)");
}

TEST(Segmenter, QuestionInsideQuoteBeforeLowercase) {
  EXPECT_EQ(sentence_count("“Why not?” he asked. “Because!” she said."), 2u);
}

TEST(Segmenter, AbbreviationsThatDoNotEndSentences) {
  EXPECT_EQ(sentence_count("Dr. Smith met Mr. Jones and Gov. Abbott. Sen. Cruz came too."), 2u);
}

TEST(Segmenter, AbbreviationsThatCanEndSentences) {
  EXPECT_EQ(sentence_count("The missiles came from the U.S. He said so."), 2u);
  EXPECT_EQ(sentence_count("U.S. officials met U.S. Army leaders."), 1u);
  EXPECT_EQ(sentence_count("It was made in the U.S. “We are sure,” he said."), 2u);
  EXPECT_EQ(sentence_count("He works for Acme Inc. Shares fell."), 2u);
  EXPECT_EQ(sentence_count("He works for Acme Inc. and sells cars."), 1u);
  EXPECT_EQ(sentence_count("They left at 9 a.m. The rest stayed."), 2u);
}

TEST(Segmenter, LowercaseAfterPeriodDoesNotSplit) {
  EXPECT_EQ(sentence_count("He paid approx. five dollars and left."), 1u);
  EXPECT_EQ(sentence_count("It ended. and then nothing."), 1u);
}

TEST(Segmenter, BlankLinesEndSentences) {
  const Result r = run("First part without period\n\nSecond part\n\n\nThird");
  ASSERT_EQ(r.sentences.size(), 3u);
  EXPECT_THAT(r.sentences[1], ElementsAre("Second", "part"));
}

TEST(Segmenter, ShortHeadingLineEndsSentence) {
  const Result r = run("Zelensky says doors remain open\nUkrainian President Volodymyr Zelensky spoke on Friday.");
  ASSERT_EQ(r.sentences.size(), 2u);
  EXPECT_EQ(r.sentence_texts[0], "Zelensky says doors remain open");
}

TEST(Segmenter, TheFirstLineMayBeALongerHeadline) {
  const Result r = run(
      "Apple unveils iPhone 4, iOS 4 at Worldwide Developers Conference 2010\nJune 8, 2010\n"
      "Yesterday, company CEO Steve Jobs unveiled iPhone 4.");
  ASSERT_EQ(r.sentences.size(), 3u);
  EXPECT_EQ(r.sentence_texts[0], "Apple unveils iPhone 4, iOS 4 at Worldwide Developers Conference 2010");
  EXPECT_EQ(r.sentence_texts[1], "June 8, 2010");
  // Further down, a line that long is hard-wrapped prose.
  const Result wrapped = run(
      "Markets fell.\nAnalysts said the central bank would raise interest rates again in\n"
      "the spring of 2026, and shares fell.");
  EXPECT_EQ(wrapped.sentences.size(), 2u);
}

TEST(Segmenter, SaysWhetherTheTextOpensWithAHeadline) {
  EXPECT_TRUE(run("Apple launches 3G iPhone\nJune 9, 2008\nApple Computer today launched a 3G iPhone.").headline);
  EXPECT_TRUE(run("Jobs: \"We will ship in June\"\n\nApple said on Monday it would ship.").headline);
  EXPECT_FALSE(run("Apple launched a phone.\nIt sold well.").headline) << "a sentence on its own line";
  EXPECT_FALSE(run("Jobs said: \"We will ship.\"\nIt sold well.").headline);
  EXPECT_FALSE(run("Apple launches 3G iPhone").headline) << "nothing after it";
  EXPECT_FALSE(run("KYIV, Oct. 20 (Reuters) - Zelensky spoke.\nHe left.").headline) << "a dateline";
}

TEST(Segmenter, WrappedLinesDoNotSplit) {
  const std::string wrapped =
      "The Ukrainian leader emphasized that Tomahawk missiles would significantly\n"
      "enhance his country's defense and help reduce threats from Russia. He also\n"
      "stated that Russian President Vladimir Putin is deeply concerned about\n"
      "this possibility, officials in\n"
      "Kyiv said.";
  const Result r = run(wrapped);
  ASSERT_EQ(r.sentences.size(), 2u);
  EXPECT_EQ(r.sentences[1].front(), "He");
  EXPECT_EQ(r.sentences[1].back(), ".");
}

TEST(Segmenter, DatelineIsItsOwnSentence) {
  {
    const Result r = run("KYIV, Oct. 20 (Reuters) - Ukraine's president met Trump.");
    ASSERT_TRUE(r.dateline.has_value());
    EXPECT_EQ(*r.dateline, "KYIV, Oct. 20 (Reuters) -");
    ASSERT_EQ(r.sentences.size(), 2u);
    EXPECT_EQ(r.sentence_texts[0], "KYIV, Oct. 20 (Reuters) -");
    EXPECT_EQ(r.sentences[1].front(), "Ukraine");
  }
  {
    const Result r = run("WASHINGTON — President Trump met Zelensky on Friday.");
    ASSERT_TRUE(r.dateline.has_value());
    EXPECT_EQ(*r.dateline, "WASHINGTON —");
    EXPECT_EQ(r.sentences.size(), 2u);
  }
  {
    const Result r = run("CANBERRA, Australia (AP)_ Turning its back on 210 years of loyalty, it voted.");
    ASSERT_TRUE(r.dateline.has_value());
    EXPECT_EQ(*r.dateline, "CANBERRA, Australia (AP)_");
  }
  {
    const Result r = run("NEW YORK (AP) — Stocks rose.");
    ASSERT_TRUE(r.dateline.has_value());
    EXPECT_EQ(*r.dateline, "NEW YORK (AP) —");
  }
  {
    // an agency written in lowercase, before its dash
    const Result r = run("BERLIN, March 13, 2024 (dpa) - German Foreign Minister Annalena Baerbock signed it.");
    ASSERT_TRUE(r.dateline.has_value());
    EXPECT_EQ(*r.dateline, "BERLIN, March 13, 2024 (dpa) -");
    ASSERT_EQ(r.sentences.size(), 2u);
    EXPECT_EQ(r.sentences[1].front(), "German");
  }
  {
    // "Minn." may end a sentence, but not inside a dateline.
    const Result r = run("ST. PAUL, Minn. Oct. 5 (AP) - Voters went to the polls.");
    ASSERT_TRUE(r.dateline.has_value());
    EXPECT_EQ(*r.dateline, "ST. PAUL, Minn. Oct. 5 (AP) -");
    ASSERT_EQ(r.sentences.size(), 2u);
    EXPECT_EQ(r.sentence_texts[0], *r.dateline);
  }
  {
    const Result r = run("Zelensky says doors remain open\nBy Jane Doe\nKYIV (Reuters) - Ukraine's leader spoke.");
    ASSERT_TRUE(r.dateline.has_value());
    EXPECT_EQ(*r.dateline, "KYIV (Reuters) -");
    ASSERT_EQ(r.sentences.size(), 4u);
    EXPECT_EQ(r.sentence_texts[1], "By Jane Doe");
    EXPECT_EQ(r.sentence_texts[2], *r.dateline);
  }
  EXPECT_FALSE(run("He spoke. Then:\nKYIV (Reuters) - more.").dateline.has_value());
  EXPECT_FALSE(run("Trump met Zelensky - again.").dateline.has_value());
  EXPECT_FALSE(run("NATO met.").dateline.has_value());
}

// ---- invariants and hostile input -----------------------------------------------

void expect_invariants(std::string text) {
  Document doc(std::move(text));
  const Segmentation& seg = segmenter().segment(doc);
  const auto size = static_cast<std::uint32_t>(doc.text().size());
  std::uint32_t previous_end = 0;
  for (const Token& t : seg.tokens) {
    ASSERT_LT(t.span.begin, t.span.end);
    ASSERT_LE(t.span.end, size);
    ASSERT_GE(t.span.begin, previous_end);
    previous_end = t.span.end;
  }
  std::uint32_t next_token = 0;
  for (const Sentence& s : seg.sentences) {
    ASSERT_GT(s.token_count, 0u);
    ASSERT_EQ(s.first_token, next_token);
    next_token += s.token_count;
    ASSERT_LE(next_token, seg.tokens.size());
    ASSERT_EQ(s.span.begin, seg.tokens[s.first_token].span.begin);
    ASSERT_EQ(s.span.end, seg.tokens[s.first_token + s.token_count - 1].span.end);
  }
  ASSERT_EQ(next_token, seg.tokens.size());
}

TEST(Segmenter, EmptyAndWhitespaceGiveNoSentences) {
  EXPECT_EQ(sentence_count(""), 0u);
  EXPECT_EQ(sentence_count(" \n\t\r\n  \u00A0"), 0u);
}

TEST(Segmenter, SurvivesHostileInput) {
  expect_invariants(std::string("a\0b\0\0. c", 9));
  expect_invariants("\x01\x02\x7F\x1B[0m text \x08.");
  expect_invariants("\xFF\xFE\xC0\xAF garbage \xED\xA0\x80 done.");
  expect_invariants(std::string(1 << 20, 'x'));
  expect_invariants(std::string(100000, '\n'));
  expect_invariants(std::string(100000, '.'));
  expect_invariants(std::string(100000, '-'));
  std::string dotted;
  for (int i = 0; i < 100000; ++i) dotted += "a.";
  expect_invariants(dotted);
  std::string mixed;
  for (int i = 0; i < 20000; ++i) mixed += "U.S.'s n't “ ’ -2 @ a@b.c http:// ";
  expect_invariants(mixed);
  expect_invariants("\u0301\u0301 \U0001F600\uFE0F e\u0301t\u00E9 Ю");
  const Result r = run(std::string(1 << 20, 'x'));
  EXPECT_EQ(r.sentences.size(), 1u);
}

// ---- corpora -------------------------------------------------------------------

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(Segmenter, SeedArticle) {
  TEMPORA_REQUIRE_SHARED(shared);
  const Result r = run(read_file(shared / "seeds/zelensky-trump-nbc.txt"));
  // 11 paragraphs of 1-4 sentences each and a closing line: 25 by hand.
  EXPECT_GE(r.sentences.size(), 22u);
  EXPECT_LE(r.sentences.size(), 28u);
  bool ukraine_s = false;
  for (std::size_t i = 0; i + 1 < r.tokens.size(); ++i)
    if (r.tokens[i] == "Ukraine" && r.tokens[i + 1] == "’s" && r.norms[i + 1] == "'s") ukraine_s = true;
  EXPECT_TRUE(ukraine_s);
  for (const auto& s : r.sentences) EXPECT_NE(s.front(), "’s");
}

// The text between <TEXT> and </TEXT> with every tag removed.
std::string timeml_text(const std::string& xml) {
  const std::size_t open = xml.find("<TEXT>");
  const std::size_t close = xml.find("</TEXT>");
  if (open == std::string::npos || close == std::string::npos || close < open) return {};
  std::string out;
  bool in_tag = false;
  for (std::size_t i = open + 6; i < close; ++i) {
    if (xml[i] == '<') in_tag = true;
    else if (xml[i] == '>') in_tag = false;
    else if (!in_tag) out.push_back(xml[i]);
  }
  return out;
}

TEST(Segmenter, TimeBankSentencesRarelyStartLowercase) {
  TEMPORA_REQUIRE_SHARED(shared);
  std::size_t sentences = 0;
  std::size_t lowercase = 0;
  std::string examples;
  for (const char* name : {"wsj_0136.tml", "AP900815-0044.tml", "APW19980213.1310.tml", "ABC19980108.1830.0711.tml"}) {
    const std::string text = timeml_text(read_file(shared / "data/tempeval3/TimeBank" / name));
    ASSERT_FALSE(text.empty()) << name;
    Document doc(text);
    const Segmentation& seg = segmenter().segment(doc);
    for (const Sentence& s : seg.sentences) {
      ++sentences;
      const std::string_view first = doc.text(seg.tokens[s.first_token].span);
      if (first[0] >= 'a' && first[0] <= 'z') {
        ++lowercase;
        examples += fmt::format("{}: {}\n", name, doc.text(s.span).substr(0, 80));
      }
    }
  }
  EXPECT_GT(sentences, 40u);
  EXPECT_LE(lowercase * 50, sentences) << examples;  // at most 2%
}

}  // namespace
}  // namespace tempora

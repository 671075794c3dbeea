// Factuality of events (src/event/factuality.cpp) on news sentences, with
// and without a dependency parse, and the rule file's error reporting.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "event/factuality.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

struct Stages {
  Segmenter segmenter = Segmenter::load();
  PosTagger pos = PosTagger::load();
  DependencyParser parser = DependencyParser::load();
  EventTagger events = EventTagger::load();
};

const Stages& stages() {
  static const Stages s;
  return s;
}

// The factuality of the event whose trigger is `word` in `text`.
std::string factuality_of(const std::string& text, std::string_view word, bool parse = true) {
  Document doc(text);
  stages().segmenter.segment(doc);
  stages().pos.tag(doc);
  if (parse) stages().parser.parse(doc);
  for (const EventMention& e : stages().events.tag(doc).events)
    if (doc.text(e.span) == word) return std::string(to_string(e.factuality));
  return "no event";
}

TEST(Factuality, WhatTheTextSaysHappenedIsAsserted) {
  EXPECT_EQ(factuality_of("Trump posted on his social media accounts after the meeting.", "posted"), "ASSERTED");
  EXPECT_EQ(factuality_of("The presidents held a closed-door meeting at the White House.", "meeting"), "ASSERTED");
  EXPECT_EQ(factuality_of("He said the talks were productive.", "talks"), "ASSERTED")
      << "a reported event keeps its own value";
}

TEST(Factuality, AnnouncedAndPlannedEventsAreFuture) {
  EXPECT_EQ(factuality_of("The prime minister will decide before the summit.", "decide"), "FUTURE");
  EXPECT_EQ(factuality_of("Apple plans to release the update in March.", "release"), "FUTURE");
  EXPECT_EQ(factuality_of("Trump urged Moscow and Kyiv to begin peace talks.", "begin"), "FUTURE");
  EXPECT_EQ(factuality_of("Officials prepared for the planned visit.", "visit"), "FUTURE");
  EXPECT_EQ(factuality_of("Blinken is expected to travel to Seoul before returning home.", "returning"), "FUTURE")
      << "a subjectless adverbial clause is part of its verb's plan";
  EXPECT_EQ(factuality_of("Blinken traveled to Seoul before returning home.", "returning"), "ASSERTED");
  // "would" in what a past saying reports is that saying's future, not a doubt
  EXPECT_EQ(factuality_of("Microsoft said on Tuesday it would buy Activision for $68.7 billion.", "buy"), "FUTURE");
  EXPECT_EQ(factuality_of("Microsoft said it would buy Activision if regulators agreed.", "buy"), "POSSIBLE");
  EXPECT_EQ(factuality_of("Milei said he had spoken with Trump, and that the two would meet in Florida.", "meet"),
            "FUTURE")
      << "the second of two reported clauses";
  EXPECT_EQ(factuality_of("Huang said the company would open a center in Japan, after meeting Kishida earlier "
                          "in the day.",
                          "meeting"),
            "ASSERTED")
      << "an adverb places the adverbial clause in the past";
}

TEST(Factuality, ModalsConditionsAndDoubtedWantsArePossible) {
  EXPECT_EQ(factuality_of("Ukraine would use every opportunity to defend its independence.", "use"), "POSSIBLE");
  EXPECT_EQ(factuality_of("If they meet again, the deal could be signed.", "meet"), "POSSIBLE");
  EXPECT_EQ(factuality_of("Washington does not want to escalate the situation.", "escalate"), "POSSIBLE")
      << "whatever a denied predicate embeds is at most possible";
}

TEST(Factuality, WhatIsFearedIsPossible) {
  EXPECT_EQ(factuality_of("He is nervous about these weapons reaching Ukraine.", "reaching"), "POSSIBLE");
  EXPECT_EQ(factuality_of("The workers were worried about losing their jobs.", "losing"), "POSSIBLE");
  EXPECT_EQ(factuality_of("The minister resigned after losing the vote.", "losing"), "ASSERTED")
      << "an adverbial clause of another verb keeps its own value";
}

TEST(Factuality, DeniedAndRefusedEventsAreNegated) {
  EXPECT_EQ(factuality_of("Trump did not meet Putin.", "meet"), "NEGATED");
  EXPECT_EQ(factuality_of("The minister refused to comment on the talks.", "comment"), "NEGATED");
  EXPECT_EQ(factuality_of("No final decision has been made yet.", "decision"), "NEGATED");
  EXPECT_EQ(factuality_of("The talks in Munich ended without agreement.", "agreement"), "NEGATED");
  EXPECT_EQ(factuality_of("The minister left without giving details.", "giving"), "NEGATED");
  // a gerund the parse hangs on its verb as an adverbial clause
  EXPECT_EQ(factuality_of("Kellogg took the stand and denied taking any money.", "taking"), "NEGATED");
}

TEST(Factuality, AnEventObjectTakesWhatItsVerbClassSays) {
  EXPECT_EQ(factuality_of("Trump urged Moscow and Kyiv to begin peace talks.", "talks"), "FUTURE")
      << "a light verb passes on its own value";
  EXPECT_EQ(factuality_of("The two delegations did not hold talks on Friday.", "talks"), "NEGATED");
  EXPECT_EQ(factuality_of("The two delegations held talks on Friday.", "talks"), "ASSERTED");
  EXPECT_EQ(factuality_of("Ukraine requested a meeting with the president.", "meeting"), "FUTURE");
  EXPECT_EQ(factuality_of("The government cancelled the visit.", "visit"), "NEGATED");
  EXPECT_EQ(factuality_of("The minister attended the meeting in Kyiv.", "meeting"), "ASSERTED")
      << "other verbs leave their object alone";
}

TEST(Factuality, WithoutAParseTheVerbGroupStillCounts) {
  EXPECT_EQ(factuality_of("The prime minister will decide before the summit.", "decide", false), "FUTURE");
  EXPECT_EQ(factuality_of("Ukraine would use every opportunity.", "use", false), "POSSIBLE");
  EXPECT_EQ(factuality_of("Trump did not meet Putin.", "meet", false), "NEGATED");
  EXPECT_EQ(factuality_of("Officials prepared for the planned visit.", "visit", false), "FUTURE");
}

TEST(Factuality, AMalformedRuleFileNamesItsLine) {
  const auto dir = std::filesystem::temp_directory_path() / "tempora-factuality-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "factuality.txt") << "# comment\npossible-modal: would\nwishful-thinking: hope\n";
  try {
    detail::FactualityRules::load(dir);
    FAIL() << "an unknown category must be an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("factuality.txt:3"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tempora

// SemEval-2015 Task 4: the timeline format, the scorer, CAT reading, and
// tempora's own timelines for the trial targets.
#include <gtest/gtest.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <sstream>

#include "corpus/semeval.hpp"
#include "tempora/pipeline.hpp"
#include "test_support.hpp"

namespace tempora::semeval {
namespace {

TEST(SemevalTimeline, ParsesTargetEntriesAndCoreferentMentions) {
  const Timeline t = parse_timeline(
      "Steve Jobs\n"
      "0\tXXXX-XX-XX\t18315-4-said\n"
      "8\t2004\t17677-5-fought\t18315-7-fighting\r\n"
      "\n"
      "oops no tabs\n"
      "x\t2004\t1-2-y\n");
  EXPECT_EQ(t.target, "Steve Jobs");
  ASSERT_EQ(t.entries.size(), 2u);
  EXPECT_EQ(t.entries[1].order, 8);
  EXPECT_EQ(t.entries[1].date, "2004");
  EXPECT_EQ(t.entries[1].mentions, (std::vector<std::string>{"17677-5-fought", "18315-7-fighting"}));
  ASSERT_EQ(t.problems.size(), 2u);
  EXPECT_NE(t.problems[0].find("line 5"), std::string::npos);
  EXPECT_EQ(parse_timeline(write_timeline(t)).entries.size(), 2u);
}

TEST(SemevalTimeline, UnknownDatesAreOnlyX) {
  EXPECT_TRUE(unknown_date("XXXX-XX-XX"));
  EXPECT_TRUE(unknown_date("XXX-XX-XX"));  // as written in the trial iphone_3g timeline
  EXPECT_FALSE(unknown_date("2008-03-XX"));
  EXPECT_FALSE(unknown_date("1976"));
}

TEST(SemevalTimeline, RelationsFollowTheTaskTransformation) {
  const Timeline t = parse_timeline(
      "X\n"
      "0\tXXXX-XX-XX\td-1-zero\n"
      "1\t2010-06-07\td-2-a\td-3-a2\n"
      "1\t2010-06-07\td-2-b\n"
      "2\tXXXX-XX-XX\td-4-c\n");
  const std::vector<Relation> r = timeline_relations(t);
  using T = Relation::Type;
  const std::vector<Relation> expected = {
      {"d-2-a", "date:2010-06-07", T::simultaneous}, {"d-3-a2", "date:2010-06-07", T::simultaneous},
      {"d-2-a", "d-3-a2", T::simultaneous},          {"d-2-b", "date:2010-06-07", T::simultaneous},
      {"d-2-a", "d-2-b", T::simultaneous},           {"d-2-a", "d-4-c", T::before},
  };
  EXPECT_EQ(r, expected);  // ORDER 0 events are neither dated nor ordered: no link
}

TEST(SemevalScore, IdenticalTimelinesScoreOne) {
  const Timeline t = parse_timeline("X\n1\t2010\ta-1-x\n2\t2011\ta-2-y\tb-1-y\n2\t2011\tb-3-z\n3\tXXXX-XX-XX\tc-1-w\n");
  const AwarenessCounts c = temporal_awareness(timeline_relations(t), timeline_relations(t));
  EXPECT_EQ(c.system_total, c.system_matched);
  EXPECT_EQ(c.gold_total, c.gold_matched);
  EXPECT_DOUBLE_EQ(c.f1(), 1.0);
}

TEST(SemevalScore, ReducedGraphsAgainstClosures) {
  // Gold: x (Jan 1) before y (Feb 1). System: both on Jan 1.
  const Timeline gold = parse_timeline("X\n1\t2010-01-01\td-1-x\n2\t2010-02-01\td-2-y\n");
  const Timeline system = parse_timeline("X\n1\t2010-01-01\td-1-x\n1\t2010-01-01\td-2-y\n");
  const AwarenessCounts c = temporal_awareness(timeline_relations(gold), timeline_relations(system));
  // System reduced: x=Jan1, y=Jan1 (x=y is implied). Gold closure verifies only x=Jan1.
  EXPECT_EQ(c.system_total, 2u);
  EXPECT_EQ(c.system_matched, 1u);
  // Gold reduced: x=Jan1, y=Feb1, x<y. The system knows no Feb 1 and says x=y.
  EXPECT_EQ(c.gold_total, 3u);
  EXPECT_EQ(c.gold_matched, 1u);
  EXPECT_NEAR(c.f1(), 0.4, 1e-12);
}

TEST(SemevalScore, ClosureVerifiesImpliedLinks) {
  // The system states a < c directly; gold only a < b < c: implied, so verified.
  const Timeline gold = parse_timeline("X\n1\tXXXX-XX-XX\td-1-a\n2\tXXXX-XX-XX\td-1-b\n3\tXXXX-XX-XX\td-1-c\n");
  const Timeline system = parse_timeline("X\n1\tXXXX-XX-XX\td-1-a\n2\tXXXX-XX-XX\td-1-c\n");
  const AwarenessCounts c = temporal_awareness(timeline_relations(gold), timeline_relations(system));
  EXPECT_EQ(c.system_matched, 1u);
  EXPECT_EQ(c.system_total, 1u);
  EXPECT_EQ(c.gold_total, 2u);
  EXPECT_EQ(c.gold_matched, 0u);  // the system does not know b
}

TEST(SemevalScore, SameDateDifferentOrderIsCountedAsViolated) {
  // Two ORDERs on one date: a = date = b, yet a before b. The BEFORE link
  // contradicts the anchors; it stays in the reduced graph (as in
  // TempEval-3) and only a system that states it gets it.
  const Timeline gold = parse_timeline("X\n1\t2005-06-06\td-1-a\n2\t2005-06-06\td-2-b\n");
  const AwarenessCounts self = temporal_awareness(timeline_relations(gold), timeline_relations(gold));
  EXPECT_EQ(self.gold_total, 3u);
  EXPECT_EQ(self.gold_matched, 3u);
}

TEST(SemevalCat, ReadsTokensSentencesAndDct) {
  const std::string xml = R"(<?xml version="1.0" ?><Document doc_id="42" doc_name="42-Test" src_url="u">
<token number="0" sentence="0" t_id="1">Apple</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="1" t_id="3">Apple</token>
<token number="3" sentence="1" t_id="4">'s</token>
<token number="4" sentence="1" t_id="5">chief</token>
<token number="5" sentence="1" t_id="6">(</token>
<token number="6" sentence="1" t_id="7">CEO</token>
<token number="7" sentence="1" t_id="8">)</token>
<token number="8" sentence="1" t_id="9">said</token>
<token number="9" sentence="1" t_id="10">"</token>
<token number="10" sentence="1" t_id="11">yes</token>
<token number="11" sentence="1" t_id="12">"</token>
<token number="12" sentence="1" t_id="13">.</token>
<Markables><TIMEX3 functionInDocument="CREATION_TIME" m_id="9" type="DATE" value="2005-06-06"></TIMEX3></Markables>
</Document>)";
  const CatDocument cat = parse_cat(xml, "test");
  EXPECT_EQ(cat.doc_id, "42");
  ASSERT_TRUE(cat.dct.has_value());
  EXPECT_EQ(cat.dct->day, std::chrono::sys_days{std::chrono::year{2005} / 6 / 6});
  EXPECT_EQ(cat.text, "Apple wins\n\nApple's chief (CEO) said \"yes\".");
  ASSERT_EQ(cat.tokens.size(), 13u);
  EXPECT_EQ(cat.tokens[8].sentence, 1u);
  EXPECT_EQ(cat.text.substr(cat.tokens[8].span.begin, cat.tokens[8].span.size()), "said");
  EXPECT_THROW(parse_cat("<nope/>", "x"), std::runtime_error);
  EXPECT_THROW(parse_cat("\x01\x02 not xml", "x"), std::runtime_error);
}

TEST(SemevalCat, FileNamesAsTheTaskNamesThem) {
  EXPECT_EQ(timeline_file_name("Steve Jobs"), "steve_jobs.txt");
  EXPECT_EQ(timeline_file_name("iPhone 4"), "iphone_4.txt");
}

// A CAT document from sentences of space-separated tokens.
std::string cat_xml(const std::vector<std::string>& sentences, std::string_view dct) {
  std::string xml = R"(<?xml version="1.0" ?><Document doc_id="7" doc_name="7-Test" src_url="u">)";
  int number = 0;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    std::istringstream words(sentences[s]);
    for (std::string w; words >> w; ++number)
      xml += "<token number=\"" + std::to_string(number) + "\" sentence=\"" + std::to_string(s) + "\" t_id=\"" +
             std::to_string(number + 1) + "\">" + w + "</token>\n";
  }
  xml += R"(<Markables><TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value=")" + std::string(dct) +
         R"("></TIMEX3></Markables></Document>)";
  return xml;
}

std::string date_of(const Timeline& t, std::string_view mention) {
  for (const TimelineEntry& e : t.entries)
    for (const std::string& m : e.mentions)
      if (m == mention) return e.date;
  return "absent";
}

TEST(SemevalTimeline, UndatedPastEventsTakeTheStorysDayNotTheArticles) {
  const Pipeline pipeline = Pipeline::load();
  if (!pipeline.has_events() || !pipeline.has_parser()) GTEST_SKIP() << "event or parser model missing";
  // Published on Saturday; the story is dated once, on Wednesday.
  std::vector<AnalyzedCat> docs;
  docs.push_back(analyze_cat(pipeline, parse_cat(cat_xml({"On Wednesday , Steve Jobs unveiled a new laptop in Cupertino .",
                                                          "Jobs also announced a new music service .",
                                                          "The laptop weighs three pounds ."},
                                                         "2010-10-23"),
                                                 "test")));
  TargetTimelineOptions options;
  options.undated_at_dct = true;
  const Timeline t = target_timeline(docs, "Steve Jobs", options);
  EXPECT_EQ(date_of(t, "7-0-unveiled"), "2010-10-20") << write_timeline(t);
  EXPECT_EQ(date_of(t, "7-1-announced"), "2010-10-20") << write_timeline(t);
  options.undated_at_dct = false;
  EXPECT_EQ(date_of(target_timeline(docs, "Steve Jobs", options), "7-1-announced"), "XXXX-XX-XX");
}

TEST(SemevalTimeline, AProductTargetTakesPartAsAThingAndALongerNameIsAnotherProduct) {
  const Pipeline pipeline = Pipeline::load();
  if (!pipeline.has_events() || !pipeline.has_parser()) GTEST_SKIP() << "event or parser model missing";
  std::vector<AnalyzedCat> docs;
  docs.push_back(analyze_cat(pipeline, parse_cat(cat_xml({"On Monday , Apple unveiled the iPhone 4 in San Francisco .",
                                                          "Apple discontinued the iPhone 3G .",
                                                          "Apple cut the price of the iPhone ."},
                                                         "2010-06-08"),
                                                 "test")));
  TargetTimelineOptions options;
  const Timeline t = target_timeline(docs, "iPhone 3G", options);
  EXPECT_EQ(date_of(t, "7-0-unveiled"), "absent") << write_timeline(t);  // "iPhone 4" is not "iPhone 3G"
  EXPECT_NE(date_of(t, "7-1-discontinued"), "absent") << write_timeline(t);
  EXPECT_NE(date_of(t, "7-2-cut"), "absent") << write_timeline(t);  // "the iPhone" after "iPhone 3G"
}

TEST(SemevalTrial, GoldAgainstItselfScoresOneAndCatFilesRead) {
  TEMPORA_REQUIRE_SHARED(shared);
  const auto dir = shared / "data" / "semeval2015-timeline";
  const Evaluation ev = evaluate(dir / "trial-timelines", dir / "trial-timelines");
  ASSERT_EQ(ev.targets.size(), 6u);
  EXPECT_TRUE(ev.problems.empty());
  EXPECT_DOUBLE_EQ(ev.micro.f1(), 1.0);
  EXPECT_GT(ev.micro.gold_total, 100u);

  const CatDocument cat = read_cat(dir / "trial-corpus-cat" / "1664-Apple_Computer_CEO.xml");
  EXPECT_EQ(cat.doc_id, "1664");
  ASSERT_TRUE(cat.dct.has_value());
  EXPECT_NE(cat.text.find("Steve Jobs gave his annual opening keynote to the World Wide Developers Conference (WWDC)"),
            std::string::npos);
}

TEST(SemevalTrial, EmptySystemScoresZeroButCountsGold) {
  TEMPORA_REQUIRE_SHARED(shared);
  const auto dir = shared / "data" / "semeval2015-timeline";
  const auto empty = std::filesystem::temp_directory_path() / "tempora-semeval-empty";
  std::filesystem::create_directories(empty);
  const Evaluation ev = evaluate(dir / "trial-timelines", empty);
  EXPECT_EQ(ev.micro.system_total, 0u);
  EXPECT_GT(ev.micro.gold_total, 100u);
  EXPECT_DOUBLE_EQ(ev.micro.f1(), 0.0);
  for (const TargetScore& t : ev.targets) EXPECT_TRUE(t.system_missing);
}

TEST(SemevalTrial, TimelinesFromRawTextScoreAsMeasured) {
  TEMPORA_REQUIRE_SHARED(shared);
  const Pipeline pipeline = Pipeline::load();
  if (!pipeline.has_events() || !pipeline.has_parser()) GTEST_SKIP() << "event or parser model missing";
  const auto dir = shared / "data" / "semeval2015-timeline";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "trial-corpus-cat")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<AnalyzedCat> docs;
  for (const auto& f : files) docs.push_back(analyze_cat(pipeline, read_cat(f)));
  ASSERT_EQ(docs.size(), 30u);
  const auto out = std::filesystem::temp_directory_path() / "tempora-semeval-system";
  std::filesystem::remove_all(out);
  std::filesystem::create_directories(out);
  TargetTimelineOptions options;
  options.undated_at_dct = true;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "trial-timelines")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const Timeline gold = parse_timeline(text.str());
    const Timeline system = target_timeline(docs, gold.target, options);
    for (const TimelineEntry& e : system.entries) {
      ASSERT_FALSE(e.mentions.empty());
      EXPECT_EQ(std::count(e.mentions[0].begin(), e.mentions[0].end(), '-') >= 2, true) << e.mentions[0];
    }
    std::ofstream(out / timeline_file_name(gold.target)) << write_timeline(system);
  }
  const Evaluation ev = evaluate(dir / "trial-timelines", out);
  // Measured 30.82 (P 35.91, R 26.99); the 2015 best from raw text was 7.85.
  EXPECT_GT(ev.micro.f1(), 0.25);
  EXPECT_GT(ev.micro.system_total, 50u);
}

}  // namespace
}  // namespace tempora::semeval

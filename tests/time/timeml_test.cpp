// TimeML reading, writing and the TempEval-3 timex measures.
#include "tempora/timeml.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace tempora::timeml {
namespace {

constexpr std::string_view kDoc = R"(<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
On <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>, A &amp; B <EVENT eid="e1" class="OCCURRENCE">fell</EVENT>  &lt;5%&gt;.
  </TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
)";

TEST(TimemlRead, TextDctAnnotationsAndLinks) {
  const TimemlDocument d = parse_timeml(kDoc);
  EXPECT_EQ(d.docid, "X1");
  EXPECT_EQ(d.text, "\nOn Wednesday, A & B fell  <5%>.\n  ");
  ASSERT_TRUE(d.creation_time.has_value());
  EXPECT_EQ(dct_value(*d.creation_time), "1998-01-08");
  const auto timexes = d.elements("TIMEX3");
  ASSERT_EQ(timexes.size(), 1u);
  EXPECT_EQ(d.text.substr(timexes[0]->span->begin, timexes[0]->span->size()), "Wednesday");
  EXPECT_EQ(timexes[0]->attr("value"), "1998-01-07");
  const auto events = d.elements("EVENT");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(d.text.substr(events[0]->span->begin, events[0]->span->size()), "fell");
  ASSERT_EQ(d.links.size(), 2u);
  EXPECT_EQ(d.links[0].name, "MAKEINSTANCE");
  EXPECT_EQ(d.links[1].attr("relType"), "IS_INCLUDED");
}

TEST(TimemlRead, RejectsMalformedInput) {
  EXPECT_THROW(parse_timeml("<TimeML><TEXT>unclosed"), std::runtime_error);
  EXPECT_THROW(parse_timeml("<TimeML><DOCID>x</DOCID></TimeML>"), std::runtime_error);
  EXPECT_THROW(parse_timeml(std::string(100, '\0')), std::runtime_error);
}

TEST(TimemlWrite, RoundTripKeepsTextExactly) {
  const TimemlDocument in = parse_timeml(kDoc);
  std::vector<Annotation> annotations;
  for (const Element& e : in.spans) annotations.push_back({*e.span, e.name, e.attributes});
  WriteOptions options;
  options.docid = "X1 & <co>";
  options.creation_time = in.creation_time;
  options.links = in.links;
  const std::string xml = write_timeml(in.text, annotations, options);
  const TimemlDocument out = parse_timeml(xml);
  EXPECT_EQ(out.text, in.text);
  EXPECT_EQ(out.docid, "X1 & <co>");
  ASSERT_EQ(out.spans.size(), in.spans.size());
  for (std::size_t i = 0; i < in.spans.size(); ++i) {
    EXPECT_EQ(out.spans[i].span, in.spans[i].span);
    EXPECT_EQ(out.spans[i].attributes, in.spans[i].attributes);
  }
  EXPECT_EQ(out.links.size(), 2u);
  EXPECT_EQ(out.creation_time->day, in.creation_time->day);
}

TEST(TimemlWrite, EscapesAttributesAndDropsCrossingTags) {
  const std::string text = "a \"b\" c d";
  std::vector<Annotation> annotations = {
      {Span{0, 5}, "TIMEX3", {{"value", "x\"<&>"}}},
      {Span{2, 7}, "EVENT", {}},  // crosses the first
      {Span{8, 9}, "EVENT", {}},
  };
  const std::string xml = write_timeml(text, annotations, {});
  const TimemlDocument out = parse_timeml(xml);
  EXPECT_EQ(out.text, text);
  ASSERT_EQ(out.spans.size(), 2u);
  EXPECT_EQ(out.spans[0].attr("value"), "x\"<&>");
  EXPECT_EQ(out.spans[1].span, (Span{8, 9}));
}

TEST(TimemlScore, StrictRelaxedTypeValue) {
  TimemlDocument gold, sys;
  gold.text = sys.text = "on Friday and last week and in 1998 and now";
  auto timex = [](std::uint32_t b, std::uint32_t e, std::string type, std::string value) {
    Element el;
    el.name = "TIMEX3";
    el.span = Span{b, e};
    el.attributes = {{"type", std::move(type)}, {"value", std::move(value)}};
    return el;
  };
  gold.spans = {timex(3, 9, "DATE", "1998-01-09"), timex(14, 23, "DATE", "1998-W01"), timex(31, 35, "DATE", "1998")};
  Element dct = timex(0, 0, "DATE", "1998-01-10");
  dct.attributes.emplace_back("functionInDocument", "CREATION_TIME");
  gold.spans.push_back(dct);                           // never counted
  sys.spans = {timex(3, 9, "DATE", "1998-01-09"),      // exact
               timex(19, 23, "DATE", "1998-W02"),      // overlaps, wrong value
               timex(40, 43, "DATE", "PRESENT_REF")};  // spurious
  const TimexScores s = score_timexes(gold, sys);
  EXPECT_EQ(s.strict.gold, 3u);
  EXPECT_EQ(s.strict.system, 3u);
  EXPECT_EQ(s.strict.system_matched, 1u);
  EXPECT_EQ(s.relaxed.system_matched, 2u);
  EXPECT_EQ(s.relaxed.gold_matched, 2u);
  EXPECT_EQ(s.type.gold_matched, 2u);
  EXPECT_EQ(s.value.gold_matched, 1u);
  EXPECT_NEAR(s.relaxed.f1(), 2.0 / 3.0, 1e-9);
}

TEST(TimemlCorpus, GoldSpansMatchTheirText) {
  TEMPORA_REQUIRE_SHARED(shared);
  const auto file = shared / "data" / "tempeval3" / "TimeBank" / "ABC19980108.1830.0711.tml";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "TimeBank file not present";
  const TimemlDocument d = read_timeml(file);
  ASSERT_TRUE(d.creation_time.has_value());
  EXPECT_EQ(dct_value(*d.creation_time), "1998-01-08");
  const auto timexes = d.elements("TIMEX3");
  ASSERT_FALSE(timexes.empty());
  EXPECT_EQ(d.text.substr(timexes[0]->span->begin, timexes[0]->span->size()), "week");
  EXPECT_FALSE(d.elements("EVENT").empty());
  bool tlink = false;
  for (const Element& l : d.links) tlink = tlink || l.name == "TLINK";
  EXPECT_TRUE(tlink);
  // writing our own annotations back keeps the text
  const std::string xml = write_timeml(d.text, {}, {});
  EXPECT_EQ(parse_timeml(xml).text, d.text);
}

TEST(TimemlCli, AnnotateAndEvalTheCorpus) {
  TEMPORA_REQUIRE_SHARED(shared);
  const auto gold = shared / "data" / "tempeval3" / "TimeBank";
  const auto file = gold / "ABC19980108.1830.0711.tml";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "TimeBank file not present";
  const auto out = std::filesystem::temp_directory_path() / "tempora-time-cli-test";
  std::filesystem::remove_all(out);
  const std::string annotate = testing::cli_path() + " annotate " + file.string() + " -o " + out.string();
  ASSERT_EQ(std::system(annotate.c_str()), 0);
  const TimemlDocument sys = read_timeml(out / "ABC19980108.1830.0711.tml");
  const TimemlDocument g = read_timeml(file);
  EXPECT_EQ(sys.text, g.text);
  const TimexScores s = score_timexes(g, sys);
  EXPECT_GT(s.relaxed.gold_matched, s.relaxed.gold / 2);
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace tempora::timeml

namespace tempora::timeml {
namespace {

// The fuzz target's invariants on a deterministic sample of noisy texts:
// time words, markup characters, CR/LF, control bytes and invalid UTF-8.
TEST(TimemlProperty, TaggedTextRoundTripsExactly) {
  static const TimeTagger tagger = TimeTagger::load(testing::source_dir() / "resources" / "time");
  const std::string_view pieces[] = {"Friday",
                                     " ",
                                     "Oct. 17",
                                     ", 2025",
                                     " & ",
                                     "<b>",
                                     "\r\n",
                                     "\n",
                                     "two days ago",
                                     "\x01",
                                     "\xff\xfe",
                                     "last week",
                                     "\"q\"",
                                     "3 p.m.",
                                     "'90s",
                                     "-",
                                     "the third quarter",
                                     "\t",
                                     "\xe2\x80\x99s",
                                     "]]>",
                                     "every Monday"};
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 300; ++round) {
    std::string raw;
    const int count = static_cast<int>(next() % 40);
    for (int i = 0; i < count; ++i) raw += pieces[next() % std::size(pieces)];
    const Document doc(raw);
    const auto timexes = tagger.find(doc.text(), parse_dct("2025-10-22", "test"));
    std::uint32_t last_end = 0;
    for (const Timex& t : timexes) {
      ASSERT_LT(t.span.begin, t.span.end);
      ASSERT_LE(t.span.end, doc.text().size());
      ASSERT_GE(t.span.begin, last_end);
      ASSERT_FALSE(t.value.empty());
      last_end = t.span.end;
    }
    const std::string xml = write_timeml(doc.text(), timex_annotations(timexes), {});
    const TimemlDocument back = parse_timeml(xml);
    // XML cannot carry C0 controls other than tab, LF and CR: the writer puts
    // U+FFFD in their place (timeml.cpp), so the text read back is the input
    // with that replacement and offsets after one move by two bytes.
    std::string expected;
    std::vector<std::uint32_t> moved(doc.text().size() + 1, 0);  // input offset -> output offset
    for (std::size_t i = 0; i < doc.text().size(); ++i) {
      moved[i] = static_cast<std::uint32_t>(expected.size());
      const auto c = static_cast<unsigned char>(doc.text()[i]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        expected += "\xef\xbf\xbd";
      else
        expected += static_cast<char>(c);
    }
    moved[doc.text().size()] = static_cast<std::uint32_t>(expected.size());
    ASSERT_EQ(back.text, expected) << "round " << round;
    const auto spans = back.elements("TIMEX3");
    ASSERT_EQ(spans.size(), timexes.size());
    for (std::size_t i = 0; i < spans.size(); ++i)
      EXPECT_EQ(*spans[i]->span, (Span{moved[timexes[i].span.begin], moved[timexes[i].span.end]}));
  }
}

}  // namespace
}  // namespace tempora::timeml

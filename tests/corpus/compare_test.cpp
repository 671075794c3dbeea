// tempora compare on the three sample articles (samples/README.md): the
// planted disagreements must all be reported.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tempora/compare.hpp"
#include "tempora/event.hpp"
#include "tempora/graph.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/render.hpp"
#include "tempora/timex.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

const Pipeline& pipeline() {
  static const Pipeline p = Pipeline::load();
  return p;
}

// Meridian (DCT Sat 2026-03-14), Harbor Times (Fri 03-13), Civic Wire (Mon 03-16).
const std::vector<Document>& samples() {
  static const std::vector<Document> docs = [] {
    const auto dir = testing::source_dir() / "samples";
    std::vector<Document> d;
    d.push_back(read_document(dir / "meeting-meridian.txt", parse_dct("2026-03-14", "test")));
    d.push_back(read_document(dir / "meeting-harbor-times.txt", parse_dct("2026-03-13", "test")));
    d.push_back(read_document(dir / "meeting-civic-wire.txt", parse_dct("2026-03-16", "test")));
    for (Document& doc : d) pipeline().analyze(doc);
    return d;
  }();
  return docs;
}

const Comparison& sample_comparison() {
  static const Comparison c = compare(samples());
  return c;
}

constexpr std::size_t kMeridian = 0, kHarbor = 1, kCivic = 2;

bool has(const std::vector<std::size_t>& v, std::size_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool any_lemma(const AlignedEvent& e, std::initializer_list<std::string_view> lemmas) {
  for (const ReportedEvent& r : e.reports)
    for (const std::string& l : r.lemmas)
      for (const std::string_view want : lemmas)
        if (l == want) return true;
  return false;
}

#define REQUIRE_MODELS()                                                        \
  if (!pipeline().has_events() || !pipeline().has_parser())                   \
  GTEST_SKIP() << "event or parser model missing"

TEST(CompareSamples, ArticlesAreNamedByTheirIds) {
  REQUIRE_MODELS();
  const Comparison& c = sample_comparison();
  EXPECT_EQ(c.articles, (std::vector<std::string>{"meeting-meridian", "meeting-harbor-times", "meeting-civic-wire"}));
}

TEST(CompareSamples, PlantedDateDisagreementCivicWireDatesTheMeetingADayLater) {
  REQUIRE_MODELS();
  const Comparison& c = sample_comparison();
  bool found = false;
  for (const DateDisagreement& d : c.date_disagreements) {
    const AlignedEvent& e = c.events[d.event];
    if (!any_lemma(e, {"meet", "talk", "talks", "meeting"})) continue;
    // "Mar 12 (2026)", or "(Mar 12, 2026)" when the day was inferred from a weekday.
    const auto says = [&](std::string_view day) {
      return std::find_if(d.claims.begin(), d.claims.end(),
                          [&](const auto& cl) { return cl.date.find(day) != std::string::npos; });
    };
    const auto twelve = says("Mar 12"), thirteen = says("Mar 13");
    if (twelve == d.claims.end() || thirteen == d.claims.end()) continue;
    if (has(thirteen->articles, kCivic) && !has(twelve->articles, kCivic) &&
        (has(twelve->articles, kMeridian) || has(twelve->articles, kHarbor)))
      found = true;
  }
  EXPECT_TRUE(found) << to_text(c);
}

// Meridian dates the post (Thursday evening) and, through "gave an
// interview" on "Friday morning", pins the interview to Friday; Harbor Times
// tells the interview ("hours after the press conference") and then the post
// "the next day". (Civic Wire's "Later that night" is anchored by the time
// stage on the last date it told, the March 5 strike, so its interview sides
// with Harbor Times for now; the test asks for Meridian or Civic Wire.)
TEST(CompareSamples, PlantedOrderDisagreementHarborTimesPutsTheInterviewBeforeThePost) {
  REQUIRE_MODELS();
  const Comparison& c = sample_comparison();
  bool found = false;
  for (const OrderDisagreement& d : c.order_disagreements) {
    const AlignedEvent& x = c.events[d.first];
    const AlignedEvent& y = c.events[d.second];
    const bool x_interview = x.type == "INTERVIEW", y_interview = y.type == "INTERVIEW";
    const bool x_post = x.type == "PUBLISH", y_post = y.type == "PUBLISH";
    // Interview before post in Harbor Times, post before interview elsewhere.
    if (x_post && y_interview)
      found = found || (has(d.second_before_first, kHarbor) &&
                        (has(d.first_before_second, kMeridian) || has(d.first_before_second, kCivic)));
    if (x_interview && y_post)
      found = found || (has(d.first_before_second, kHarbor) &&
                        (has(d.second_before_first, kMeridian) || has(d.second_before_first, kCivic)));
  }
  EXPECT_TRUE(found) << to_text(c);
  ASSERT_TRUE(c.agreement.has_value());
  EXPECT_LT(*c.agreement, 1.0);
  EXPECT_GE(*c.agreement, -1.0);
  EXPECT_GE(c.discordant, 1u);
}

TEST(CompareSamples, NoAlignedEventHasTwoReportsOfOneArticle) {
  REQUIRE_MODELS();
  const Comparison& c = sample_comparison();
  for (const AlignedEvent& e : c.events)
    for (std::size_t i = 0; i < e.reports.size(); ++i)
      for (std::size_t j = i + 1; j < e.reports.size(); ++j)
        EXPECT_NE(e.reports[i].article, e.reports[j].article) << e.id << " " << to_text(c);
}

TEST(CompareSamples, PlantedSingleSourceEventThePlantTourIsOnlyInMeridian) {
  REQUIRE_MODELS();
  const Comparison& c = sample_comparison();
  bool found = false;
  for (const std::size_t ev : c.partial) {
    const AlignedEvent& e = c.events[ev];
    if (any_lemma(e, {"tour"}) && e.reports.size() == 1 && e.reports[0].article == kMeridian) found = true;
  }
  EXPECT_TRUE(found) << to_text(c);
}

TEST(CompareSamples, SharedEventsIncludeTheRequestThePressConferenceAndTheInterview) {
  REQUIRE_MODELS();
  const Comparison& c = sample_comparison();
  std::vector<std::string> shared_types;
  for (const std::size_t ev : c.shared) shared_types.push_back(c.events[ev].type);
  const auto shared = [&](std::string_view t) {
    return std::find(shared_types.begin(), shared_types.end(), t) != shared_types.end();
  };
  EXPECT_TRUE(shared("INTERVIEW")) << to_text(c);
  EXPECT_TRUE(shared("PUBLISH")) << to_text(c);
  EXPECT_TRUE(shared("MEET") || shared("TALK")) << to_text(c);
  EXPECT_GE(c.shared.size(), 4u) << to_text(c);
  for (const std::size_t ev : c.shared) EXPECT_EQ(c.events[ev].reports.size(), 3u);
}

TEST(CompareSamples, JsonTextAndDrawingsSayTheSame) {
  REQUIRE_MODELS();
  const Comparison& c = sample_comparison();
  const auto j = nlohmann::json::parse(to_json(c));
  EXPECT_EQ(j["schema"], "tempora-compare/1");
  EXPECT_EQ(j["events"].size(), c.events.size());
  EXPECT_EQ(j["date_disagreements"].size(), c.date_disagreements.size());
  EXPECT_EQ(j["order_disagreements"].size(), c.order_disagreements.size());
  const std::string text = to_text(c);
  EXPECT_NE(text.find("Date disagreements"), std::string::npos);
  EXPECT_NE(text.find("Kendall's tau"), std::string::npos);
  const std::string dot = compare_dot(c);
  EXPECT_NE(dot.find("#d62728"), std::string::npos);  // disputes drawn red
  const std::string svg = render_dot(dot, OutputFormat::svg);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  // Every aligned event of the merged timeline names its sources.
  const TimelineGraph g = merged_timeline(c);
  EXPECT_EQ(g.events().size(), c.events.size());
  for (const auto v : g.events()) EXPECT_NE(g[v].event()->label.find("[meeting-"), std::string::npos);
  // Its actors keep the articles' names, types and roles.
  bool marek = false, agent = false;
  for (const auto v : g.actors())
    marek = marek || (g[v].actor()->name == "Lidia Marek" && g[v].actor()->type == ActorType::PERSON);
  for (const auto v : g.events())
    for (const auto& [a, role] : g.participants(v)) agent = agent || role == Role::agent;
  EXPECT_TRUE(marek);
  EXPECT_TRUE(agent);
}

// Two wire stories of one meeting: "met" in one, "held talks" and "after
// the meeting" in the other are one event; Xi Jinping and Lee Jae-myung are
// the same people in both (family name first); the visit is two days before
// the Monday meeting in one article (a counted date) and on Friday in the other.
TEST(CompareEdgeCases, HeldTalksAndMetAreOneMeetingAndCountedDatesDisagree) {
  REQUIRE_MODELS();
  const auto dct = parse_dct("2026-03-04", "test");
  std::vector<Document> docs;
  docs.emplace_back(
      "Chinese President Xi Jinping met South Korean President Lee Jae-myung in Beijing on Monday, two days "
      "after Chinese Premier Li Qiang visited Seoul. Xi told Lee that the two countries should deepen trade ties.",
      DocumentInfo{.id = "wire", .creation_time = dct});
  docs.emplace_back(
      "South Korean President Lee Jae-myung held talks with Chinese leader Xi Jinping in Beijing on Monday. "
      "Li Qiang, China's premier, had visited Seoul on Friday. Lee said after the meeting that the talks were "
      "productive.",
      DocumentInfo{.id = "daily", .creation_time = dct});
  for (Document& doc : docs) pipeline().analyze(doc);
  const Comparison c = compare(docs);
  ASSERT_EQ(c.events.size(), 2u) << to_text(c);
  EXPECT_EQ(c.shared.size(), 2u) << to_text(c);
  ASSERT_EQ(c.date_disagreements.size(), 1u) << to_text(c);
  EXPECT_TRUE(any_lemma(c.events[c.date_disagreements[0].event], {"visit"})) << to_text(c);
}

// An article that tells the arrival last, as background, disputes no
// order; and a meeting "later in the day" with someone else is another
// meeting, not a repeated mention of the first.
TEST(CompareEdgeCases, BackgroundToldLastDisputesNothingAndALaterMeetingIsAnother) {
  REQUIRE_MODELS();
  const auto dct = parse_dct("2024-04-16", "test");
  std::vector<Document> docs;
  docs.emplace_back(
      "Olaf Scholz arrived in Chongqing on Sunday. Scholz met Xi Jinping in Beijing on Tuesday.",
      DocumentInfo{.id = "dated", .creation_time = dct});
  docs.emplace_back(
      "Xi Jinping told Olaf Scholz on Tuesday that the two countries were partners. Xi and Scholz met in Beijing. "
      "Scholz also met Premier Li Qiang later in the day. Scholz arrived in Chongqing on Sunday.",
      DocumentInfo{.id = "told", .creation_time = dct});
  for (Document& doc : docs) pipeline().analyze(doc);
  const Comparison c = compare(docs);
  EXPECT_TRUE(c.order_disagreements.empty()) << to_text(c);
  const bool li_apart = std::any_of(c.events.begin(), c.events.end(), [](const AlignedEvent& e) {
    return std::any_of(e.reports.begin(), e.reports.end(), [](const ReportedEvent& r) {
      const auto& p = r.participants;
      return std::find(p.begin(), p.end(), "li") != p.end() && std::find(p.begin(), p.end(), "xi") == p.end();
    });
  });
  EXPECT_TRUE(li_apart) << to_text(c);
}

// A report keeps the participants of every mention merged into it, not
// only of the first ("met reporters ... met Anders Holm": one report here).
TEST(CompareEdgeCases, AReportKeepsTheParticipantsOfEveryMention) {
  REQUIRE_MODELS();
  const auto dct = parse_dct("2026-03-14", "test");
  std::vector<Document> docs;
  docs.emplace_back("Lidia Marek met reporters in Vestholm on Friday. Marek met Anders Holm in Vestholm on Friday too.",
                    DocumentInfo{.id = "one", .creation_time = dct});
  docs.emplace_back("Lidia Marek and Anders Holm held talks in Vestholm on Friday.",
                    DocumentInfo{.id = "two", .creation_time = dct});
  for (Document& doc : docs) pipeline().analyze(doc);
  const Comparison c = compare(docs);
  // every participant key of a report has its name, type and role there
  for (const AlignedEvent& e : c.events)
    for (const ReportedEvent& r : e.reports)
      for (const std::string& key : r.participants)
        EXPECT_TRUE(std::any_of(r.who.begin(), r.who.end(), [&](const ReportedParticipant& p) { return p.key == key; }))
            << key << " in " << r.label;
}

// One timeline of two articles shows the meeting both report once, with
// the mentions of both.
TEST(CombinedTimeline, AnEventTwoArticlesReportIsPlacedOnce) {
  REQUIRE_MODELS();
  const auto dct = parse_dct("2024-04-16", "test");
  std::vector<Document> docs;
  docs.emplace_back("German Chancellor Olaf Scholz met Chinese President Xi Jinping in Beijing on Tuesday.",
                    DocumentInfo{.id = "reuters", .creation_time = dct});
  docs.emplace_back("Xi Jinping and Olaf Scholz met at a state guesthouse in Beijing on Tuesday.",
                    DocumentInfo{.id = "ap", .creation_time = dct});
  for (Document& doc : docs) pipeline().analyze(doc);
  const TimelineGraph g = combined_timeline(docs);
  const Placement p = place(g, TimelineFilter{});
  std::size_t meetings = 0;
  for (const auto& e : p.events)
    if (g[e.event].event()->type == "MEET") {
      ++meetings;
      std::set<std::string> sources;
      for (const auto v : e.mentions)
        for (const std::string& d : g[v].event()->documents) sources.insert(d);
      EXPECT_EQ(sources.size(), 2u) << to_text(g, p);
    }
  EXPECT_EQ(meetings, 1u) << to_text(g, p);
}

// "said in a statement" is a publication by the speaker; "according to a
// statement" attributes without anyone acting, and stays a hidden report.
TEST(CompareEdgeCases, APublicationNeedsAPublisher) {
  REQUIRE_MODELS();
  const auto dct = parse_dct("2025-07-11", "test");
  std::vector<Document> docs;
  docs.emplace_back(
      "Wang Yi urged Washington to lift its tariffs, according to a statement from the Chinese foreign ministry.",
      DocumentInfo{.id = "a", .creation_time = dct});
  docs.emplace_back("Marco Rubio said in a statement that the talks had been positive.",
                    DocumentInfo{.id = "b", .creation_time = dct});
  for (Document& doc : docs) pipeline().analyze(doc);
  const Comparison c = compare(docs);
  EXPECT_FALSE(std::any_of(c.events.begin(), c.events.end(), [](const AlignedEvent& e) { return any_lemma(e, {"accord"}); }))
      << to_text(c);
  EXPECT_TRUE(std::any_of(c.events.begin(), c.events.end(), [](const AlignedEvent& e) {
    return any_lemma(e, {"say"}) && e.reports.front().type == "PUBLISH";
  })) << to_text(c);
}

TEST(CompareEdgeCases, EmptyAndEventlessArticlesCompareToNothing) {
  std::vector<Document> docs;
  docs.emplace_back(std::string{});
  docs.emplace_back(std::string("\xff\xfe binary \x01\x02"));
  docs.emplace_back(std::string("No dates here."));
  for (Document& d : docs) pipeline().analyze(d);
  const Comparison c = compare(docs);
  EXPECT_EQ(c.articles.size(), 3u);
  EXPECT_EQ(c.articles[0], "article1");
  EXPECT_TRUE(c.date_disagreements.empty());
  EXPECT_TRUE(c.order_disagreements.empty());
  EXPECT_FALSE(c.agreement.has_value());
  EXPECT_NO_THROW(render_dot(compare_dot(c), OutputFormat::svg));
  EXPECT_NO_THROW(compare(std::vector<Document>{}));
}

TEST(CompareCli, ComparesTheSamplesEndToEnd) {
  REQUIRE_MODELS();
  const auto dir = testing::source_dir() / "samples";
  const auto out = std::filesystem::temp_directory_path() / "tempora-compare-test.json";
  const std::string cmd = testing::cli_path() + " compare " + (dir / "meeting-meridian.txt").string() + " " +
                          (dir / "meeting-harbor-times.txt").string() + " " + (dir / "meeting-civic-wire.txt").string() +
                          " --dct 2026-03-14,2026-03-13,2026-03-16 -o " + out.string() + " 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream in(out);
  const auto j = nlohmann::json::parse(in);
  EXPECT_FALSE(j["date_disagreements"].empty());
  EXPECT_FALSE(j["order_disagreements"].empty());
  const std::string bad = testing::cli_path() + " compare " + (dir / "meeting-meridian.txt").string() +
                          " --dct 2026-03-14 2>/dev/null >/dev/null";
  EXPECT_NE(std::system(bad.c_str()), 0);  // one article: nothing to compare
}

}  // namespace
}  // namespace tempora

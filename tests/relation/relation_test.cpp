// The relation stage on real text: signals, event-anchored references,
// reported speech, tense, dates and the bounds they pass along, conflicts,
// and the seed article.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <date/date.h>
#include <gtest/gtest.h>

#include "tempora/event.hpp"
#include "tempora/pos.hpp"
#include "tempora/relation.hpp"
#include "tempora/segment.hpp"
#include "tempora/timex.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

using namespace std::chrono;

sys_seconds midnight(int y, unsigned m, unsigned d) {
  return sys_seconds{date::sys_days{date::year{y} / date::month{m} / date::day{d}}};
}

struct Pipeline {
  Segmenter segmenter = Segmenter::load();
  PosTagger pos = PosTagger::load();
  TimeTagger time = TimeTagger::load();
  RelationExtractor relation = RelationExtractor::load();
};
const Pipeline& pipeline() {
  static const Pipeline p;
  return p;
}

// Runs the pipeline with the given event words as mentions: "met" or
// "meeting#2" (the second occurrence), ids e1, e2, ... in list order.
std::unique_ptr<Document> run(const std::string& text, const std::vector<std::string>& words,
                              const char* dct = "2025-10-20") {
  DocumentInfo info;
  if (dct) info.creation_time = parse_dct(dct, "test");
  auto doc = std::make_unique<Document>(text, info);
  pipeline().segmenter.segment(*doc);
  pipeline().pos.tag(*doc);
  pipeline().time.tag(*doc);
  std::vector<EventInput> events;
  for (const std::string& spec : words) {
    std::string word = spec;
    int occurrence = 1;
    if (const auto hash = spec.find('#'); hash != std::string::npos) {
      word = spec.substr(0, hash);
      occurrence = std::stoi(spec.substr(hash + 1));
    }
    std::size_t at = std::string::npos, from = 0;
    for (int k = 0; k < occurrence; ++k) {
      at = text.find(word, from);
      from = at + 1;
    }
    EXPECT_NE(at, std::string::npos) << word;
    EventInput in;
    in.id = "e" + std::to_string(events.size() + 1);
    in.span = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + word.size())};
    events.push_back(in);
  }
  pipeline().relation.link(*doc, events);
  return doc;
}

std::string dump(const TemporalLinks& links) {
  std::ostringstream out;
  for (const auto& l : links.links)
    out << l.a << " " << to_string(l.type) << " " << l.b << " (" << l.evidence << ", " << l.confidence << ")\n";
  for (const auto& d : links.diagnostics) out << "! " << d << "\n";
  return out.str();
}

TEST(Signals, AfterAndBeforeOrderTheGovernedEvent) {
  auto doc = run("He resigned after the vote. She left before the speech began.", {"resigned", "vote", "left", "speech"});
  const auto& links = doc->get<TemporalLinks>();
  EXPECT_EQ(links.start_order("e1", "e2"), StartOrder::after) << dump(links);
  EXPECT_EQ(links.rel_type("e1", "e2"), RelType::after) << dump(links);
  EXPECT_EQ(links.rel_type("e3", "e4"), RelType::before) << dump(links);
  bool saw_signal = false;
  for (const auto& l : links.links)
    if (l.evidence == "signal 'after'" && l.signal) saw_signal = doc->text(*l.signal) == "after";
  EXPECT_TRUE(saw_signal) << dump(links);
}

TEST(Signals, SentenceInitialSignalAttachesToTheMainClause) {
  auto doc = run("After the talks ended, the ministers signed the deal.", {"talks", "ended", "signed"});
  const auto& links = doc->get<TemporalLinks>();
  EXPECT_EQ(links.start_order("e3", "e1"), StartOrder::after) << dump(links);
}

TEST(Signals, ThenOrdersAgainstThePreviousEvent) {
  auto doc = run("The army shelled the town. Then the rebels withdrew.", {"shelled", "withdrew"});
  EXPECT_EQ(doc->get<TemporalLinks>().rel_type("e2", "e1"), RelType::after) << dump(doc->get<TemporalLinks>());
}

TEST(Anchors, AnUnstatedEventBecomesAnImplicitNode) {
  auto doc = run("Prices rose sharply after the election.", {"rose"});
  const auto& links = doc->get<TemporalLinks>();
  ASSERT_EQ(links.implicit_events.size(), 1u) << dump(links);
  EXPECT_EQ(links.implicit_events[0].head, "election");
  EXPECT_EQ(doc->text(links.implicit_events[0].phrase), "the election");
  EXPECT_EQ(links.rel_type("e1", links.implicit_events[0].id), RelType::after) << dump(links);
}

TEST(Anchors, AReferenceToAnEarlierEventInheritsItsDate) {
  auto doc = run("The two leaders met on October 17 in Washington. After the meeting, Trump posted a message.",
                 {"met", "posted"});
  const auto& links = doc->get<TemporalLinks>();
  EXPECT_TRUE(links.implicit_events.empty()) << dump(links);  // "the meeting" is the meeting "met" told
  EXPECT_EQ(links.start_order("e2", "e1"), StartOrder::after) << dump(links);
  const NodeBounds met = links.bounds("e1");
  EXPECT_EQ(met.earliest_start, midnight(2025, 10, 17)) << dump(links);
  EXPECT_EQ(met.latest_end, midnight(2025, 10, 18)) << dump(links);
  // "on or after 2025-10-17"; past tense: before the DCT's day ends.
  const NodeBounds posted = links.bounds("e2");
  EXPECT_EQ(posted.earliest_start, midnight(2025, 10, 17)) << dump(links);
  ASSERT_TRUE(posted.latest_end) << dump(links);
  EXPECT_LE(*posted.latest_end, midnight(2025, 10, 21));
}

TEST(CountedDates, TheUndatedEventGetsTheDayTheCountReaches) {
  // Monday 2026-03-02 (DCT Wednesday 2026-03-04); the visit two days before.
  auto doc = run("Xi met Lee in Beijing on Monday, two days after Li visited Seoul.", {"met", "visited"}, "2026-03-04");
  const auto& links = doc->get<TemporalLinks>();
  ASSERT_EQ(links.derived_times.size(), 1u) << dump(links);
  const DerivedTime& d = links.derived_times[0];
  EXPECT_EQ(d.value, "2026-02-28");
  EXPECT_EQ(d.from, "e1");
  EXPECT_EQ(doc->text(d.phrase), "two days after");
  EXPECT_EQ(links.rel_type("e2", d.id), RelType::is_included) << dump(links);
  EXPECT_EQ(links.bounds("e2").earliest_start, midnight(2026, 2, 28)) << dump(links);
  EXPECT_EQ(links.bounds("e2").latest_end, midnight(2026, 3, 1)) << dump(links);
}

TEST(CountedDates, AnEventNamedAgainCountsFromItsDate) {
  auto doc = run("The two leaders met on October 17 in Washington. A day after the meeting, Trump posted a message.",
                 {"met", "posted"});
  const auto& links = doc->get<TemporalLinks>();
  EXPECT_EQ(links.bounds("e2").earliest_start, midnight(2025, 10, 18)) << dump(links);
  EXPECT_EQ(links.bounds("e2").latest_end, midnight(2025, 10, 19)) << dump(links);
}

TEST(CountedDates, CountingForwardFromADatedEvent) {
  auto doc = run("The ministers met on March 3. A week before the meeting, the union had called a strike. "
                 "Two months after the strike, the factory closed.",
                 {"met", "called", "strike#2", "closed"}, "2026-06-10");
  const auto& links = doc->get<TemporalLinks>();
  // "a week before the meeting": February 24; the strike named again is
  // the called one only through the relation stage's own rules, so only
  // the first count is asked for.
  ASSERT_FALSE(links.derived_times.empty()) << dump(links);
  EXPECT_EQ(links.derived_times[0].value, "2026-02-24") << dump(links);
  EXPECT_EQ(links.rel_type("e2", links.derived_times[0].id), RelType::is_included) << dump(links);
}

TEST(CountedDates, NothingWhenNeitherOrBothAreDated) {
  auto neither = run("Li visited Seoul two days after the talks ended.", {"visited", "ended"}, "2026-03-04");
  EXPECT_TRUE(neither->get<TemporalLinks>().derived_times.empty()) << dump(neither->get<TemporalLinks>());
  auto both = run("On March 2 Xi met Lee, two days after Li visited Seoul on February 28.", {"met", "visited"},
                  "2026-03-04");
  EXPECT_TRUE(both->get<TemporalLinks>().derived_times.empty()) << dump(both->get<TemporalLinks>());
  // A vague count orders without dating: "days after".
  auto vague = run("Xi met Lee on Monday, days after Li visited Seoul.", {"met", "visited"}, "2026-03-04");
  EXPECT_TRUE(vague->get<TemporalLinks>().derived_times.empty()) << dump(vague->get<TemporalLinks>());
  EXPECT_EQ(vague->get<TemporalLinks>().start_order("e1", "e2"), StartOrder::after);
  auto about = run("Xi met Lee on Monday, about two weeks after Li visited Seoul.", {"met", "visited"}, "2026-03-04");
  EXPECT_TRUE(about->get<TemporalLinks>().derived_times.empty()) << dump(about->get<TemporalLinks>());
}

TEST(Anchors, AWhenClauseHappensAtTheTimeItModifies) {
  // "since last week" dates nothing about the growing; the striking was last week.
  auto doc = run("Pressure on the city has grown since last week, when drones struck a power station.",
                 {"grown", "struck"});
  const auto& links = doc->get<TemporalLinks>();
  EXPECT_EQ(links.rel_type("e2", "t1"), RelType::is_included) << dump(links);
  EXPECT_NE(links.rel_type("e1", "t1"), RelType::is_included) << dump(links);
}

TEST(ReportedSpeech, TheSayingFollowsThePastAndPrecedesTheFuture) {
  auto doc = run("Officials said the bridge collapsed and that it will reopen in May.", {"said", "collapsed", "reopen"});
  const auto& links = doc->get<TemporalLinks>();
  EXPECT_EQ(links.start_order("e1", "e2"), StartOrder::after) << dump(links);
  EXPECT_EQ(links.start_order("e1", "e3"), StartOrder::before) << dump(links);
  EXPECT_EQ(links.start_order("e2", "e3"), StartOrder::before) << dump(links);
}

TEST(ReportedSpeech, AnEventDatedAfterTheDctIsAnnouncedNotReported) {
  // "to visit ... next week" is no past the saying follows, in its own
  // sentence or the one after.
  auto doc = run("Zelensky said he had asked allies for missiles on Tuesday. "
                 "Merz is expected to visit Kyiv next week, officials said.",
                 {"said", "asked", "expected", "visit", "said#2"}, "2025-06-05");
  const auto& links = doc->get<TemporalLinks>();
  EXPECT_EQ(links.start_order("e1", "e4"), StartOrder::before) << dump(links);
  EXPECT_EQ(links.start_order("e5", "e4"), StartOrder::before) << dump(links);
  const auto said = links.bounds("e1");
  EXPECT_FALSE(said.earliest_start && *said.earliest_start >= midnight(2025, 6, 9)) << dump(links);
}

TEST(Tense, FutureAndPastAgainstTheDct) {
  auto doc = run("The committee will vote on the plan. It had rejected a draft.", {"vote", "rejected"});
  const auto& links = doc->get<TemporalLinks>();
  EXPECT_EQ(links.rel_type("e1", "t0"), RelType::after) << dump(links);
  EXPECT_EQ(links.rel_type("e2", "t0"), RelType::before) << dump(links);
  EXPECT_EQ(links.start_order("e2", "e1"), StartOrder::before) << dump(links);
  EXPECT_EQ(links.bounds("e1").earliest_start, midnight(2025, 10, 21)) << dump(links);
}

TEST(Tense, AHeadlinesPresentTellsPastNews) {
  auto doc = run("Norvik Motors launches electric truck\n\nThe company said demand was strong.", {"launches"});
  const auto& links = doc->get<TemporalLinks>();
  EXPECT_EQ(links.rel_type("e1", "t0"), RelType::before) << dump(links);
  // The same words in the body are the present; so is a headline's state.
  auto body = run("Markets are calm. Norvik Motors launches electric trucks every year.", {"launches"});
  EXPECT_EQ(body->get<TemporalLinks>().rel_type("e1", "t0"), RelType::includes) << dump(body->get<TemporalLinks>());
  auto plans = run("Norvik Motors plans electric truck\n\nThe company said demand was strong.", {"plans"});
  EXPECT_NE(plans->get<TemporalLinks>().rel_type("e1", "t0"), RelType::before) << dump(plans->get<TemporalLinks>());
}

TEST(Anchors, TheEndsOfAStretchDateNoEvent) {
  // A lifespan is no date of the displaying; a single year is.
  for (const char* text : {"The homepage displays a photograph and the text Steve Jobs 1955-2011.",
                           "The homepage displays a photograph and the text Steve Jobs 1955 - 2011."}) {
    auto doc = run(text, {"displays"}, "2011-10-06");
    const auto& links = doc->get<TemporalLinks>();
    for (const auto& l : links.links) EXPECT_FALSE(l.a == "e1" && l.b.starts_with("t") && l.b != "t0") << dump(links);
  }
  auto single = run("The company displayed the photograph in 2005.", {"displayed"}, "2011-10-06");
  EXPECT_EQ(single->get<TemporalLinks>().rel_type("e1", "t1"), RelType::is_included)
      << dump(single->get<TemporalLinks>());
}

TEST(Tense, ASimplePastIsNotInsideATimeAfterTheDct) {
  auto doc = run("The two leaders discussed the anniversary of diplomatic ties next year. They will meet next year.",
                 {"discussed", "meet"});
  const auto& links = doc->get<TemporalLinks>();
  for (const auto& l : links.links)
    EXPECT_FALSE(l.a == "e1" && l.b.starts_with("t") && l.b != "t0") << dump(links);
  EXPECT_EQ(links.rel_type("e2", "t2"), RelType::is_included) << dump(links);
}

// A story that steps back to a date before one it named earlier does not
// put the undated events told before it earlier still.
TEST(NarrativeOrder, ADateTheStoryStepsBackToIsBackground) {
  // DCT a Tuesday
  auto doc = run("Xi told Scholz on Tuesday that they should be partners. Xi and Scholz met in Beijing. "
                 "Scholz also met Li. Scholz arrived in Chongqing on Sunday.",
                 {"told", "met", "met#2", "arrived"}, "2024-04-16");
  const auto& links = doc->get<TemporalLinks>();
  const auto li = links.bounds("e3");
  EXPECT_FALSE(li.latest_start && *li.latest_start <= midnight(2024, 4, 15)) << dump(links);
  // told in order, a later date keeps narrative order
  auto forward = run("Scholz arrived in Chongqing on Sunday. He visited a plant. He met Xi on Tuesday.",
                     {"arrived", "visited", "met"}, "2024-04-16");
  EXPECT_EQ(forward->get<TemporalLinks>().start_order("e2", "e3"), StartOrder::before)
      << dump(forward->get<TemporalLinks>());
}

TEST(Conflicts, DatesOverruleAWeakerLinkAndTheDropIsReported) {
  // "after the meeting" (a signal) is stronger than either date, so the second date loses.
  auto doc = run("The leaders met on Friday. He arrived on Thursday after the meeting.", {"met", "arrived"});
  const auto& links = doc->get<TemporalLinks>();
  ASSERT_FALSE(links.diagnostics.empty()) << dump(links);
  EXPECT_NE(links.diagnostics[0].find("dropped e2 IS_INCLUDED t2"), std::string::npos) << dump(links);
  EXPECT_NE(links.diagnostics[0].find("signal 'after'"), std::string::npos) << dump(links);
  EXPECT_NE(links.diagnostics[0].find("calendar"), std::string::npos) << dump(links);
  bool reported = false;
  for (const Diagnostic& d : doc->diagnostics()) reported = reported || d.stage == "relation";
  EXPECT_TRUE(reported);
  EXPECT_EQ(links.start_order("e2", "e1"), StartOrder::after) << dump(links);
}

TEST(Robustness, EmptyAndEventlessDocumentsAndNoDct) {
  auto empty = run("", {});
  EXPECT_TRUE(empty->get<TemporalLinks>().links.empty());
  auto none = run("Nothing to see here.", {}, nullptr);
  EXPECT_EQ(none->get<TemporalLinks>().node("t0"), TemporalGraph::npos);
  EXPECT_EQ(none->get<TemporalLinks>().start_order("e1", "e2"), StartOrder::vague);
  // An event span outside the text is ignored, not a crash.
  Document doc("He left.");
  pipeline().segmenter.segment(doc);
  pipeline().pos.tag(doc);
  EventInput bad;
  bad.id = "e1";
  bad.span = {100, 120};
  const auto& links = pipeline().relation.link(doc, {bad});
  EXPECT_EQ(links.node("e1"), TemporalGraph::npos);
}

// Many events: the work stays bounded and the closure completes.
TEST(Robustness, ALongStoryClosesWithoutHittingTheCap) {
  std::string text;
  std::vector<std::string> words;
  for (int i = 1; i <= 150; ++i) {
    text += "The council voted" + std::to_string(i) + " and then adjourned" + std::to_string(i) + ". ";
    words.push_back("voted" + std::to_string(i) + " ");
    words.push_back("adjourned" + std::to_string(i) + ".");
  }
  auto doc = run(text, words);
  const auto& links = doc->get<TemporalLinks>();
  EXPECT_FALSE(links.graph.cap_reached());
  EXPECT_EQ(links.graph.nodes().size(), 301u);
}

TEST(SeedArticle, PostedAfterTheMeetingOnOctober17) {
  TEMPORA_REQUIRE_SHARED(shared);
  std::ifstream in(shared / "seeds" / "zelensky-trump-nbc.txt", std::ios::binary);
  ASSERT_TRUE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  // The mentions an event tagger finds in the two sentences that matter, plus the opening one.
  auto doc = run(text, {"spoke", "meeting#1", "visit", "held", "meeting#2", "meeting#3", "posted", "urging", "begin"});
  const auto& links = doc->get<TemporalLinks>();
  // e5 is the meeting held "on October 17"; e7 is "posted".
  EXPECT_EQ(links.start_order("e7", "e5"), StartOrder::after) << dump(links);
  EXPECT_EQ(links.rel_type("e7", "e5"), RelType::after) << dump(links);
  const NodeBounds meeting = links.bounds("e5");
  EXPECT_EQ(meeting.earliest_start, midnight(2025, 10, 17)) << dump(links);
  EXPECT_EQ(meeting.latest_end, midnight(2025, 10, 18)) << dump(links);
  EXPECT_EQ(links.bounds("e7").earliest_start, midnight(2025, 10, 17)) << dump(links);
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

// The whole pipeline from raw text, with the trained event tagger's mentions.
TEST(SeedArticle, FromRawTextWithTheEventTagger) {
  TEMPORA_REQUIRE_SHARED(shared);
  if (!EventTagger::available()) GTEST_SKIP() << "event model not installed";
  std::ifstream in(shared / "seeds" / "zelensky-trump-nbc.txt", std::ios::binary);
  ASSERT_TRUE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  DocumentInfo info;
  info.creation_time = parse_dct("2025-10-20", "test");
  Document doc(buffer.str(), info);
  pipeline().segmenter.segment(doc);
  pipeline().pos.tag(doc);
  pipeline().time.tag(doc);
  static const EventTagger tagger = EventTagger::load();
  const Events& events = tagger.tag(doc);
  const TemporalLinks& links = pipeline().relation.link(doc);
  // The mention of "meeting" inside "held a closed-door meeting at the White House on October 17", and "posted".
  const std::size_t held_at = doc.text().find("closed-door meeting") + std::string_view("closed-door ").size();
  const std::size_t posted_at = doc.text().find("posted");
  std::string meeting, posted;
  for (const EventMention& m : events.events) {
    if (m.span.begin == held_at) meeting = m.id;
    if (m.span.begin == posted_at) posted = m.id;
  }
  ASSERT_FALSE(meeting.empty());
  ASSERT_FALSE(posted.empty());
  EXPECT_EQ(links.start_order(posted, meeting), StartOrder::after) << dump(links);
  EXPECT_EQ(links.bounds(meeting).earliest_start, midnight(2025, 10, 17)) << dump(links);
  EXPECT_EQ(links.bounds(meeting).latest_end, midnight(2025, 10, 18)) << dump(links);
  EXPECT_EQ(links.bounds(posted).earliest_start, midnight(2025, 10, 17)) << dump(links);
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

std::unique_ptr<Document> tagged_sample(const std::string& name, const char* dct) {
  std::ifstream in(testing::source_dir() / "samples" / name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  DocumentInfo info;
  info.creation_time = parse_dct(dct, "test");
  auto doc = std::make_unique<Document>(buffer.str(), info);
  pipeline().segmenter.segment(*doc);
  pipeline().pos.tag(*doc);
  pipeline().time.tag(*doc);
  static const EventTagger tagger = EventTagger::load();
  tagger.tag(*doc);
  pipeline().relation.link(*doc);
  return doc;
}

// The id of the event mention at the n-th occurrence of `word`.
std::string event_at(const Document& doc, std::string_view word, int occurrence = 1) {
  std::size_t at = std::string::npos, from = 0;
  for (int k = 0; k < occurrence; ++k) {
    at = doc.text().find(word, from);
    if (at == std::string::npos) return "";
    from = at + 1;
  }
  for (const EventMention& m : doc.get<Events>().events)
    if (m.span.begin == at) return m.id;
  return "";
}

// The leaders' meeting: the follow-ups (the post, the interview, the plant tour) come after the meeting.
TEST(Samples, FollowUpsComeAfterTheMeeting) {
  if (!EventTagger::available()) GTEST_SKIP() << "event model not installed";
  auto doc = tagged_sample("meeting-meridian.txt", "2026-03-14");
  const auto& links = doc->get<TemporalLinks>();
  const std::string met = event_at(*doc, "met"), wrote = event_at(*doc, "wrote"), gave = event_at(*doc, "gave"),
                    toured = event_at(*doc, "toured");
  ASSERT_FALSE(met.empty() || wrote.empty() || gave.empty() || toured.empty());
  EXPECT_EQ(links.bounds(met).earliest_start, midnight(2026, 3, 12)) << dump(links);
  EXPECT_EQ(links.bounds(met).latest_end, midnight(2026, 3, 13)) << dump(links);
  EXPECT_EQ(links.start_order(wrote, met), StartOrder::after) << dump(links);
  EXPECT_EQ(links.start_order(gave, met), StartOrder::after) << dump(links);
  EXPECT_EQ(links.start_order(toured, met), StartOrder::after) << dump(links);

  auto harbor = tagged_sample("meeting-harbor-times.txt", "2026-03-13");
  const auto& h = harbor->get<TemporalLinks>();
  // Harbor Times: the interview "hours after the press conference", the post "the next day"
  // (post vs interview is left out: the time stage currently reads "the next day" after
  // "March 27" as March 28).
  const std::string conference = event_at(*harbor, "conference"), sat = event_at(*harbor, "sat"),
                    posted = event_at(*harbor, "posted");
  ASSERT_FALSE(conference.empty() || sat.empty() || posted.empty());
  EXPECT_EQ(h.start_order(sat, conference), StartOrder::after) << dump(h);
  EXPECT_EQ(h.start_order(posted, conference), StartOrder::after) << dump(h);
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

// Hostile input: binary noise, invalid UTF-8, markup, a huge run of signal
// words, and event spans anywhere (overlapping, empty, out of range). The
// stage must neither crash nor contradict the links it keeps.
TEST(Robustness, HostileTextAndSpans) {
  std::mt19937 rng(20251017);
  const std::string pieces[] = {"after ", "before ", "the meeting ", "said ", "will ", "had met ", "\xff\xfe", "\x01",
                                ", ", ". ", "On Friday ", "then ", "<b>", "prior to ", "as soon as ", "\n\n"};
  for (int round = 0; round < 20; ++round) {
    std::string text;
    for (int k = 0; k < 200; ++k) text += pieces[rng() % std::size(pieces)];
    DocumentInfo info;
    info.creation_time = parse_dct("2025-10-20", "test");
    Document doc(text, info);
    pipeline().segmenter.segment(doc);
    pipeline().pos.tag(doc);
    pipeline().time.tag(doc);
    std::vector<EventInput> events;
    for (int k = 0; k < 60; ++k) {
      const auto begin = static_cast<std::uint32_t>(rng() % (doc.text().size() + 20));
      EventInput in;
      in.id = "e" + std::to_string(k + 1);
      in.span = {begin, begin + static_cast<std::uint32_t>(rng() % 8)};
      events.push_back(in);
    }
    const TemporalLinks& links = pipeline().relation.link(doc, events);
    for (const TemporalLinkRecord& l : links.links) {
      if (!l.kept) continue;
      const std::size_t a = links.node(l.a), b = links.node(l.b);
      ASSERT_NE(a, TemporalGraph::npos);
      for (const PointConstraint& pc : endpoint_constraints(l.type)) {
        const PointRel r = links.graph.relation(a, pc.a_end, b, pc.b_end);
        EXPECT_EQ(r & pc.rel, r) << l.a << " " << to_string(l.type) << " " << l.b;
      }
    }
  }
}

}  // namespace
}  // namespace tempora

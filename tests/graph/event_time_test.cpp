// event_times(): the date or bounds of every event, from the time and relation layers.
#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "tempora/event.hpp"
#include "tempora/event_time.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/relation.hpp"
#include "tempora/timex.hpp"

namespace tempora {
namespace {

using namespace std::chrono;

const Pipeline& pipeline() {
  static const Pipeline p = Pipeline::load();
  return p;
}

// The EventTime of the first event whose trigger is `trigger`.
const EventTime* time_of(const Document& doc, const std::vector<EventTime>& when, std::string_view trigger) {
  const auto& events = doc.get<Events>().events;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (doc.text(events[i].span) == trigger) return &when[i];
  return nullptr;
}

// The id of the first event whose trigger is `trigger`, "" when none is.
std::string id_of(const Document& doc, std::string_view trigger) {
  for (const EventMention& e : doc.get<Events>().events)
    if (doc.text(e.span) == trigger) return e.id;
  return {};
}

// `text` with creation time `dct`, through the whole pipeline.
Document analyzed(const std::string& text, const char* dct) {
  DocumentInfo info;
  info.creation_time = parse_dct(dct, "test");
  Document doc(text, info);
  pipeline().analyze(doc);
  return doc;
}

// Dated on `day`, or undated and known to start on or after it.
void expect_on_or_after(const EventTime* t, sys_days day) {
  ASSERT_NE(t, nullptr);
  ASSERT_TRUE(t->dated() || t->not_before.has_value());
  if (t->dated()) EXPECT_EQ(t->start, day) << t->value;
  else EXPECT_EQ(*t->not_before, day);
}

TEST(EventTimes, DatedEventAndEventAfterItGetsABound) {
  if (!pipeline().has_events()) GTEST_SKIP() << "event model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2025-10-20", "test");
  Document doc("Zelensky met Trump at the White House on Friday. After the meeting, Trump posted a message.", info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  ASSERT_EQ(when.size(), doc.get<Events>().events.size());

  const EventTime* met = time_of(doc, when, "met");
  ASSERT_NE(met, nullptr);
  ASSERT_TRUE(met->dated());
  EXPECT_EQ(met->value, "2025-10-17");
  EXPECT_EQ(met->anchor, Anchor::at);
  EXPECT_EQ(met->granularity, TimeGranularity::day);
  EXPECT_EQ(met->start, sys_days{2025y / October / 17d});
  EXPECT_TRUE(met->inferred.year);  // "Friday" states neither year, month nor day

  const EventTime* posted = time_of(doc, when, "posted");
  ASSERT_NE(posted, nullptr);
  EXPECT_FALSE(posted->dated());
  ASSERT_TRUE(posted->not_before.has_value());
  EXPECT_EQ(*posted->not_before, sys_days{2025y / October / 17d});
}

TEST(EventTimes, WithoutADctAnEventOnMarch12IsDatedWithTheYearUnknown) {
  if (!pipeline().has_events()) GTEST_SKIP() << "event model missing";
  Document doc("Marek and Holm met in Brennick on March 12.");
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* met = time_of(doc, when, "met");
  ASSERT_NE(met, nullptr);
  ASSERT_TRUE(met->dated());
  EXPECT_EQ(met->value, "XXXX-03-12");
  EXPECT_EQ(met->granularity, TimeGranularity::day);
  EXPECT_FALSE(met->start.has_value()) << "no calendar day without a year";
}

TEST(EventTimes, ASentenceInitialDateFarFromItsVerbDatesItByTheParse) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2010-06-08", "test");
  // Twenty words lie between "Yesterday" and the verb it dates.
  Document doc(
      "Yesterday, at this year's Apple Worldwide Developers Conference (WWDC), company CEO Steve Jobs "
      "unveiled iPhone 4, along with the new iOS 4 operating system for Apple mobile devices.",
      info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* unveiled = time_of(doc, when, "unveiled");
  ASSERT_NE(unveiled, nullptr);
  ASSERT_TRUE(unveiled->dated());
  EXPECT_EQ(unveiled->value, "2010-06-07");
}

TEST(EventTimes, ABeforeClauseInsideWhatWasSaidDoesNotOrderTheSaying) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "Prosecutors said Bankman-Fried stole about $8 billion from FTX customers before the exchange filed for "
      "bankruptcy in November 2022.",
      "2023-11-02");
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* said = time_of(doc, when, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_FALSE(said->not_after && *said->not_after < sys_days{2022y / December / 1d}) << "the saying is not before the filing";
  EXPECT_FALSE(said->dated() && said->value.starts_with("2022")) << said->value;
  const EventTime* filed = time_of(doc, when, "filed");
  ASSERT_NE(filed, nullptr);
  EXPECT_EQ(filed->value, "2022-11");
}

TEST(EventTimes, TheVerdictIsTheFindingOfTheLedeHoweverFarBack) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "A jury on Thursday found Dana Reyes guilty of fraud. The trial lasted a month. Reyes faces up to 20 years in "
      "prison. Judge Omar Hale set sentencing for March 28. Prosecutors said Reyes hid the losses for two years. "
      "Her former partner testified against her in October. \"Justice was done,\" the prosecutor told reporters "
      "after the verdict.",
      "2023-11-03");
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* verdict = time_of(doc, when, "verdict");
  ASSERT_NE(verdict, nullptr);
  ASSERT_TRUE(verdict->not_before.has_value() && verdict->not_after.has_value());
  EXPECT_EQ(*verdict->not_before, sys_days{2023y / November / 2d});
  EXPECT_EQ(*verdict->not_after, sys_days{2023y / November / 2d});
  expect_on_or_after(time_of(doc, when, "told"), sys_days{2023y / November / 2d});
}

TEST(EventTimes, ThePurposeOfACallIsNotBeforeIt) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "Marek first won a seat in parliament in 2021. President Holm called Marek on Monday to congratulate him, "
      "his office said.",
      "2023-11-21");
  expect_on_or_after(time_of(doc, event_times(doc), "congratulate"), sys_days{2023y / November / 20d});
}

TEST(EventTimes, APastDateOnWhatAVerbIntendedDatesTheVerb) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "Carvenia became the 31st member of the alliance on Tuesday. Carvenia and Norvik applied to join the alliance "
      "in May 2022, three months after the war began.",
      "2023-04-04");
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* applied = time_of(doc, when, "applied");
  ASSERT_NE(applied, nullptr);
  ASSERT_TRUE(applied->dated());
  EXPECT_EQ(applied->value, "2022-05");
  const EventTime* join = time_of(doc, when, "join");
  ASSERT_NE(join, nullptr);
  EXPECT_NE(join->value, "2022-05");
}

TEST(EventTimes, ADateAfterASummitOnWhoseSidelinesTheyMetDatesTheMeeting) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "Carvenian Prime Minister Lidia Marek met Norvik's Prime Minister Anders Holm on the sidelines of the regional "
      "summit on Tuesday.",
      "2024-11-19");
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* met = time_of(doc, when, "met");
  ASSERT_NE(met, nullptr);
  ASSERT_TRUE(met->dated());
  EXPECT_EQ(met->value, "2024-11-19");
}

TEST(EventTimes, ADateBeforeAPurposeDatesTheVerbAsWellAsThePurpose) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2024-09-09", "test");
  // Nine words between "met" and "Friday"; "discuss" right after it.
  Document doc(
      "Portugal's finance minister, Joana Ferreira, met the chief executive of TAP Air Portugal on Friday to "
      "discuss the airline's sale.",
      info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  for (const char* word : {"met", "discuss"}) {
    const EventTime* t = time_of(doc, when, word);
    ASSERT_NE(t, nullptr) << word;
    ASSERT_TRUE(t->dated()) << word;
    EXPECT_EQ(t->value, "2024-09-06") << word;
  }
}

TEST(EventTimes, TheMeetingThatCameAfterSomethingIsTheMeetingToldBefore) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2024-09-09", "test");
  Document doc(
      "The finance minister met the airline's chief executive in Lisbon on Friday. The meeting came a day after "
      "the Commission approved the plan.",
      info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  expect_on_or_after(time_of(doc, when, "meeting"), sys_days{2024y / September / 6d});
  // "a day after": the approval was on Thursday, a date counted, not stated.
  const EventTime* approved = time_of(doc, when, "approved");
  ASSERT_NE(approved, nullptr);
  ASSERT_TRUE(approved->dated());
  EXPECT_EQ(approved->value, "2024-09-05");
  EXPECT_EQ(approved->tid, "d1");
  EXPECT_TRUE(approved->inferred.day);
}

// Every count of a document is read, also one from an event dated through
// others: "the talks" are the meeting (the last gathering told), which
// "came" three weeks before the summit.
TEST(EventTimes, EveryCountedDateOfADocument) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2026-03-04", "test");
  Document doc(
      "Xi Jinping met Lee Jae-myung in Beijing on Monday, two days after Li Qiang visited Seoul. "
      "Xi said the two countries would deepen trade ties. The talks came three weeks before a summit in Tokyo.",
      info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  for (const auto& [word, day] : {std::pair{"visited", "2026-02-28"}, std::pair{"summit", "2026-03-23"}}) {
    const EventTime* t = time_of(doc, when, word);
    ASSERT_NE(t, nullptr) << word;
    ASSERT_TRUE(t->dated()) << word;
    EXPECT_EQ(t->value, day) << word;
  }
}

// ", a week after the two leaders spoke": the count is from the meeting on
// Wednesday 2025-10-01, not from the summit or the preparing nearer the comma.
TEST(EventTimes, AMeasureAfterACommaCountsFromTheFiniteVerbBeforeIt) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2025-10-03", "test");
  Document doc(
      "French President Emmanuel Macron met German Chancellor Friedrich Merz in Berlin on Wednesday to prepare a "
      "European summit on defence spending, a week after the two leaders spoke by phone.",
      info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* spoke = time_of(doc, when, "spoke");
  ASSERT_NE(spoke, nullptr);
  ASSERT_TRUE(spoke->dated());
  EXPECT_EQ(spoke->value, "2025-09-24");
}

// The date the parse hangs on the object ("met ... Mark Carney in Brussels
// on Tuesday") is the meeting's, and the count after the comma is from the
// meeting, not from the purpose infinitive nearest to the comma.
TEST(EventTimes, ADateOnTheObjectAndACountAfterAPurposeClause) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2025-03-04", "test");
  Document doc(
      "European Commission President Ursula von der Leyen met Canadian Prime Minister Mark Carney in Brussels on "
      "Tuesday to discuss trade and defence, two weeks after the two leaders spoke by phone.",
      info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  for (const auto& [word, day] : {std::pair{"met", "2025-03-04"}, std::pair{"spoke", "2025-02-18"}}) {
    const EventTime* t = time_of(doc, when, word);
    ASSERT_NE(t, nullptr) << word;
    ASSERT_TRUE(t->dated()) << word;
    EXPECT_EQ(t->value, day) << word;
  }
}

// A date far from its verb, hung by the parse on a long oblique, still dates
// it; "after the hour-long meeting" names that meeting (a duration that
// modifies the noun is not what "after" governs).
TEST(EventTimes, AFarDateOfTheParseAndAMeetingNamedWithItsLength) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2025-07-11", "test");
  Document doc(
      "U.S. Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi on the sidelines of a regional forum "
      "in Kuala Lumpur on Friday. Rubio told reporters after the hour-long meeting that the talks had been "
      "constructive.",
      info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* met = time_of(doc, when, "met");
  ASSERT_NE(met, nullptr);
  ASSERT_TRUE(met->dated());
  EXPECT_EQ(met->value, "2025-07-11");
  const EventTime* told = time_of(doc, when, "told");
  ASSERT_NE(told, nullptr);
  ASSERT_TRUE(told->not_before.has_value());
  EXPECT_EQ(*told->not_before, sys_days{2025y / July / 11d});
}

// The date hung on the verb dates it as well as the nearer noun it governs.
TEST(EventTimes, ADateOfTheVerbDatesItAndTheEventItWasFor) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2025-05-12", "test");
  Document doc("Antony Blinken sat down with Wang Yi for talks in Geneva on Thursday.", info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  for (const char* word : {"sat", "talks"}) {
    const EventTime* t = time_of(doc, when, word);
    ASSERT_NE(t, nullptr) << word;
    ASSERT_TRUE(t->dated()) << word;
    EXPECT_EQ(t->value, "2025-05-08") << word;
  }
}

// The clause "after" opens modifies the verb it hangs on, not the object
// noun nearest to the signal: the boycott, not the meeting, follows the saying.
TEST(EventTimes, AnAfterClauseOrdersTheVerbItModifies) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2025-11-24", "test");
  Document doc("The United States boycotted the meeting after President Donald Trump said last month that he would "
               "not attend.",
               info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* boycotted = time_of(doc, when, "boycotted");
  ASSERT_NE(boycotted, nullptr);
  ASSERT_TRUE(boycotted->not_before.has_value());
  EXPECT_GE(*boycotted->not_before, sys_days{2025y / October / 1d});
}

// What a "where" clause tells after the place of a visit happened during
// the visit; after other verbs it may be another time.
TEST(EventTimes, AWhereClauseAfterAVisitIsDuringTheVisit) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2025-10-03", "test");
  Document doc(
      "Macron had visited Warsaw on Monday, where he met Polish Prime Minister Donald Tusk. "
      "The ceremony was held at Andrews Air Force Base on Tuesday, where the victims were brought back.",
      info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* met = time_of(doc, when, "met");
  ASSERT_NE(met, nullptr);
  ASSERT_TRUE(met->not_before && met->not_after);
  EXPECT_EQ(*met->not_before, sys_days{2025y / September / 29d});
  EXPECT_EQ(*met->not_after, sys_days{2025y / September / 29d});
  const EventTime* brought = time_of(doc, when, "brought");
  ASSERT_NE(brought, nullptr);
  EXPECT_FALSE(brought->dated());
  EXPECT_FALSE(brought->not_before && brought->not_after && *brought->not_before == *brought->not_after);
}

// "after the meeting with Tajani" is after the meeting with Tajani, not
// after the nearer meeting told with someone else.
TEST(EventTimes, TheMeetingWithSomeoneIsTheMeetingThatNamedThem) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "Japanese Foreign Minister Yoko Kamikawa met Italian Foreign Minister Antonio Tajani in Rome on Thursday. "
      "On Tuesday she flew to Berlin, where she met German Foreign Minister Annalena Baerbock. "
      "After the meeting with Tajani, Kamikawa spoke to reporters.",
      "2024-03-14");
  const std::vector<EventTime> when = event_times(doc);
  expect_on_or_after(time_of(doc, when, "spoke"), sys_days{2024y / March / 14d});
}

// A verb joined to a dated one, with no subject, time or adverb of its own,
// happened on the same day; not in the same year, nor "later".
TEST(EventTimes, AConjunctSharesTheDayOfTheVerbBeforeIt) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "Kamikawa arrived in Paris on Monday and held talks with French Foreign Minister Stephane Sejourne. "
      "Sejourne was appointed on Jan. 11 and later visited Kyiv. "
      "Kamikawa joined the ministry in 1998 and became a diplomat.",
      "2024-03-14");
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* held = time_of(doc, when, "held");
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->value, "2024-03-11");
  const EventTime* visited = time_of(doc, when, "visited");
  ASSERT_NE(visited, nullptr);
  EXPECT_FALSE(visited->dated()) << visited->value;
  const EventTime* became = time_of(doc, when, "became");
  ASSERT_NE(became, nullptr);
  EXPECT_FALSE(became->dated()) << became->value;
  // ... and so is a clause of "as" under a dated verb
  const Document as = analyzed(
      "Japan and Germany signed an agreement on Tuesday, as Japanese Foreign Minister Yoko Kamikawa met her German "
      "counterpart Annalena Baerbock in Berlin.",
      "2024-03-13");
  const std::vector<EventTime> as_when = event_times(as);
  const EventTime* met = time_of(as, as_when, "met");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->value, "2024-03-12");
}

// The act a verb of judging is for came before it, though told after it.
TEST(EventTimes, WhatSomeoneIsConvictedOrChargedForCameFirst) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "A federal jury on Friday convicted former Harvey mayor Eric Kellogg of taking bribes from a developer. "
      "Prosecutors charged an aide with destroying records.",
      "2024-06-21");
  const auto id = [&](std::string_view trigger) { return id_of(doc, trigger); };
  const TemporalLinks& links = doc.get<TemporalLinks>();
  EXPECT_EQ(links.start_order(id("taking"), id("convicted")), StartOrder::before);
  EXPECT_EQ(links.start_order(id("destroying"), id("charged")), StartOrder::before);
}

// A time opening the sentence dates the main clause after the subordinate
// clause its comma opens, and an "as" clause with it; not an "after" clause.
TEST(EventTimes, AnOpeningTimeDatesTheMainClauseAfterASubordinateOne) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "Ruiz was named governor in 1996. The following year, as currencies across Asia collapsed, she raised "
      "interest rates sharply. In 2003, after the government changed, she resigned.",
      "2025-01-09");
  const std::vector<EventTime> when = event_times(doc);
  for (const char* trigger : {"raised", "collapsed"}) {
    const EventTime* t = time_of(doc, when, trigger);
    ASSERT_NE(t, nullptr) << trigger;
    EXPECT_EQ(t->value, "1997") << trigger;
  }
  const EventTime* resigned = time_of(doc, when, "resigned");
  ASSERT_NE(resigned, nullptr);
  EXPECT_EQ(resigned->value, "2003");
  const EventTime* changed = time_of(doc, when, "changed");
  ASSERT_NE(changed, nullptr);
  EXPECT_NE(changed->value, "2003");
}

// A day in the possessive dates the event noun it determines, or the verb
// whose oblique it is; not a verb a noun it modifies hangs on.
TEST(EventTimes, ADayInThePossessiveDatesOnlyWhatItDetermines) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "Halvik shareholders will receive $48 per share, a 30% premium to Friday's closing price. "
      "Shares fell sharply in Friday's trading.",
      "2025-05-20");
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* receive = time_of(doc, when, "receive");
  ASSERT_NE(receive, nullptr);
  EXPECT_FALSE(receive->dated()) << receive->value;
  const EventTime* fell = time_of(doc, when, "fell");
  ASSERT_NE(fell, nullptr);
  EXPECT_EQ(fell->value, "2025-05-16");
}

// A quake that struck happened when it struck.
TEST(EventTimes, AQuakeStrikesWhenItHappens) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Document doc = analyzed(
      "A powerful earthquake killed more than 2,000 people in western Afghanistan on Saturday, a Taliban spokesman "
      "said on Sunday.\n\nThe magnitude 6.3 quake struck about 40 kilometres northwest of the city of Herat, the U.S. "
      "Geological Survey said.\n",
      "2023-10-08");
  const auto id = [&](std::string_view trigger) { return id_of(doc, trigger); };
  ASSERT_FALSE(id("quake").empty());
  ASSERT_FALSE(id("struck").empty());
  EXPECT_EQ(doc.get<TemporalLinks>().start_order(id("quake"), id("struck")), StartOrder::equal);
}

TEST(EventTimes, BoundsPinningTheDayBeforeTheDctAreKept) {
  if (!pipeline().has_events()) GTEST_SKIP() << "event model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2026-03-14", "test");
  // The interview is one event with "gave", which Friday dates: on or after
  // and on or before Friday, though Friday is the day before the article.
  Document doc("On Friday morning, Marek gave an interview to the broadcaster Polaris TV.", info);
  pipeline().analyze(doc);
  const std::vector<EventTime> when = event_times(doc);
  const EventTime* interview = time_of(doc, when, "interview");
  ASSERT_NE(interview, nullptr);
  if (interview->dated()) {
    EXPECT_EQ(interview->start, sys_days{2026y / March / 13d});
  } else {
    ASSERT_TRUE(interview->not_before.has_value());
    ASSERT_TRUE(interview->not_after.has_value());
    EXPECT_EQ(*interview->not_before, sys_days{2026y / March / 13d});
    EXPECT_EQ(*interview->not_after, sys_days{2026y / March / 13d});
  }
}

TEST(EventTimes, NoEventsLayerGivesNothing) {
  Document doc("Nothing was analysed.");
  EXPECT_TRUE(event_times(doc).empty());
}

}  // namespace
}  // namespace tempora

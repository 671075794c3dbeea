// Time expressions of financial and general news that TimeBank-style
// annotation reads in a particular way: "the year" of an earnings report,
// "current", year-ago comparisons, fractions of units, tense around weekdays
// and months. Expectations are anchored on a fixed DCT.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tempora/segment.hpp"
#include "tempora/timex.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

const TimeTagger& tagger() {
  static const TimeTagger t = TimeTagger::load(testing::source_dir() / "resources" / "time");
  return t;
}

std::string found(std::string_view text, const std::vector<Timex>& all) {
  std::string out;
  for (const Timex& t : all)
    out += "[" + std::string(text.substr(t.span.begin, t.span.size())) + "=" + t.value + "] ";
  return out;
}

// The one timex whose text is `phrase` (fails when it is missing).
Timex timex(std::string_view text, std::string_view phrase, std::string_view day) {
  const auto all = tagger().find(text, parse_dct(day, "test"));
  for (const Timex& t : all)
    if (text.substr(t.span.begin, t.span.size()) == phrase) return t;
  ADD_FAILURE() << "no timex \"" << phrase << "\" in \"" << text << "\"; found " << found(text, all);
  return {};
}

std::string value(std::string_view text, std::string_view phrase, std::string_view day) {
  return timex(text, phrase, day).value;
}

bool has_timex_over(std::string_view text, std::string_view word, std::string_view day) {
  const auto at = static_cast<std::uint32_t>(text.find(word));
  for (const Timex& t : tagger().find(text, parse_dct(day, "test")))
    if (t.span.begin <= at && at < t.span.end) return true;
  return false;
}

TEST(TimexNews, TheYearOfAReportIsTheDctYear) {
  const std::string_view day = "1989-11-02";
  EXPECT_EQ(value("For the year, pet food volume was flat.", "the year", day), "1989");
  EXPECT_EQ(value("It forecast an increase for the full year.", "the full year", day), "1989");
  EXPECT_EQ(value("Sales in the current fiscal year will rise.", "the current fiscal year", day), "1989");
  // "the year ended March 31" is a year-long stretch; the date is its own timex
  const std::string ended = "Revenue was $76 million for the year ended March 31.";
  const Timex year = timex(ended, "the year", day);
  EXPECT_EQ(year.type, TimexType::duration);
  EXPECT_EQ(year.value, "P1Y");
  EXPECT_EQ(value(ended, "March 31", day), "1989-03-31");
  EXPECT_EQ(timex("In the fiscal year ending tomorrow, it lost money.", "the fiscal year", day).value, "P1Y");
}

TEST(TimexNews, AQuarterStillAheadAfterAFutureCueIsThisYears) {
  const std::string_view day = "2025-03-03";  // the first quarter
  EXPECT_EQ(value("The deal is expected to close in the third quarter.", "the third quarter", day), "2025-Q3");
  EXPECT_EQ(value("The deal will close in the fourth quarter.", "the fourth quarter", day), "2025-Q4");
  // Told as past, the latest third quarter.
  EXPECT_EQ(value("Sales fell in the third quarter.", "the third quarter", day), "2024-Q3");
}

TEST(TimexNews, YearAgoAdjectivesKeepTheirOwnSpan) {
  const std::string_view day = "1989-10-26";
  EXPECT_EQ(value("Net fell 5% from the year-ago level.", "year-ago", day), "1988");
  EXPECT_EQ(value("It fell below the year-earlier $4.5 million.", "year-earlier", day), "1988");
  EXPECT_EQ(value("In the year-ago period, sales rose.", "the year-ago period", day), "1988-Q3");
}

TEST(TimexNews, YearToDateComparisonsAreYears) {
  const std::string_view day = "1989-10-26";
  // after a quarter, the comparison is that quarter a year back...
  EXPECT_EQ(value("In the third quarter, net rose 5% from a year earlier.", "a year earlier", day), "1988-Q3");
  // ...after the nine months of a report, the year to date: a year
  EXPECT_EQ(value("In the third quarter, net rose. For the nine months, net rose to $5 million from $4 million a "
                  "year earlier.",
                  "a year earlier", day),
            "1988");
  const std::string nine =
      "Profit rose in the third quarter. In the first nine months, net was $306 million, compared with a loss in "
      "the 1988 period. The year-ago results included a charge.";
  EXPECT_EQ(value(nine, "the 1988 period", day), "1988");
  EXPECT_EQ(value(nine, "year-ago", day), "1988");
  // in January the nine months reported are last year's
  EXPECT_EQ(value("For the nine months, net rose from a year ago.", "a year ago", "1990-01-20"), "1988");
  // six months measured from an event are no year to date
  EXPECT_EQ(value("In the six months since the quake in March 1988, sales fell. A year earlier they rose.",
                  "A year earlier", day),
            "1987-03");
  // a quarter named again takes the report back to quarters
  EXPECT_EQ(value("For the six months, net rose. In the third quarter, sales fell from a year ago.", "a year ago", day),
            "1988-Q3");
  // "the year-earlier nine months" is a stretch as long as the one reported
  const Timex stretch =
      timex("Net for the year-earlier nine months included a gain.", "the year-earlier nine months", day);
  EXPECT_EQ(stretch.type, TimexType::duration);
  EXPECT_EQ(stretch.value, "P9M");
}

TEST(TimexNews, TheSamePeriodLastYearIsTheDiscussedQuarterAYearBack) {
  const std::string_view day = "1989-11-01";
  const std::string text =
      "Net fell in the third quarter ended Sept. 30, from $1.8 million for the corresponding period last year. "
      "For the quarter a year ago, it earned less than in last year's period.";
  EXPECT_EQ(value(text, "the corresponding period last year", day), "1988-Q3");
  EXPECT_EQ(value(text, "the quarter a year ago", day), "1988-Q3");
  // a compared period does not become the one under discussion
  EXPECT_EQ(value(text, "last year's period", day), "1988-Q3");
}

TEST(TimexNews, TheDayAQuarterEndedSaysWhichQuarterItIs) {
  // an unnumbered quarter is the calendar quarter holding most of it
  EXPECT_EQ(value("In the quarter ended July 31, Jayark had 5.6 million shares.", "the quarter", "1989-10-30"),
            "1989-Q2");
  EXPECT_EQ(value("For the quarter ended Sept. 30, Delta posted net income.", "the quarter", "1989-10-26"), "1989-Q3");
  // a numbered one is in the year it ended, and stays the quarter discussed
  const std::string fiscal =
      "In the comparable year-ago quarter, the second quarter ended Oct. 31, Service Corp. had a loss. "
      "Results for that quarter included a write-down.";
  EXPECT_EQ(value(fiscal, "the second quarter", "1989-10-27"), "1988-Q2");
  EXPECT_EQ(value(fiscal, "that quarter", "1989-10-27"), "1988-Q2");
  EXPECT_EQ(value("It earned $3 million for the fiscal-first quarter ended Sept. 30, against a loss a year ago.",
                  "a year ago", "1989-10-26"),
            "1988-Q1");
}

TEST(TimexNews, AFiscalQuarterIsOneExpressionWithItsYear) {
  const std::string_view day = "2008-01-22";
  // the quarter takes the fiscal year that follows it, not the DCT's
  EXPECT_EQ(value("Sales in the fourth quarter of fiscal 2008 rose.", "the fourth quarter of fiscal 2008", day),
            "2008-Q4");
  EXPECT_EQ(value("Apple's fiscal 2008 fourth quarter was strong.", "fiscal 2008 fourth quarter", day), "2008-Q4");
  EXPECT_EQ(value("Sales in the last quarter of fiscal 2006 fell.", "the last quarter of fiscal 2006", day), "2006-Q4");
  // "fiscal" between the ordinal and the unit, and the British "financial year"
  EXPECT_EQ(value("Profit in the second fiscal quarter fell.", "the second fiscal quarter", day), "2007-Q2");
  EXPECT_EQ(value("Revenue for the first quarter of the financial year was a record.",
                  "the first quarter of the financial year", day),
            "2008-Q1");
  EXPECT_EQ(value("Profits for the financial year will fall.", "the financial year", day), "2008");
  // "financial" alone is no time
  EXPECT_FALSE(has_timex_over("The financial crisis hurt banks.", "financial", day));
}

TEST(TimexNews, AnAnnouncedCurrentQuarterIsNotTheReportedOne) {
  // DCT in the fourth quarter: "continue into the fourth quarter" announces it,
  // and the year-ago comparison stays with the third quarter reported
  const std::string text =
      "Bethlehem posted a third-quarter loss. Analysts expect the trend to continue into the fourth quarter. "
      "In the year-ago period, Bethlehem earned $101.4 million.";
  EXPECT_EQ(value(text, "the fourth quarter", "1989-10-26"), "1989-Q4");
  EXPECT_EQ(value(text, "the year-ago period", "1989-10-26"), "1988-Q3");
  // reported in the past, the fiscal fourth quarter is the one under discussion
  EXPECT_EQ(value("Ralston reported a decline in fourth-quarter profit from a year earlier.", "a year earlier",
                  "1989-11-02"),
            "1988-Q4");
}

TEST(TimexNews, CurrentIsAPresentReference) {
  const std::string_view day = "1989-10-30";
  EXPECT_EQ(value("It was delayed because of current market conditions.", "current", day), "PRESENT_REF");
  EXPECT_EQ(value("The current quarter began well.", "The current quarter", day), "1989-Q4");
  EXPECT_FALSE(has_timex_over("The current account deficit widened.", "current", day));
  EXPECT_FALSE(has_timex_over("He writes about current affairs.", "current", day));
}

TEST(TimexNews, FractionsOfUnits) {
  const std::string_view day = "1998-02-27";
  EXPECT_EQ(value("He served 2 1/2 years in prison.", "2 1/2 years", day), "P2Y6M");
  EXPECT_EQ(value("The flight took 5 1/2 hours.", "5 1/2 hours", day), "PT5H30M");
  EXPECT_EQ(value("It lasted two and a half days.", "two and a half days", day), "P2DT12H");
  EXPECT_EQ(value("It lasted a year and a half.", "a year and a half", day), "P1Y6M");
  EXPECT_EQ(value("It took 1 1/2 weeks.", "1 1/2 weeks", day), "P1.5W");  // no whole number of days
  const Timex more = timex("The talks ran more than 3 3/4 hours.", "more than 3 3/4 hours", day);
  EXPECT_EQ(more.value, "PT3H45M");
  EXPECT_EQ(more.mod, "MORE_THAN");
  // a fraction alone is no time: "3/4 of them"
  EXPECT_FALSE(has_timex_over("About 3/4 of them left.", "3/4", day));
}

TEST(TimexNews, CountsOfTradingDaysAndApproximateAgo) {
  EXPECT_EQ(value("Eight trading days after the crash, prices rose.", "Eight trading days", "1989-10-30"), "P8D");
  EXPECT_EQ(value("A week or so ago, he left.", "A week or so ago", "1998-02-27"), "1998-W08");
}

TEST(TimexNews, LastQuarterOrHalfOfAYearAndTheYearPeriod) {
  const std::string_view day = "1989-10-26";
  EXPECT_EQ(value("Earnings will fall in the last half of 1989.", "the last half of 1989", day), "1989-H2");
  EXPECT_EQ(value("Sales rose in the final quarter of 1988.", "the final quarter of 1988", day), "1988-Q4");
  // "the 1988 period" of a quarterly report is the quarter under discussion, in 1988
  const std::string report = "Profit rose in the third quarter. In the 1988 period, it earned less.";
  EXPECT_EQ(value(report, "the 1988 period", day), "1988-Q3");
}

TEST(TimexNews, HalfOfADecadeIsTheDecadeWithAMod) {
  const std::string_view day = "1989-10-26";
  const std::string text = "Profits fell in the last half of the '80s and rose in the first half of the 1970s.";
  const Timex last = timex(text, "the last half of the '80s", day);
  EXPECT_EQ(last.value, "198");
  EXPECT_EQ(last.mod, "END");
  const Timex first = timex(text, "the first half of the 1970s", day);
  EXPECT_EQ(first.value, "197");
  EXPECT_EQ(first.mod, "START");
}

TEST(TimexNews, WeekdayTenseCues) {
  const std::string_view day = "2000-01-15";  // a Saturday
  // a possessive day names an event already reported, whatever "would" says
  EXPECT_EQ(value("They would look for ways to get around Wednesday's ruling.", "Wednesday", day), "2000-01-12");
  EXPECT_EQ(value("They would meet on Wednesday.", "Wednesday", day), "2000-01-19");
  // "next to" is a place, not a future cue
  EXPECT_EQ(value("The bombs next to the embassies exploded on Friday.", "Friday", day), "2000-01-14");
  EXPECT_EQ(value("The next round of talks is on Friday.", "Friday", day), "2000-01-21");
  // a plan reported in the past perfect is past
  EXPECT_EQ(value("The offer had been scheduled to expire at midnight Friday.", "midnight Friday", day),
            "2000-01-14T24:00");
  EXPECT_EQ(value("The offer is scheduled to expire at midnight Friday.", "midnight Friday", day),
            "2000-01-21T24:00");
  EXPECT_EQ(value("They were planning to drive to the airport on Monday.", "Monday", day), "2000-01-17");
  // "is to" announces: the stock, traded in London, is to resume trading in Paris Tuesday
  EXPECT_EQ(value("The stock, which is being traded in London, is to resume trading in Paris Tuesday.", "Tuesday",
                  "1989-10-27"),
            "1989-10-31");
  EXPECT_EQ(value("The stock resumed trading in Paris on Tuesday, which is to say it recovered.", "Tuesday",
                  "1989-10-27"),
            "1989-10-24");
}

TEST(TimexNews, APlanThatTheVerbAfterItCalledOff) {
  const std::string_view day = "1999-10-24";  // a Sunday
  EXPECT_EQ(value("A memorial service planned at the university for Saturday was canceled after the plans leaked.",
                  "Saturday", day),
            "1999-10-23");
  EXPECT_EQ(value("A memorial service planned for Saturday will draw hundreds.", "Saturday", day), "1999-10-30");
  EXPECT_EQ(value("A memorial service is planned for Saturday.", "Saturday", day), "1999-10-30");
}

TEST(TimexNews, APlanNamedAsANounIsNoFutureCue) {
  const std::string_view day = "2026-03-14";  // a Saturday
  EXPECT_EQ(value("The government rejected the plan on Monday.", "Monday", day), "2026-03-09");
  EXPECT_EQ(value("Their plans for Monday were dropped.", "Monday", day), "2026-03-09");
  EXPECT_EQ(value("They plan to meet on Monday.", "Monday", day), "2026-03-16");
}

TEST(TimexNews, ADateInASinceClauseDoesNotMoveTheStory) {
  // A bare clock time stays on the day of the talks, not on the day of the
  // strike told as background.
  const std::string text =
      "Marek met Holm on Friday, March 13. Carvenia has struggled since drones struck a station on March 5. "
      "The leaders took questions at 3:30 p.m.";
  EXPECT_EQ(value(text, "3:30 p.m.", "2026-03-16"), "2026-03-13T15:30");
}

TEST(TimexNews, AWeakFutureCueAnnouncesAMonth) {
  const std::string_view day = "1998-12-05";
  EXPECT_EQ(value("The three are expected to join NATO in April, as part of its 50th anniversary.", "April", day),
            "1999-04");
  EXPECT_EQ(value("The three joined NATO in April.", "April", day), "1998-04");
  // a record "set on" a day is behind us
  EXPECT_EQ(value("The index is within 70 points of its record high set on Aug. 6.", "Aug. 6", "1998-02-06"),
            "1997-08-06");
}

TEST(TimexNews, APastVerbThatGovernsTheDatePicksTheLatestOne) {
  const std::string_view day = "1989-10-31";
  // without the verb the nearer date after the DCT would win (a future one
  // counts twice as far: Jan. 31, 1990 is 92 days away, Jan. 31, 1989 273)
  EXPECT_EQ(value("In the fiscal year ended Jan. 31, the company reported sales of $59.5 million.", "Jan. 31", day),
            "1989-01-31");
  EXPECT_EQ(value("Since KKR bought RJR in February for $25 billion, it has sold units.", "February", day), "1989-02");
  // an opening date takes the verb of its clause
  EXPECT_EQ(value("In January, American Medical brought in a new chief.", "January", day), "1989-01");
  // the same date after the DCT when it is later than the DCT itself
  EXPECT_EQ(value("The second quarter ended Oct. 31, the company said.", "Oct. 31", "1989-10-27"), "1988-10-31");
  // not a governing verb: an adjective in -ed before a noun, a goal, a passive to come
  EXPECT_EQ(value("It will redeem 9.5 million preferred shares on Oct. 31.", "Oct. 31", "1989-10-27"), "1989-10-31");
  EXPECT_EQ(value("The offer was extended to Jan. 31.", "Jan. 31", day), "1990-01-31");
  EXPECT_EQ(value("The plant is to be completed in January.", "January", day), "1990-01");
}

TEST(TimexNews, AnOpeningWeekdayTakesTheTenseOfItsClause) {
  const std::string_view day = "1999-05-07";  // a Friday
  EXPECT_EQ(value("Until Thursday, they had not called Kopp a suspect.", "Thursday", day), "1999-05-06");
  EXPECT_EQ(value("He fled. On Tuesday, officials will meet again.", "Tuesday", day), "1999-05-11");
  // an apposition after the comma is no clause
  EXPECT_EQ(value("He left. On Friday morning, the next day, Marek gave an interview.", "Friday morning", "2026-03-14"),
            "2026-03-13TMO");
  // a reporting clause after a comma is no clause the day opens
  EXPECT_EQ(value("The group would be ready to leave as soon as Tuesday, Castro said.", "Tuesday", "2000-04-03"),
            "2000-04-04");
}

TEST(TimexNews, AnAnaphoricAppositionRestatesTheDateBeforeIt) {
  // "the next day" restates "Friday morning": the day after Thursday, the
  // story's day before Friday was named, and the afternoon is Friday's.
  const std::string text =
      "The leaders met on Thursday. On Friday morning, the next day, Marek gave an interview. "
      "That afternoon, she toured a plant.";
  EXPECT_EQ(value(text, "the next day", "2026-03-14"), "2026-03-13");
  EXPECT_EQ(value(text, "That afternoon", "2026-03-14"), "2026-03-13TAF");
  // Not an apposition: the next day after the day just named.
  EXPECT_EQ(value("The leaders met on Thursday. The next day, Marek gave an interview.", "The next day", "2026-03-14"),
            "2026-03-13");
}

TEST(TimexNews, InThePastAndBareSeasons) {
  const std::string_view day = "1989-10-26";
  EXPECT_EQ(value("In the past, Russia often claimed so.", "the past", day), "PAST_REF");
  // "the past three years" stays one duration
  EXPECT_EQ(value("Prices rose in the past three years.", "the past three years", day), "P3Y");
  EXPECT_EQ(value("Over the summer, rivals offered discounts.", "the summer", day), "1989-SU");
  const Timex early = timex("Orders rose from the low levels of the early summer.", "the early summer", day);
  EXPECT_EQ(early.value, "1989-SU");
  EXPECT_EQ(early.mod, "START");
  EXPECT_EQ(value("The sector will suffer in the spring.", "the spring", "1998-02-06"), "1998-SP");
  EXPECT_EQ(value("the level we saw in the winter of nineteen ninety-four", "the winter of nineteen ninety-four",
                  "1998-02-23"),
            "1994-WI");
  // the verb and the noun are no seasons
  EXPECT_FALSE(has_timex_over("Income is expected to fall below estimates.", "fall", day));
  EXPECT_FALSE(has_timex_over("It came after the fall of communism.", "fall", day));
}

TEST(TimexNews, TheFutureOfSomethingIsNoTime) {
  const std::string_view day = "1998-02-13";
  EXPECT_FALSE(has_timex_over("That is very important to the future of our peoples.", "future", day));
  EXPECT_EQ(value("Strikes will continue well into the future.", "the future", day), "FUTURE_REF");
}

TEST(TimexNews, OneDayAfterAModalIsAFutureReference) {
  const std::string_view day = "1998-03-03";
  const Timex one = timex("Islam could one day be the second largest religion.", "one day", day);
  EXPECT_EQ(one.value, "FUTURE_REF");
  EXPECT_EQ(one.type, TimexType::date);
  EXPECT_EQ(value("He hopes the team will some day return.", "some day", day), "FUTURE_REF");
  // elsewhere "one day" is a day-long stretch
  const Timex stretch = timex("The strike lasted one day.", "one day", day);
  EXPECT_EQ(stretch.value, "P1D");
  EXPECT_EQ(stretch.type, TimexType::duration);
}

TEST(TimexNews, PartsOfTheNarrativeDayAgesAndExtraUnits) {
  const std::string_view day = "1998-03-06";
  EXPECT_EQ(value("By mid afternoon, Serb sources said it was over.", "mid afternoon", day), "1998-03-06TAF");
  // the day the narrative is on
  const std::string story = "The plunge came on Oct. 13, 1989. Dealers bought heavily in the morning.";
  const Timex morning = timex(story, "the morning", day);
  EXPECT_EQ(morning.value, "1989-10-13TMO");
  EXPECT_EQ(morning.anchor_tid, "t1");
  EXPECT_EQ(value("It came at 4 in the morning.", "4 in the morning", day), "1998-03-06T04:00");
  EXPECT_EQ(value("The loan may be extended for an additional year.", "an additional year", day), "P1Y");
  EXPECT_EQ(value("He left the day before last Tuesday.", "the day before last Tuesday", day), "1998-03-02");
  EXPECT_FALSE(has_timex_over("He was in his 30s then.", "30s", day));
  EXPECT_FALSE(has_timex_over("The boy is this 6-year-old.", "6", day));
}

TEST(TimexNews, RecurringPartsOfTheDay) {
  const std::string_view day = "2025-10-22";
  const Timex nights = timex("Flights leave Bombay on Tuesday nights.", "Tuesday nights", day);
  EXPECT_EQ(nights.type, TimexType::set);
  EXPECT_EQ(nights.value, "XXXX-WXX-2TNI");
  EXPECT_EQ(value("They meet every Friday morning.", "every Friday morning", day), "XXXX-WXX-5TMO");
  EXPECT_EQ(value("They met on Friday night.", "Friday night", day), "2025-10-17TNI");
}

TEST(TimexNews, NamesWithTimeWordsAreNoTimexes) {
  const std::string_view day = "1990-08-13";
  // TV programmes and films: a lower-case time word capitalized inside a sentence
  EXPECT_FALSE(has_timex_over("James Baker, speaking on ABC News' \"This Week,\" said the request was fair.", "Week",
                              day));
  EXPECT_FALSE(has_timex_over("The poster showed Gary Cooper from the film \"High Noon.\"", "Noon", day));
  EXPECT_FALSE(has_timex_over("This is VOA Today.", "Today", day));
  // ...but not at the start of a sentence, nor in a holiday's name
  EXPECT_EQ(value("He left. Today the talks resume.", "Today", day), "1990-08-13");
  EXPECT_EQ(value("This week the talks resume.", "This week", day), "1990-W33");
  EXPECT_EQ(value("The boy was found on Thanksgiving Day clinging to an inner tube.", "Thanksgiving Day", "1999-12-06"),
            "1999-11-25");
}

TEST(TimexNews, DiscourseNowIsNoTimex) {
  const std::string_view day = "1991-02-25";
  EXPECT_FALSE(has_timex_over("Iraq was ready to withdraw. Now, he says, it looks like the West wanted war.", "Now", day));
  // after a quotation that ends the sentence
  EXPECT_FALSE(has_timex_over("\"Iraq was ready to withdraw.\" Now, he says, it is too late.", "Now", day));
  // the present moment stays one
  EXPECT_EQ(value("Oil prices had been falling. Now with a diplomatic solution, they may rise.", "Now", day),
            "PRESENT_REF");
  EXPECT_EQ(value("The naval barricade now in force might be extended.", "now", day), "PRESENT_REF");
}

TEST(TimexNews, DiscourseNowAfterAQuotationWithTheSegmenter) {
  DocumentInfo info;
  info.creation_time = parse_dct("1991-02-25", "test");
  Document doc("\"Iraq was ready to withdraw.\" Now, he says, it is too late. Talks are now over.", info);
  Segmenter::load(testing::source_dir() / "resources" / "text").segment(doc);
  const auto& layer = tagger().tag(doc);
  ASSERT_EQ(layer.timexes.size(), 1u);  // only the second "now"
  EXPECT_EQ(doc.text().substr(layer.timexes[0].span.begin, layer.timexes[0].span.size()), "now");
}

TEST(TimexNews, ClockTimeOnAnAnnouncedDay) {
  // DCT Wednesday 2000-04-05: Thursday is announced, and the departure at 4 is on it
  const std::string text =
      "The father will travel to the United States Thursday with his wife. "
      "\"He will leave at 4 in the morning,\" Castro said.";
  const auto all = tagger().find(text, parse_dct("2000-04-05", "test"));
  ASSERT_EQ(all.size(), 2u) << found(text, all);
  EXPECT_EQ(all[0].value, "2000-04-06");
  EXPECT_EQ(all[1].value, "2000-04-06T04:00");
  EXPECT_EQ(all[1].anchor_tid, all[0].tid);
}

TEST(TimexNews, FiscalYearsAndYearEnd) {
  const std::string_view day = "1989-10-26";
  EXPECT_EQ(value("The drop will result in lower earnings for the fiscal year.", "the fiscal year", day), "1989");
  EXPECT_EQ(value("Sales rose 27% in the latest fiscal year.", "the latest fiscal year", day), "1988");
  // the end of a year is the year with mod END (TimeML 1.2.1), however it is written
  for (const std::string_view phrase : {"year end", "year's end", "the end of the year"}) {
    const std::string text = "Stiffer rules should be in place by " + std::string(phrase) + ".";
    const Timex t = timex(text, phrase, day);
    EXPECT_EQ(t.value, "1989") << phrase;
    EXPECT_EQ(t.mod, "END") << phrase;
  }
}

}  // namespace
}  // namespace tempora

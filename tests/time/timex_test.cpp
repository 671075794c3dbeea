// Time expressions: recognition and normalization per family of issue 3,
// with expectations anchored on a fixed DCT.
#include "tempora/timex.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace tempora {
namespace {

const TimeTagger& tagger() {
  static const TimeTagger t = TimeTagger::load(testing::source_dir() / "resources" / "time");
  return t;
}

std::optional<CreationTime> dct(std::string_view day) { return parse_dct(day, "test"); }

std::vector<Timex> find(std::string_view text, std::string_view day) {
  return tagger().find(text, day.empty() ? std::nullopt : dct(day));
}

// The one timex whose text is `phrase` (fails when it is missing).
Timex timex(std::string_view text, std::string_view phrase, std::string_view day) {
  const auto all = find(text, day);
  for (const Timex& t : all)
    if (text.substr(t.span.begin, t.span.size()) == phrase) return t;
  std::string found;
  for (const Timex& t : all)
    found += "[" + std::string(text.substr(t.span.begin, t.span.size())) + "=" + t.value + "] ";
  ADD_FAILURE() << "no timex \"" << phrase << "\" in \"" << text << "\"; found " << found;
  return {};
}

std::string value(std::string_view text, std::string_view phrase, std::string_view day) {
  return timex(text, phrase, day).value;
}

// ---- absolute and partial dates --------------------------------------------

TEST(TimexDates, AbsoluteDatesInEveryNewsShape) {
  EXPECT_EQ(value("They met on October 17, 2025, in Kyiv.", "October 17, 2025", "2025-10-20"), "2025-10-17");
  EXPECT_EQ(value("They met on Oct. 17 in Kyiv.", "Oct. 17", "2025-10-20"), "2025-10-17");
  EXPECT_EQ(value("They met on 17 October 2025.", "17 October 2025", "2025-10-20"), "2025-10-17");
  EXPECT_EQ(value("Filed 10/17/2025 with the court.", "10/17/2025", "2025-10-20"), "2025-10-17");
  EXPECT_EQ(value("Filed 2025-10-17 with the court.", "2025-10-17", "2025-10-20"), "2025-10-17");
  EXPECT_EQ(value("Sales fell in 1998.", "1998", "2025-10-20"), "1998");
  EXPECT_EQ(value("It happened in March 2020.", "March 2020", "2025-10-20"), "2020-03");
}

TEST(TimexDates, StatedAndInferredFields) {
  const Timex t = timex("They met on Oct. 17 in Kyiv.", "Oct. 17", "2025-10-20");
  EXPECT_TRUE(t.stated & kFieldMonth);
  EXPECT_TRUE(t.stated & kFieldDay);
  EXPECT_FALSE(t.stated & kFieldYear);
  EXPECT_TRUE(t.inferred & kFieldYear);
  EXPECT_TRUE(t.temporal_function);
  EXPECT_EQ(t.anchor_tid, "t0");
  const Timex full = timex("They met on October 17, 2025.", "October 17, 2025", "2025-10-20");
  EXPECT_TRUE(full.stated & kFieldYear);
  EXPECT_FALSE(full.inferred & kFieldYear);
}

TEST(TimexDates, IntervalOfAMonthAndADay) {
  const Timex m = timex("It happened in October 2025.", "October 2025", "2025-12-01");
  ASSERT_TRUE(m.interval.has_value());
  EXPECT_EQ(m.interval->granularity, Granularity::month);
  EXPECT_EQ(m.interval->start, std::chrono::sys_days{std::chrono::year{2025} / 10 / 1});
  EXPECT_EQ(m.interval->end, std::chrono::sys_days{std::chrono::year{2025} / 11 / 1});
  const Timex d = timex("It happened on Feb. 29, 2024.", "Feb. 29, 2024", "2025-12-01");
  ASSERT_TRUE(d.interval.has_value());
  EXPECT_EQ(d.interval->end - d.interval->start, std::chrono::hours{24});
}

TEST(TimexDates, YearBoundaryTakesTheNearestYear) {
  EXPECT_EQ(value("The talks began on December 30.", "December 30", "2025-01-02"), "2024-12-30");
  EXPECT_EQ(value("The talks resume on Jan. 3.", "Jan. 3", "2024-12-30"), "2025-01-03");
  EXPECT_EQ(value("Shares fell in December.", "December", "2025-01-02"), "2024-12");
}

TEST(TimexDates, LeapDays) {
  EXPECT_EQ(value("The deal closed yesterday.", "yesterday", "2024-03-01"), "2024-02-29");
  EXPECT_EQ(value("The deal closed yesterday.", "yesterday", "2023-03-01"), "2023-02-28");
  EXPECT_EQ(value("It was signed on Feb. 29, 2024.", "Feb. 29, 2024", "2025-01-01"), "2024-02-29");
  // February 29 of a common year is no date
  for (const Timex& t : find("It was signed on Feb. 29, 2023.", "2025-01-01")) EXPECT_NE(t.value, "2023-02-29");
  EXPECT_EQ(value("Leap year babies celebrate on Feb. 29.", "Feb. 29", "2028-02-20"), "2028-02-29");
}

TEST(TimexDates, IsoWeeks) {
  EXPECT_EQ(value("Prices rose last week.", "last week", "2025-01-02"), "2024-W52");
  EXPECT_EQ(value("Prices rose this week.", "this week", "2025-01-02"), "2025-W01");
  // 2021-01-03 is a Sunday in ISO week 53 of 2020
  EXPECT_EQ(value("Prices rose this week.", "this week", "2021-01-03"), "2020-W53");
  EXPECT_EQ(value("Prices will rise next week.", "next week", "2021-01-03"), "2021-W01");
}

TEST(TimexDates, Quarters) {
  EXPECT_EQ(value("Profit rose in the third quarter.", "the third quarter", "2025-10-20"), "2025-Q3");
  EXPECT_EQ(value("Profit rose in the fourth quarter.", "the fourth quarter", "2025-02-10"), "2024-Q4");
  EXPECT_EQ(value("Profit rose in the third quarter of 2023.", "the third quarter of 2023", "2025-10-20"), "2023-Q3");
  EXPECT_EQ(value("Third-quarter profit rose.", "Third-quarter", "2025-10-20"), "2025-Q3");
  EXPECT_EQ(value("Profit rose in the latest quarter.", "the latest quarter", "2025-10-20"), "2025-Q3");
  EXPECT_EQ(value("Profit rose in the third quarter, up from a year earlier.", "a year earlier", "2025-10-20"),
            "2024-Q3");
}

TEST(TimexDates, VagueAndModifiedDates) {
  EXPECT_EQ(value("Inflation peaked in the 1990s.", "the 1990s", "2025-10-20"), "199");
  const Timex mid = timex("Elections are due by mid-2024.", "mid-2024", "2023-10-20");
  EXPECT_EQ(mid.value, "2024");
  EXPECT_EQ(mid.mod, "MID");
  const Timex early = timex("They met in early October.", "early October", "2025-10-20");
  EXPECT_EQ(early.value, "2025-10");
  EXPECT_EQ(early.mod, "START");
  EXPECT_EQ(value("Revenue for fiscal 2025 rose.", "fiscal 2025", "2025-10-20"), "2025");
  EXPECT_EQ(value("Sales rose this year.", "this year", "2025-10-20"), "2025");
  EXPECT_EQ(value("They met last spring.", "last spring", "2025-10-20"), "2025-SP");
  EXPECT_EQ(value("They met last spring.", "last spring", "2025-04-20"), "2024-SP");
}

// ---- deictic and anaphoric -------------------------------------------------

TEST(TimexDeictic, RelativeToTheDct) {
  const std::string_view day = "2025-10-22";  // a Wednesday
  EXPECT_EQ(value("It rained yesterday.", "yesterday", day), "2025-10-21");
  EXPECT_EQ(value("It rains today.", "today", day), "2025-10-22");
  EXPECT_EQ(value("It rains tomorrow.", "tomorrow", day), "2025-10-23");
  EXPECT_EQ(value("He left two days ago.", "two days ago", day), "2025-10-20");
  EXPECT_EQ(value("He left three years ago.", "three years ago", day), "2022");
  EXPECT_EQ(value("Sales fell last month.", "last month", day), "2025-09");
  EXPECT_EQ(value("Sales may fall next year.", "next year", day), "2026");
  EXPECT_EQ(value("Prices are high now.", "now", day), "PRESENT_REF");
  EXPECT_EQ(value("Prices rose recently.", "recently", day), "PAST_REF");
  EXPECT_EQ(value("Prices will rise in the future.", "the future", day), "FUTURE_REF");
}

TEST(TimexDeictic, WeekdayTakesPastOrFutureFromTheVerb) {
  const std::string_view day = "2025-10-22";  // a Wednesday
  EXPECT_EQ(value("Zelensky met Trump on Friday.", "Friday", day), "2025-10-17");
  EXPECT_EQ(value("Zelensky will meet Trump on Friday.", "Friday", day), "2025-10-24");
  EXPECT_EQ(value("Zelensky met Trump last Friday.", "last Friday", day), "2025-10-17");
  EXPECT_EQ(value("Zelensky meets Trump next Friday.", "next Friday", day), "2025-10-24");
  EXPECT_EQ(value("Zelensky spoke Wednesday.", "Wednesday", day), "2025-10-22");
  // no cue: news reports what happened, the previous one
  EXPECT_EQ(value("Zelensky and Trump, Friday, in Washington.", "Friday", day), "2025-10-17");
}

TEST(TimexAnaphoric, FollowsTheNarrative) {
  const std::string text =
      "On Oct. 17, 2024, the two leaders met. The next day they signed a deal. "
      "Two weeks later the deal collapsed. The following year, talks resumed.";
  const auto all = find(text, "2025-10-22");
  EXPECT_EQ(value(text, "The next day", "2025-10-22"), "2024-10-18");
  const Timex later = timex(text, "Two weeks later", "2025-10-22");
  EXPECT_EQ(later.value, "2024-W44");
  EXPECT_EQ(later.anchor_tid, "t2");  // the next day, the last date the text named
  EXPECT_EQ(value(text, "The following year", "2025-10-22"), "2025");
}

TEST(TimexAnaphoric, ThatEveningIsTheNarrativeDay) {
  const std::string text = "The vote took place on March 3, 2022. That evening protesters gathered.";
  EXPECT_EQ(value(text, "That evening", "2025-01-01"), "2022-03-03TEV");
}

// ---- times, durations, sets ---------------------------------------------

TEST(TimexTimes, ClockTimesAndPartsOfTheDay) {
  const std::string_view day = "2025-10-22";
  const Timex t = timex("The vote ends at 3 p.m. today.", "3 p.m. today", day);
  EXPECT_EQ(t.type, TimexType::time);
  EXPECT_EQ(t.value, "2025-10-22T15:00");
  EXPECT_EQ(value("They met at noon.", "noon", day), "2025-10-22T12:00");
  EXPECT_EQ(value("They met at 10:35 a.m.", "10:35 a.m.", day), "2025-10-22T10:35");
  EXPECT_EQ(value("They spoke Tuesday night.", "Tuesday night", day), "2025-10-21TNI");
  // a midnight told in the past began the day; one ahead ends it
  EXPECT_EQ(value("Lawmakers voted shortly after midnight.", "midnight", day), "2025-10-21T24:00");
  EXPECT_EQ(value("The polls will close at midnight.", "midnight", day), "2025-10-22T24:00");
}

TEST(TimexDurations, NumbersAndUnits) {
  const std::string_view day = "2025-10-22";
  const Timex t = timex("The war has lasted three years.", "three years", day);
  EXPECT_EQ(t.type, TimexType::duration);
  EXPECT_EQ(t.value, "P3Y");
  EXPECT_EQ(value("It took a decade.", "a decade", day), "P10Y");
  EXPECT_EQ(value("Talks lasted 48 hours.", "48 hours", day), "PT48H");
  EXPECT_EQ(value("Talks lasted several days.", "several days", day), "PXD");
  EXPECT_EQ(value("In the last twenty four hours, prices fell.", "the last twenty four hours", day), "PT24H");
  // "the past decade" is the ten years up to now, not the 2010s; "the last
  // decade" stays the decade before this one.
  const Timex past = timex("It is the largest in the past decade.", "the past decade", day);
  EXPECT_EQ(past.type, TimexType::duration);
  EXPECT_EQ(past.value, "P10Y");
  EXPECT_EQ(value("Prices rose over the past century.", "the past century", day), "P100Y");
  EXPECT_EQ(value("The last decade was hard.", "The last decade", day), "201");
  const Timex more = timex("It lasted more than three years.", "more than three years", day);
  EXPECT_EQ(more.value, "P3Y");
  EXPECT_EQ(more.mod, "MORE_THAN");
}

TEST(TimexDurations, AWhileHasNeitherLengthNorUnit) {
  const Timex w = timex("They will have to live without power for a while.", "a while", "1998-01-11");
  EXPECT_EQ(w.type, TimexType::duration);
  EXPECT_EQ(w.value, "PXX");
  const Timex ago = timex("He left the company a while ago.", "a while ago", "1998-01-11");
  EXPECT_EQ(ago.type, TimexType::date);
  EXPECT_EQ(ago.value, "PAST_REF");
  EXPECT_TRUE(find("He calls his mother once in a while.", "1998-01-11").empty());
}

TEST(TimexDurations, AgesAreNotTimeExpressions) {
  EXPECT_TRUE(find("A 6-year-old boy was found.", "2025-10-22").empty());
}

TEST(TimexSets, RecurringTimes) {
  const std::string_view day = "2025-10-22";
  const Timex monday = timex("They meet every Monday.", "every Monday", day);
  EXPECT_EQ(monday.type, TimexType::set);
  EXPECT_EQ(monday.value, "XXXX-WXX-1");
  EXPECT_EQ(monday.quant, "EVERY");
  EXPECT_EQ(value("The paper appears weekly.", "weekly", day), "P1W");
  EXPECT_EQ(value("Prices change each season.", "each season", day), "P3M");
}

// ---- without a DCT ------------------------------------------------------

TEST(TimexNoDct, ValuesStayUnderspecified) {
  EXPECT_EQ(value("They met on October 17.", "October 17", ""), "XXXX-10-17");
  EXPECT_EQ(value("They met on Friday.", "Friday", ""), "XXXX-WXX-5");
  EXPECT_EQ(value("They met yesterday.", "yesterday", ""), "XXXX-XX-XX");
  EXPECT_EQ(value("They met last week.", "last week", ""), "XXXX-WXX");
  EXPECT_EQ(value("Profit rose in the third quarter.", "the third quarter", ""), "XXXX-Q3");
  // stated values need no DCT
  EXPECT_EQ(value("They met on October 17, 2025.", "October 17, 2025", ""), "2025-10-17");
  const Timex t = timex("They met on October 17.", "October 17", "");
  EXPECT_FALSE(t.interval.has_value());
  EXPECT_TRUE(t.anchor_tid.empty());
}

TEST(TimexNoDct, TagReportsTheUnknownDct) {
  Document doc("They met on October 17.");
  const auto& layer = tagger().tag(doc);
  ASSERT_EQ(layer.timexes.size(), 1u);
  EXPECT_EQ(layer.timexes[0].value, "XXXX-10-17");
  bool reported = false;
  for (const Diagnostic& d : doc.diagnostics())
    if (d.stage == "time" && d.message.find("creation time unknown") != std::string::npos) reported = true;
  EXPECT_TRUE(reported);
  EXPECT_EQ(&doc.get<TimeExpressions>(), &layer);
}

TEST(TimexNoDct, TagUsesTheDocumentDct) {
  DocumentInfo info;
  info.creation_time = dct("2025-10-22");
  Document doc("They met on Friday.", info);
  const auto& layer = tagger().tag(doc);
  ASSERT_EQ(layer.timexes.size(), 1u);
  EXPECT_EQ(layer.timexes[0].value, "2025-10-17");
  EXPECT_TRUE(doc.diagnostics().empty());
}

// ---- independence from the machine -----------------------------------------

struct Flat {
  std::uint32_t begin, end;
  std::string value;
  std::optional<TimeInterval> interval;
  bool operator==(const Flat&) const = default;
};

std::vector<Flat> flat(const std::vector<Timex>& timexes) {
  std::vector<Flat> out;
  for (const Timex& t : timexes) out.push_back({t.span.begin, t.span.end, t.value, t.interval});
  return out;
}

TEST(TimexMachine, OutputDoesNotDependOnTimeZoneOrClock) {
  const std::string text =
      "Yesterday at 11 p.m. the ministers met; on Friday they will meet again, two days after the vote on "
      "Oct. 17. Last week prices rose, and the third quarter ended. Now talks resume.";
  const char* old_tz = std::getenv("TZ");
  const std::string saved = old_tz ? old_tz : "";
  std::vector<std::vector<Flat>> runs;
  for (const char* zone : {"UTC", "Pacific/Kiritimati", "America/Adak", "Asia/Kathmandu", "Europe/Kyiv"}) {
    setenv("TZ", zone, 1);
    tzset();
    runs.push_back(flat(find(text, "2025-10-22")));
    runs.push_back(flat(find(text, "")));
  }
  if (old_tz)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
  ASSERT_FALSE(runs[0].empty());
  for (std::size_t i = 2; i < runs.size(); ++i) EXPECT_EQ(runs[i], runs[i % 2]) << "run " << i;
  // Without a DCT nothing can come from the clock: no relative value is resolved.
  for (const Flat& f : runs[1]) EXPECT_EQ(f.value.find("2025-10-2"), std::string::npos) << f.value;
  EXPECT_EQ(timex(text, "Yesterday at 11 p.m.", "2025-10-22").value, "2025-10-21T23:00");
}

// ---- intervals of values read back -------------------------------------

std::chrono::sys_seconds at(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
  return std::chrono::sys_days{std::chrono::year{y} / m / d} + std::chrono::hours{h} + std::chrono::minutes{min};
}

TEST(TimexValueInterval, ReadsEveryGranularity) {
  using G = Granularity;
  struct Case {
    const char* value;
    std::chrono::sys_seconds start, end;
    Granularity g;
  };
  const Case cases[] = {
      {"2025-10-17", at(2025, 10, 17), at(2025, 10, 18), G::day},
      {"2024-02-29", at(2024, 2, 29), at(2024, 3, 1), G::day},
      {"2025-10", at(2025, 10, 1), at(2025, 11, 1), G::month},
      {"2025", at(2025, 1, 1), at(2026, 1, 1), G::year},
      {"199", at(1990, 1, 1), at(2000, 1, 1), G::decade},
      {"19", at(1900, 1, 1), at(2000, 1, 1), G::century},
      {"2025-Q3", at(2025, 7, 1), at(2025, 10, 1), G::quarter},
      {"2025-H2", at(2025, 7, 1), at(2026, 1, 1), G::half},
      {"1998-SP", at(1998, 3, 1), at(1998, 6, 1), G::season},
      {"2025-W01", at(2024, 12, 30), at(2025, 1, 6), G::week},  // ISO week-year
      {"2000-W7", at(2000, 2, 14), at(2000, 2, 21), G::week},   // as TimeBank writes it
      {"1989-W44-WE", at(1989, 11, 4), at(1989, 11, 6), G::week},
      {"1998-03-05TMO", at(1998, 3, 5, 6), at(1998, 3, 5, 12), G::part_of_day},
      {"1989-11-06T17", at(1989, 11, 6, 17), at(1989, 11, 6, 18), G::hour},
      {"1989-11-06T17:00", at(1989, 11, 6, 17), at(1989, 11, 6, 17, 1), G::minute},
      {"1998-02-06T22:19:00", at(1998, 2, 6, 22, 19), at(1998, 2, 6, 22, 20), G::minute},
  };
  for (const Case& c : cases) {
    const auto iv = value_interval(c.value);
    ASSERT_TRUE(iv.has_value()) << c.value;
    EXPECT_EQ(iv->start, c.start) << c.value;
    EXPECT_EQ(iv->end, c.end) << c.value;
    EXPECT_EQ(iv->granularity, c.g) << c.value;
  }
}

TEST(TimexValueInterval, ValuesWithoutAStretchOfCalendarGiveNone) {
  for (const char* value : {"XXXX-10-17", "1998-12-XX", "1989-WXX", "XXXX-WXX-5", "PRESENT_REF",
                            "PAST_REF", "P3D", "PT24H", "", "2025-13", "2025-02-30", "2025-10-17T25", "2025-10-17X",
                            "20251017", "1998-W54", "2025-Q5", "abc"})
    EXPECT_FALSE(value_interval(value).has_value()) << value;
}

// The normalizer's intervals and the reader's agree: what tempora writes as
// a value reads back as the interval it computed.
TEST(TimexValueInterval, AgreesWithTheNormalizer) {
  const std::string text =
      "On Oct. 17, 2025, at 3 p.m., the ministers met. Last week, in the third quarter of 2024, this year, "
      "the 1990s, the 20th century, Tuesday night, next month, last spring, the second half of 2023, "
      "two weeks ago, the weekend, yesterday morning, December 30 and noon Saturday.";
  int compared = 0;
  for (const Timex& t : find(text, "2025-01-02")) {
    if (!t.interval) continue;
    ++compared;
    EXPECT_EQ(value_interval(t.value), t.interval) << t.value;
  }
  EXPECT_GE(compared, 12);
}

// ---- robustness -------------------------------------------------------

TEST(TimexRobust, BadInputNeverCrashes) {
  EXPECT_TRUE(find("", "2025-10-22").empty());
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>((i * 7919) & 0xFF));
  (void)find(binary, "2025-10-22");
  const std::string repeated(100000, '9');
  (void)find(repeated, "2025-10-22");
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "the last the next of the ";
  (void)find(many, "2025-10-22");
  std::string digits;
  for (int i = 0; i < 5000; ++i) digits += "12/31/ 3:4: 1990s' '9 ";
  (void)find(digits, "");
  // huge counts do not overflow the duration arithmetic
  EXPECT_EQ(value("It took 999999 thousand centuries.", "999999 thousand centuries", "2025-10-22"), "PXY");
  EXPECT_EQ(value("It took 999999 decades.", "999999 decades", "2025-10-22"), "PXY");
}

TEST(TimexRobust, RulesLoadFromTheDataDirectory) {
  const TimeTagger t = TimeTagger::load();
  EXPECT_EQ(t.find("on Friday", dct("2025-10-22")).size(), 1u);
}

TEST(TimexDct, ParsesDctForms) {
  ASSERT_TRUE(parse_dct("2025-10-17", "x").has_value());
  ASSERT_TRUE(parse_dct("19980108", "x").has_value());
  const auto t = parse_dct("1998-02-06T22:19:00", "x");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(dct_value(*t), "1998-02-06T22:19");
  EXPECT_FALSE(parse_dct("2025-02-30", "x").has_value());
  EXPECT_FALSE(parse_dct("yesterday", "x").has_value());
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

TEST(TimexDateline, DatedDatelineBecomesTheDct) {
  Document doc("WASHINGTON, March 12, 1998 (AP) -- The Senate voted yesterday on the bill.");
  const auto& layer = tagger().tag(doc);
  ASSERT_TRUE(doc.info().creation_time.has_value());
  EXPECT_EQ(doc.info().creation_time->origin, "dateline");
  ASSERT_EQ(layer.timexes.size(), 2u);
  EXPECT_EQ(layer.timexes[1].value, "1998-03-11");
  // a date later in the text is no dateline
  Document other("The Senate voted yesterday.\nIt met on March 12, 1998 (a Thursday).");
  tagger().tag(other);
  EXPECT_FALSE(other.info().creation_time.has_value());
}

TEST(TimexDateline, APublicationDateUnderTheHeadlineBecomesTheDct) {
  Document doc("Apple launches new, faster iPhone\nJune 9, 2009\nApple Computer today announced the iPhone 3GS.");
  const auto& layer = tagger().tag(doc);
  ASSERT_TRUE(doc.info().creation_time.has_value());
  EXPECT_EQ(doc.info().creation_time->origin, "dateline");
  ASSERT_EQ(layer.timexes.size(), 2u);
  EXPECT_EQ(layer.timexes[1].value, "2009-06-09");  // "today"
  // A date inside a sentence is none, nor is a date line further down.
  Document in_text("Apple launches new iPhone\nThe phone ships on June 19, 2009, the company said today.");
  tagger().tag(in_text);
  EXPECT_FALSE(in_text.info().creation_time.has_value());
  Document late("One\nTwo\nThree\nJune 9, 2009\nApple announced the phone today.");
  tagger().tag(late);
  EXPECT_FALSE(late.info().creation_time.has_value());
}

TEST(TimexDateline, ADatelineUnderTheHeadlineBecomesTheDct) {
  for (const char* text : {"Jury finds former FTX chief guilty\n\nNEW YORK, Nov. 2, 2023 - A jury on Thursday found "
                           "him guilty.",
                           "Jury finds former FTX chief guilty\nBy Jane Doe\nNEW YORK, Nov. 2, 2023 (Reuters) - A "
                           "jury on Thursday found him guilty.",
                           "Jury finds former FTX chief guilty\nNov. 2, 2023 - A jury on Thursday found him guilty."}) {
    Document doc(text);
    const auto& layer = tagger().tag(doc);
    ASSERT_TRUE(doc.info().creation_time.has_value()) << text;
    EXPECT_EQ(dct_value(*doc.info().creation_time), "2023-11-02") << text;
    EXPECT_EQ(layer.timexes.back().value, "2023-11-02") << text;  // "Thursday"
  }
  // After words of a sentence, a date and a dash are no dateline.
  for (const char* text : {"Jury finds former FTX chief guilty\nThe jury met on Nov. 2, 2023 - a Thursday.",
                           "One\nTwo\nThree\nNEW YORK, Nov. 2, 2023 - A jury found him guilty."}) {
    Document doc(text);
    tagger().tag(doc);
    EXPECT_FALSE(doc.info().creation_time.has_value()) << text;
  }
}

TEST(TimexDateline, AYearInTheHeadlineDoesNotHideTheDateUnderIt) {
  Document doc(
      "Apple unveils iPhone 4, iOS 4 at Worldwide Developers Conference 2010\nJune 8, 2010\n"
      "Yesterday, company CEO Steve Jobs unveiled iPhone 4.");
  const auto& layer = tagger().tag(doc);
  ASSERT_TRUE(doc.info().creation_time.has_value());
  EXPECT_EQ(doc.info().creation_time->origin, "dateline");
  ASSERT_EQ(layer.timexes.size(), 3u);
  EXPECT_EQ(layer.timexes[0].value, "2010");
  EXPECT_EQ(layer.timexes[2].value, "2010-06-07");  // "Yesterday"
}

}  // namespace
}  // namespace tempora

#include "tempora/segment.hpp"

namespace tempora {
namespace {

TEST(TimexWithSegmenter, UsesSentenceBoundariesOfTheTextStage) {
  DocumentInfo info;
  info.creation_time = dct("2025-10-22");  // a Wednesday
  Document doc("Talks will resume next week. Officials in the U.S. met on Friday in Washington.", info);
  Segmenter::load(testing::source_dir() / "resources" / "text").segment(doc);
  const auto& layer = tagger().tag(doc);
  ASSERT_EQ(layer.timexes.size(), 2u);
  EXPECT_EQ(layer.timexes[0].value, "2025-W44");
  // "will" belongs to the previous sentence: Friday is the past one
  EXPECT_EQ(layer.timexes[1].value, "2025-10-17");
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

TEST(TimexDates, MonthWithARelativeYear) {
  EXPECT_EQ(value("Talks began in February this year.", "February this year", "1998-12-03"), "1998-02");
  EXPECT_EQ(value("Talks resume in April next year.", "April next year", "1998-12-03"), "1999-04");
  EXPECT_EQ(value("Talks began in June last year.", "June last year", "1998-12-03"), "1997-06");
  // a modified month keeps its relative year in the one expression
  const Timex early = timex("Parliament approved it in early October this year.", "early October this year", "1998-12-03");
  EXPECT_EQ(early.value, "1998-10");
  EXPECT_EQ(early.mod, "START");
  const Timex late = timex("The vote comes in late March next year.", "late March next year", "1998-12-03");
  EXPECT_EQ(late.value, "1999-03");
  EXPECT_EQ(late.mod, "END");
}

TEST(TimexHolidays, ComputedFromTheCalendar) {
  // the fourth Thursday of November
  EXPECT_EQ(value("Stores opened on Thanksgiving Day.", "Thanksgiving Day", "1999-12-01"), "1999-11-25");
  EXPECT_EQ(value("Stores opened on Thanksgiving Day 2024.", "Thanksgiving Day 2024", "2025-12-01"), "2024-11-28");
  EXPECT_EQ(value("He came home last Christmas.", "last Christmas", "2025-10-22"), "2024-12-25");
  // the Tuesday after the first Monday of November ("+1" after the weekday)
  EXPECT_EQ(value("It is a major theme from now to Election Day.", "Election Day", "1998-10-26"), "1998-11-03");
  EXPECT_EQ(value("Polls close on Election Day.", "Election Day", "2022-10-20"), "2022-11-08");  // Nov 1 a Tuesday
  // the common noun is no holiday
  EXPECT_TRUE(find("The election day passed quietly in Ghana.", "2022-10-20").empty());
}

TEST(TimexDates, SpokenYears) {
  EXPECT_EQ(value("It began in nineteen ninety-six.", "nineteen ninety-six", "1998-01-01"), "1996");
  EXPECT_EQ(value("By the year two thousand it was over.", "the year two thousand", "1998-01-01"), "2000");
}

}  // namespace
}  // namespace tempora

#include <filesystem>
#include <fstream>

namespace tempora {
namespace {

TEST(TimexRules, BadRuleFilesAreReportedWithTheirLine) {
  const auto dir = std::filesystem::temp_directory_path() / "tempora-time-rules-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.lex") << "# comment\nMONTH 1 january\n";
  std::ofstream(dir / "patterns.txt") << "DATE MONTH\nDATE NOSUCHCLASS\n";
  try {
    (void)TimeTagger::load(dir);
    ADD_FAILURE() << "a pattern with an unknown class was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("patterns.txt:2"), std::string::npos) << e.what();
  }
  std::ofstream(dir / "patterns.txt") << "DATE MONTH\n";
  std::ofstream(dir / "b.lex") << "HOLIDAY 13-45 someday\n";
  EXPECT_THROW((void)TimeTagger::load(dir), std::runtime_error);
  std::filesystem::remove(dir / "b.lex");
  const TimeTagger minimal = TimeTagger::load(dir);
  EXPECT_EQ(minimal.find("in January", std::nullopt).at(0).value, "XXXX-01");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

TEST(TimexAnaphoric, CoarseReferenceLeavesTheDayUnknown) {
  const std::string text =
      "The bank failed in October 1998. That same day the minister resigned. Later that year "
      "the bank reopened.";
  EXPECT_EQ(value(text, "That same day", "1999-02-06"), "1998-10-XX");
  EXPECT_EQ(value(text, "Later that year", "1999-02-06"), "1998");
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

TEST(TimexTimes, HourWithAPartOfTheDay) {
  EXPECT_EQ(value("The blast came at 4 in the morning.", "4 in the morning", "2000-04-05"), "2000-04-05T04:00");
  EXPECT_EQ(value("They met at 4 in the afternoon.", "4 in the afternoon", "2000-04-05"), "2000-04-05T16:00");
}

TEST(TimexDates, EndOfTheCurrentUnit) {
  const Timex t = timex("Rates will rise by the end of the year.", "the end of the year", "1989-10-30");
  EXPECT_EQ(t.value, "1989");
  EXPECT_EQ(t.mod, "END");
  EXPECT_EQ(value("Prices will stay high in the near future.", "the near future", "1989-10-30"), "FUTURE_REF");
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

TEST(TimexDates, WeekOfADateAndWeekdayWithDate) {
  EXPECT_EQ(value("Talks are set for the week of March 6, 2000.", "the week of March 6, 2000", "2000-02-24"),
            "2000-W10");
  EXPECT_EQ(value("Vote this coming Sunday, March eighth.", "this coming Sunday, March eighth", "1998-03-05"),
            "1998-03-08");
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

TEST(TimexNegative, FractionsNumbersAndIdiomsAreNoTimexes) {
  for (const char* text :
       {"A quarter of the votes were lost.", "About three-quarters of voters agreed.", "More than a half of them left.",
        "Prices fell twenty six percent.", "It was a last-minute deal.", "A 6-year-old boy was found."})
    EXPECT_TRUE(find(text, "2025-10-22").empty()) << text;
  // while the quarters of a year still are
  EXPECT_EQ(value("Sales fell in the quarter.", "the quarter", "2025-10-22"), "2025-Q3");
}

}  // namespace
}  // namespace tempora

// Calendar values of the time stage: a TIMEX3 date/time at some granularity,
// possibly with an unknown year, and the arithmetic the normalizer needs.
// All arithmetic goes through Howard Hinnant's date library (civil calendar,
// ISO weeks); nothing here knows about time zones or the system clock.
#pragma once

#include <date/date.h>
#include <date/iso_week.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "tempora/timex.hpp"

namespace tempora::detail::time {

struct Cal {
  Granularity g = Granularity::unknown;
  std::optional<int> year;  // nullopt: "XXXX"
  int month = 0;            // 0: unknown ("XX")
  int day = 0;
  int week = 0;  // ISO week (year is then the ISO year)
  int quarter = 0, half = 0;
  int decade = 0;      // 199 for the 1990s
  int century = 0;     // 19 for the 1900s
  std::string season;  // SP SU FA WI
  std::string pod;     // MO AF EV NI
  int hour = -1, minute = -1;
  int weekday = 0;  // ISO weekday for "XXXX-WXX-5"
  bool weekend = false;

  std::string value() const;
  std::optional<TimeInterval> interval() const;
  // A day inside the value (its first), when the year is known.
  std::optional<date::sys_days> first_day() const;
};

Cal day_cal(date::sys_days d);
Cal week_cal(date::sys_days d);
Cal month_cal(date::year_month ym);
Cal year_cal(int y);
Cal quarter_cal(int y, int q);
int quarter_of(unsigned month);

// The anchor day moved by n units; the result has the unit's granularity
// (Y M W D Q HALF DE CE WE), or nullopt for an unknown unit.
std::optional<Cal> shift_day(date::sys_days anchor, int n, const std::string& unit);
// The Cal a TIMEX3 DATE/TIME value spells (the inverse of Cal::value(), and
// lenient where annotators are: "2000-W7", seconds); nullopt for anything
// else (durations, PRESENT_REF, malformed text).
std::optional<Cal> parse_value(std::string_view value);
// A value moved by n units keeping its own granularity when it is finer than
// a year and the unit is a year ("a year earlier" than 1989-Q3 is 1988-Q3).
std::optional<Cal> shift_cal(const Cal& base, int n, const std::string& unit);

}  // namespace tempora::detail::time

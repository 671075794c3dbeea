// Calendar values: TIMEX3 formatting, intervals and unit arithmetic.
//
// A Cal is what the normalizer builds: the fields a TIMEX3 value can hold at
// one granularity. value() writes the TIMEX3 string (unknown parts as X);
// interval() maps it to [start, end) of civil time using date::year_month_day
// and iso_week, so month lengths, leap days and ISO week-years come from the
// library, not from hand-written tables.
#include "time/calendar.hpp"

#include <fmt/format.h>

namespace tempora::detail::time {

using date::sys_days;
using std::chrono::hours;
using std::chrono::minutes;

namespace {
std::string year_text(const std::optional<int>& y) {
  if (y && *y >= 1000 && *y <= 9999) return std::to_string(*y);
  return y ? fmt::format("{:04d}", *y) : "XXXX";
}
// Two digits of a field known to be in 0..99 (month, day, hour, minute);
// day values are written for every timex, so without a format call.
void append_two_digits(std::string& out, int v) {
  out.push_back(static_cast<char>('0' + v / 10));
  out.push_back(static_cast<char>('0' + v % 10));
}
}  // namespace

int quarter_of(unsigned month) { return static_cast<int>((month - 1) / 3 + 1); }

std::string Cal::value() const {
  switch (g) {
    case Granularity::century:
      return fmt::format("{:02d}", century);
    case Granularity::decade:
      return fmt::format("{:03d}", decade);
    case Granularity::year:
      return year_text(year);
    case Granularity::half:
      return fmt::format("{}-H{}", year_text(year), half);
    case Granularity::quarter:
      return quarter ? fmt::format("{}-Q{}", year_text(year), quarter) : year_text(year) + "-QX";
    case Granularity::season:
      return fmt::format("{}-{}", year_text(year), season);
    case Granularity::month:
      return month ? fmt::format("{}-{:02d}", year_text(year), month) : year_text(year) + "-XX";
    case Granularity::week: {
      std::string v = week ? fmt::format("{}-W{:02d}", year_text(year), week) : year_text(year) + "-WXX";
      if (weekend) v += "-WE";
      return v;
    }
    case Granularity::day:
    case Granularity::part_of_day:
    case Granularity::hour:
    case Granularity::minute: {
      std::string v = year_text(year);
      if (month == 0 && day == 0 && weekday != 0) {
        v += fmt::format("-WXX-{}", weekday);
      } else {
        v += '-';
        if (month >= 1 && month <= 12) append_two_digits(v, month); else v += "XX";
        v += '-';
        if (day >= 1 && day <= 31) append_two_digits(v, day); else v += "XX";
      }
      if (g == Granularity::part_of_day && !pod.empty()) v += "T" + pod;
      if (g >= Granularity::hour && hour >= 0 && hour <= 24) {
        v += 'T';
        append_two_digits(v, hour);
        if (g == Granularity::minute && minute >= 0 && minute <= 59) {
          v += ':';
          append_two_digits(v, minute);
        }
      }
      return v;
    }
    case Granularity::unknown:
      break;
  }
  return "XXXX-XX-XX";
}

std::optional<sys_days> Cal::first_day() const {
  using namespace date;
  if (g == Granularity::century) return sys_days{date::year{century * 100} / 1 / 1};
  if (g == Granularity::decade) return sys_days{date::year{decade * 10} / 1 / 1};
  if (!year) return std::nullopt;
  const date::year y{*year};
  switch (g) {
    case Granularity::year:
      return sys_days{y / 1 / 1};
    case Granularity::half:
      return sys_days{y / date::month(static_cast<unsigned>((half - 1) * 6 + 1)) / 1};
    case Granularity::quarter:
      if (!quarter) return sys_days{y / 1 / 1};
      return sys_days{y / date::month(static_cast<unsigned>((quarter - 1) * 3 + 1)) / 1};
    case Granularity::season: {
      const unsigned m = season == "SP" ? 3 : season == "SU" ? 6 : season == "FA" ? 9 : 12;
      return sys_days{y / date::month(m) / 1};
    }
    case Granularity::month:
      return month ? std::optional(sys_days{y / date::month(month) / 1}) : std::nullopt;
    case Granularity::week: {
      if (!week) return std::nullopt;
      const iso_week::year_weeknum_weekday w{iso_week::year{*year}, iso_week::weeknum(static_cast<unsigned>(week)),
                                             iso_week::weekday(weekend ? 6u : 1u)};
      if (!w.ok()) return std::nullopt;
      return sys_days{w};
    }
    default: {
      if (!month || !day) return std::nullopt;
      const year_month_day ymd{y, date::month(month), date::day(day)};
      if (!ymd.ok()) return std::nullopt;
      return sys_days{ymd};
    }
  }
}

std::optional<TimeInterval> Cal::interval() const {
  using namespace date;
  const auto first = first_day();
  if (!first) return std::nullopt;
  sys_days end_day = *first;
  switch (g) {
    case Granularity::century:
      end_day = sys_days{date::year{century * 100 + 100} / 1 / 1};
      break;
    case Granularity::decade:
      end_day = sys_days{date::year{decade * 10 + 10} / 1 / 1};
      break;
    case Granularity::year:
      end_day = sys_days{date::year{*year + 1} / 1 / 1};
      break;
    case Granularity::half:
      end_day = sys_days{year_month_day{*first} + months{6}};
      break;
    case Granularity::quarter:
      end_day = sys_days{year_month_day{*first} + months{quarter ? 3 : 12}};
      break;
    case Granularity::season:
      end_day = sys_days{year_month_day{*first} + months{3}};
      break;
    case Granularity::month:
      end_day = sys_days{year_month_day{*first} + months{1}};
      break;
    case Granularity::week:
      end_day = *first + days{weekend ? 2 : 7};
      break;
    default:
      end_day = *first + days{1};
      break;
  }
  TimeInterval iv{std::chrono::time_point_cast<std::chrono::seconds>(*first),
                  std::chrono::time_point_cast<std::chrono::seconds>(end_day), g};
  if (g == Granularity::part_of_day) {
    // morning 06-12, afternoon 12-18, evening 18-24, night 18-30 (into the next day)
    int from = 0, to = 24;
    if (pod == "MO")
      from = 6, to = 12;
    else if (pod == "AF")
      from = 12, to = 18;
    else if (pod == "EV")
      from = 18, to = 24;
    else if (pod == "NI")
      from = 18, to = 30;
    iv.start = std::chrono::time_point_cast<std::chrono::seconds>(*first + hours{from});
    iv.end = std::chrono::time_point_cast<std::chrono::seconds>(*first + hours{to});
  } else if (g == Granularity::hour && hour >= 0) {
    iv.start = std::chrono::time_point_cast<std::chrono::seconds>(*first + hours{hour});
    iv.end = iv.start + hours{1};
  } else if (g == Granularity::minute && hour >= 0) {
    iv.start = std::chrono::time_point_cast<std::chrono::seconds>(*first + hours{hour} + minutes{minute});
    iv.end = iv.start + minutes{1};
  }
  return iv;
}

Cal day_cal(sys_days d) {
  const date::year_month_day ymd{d};
  Cal c;
  c.g = Granularity::day;
  c.year = static_cast<int>(ymd.year());
  c.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  c.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return c;
}

Cal week_cal(sys_days d) {
  const iso_week::year_weeknum_weekday w{d};
  Cal c;
  c.g = Granularity::week;
  c.year = static_cast<int>(w.year());
  c.week = static_cast<int>(static_cast<unsigned>(w.weeknum()));
  return c;
}

Cal month_cal(date::year_month ym) {
  Cal c;
  c.g = Granularity::month;
  c.year = static_cast<int>(ym.year());
  c.month = static_cast<int>(static_cast<unsigned>(ym.month()));
  return c;
}

Cal year_cal(int y) {
  Cal c;
  c.g = Granularity::year;
  c.year = y;
  return c;
}

Cal quarter_cal(int y, int q) {
  Cal c;
  c.g = Granularity::quarter;
  c.year = y;
  c.quarter = q;
  return c;
}

namespace {
int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
}  // namespace

std::optional<Cal> shift_day(sys_days anchor, int n, const std::string& unit) {
  using namespace date;
  const year_month_day ymd{anchor};
  const int y = static_cast<int>(ymd.year());
  const int m = static_cast<int>(static_cast<unsigned>(ymd.month()));
  if (unit == "Y") return year_cal(y + n);
  if (unit == "M") return month_cal(year_month{ymd.year(), ymd.month()} + months{n});
  if (unit == "W") return week_cal(anchor + days{7 * n});
  if (unit == "WE") {
    Cal c = week_cal(anchor + days{7 * n});
    c.weekend = true;
    return c;
  }
  if (unit == "D" || unit == "H" || unit == "MIN" || unit == "S") return day_cal(anchor + days{unit == "D" ? n : 0});
  if (unit == "Q") {
    const int index = y * 4 + (m - 1) / 3 + n;
    return quarter_cal(floor_div(index, 4), index - floor_div(index, 4) * 4 + 1);
  }
  if (unit == "HALF") {
    const int index = y * 2 + (m - 1) / 6 + n;
    Cal c;
    c.g = Granularity::half;
    c.year = floor_div(index, 2);
    c.half = index - floor_div(index, 2) * 2 + 1;
    return c;
  }
  if (unit == "DE") {
    Cal c;
    c.g = Granularity::decade;
    c.decade = floor_div(y, 10) + n;
    return c;
  }
  if (unit == "CE") {
    Cal c;
    c.g = Granularity::century;
    c.century = floor_div(y, 100) + n;
    return c;
  }
  return std::nullopt;
}

std::optional<Cal> shift_cal(const Cal& base, int n, const std::string& unit) {
  if (!base.year) return std::nullopt;
  // Days from a month or coarser: the day is unknown ("that same day" after
  // "in October 1998" is 1998-10-XX), not the first of the month.
  if ((unit == "D" || unit == "H" || unit == "MIN" || unit == "S") && base.g < Granularity::week) {
    Cal c;
    c.g = Granularity::day;
    c.year = base.year;
    c.month = base.g == Granularity::month ? base.month : 0;
    return c;
  }
  // A year shift of a quarter, half, month or season keeps that granularity
  // ("a year earlier" than 1989-Q3 is 1988-Q3); "that year" is the year.
  if (unit == "Y" && n != 0) {
    Cal c = base;
    switch (base.g) {
      case Granularity::quarter:
      case Granularity::half:
      case Granularity::season:
      case Granularity::month:
        *c.year += n;
        return c;
      case Granularity::year:
        *c.year += n;
        return c;
      default:
        break;
    }
  }
  if (unit == "Q" && base.g == Granularity::quarter && base.quarter) {
    const int index = *base.year * 4 + base.quarter - 1 + n;
    return quarter_cal(floor_div(index, 4), index - floor_div(index, 4) * 4 + 1);
  }
  const auto day = base.first_day();
  if (!day) return std::nullopt;
  return shift_day(*day, n, unit);
}

namespace {

// A cursor over a TIMEX3 value: fixed-width digit fields, literal characters.
struct ValueReader {
  std::string_view s;
  std::size_t at = 0;

  bool done() const { return at == s.size(); }
  bool literal(std::string_view text) {
    if (s.substr(at, text.size()) != text) return false;
    at += text.size();
    return true;
  }
  // Exactly `width` digits (or, with min_width, between min_width and width).
  std::optional<int> digits(std::size_t width, std::size_t min_width = 0) {
    if (min_width == 0) min_width = width;
    std::size_t n = 0;
    int v = 0;
    while (n < width && at + n < s.size() && s[at + n] >= '0' && s[at + n] <= '9') v = v * 10 + (s[at + n++] - '0');
    if (n < min_width) return std::nullopt;
    at += n;
    return v;
  }
};

}  // namespace

std::optional<Cal> parse_value(std::string_view value) {
  ValueReader r{value};
  Cal c;
  // Centuries ("19") and decades ("199") are the only values without a year.
  if (value.size() == 2 || value.size() == 3) {
    const auto v = r.digits(value.size());
    if (!v || !r.done()) return std::nullopt;
    c.g = value.size() == 2 ? Granularity::century : Granularity::decade;
    (value.size() == 2 ? c.century : c.decade) = *v;
    return c;
  }
  if (r.literal("XXXX")) {
    c.year = std::nullopt;
  } else if (const auto y = r.digits(4)) {
    c.year = *y;
  } else {
    return std::nullopt;
  }
  c.g = Granularity::year;
  if (r.done()) return c;
  if (!r.literal("-")) return std::nullopt;
  if (r.literal("H")) {
    const auto h = r.digits(1);
    if (!h || *h < 1 || *h > 2) return std::nullopt;
    c.g = Granularity::half, c.half = *h;
  } else if (r.literal("QX")) {
    c.g = Granularity::quarter;
  } else if (r.literal("Q")) {
    const auto q = r.digits(1);
    if (!q || *q < 1 || *q > 4) return std::nullopt;
    c.g = Granularity::quarter, c.quarter = *q;
  } else if (r.literal("WXX")) {
    c.g = Granularity::week;
    if (r.literal("-")) {  // "XXXX-WXX-5": a weekday of an unknown week
      const auto d = r.digits(1);
      if (!d || *d < 1 || *d > 7) return std::nullopt;
      c.g = Granularity::day, c.weekday = *d;
    }
  } else if (r.literal("W")) {
    // Annotators write "2000-W7" as well as "2000-W07".
    const auto w = r.digits(2, 1);
    if (!w || *w < 1 || *w > 53) return std::nullopt;
    c.g = Granularity::week, c.week = *w;
    if (r.literal("-WE")) c.weekend = true;
  } else if (r.literal("XX")) {
    c.g = Granularity::month;
  } else {
    for (const char* season : {"SP", "SU", "FA", "WI"})
      if (r.literal(season)) {
        c.g = Granularity::season, c.season = season;
        return r.done() ? std::optional(c) : std::nullopt;
      }
    const auto m = r.digits(2);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    c.g = Granularity::month, c.month = *m;
  }
  if (c.g == Granularity::month && r.literal("-")) {
    c.g = Granularity::day;
    if (!r.literal("XX")) {
      const auto d = r.digits(2);
      if (!d || *d < 1 || *d > 31) return std::nullopt;
      c.day = *d;
    }
  }
  if (c.g == Granularity::day && r.literal("T")) {
    for (const char* pod : {"MO", "AF", "EV", "NI", "DT"})
      if (r.literal(pod)) {
        c.g = Granularity::part_of_day, c.pod = pod;
        return r.done() ? std::optional(c) : std::nullopt;
      }
    const auto h = r.digits(2);
    if (!h || *h > 24) return std::nullopt;
    c.g = Granularity::hour, c.hour = *h;
    if (r.literal(":")) {
      const auto m = r.digits(2);
      if (!m || *m > 59) return std::nullopt;
      c.g = Granularity::minute, c.minute = *m;
      if (r.literal(":") && !r.digits(2)) return std::nullopt;  // seconds: read, kept at minute granularity
    }
  }
  return r.done() ? std::optional(c) : std::nullopt;
}

}  // namespace tempora::detail::time

namespace tempora {

std::optional<TimeInterval> value_interval(std::string_view value) {
  const auto cal = detail::time::parse_value(value);
  return cal ? cal->interval() : std::nullopt;
}

}  // namespace tempora

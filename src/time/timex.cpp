// TimeTagger: from matches to normalized TIMEX3 values.
//
// For each match of the rules (rules.cpp) the normalizer reads the Frame —
// which calendar fields the text stated, which shift or direction words it
// used — and computes a value against one of two anchors:
//
//   * the DCT, for deictic expressions ("yesterday", "last week", "two days
//     ago", bare "Friday" or "October 17" whose year/week the DCT supplies);
//   * the narrative reference time, for anaphoric ones ("the next day", "two
//     weeks later", "a year earlier"): the last fully resolved date the text
//     named, starting at the DCT and moving as dates are mentioned.
//
// Bare weekdays, months and quarters take a direction from the tense around
// them: a future cue ("will", "expected", "next" — resources/time/deictics.lex,
// or a future modal in the Morphology layer) picks the next occurrence, a past
// cue (a past-tense verb, "was", "ago") the previous one; without a cue a
// weekday takes the previous one (news reports what happened) and a month-day
// the nearest one. In the pipeline the text is tagged and parsed first: the
// tagger's past tenses, participles and modals are cues too, and a month
// after "in" that the parse attaches to a past-tense verb is the last one,
// however far the verb ("released a new bus in May"), and a date with no cue
// near it is ahead when the verb the parse hangs it on has "will" ("will
// meet President Xi Jinping and Premier Li Qiang in Beijing on Tuesday"); a
// present tense the parse hangs a date on is a schedule ("who takes office
// on Monday": the next Monday).
// Without a DCT,
// deictic values keep X for what the DCT would have given ("XXXX-10-17"),
// and tag() reports that.
#include "tempora/timex.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

#include "tempora/data.hpp"
#include "tempora/parse.hpp"
#include "time/calendar.hpp"
#include "time/rules.hpp"

namespace tempora {

using namespace detail::time;
using date::days;
using date::sys_days;

std::string_view to_string(TimexType type) {
  switch (type) {
    case TimexType::date:
      return "DATE";
    case TimexType::time:
      return "TIME";
    case TimexType::duration:
      return "DURATION";
    case TimexType::set:
      return "SET";
  }
  return "DATE";
}

std::optional<TimexType> parse_timex_type(std::string_view name) {
  if (name == "DATE") return TimexType::date;
  if (name == "TIME") return TimexType::time;
  if (name == "DURATION") return TimexType::duration;
  if (name == "SET") return TimexType::set;
  return std::nullopt;
}

std::string_view to_string(Granularity g) {
  switch (g) {
    case Granularity::unknown:
      return "unknown";
    case Granularity::century:
      return "century";
    case Granularity::decade:
      return "decade";
    case Granularity::year:
      return "year";
    case Granularity::half:
      return "half";
    case Granularity::quarter:
      return "quarter";
    case Granularity::season:
      return "season";
    case Granularity::month:
      return "month";
    case Granularity::week:
      return "week";
    case Granularity::day:
      return "day";
    case Granularity::part_of_day:
      return "part_of_day";
    case Granularity::hour:
      return "hour";
    case Granularity::minute:
      return "minute";
  }
  return "unknown";
}

std::string dct_value(const CreationTime& dct) {
  std::string v = day_cal(dct.day).value();
  if (dct.time_of_day) {
    const auto m = dct.time_of_day->count();
    v += fmt::format("T{:02d}:{:02d}", m / 60, m % 60);
  }
  return v;
}

std::optional<CreationTime> parse_dct(std::string_view text, std::string origin) {
  auto digits = [&](std::size_t pos, std::size_t len) -> int {
    if (pos + len > text.size()) return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  int y = -1, m = -1, d = -1;
  std::size_t rest = 0;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    y = digits(0, 4), m = digits(5, 2), d = digits(8, 2), rest = 10;
  } else if (text.size() >= 8) {
    y = digits(0, 4), m = digits(4, 2), d = digits(6, 2), rest = 8;
  }
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month(static_cast<unsigned>(m)),
                                 date::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  CreationTime ct;
  ct.day = sys_days{ymd};
  ct.origin = std::move(origin);
  if (rest < text.size() && (text[rest] == 'T' || text[rest] == ' ')) {
    const int h = digits(rest + 1, 2), mi = digits(rest + 4, 2);
    if (h >= 0 && h <= 24 && mi >= 0 && mi < 60 && rest + 3 < text.size() && text[rest + 3] == ':')
      ct.time_of_day = std::chrono::minutes{h * 60 + mi};
  }
  return ct;
}

// ---- the tagger ----------------------------------------------------------

struct TimeTagger::Rules {
  detail::time::Rules rules;
};

TimeTagger::TimeTagger(std::unique_ptr<const Rules> rules) : rules_(std::move(rules)) {}
TimeTagger::TimeTagger(TimeTagger&&) noexcept = default;
TimeTagger& TimeTagger::operator=(TimeTagger&&) noexcept = default;
TimeTagger::~TimeTagger() = default;

TimeTagger TimeTagger::load() { return load(data_file("resources/time")); }

TimeTagger TimeTagger::load(const std::filesystem::path& resources_dir) {
  auto rules = std::make_unique<Rules>();
  rules->rules = detail::time::Rules::load(resources_dir);
  return TimeTagger(std::move(rules));
}

namespace {

// near_past: a past verb governs the date itself ("the year ended Jan. 31",
// "bought RJR in February"), not just somewhere in the sentence.
enum class Tense { none, past, near_past, future, weak_future };

struct Context {
  std::optional<sys_days> dct;
  std::optional<Cal> ref;  // narrative reference time
  std::string ref_tid;
  // The reference is the year to date of a report ("for the nine months"):
  // its comparisons ("a year earlier", "the 1988 period") are years, not quarters.
  bool ref_year_to_date = false;
  // The reference came from a "since" phrase ("the first such meeting since
  // 2022"): a period the story looks back over, which a count of days does
  // not start from.
  bool ref_background = false;
  // The narrative's latest day: "Last week" may move the reference time to a
  // week, but "at 3:30 p.m." still falls on the day the story is at; an
  // announced day counts too ("will travel Thursday. He will leave at 4 in
  // the morning").
  std::optional<sys_days> ref_day;
  std::string ref_day_tid;
  Tense tense = Tense::none;
  const Morphology* morph = nullptr;
  const Segmentation* seg = nullptr;
  const Dependencies* deps = nullptr;
};

struct Normal {
  TimexType type = TimexType::date;
  std::string value, mod, quant, freq;
  bool temporal_function = false;
  bool anaphoric = false;  // anchored on the reference time rather than the DCT
  bool on_latest_day = false;  // anchored on the narrative's latest day (Context::ref_day)
  std::optional<Cal> cal;
  std::uint16_t stated = 0;
};

// "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M: the fraction in the next
// smaller unit when it comes out whole, else a decimal fraction of the unit
// (ISO 8601 allows one on the smallest component).
std::string fractional_duration(int whole, int num, int den, const std::string& u) {
  struct Split {
    const char* unit;
    const char* design;  // the unit's designator
    const char* minor;   // the smaller unit's designator ("" when none)
    int per;             // smaller units per unit
    bool time;           // a T before the time part
  };
  static constexpr Split kSplits[] = {
      {"Y", "Y", "M", 12, false}, {"DE", "Y", "", 10, false}, {"CE", "Y", "", 100, false},
      {"W", "D", "", 7, false},   {"D", "D", "H", 24, false}, {"H", "H", "M", 60, true},
      {"MIN", "M", "S", 60, true}, {"Q", "M", "", 3, false}, {"HALF", "M", "", 6, false}};
  for (const Split& s : kSplits) {
    if (u != s.unit || (num * s.per) % den != 0) continue;
    const long total = static_cast<long>(whole) * s.per + num * s.per / den;  // in smaller units
    const std::string pre = s.time ? "PT" : "P";
    if (*s.minor == '\0') return fmt::format("{}{}{}", pre, total, s.design);  // 2 1/2 decades = P25Y
    const long major = total / s.per, minor = total % s.per;
    if (u == "D") return minor ? fmt::format("P{}DT{}H", major, minor) : fmt::format("P{}D", major);
    return minor ? fmt::format("{}{}{}{}{}", pre, major, s.design, minor, s.minor) : fmt::format("{}{}{}", pre, major, s.design);
  }
  const std::string design = u == "MIN" ? "M" : u == "DE" || u == "CE" ? "Y" : u;
  const double v = whole + static_cast<double>(num) / den;
  return fmt::format("{}{:g}{}", u == "H" || u == "MIN" || u == "S" ? "PT" : "P", v, design);
}

std::string duration_value(const Frame& f) {
  if (f.frac_den > 0 && (!f.number || *f.number >= 0)) {
    const int whole = f.number ? *f.number : f.article || !f.plural ? 1 : 0;  // "a year and a half"
    return fractional_duration(whole, f.frac_num, f.frac_den, f.unit);
  }
  std::string n = "X";
  if (f.number && *f.number >= 0)
    n = std::to_string(*f.number);
  else if (!f.number && (f.article || !f.plural))
    n = "1";
  if (f.other && n == "1") n = "2";
  const std::string& u = f.unit;
  auto times = [&](int k) { return n == "X" ? std::string("X") : std::to_string(std::stoi(n) * k); };
  if (u == "H" || u == "MIN" || u == "S") return "PT" + n + (u == "MIN" ? "M" : u);
  if (u == "DE") return "P" + times(10) + "Y";
  if (u == "CE") return "P" + times(100) + "Y";
  if (u == "HALF") return "P" + times(6) + "M";
  if (u == "WE") return "P" + times(2) + "D";
  if (u == "SE") return "P" + times(3) + "M";
  return "P" + n + u;
}

int iso_weekday(sys_days d) { return static_cast<int>(date::weekday{d}.iso_encoding()); }

// The occurrence of weekday w relative to the anchor: dir < 0 the previous
// one (strictly before when strict), dir > 0 the next one.
sys_days weekday_near(sys_days anchor, int w, int dir, bool strict) {
  const int a = iso_weekday(anchor);
  if (dir <= 0) {
    int back = (a - w + 7) % 7;
    if (strict && back == 0) back = 7;
    return anchor - days{back};
  }
  int ahead = (w - a + 7) % 7;
  if (strict && ahead == 0) ahead = 7;
  return anchor + days{ahead};
}

constexpr long kFutureWeight = 2;

// Year for a month (and day) without one: by tense, else the nearest.
int year_for(sys_days anchor, int month, int day, Tense tense) {
  const date::year_month_day a{anchor};
  const int y = static_cast<int>(a.year());
  auto start = [&](int yy) {
    const date::year_month ym{date::year{yy}, date::month(static_cast<unsigned>(month))};
    if (day > 0) {
      const auto last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}};
      const unsigned dd = std::min(static_cast<unsigned>(day), static_cast<unsigned>(last.day()));
      return sys_days{ym / date::day(dd)};
    }
    return sys_days{ym / 1};
  };
  auto end = [&](int yy) {
    if (day > 0) return start(yy);
    return sys_days{date::year_month{date::year{yy}, date::month(static_cast<unsigned>(month))} / date::last};
  };
  // A month, or a month and day, is the nearest one to the anchor, or the
  // next one within half a year after a future cue, strong ("will", "next")
  // or weak ("are expected to join in April"), or the latest one begun after
  // a past verb that governs it ("the fiscal year ended Jan. 31"). Past cues
  // further away are too noisy in news ("said ... payable Dec. 15") to pull
  // it back a year.
  if (tense == Tense::near_past)
    for (int yy = y + 1; yy >= y - 1; --yy)
      if (start(yy) <= anchor) return yy;
  if (tense == Tense::weak_future) tense = Tense::future;
  if (tense != Tense::future) tense = Tense::none;
  if (tense == Tense::future) {
    // the next one, unless that is more than half a year away (the cue then
    // belongs to another clause: "will meet again, two days after Oct. 17")
    for (int yy = y - 1; yy <= y + 1; ++yy)
      if (end(yy) >= anchor) {
        if ((start(yy) - anchor).count() <= 183) return yy;
        break;
      }
  }
  // Otherwise the nearest one, a future one counting twice as far: news
  // reports more than it announces.
  int best = y;
  long best_gap = -1;
  for (int yy = y - 1; yy <= y + 1; ++yy) {
    const long gap = anchor < start(yy) ? kFutureWeight * (start(yy) - anchor).count()
                     : anchor > end(yy) ? (anchor - end(yy)).count()
                                        : 0;
    if (best_gap < 0 || gap < best_gap) best = yy, best_gap = gap;
  }
  return best;
}

// The season (year, index 1=SP..4=WI) a day belongs to; Jan-Feb belong to the
// previous year's winter.
std::pair<int, int> season_of(sys_days d) {
  const date::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  if (m <= 2) return {y - 1, 4};
  if (m <= 5) return {y, 1};
  if (m <= 8) return {y, 2};
  if (m <= 11) return {y, 3};
  return {y, 4};
}
int season_index(const std::string& s) { return s == "SP" ? 1 : s == "SU" ? 2 : s == "FA" ? 3 : s == "WI" ? 4 : 0; }

std::uint16_t stated_fields(const Frame& f) {
  std::uint16_t s = 0;
  if (f.year) s |= kFieldYear;
  if (f.decade) s |= kFieldDecade | kFieldCentury;
  if (f.century) s |= kFieldCentury;
  if (f.month) s |= kFieldMonth;
  if (f.day) s |= kFieldDay;
  if (f.weekday) s |= kFieldWeekday;
  if (f.unit == "Q" && f.ordinal) s |= kFieldQuarter;
  if (!f.season.empty()) s |= kFieldSeason;
  if (!f.pod.empty()) s |= kFieldPartOfDay;
  if (f.hour) s |= kFieldHour;
  if (f.minute && !f.clockword) s |= kFieldMinute;
  return s;
}

std::uint16_t value_fields(const Cal& c) {
  std::uint16_t s = 0;
  switch (c.g) {
    case Granularity::century:
      return kFieldCentury;
    case Granularity::decade:
      return kFieldCentury | kFieldDecade;
    default:
      break;
  }
  if (c.year) s |= kFieldYear | kFieldDecade | kFieldCentury;
  if (c.quarter || c.half) s |= kFieldQuarter;
  if (!c.season.empty()) s |= kFieldSeason;
  if (c.month) s |= kFieldMonth;
  if (c.week) s |= kFieldWeek;
  if (c.day) s |= kFieldDay | kFieldWeekday;
  if (c.weekday) s |= kFieldWeekday;
  if (!c.pod.empty()) s |= kFieldPartOfDay;
  if (c.hour >= 0) s |= kFieldHour;
  if (c.minute >= 0) s |= kFieldMinute;
  return s;
}

// What an anaphoric count ("the following day", "two days later", "a week
// later") starts from: the narrative's reference time, or, when that is
// coarser than a day and the count is of days or parts of days, the story's
// latest day when the reference is a period a "since" phrase looked back
// over ("met in Geneva on Oct. 3, the first such meeting since 2022. The
// following day, ..." is Oct. 4, not a day of 2022; after "last October
// when ..." the story is in October, and "that same day" is one of its
// days), or when the reference is a year or coarser ("collapsed in 2012. On
// the same day, ..." is back at the story's day). Sets
// `on_latest_day` when it picks that day; nullopt without a dated reference.
std::optional<Cal> day_count_base(const Frame& f, const Context& ctx, Normal& r) {
  if (!ctx.ref || !ctx.ref->year) return std::nullopt;
  const bool counts_days = f.unit == "D" || !f.pod.empty();
  // A year (or coarser) is no day to count from either: "collapsed in 2012.
  // On the same day, Netanyahu met ..." is back at the story's day.
  const bool year_or_coarser = ctx.ref->g <= Granularity::year;
  if (counts_days && (ctx.ref_background || year_or_coarser) && ctx.ref->g < Granularity::day && ctx.ref_day) {
    r.on_latest_day = true;
    return day_cal(*ctx.ref_day);
  }
  return ctx.ref;
}

// The reference value fuzzy phrases stand for ("the past" -> PAST_REF).
std::string ref_from_words(const Frame& f) {
  if (!f.ref.empty()) return f.ref;
  for (const auto& w : f.words) {
    if (w == "past" || w == "last" || w == "recent" || w == "previous") return "PAST_REF";
    if (w == "future" || w == "next" || w == "coming") return "FUTURE_REF";
    if (w == "present" || w == "current" || w == "these" || w == "this") return "PRESENT_REF";
  }
  return "PRESENT_REF";
}

// Resolves the day of a weekday or deictic word in a frame (for times and
// "Tuesday night"); nullopt when there is none or no anchor.
struct DayPick {
  bool present = false;
  std::optional<sys_days> day;
  bool anaphoric = false;
};

DayPick pick_day(const Frame& f, const Context& ctx) {
  DayPick p;
  if (f.deixis_days) {
    p.present = true;
    if (ctx.dct) p.day = *ctx.dct + days{*f.deixis_days};
    return p;
  }
  if (f.weekday) {
    p.present = true;
    std::optional<sys_days> anchor = ctx.dct;
    if (f.shift_anaphoric && ctx.ref && ctx.ref->first_day()) {
      anchor = ctx.ref->first_day();
      p.anaphoric = true;
    }
    if (!anchor) return p;
    if (f.shift && *f.shift != 0) {
      const int dir = *f.shift;  // the last shift word decides: "this past Sunday", "this coming Sunday"
      p.day = weekday_near(*anchor, *f.weekday, dir, true);
    } else {
      const bool future = ctx.tense == Tense::future || ctx.tense == Tense::weak_future;
      p.day = weekday_near(*anchor, *f.weekday, future ? 1 : -1, false);
    }
  }
  return p;
}

// The last quarter that ended before the anchor (what "the quarter" means in
// an earnings report).
Cal latest_quarter(sys_days anchor) {
  const date::year_month_day a{anchor};
  const int idx = static_cast<int>(a.year()) * 4 + quarter_of(static_cast<unsigned>(a.month())) - 2;
  return quarter_cal(idx / 4, idx % 4 + 1);
}

bool says(const Frame& f, std::string_view word) {
  return std::find(f.words.begin(), f.words.end(), word) != f.words.end();
}

// A quarter or a report's period is named ("the same period last year",
// "the quarter a year ago"), whatever unit the phrase names last.
bool names_quarter(const Frame& f) { return f.unit == "Q" || says(f, "quarter") || says(f, "period"); }

// "a year earlier", "the year-ago quarter", "the 1988 period", "last year's
// quarter": a period compared with the one under discussion, which stays the
// reference.
bool comparison(const Frame& f) {
  return f.dir || f.has_flag("yearago") || (f.has_flag("yearshift") && f.shift && *f.shift < 0) ||
         (says(f, "period") && f.year && f.unit.empty());
}

// "for the nine months", "in the first six months" of a report: the fiscal
// year to date, which ends with the latest quarter (not "in the six months
// since the attack", a stretch the text measures from an event).
bool year_to_date(const Frame& f, const std::vector<TimeToken>& tokens, const Match& m) {
  if (f.type != TimexType::duration || f.unit != "M" || !f.number || (*f.number != 6 && *f.number != 9) ||
      f.words.empty() || f.words.front() != "the" || m.first == 0)
    return false;
  const std::string_view before = tokens[m.first - 1].lower;
  const std::string_view after = m.last < tokens.size() ? std::string_view(tokens[m.last].lower) : std::string_view();
  return (before == "for" || before == "in" || before == "during") &&
         (after != "since" && after != "after" && after != "before" && after != "of" && after != "to" &&
          after != "until" && after != "from");
}

// The quarter under discussion: the narrative's, else the latest complete
// one; none when the report is at its year to date.
std::optional<Cal> discussed_quarter(const Context& ctx) {
  if (ctx.ref_year_to_date) return std::nullopt;
  if (ctx.ref && ctx.ref->g == Granularity::quarter && ctx.ref->quarter && ctx.ref->year) return *ctx.ref;
  if (ctx.dct) return latest_quarter(*ctx.dct);
  return std::nullopt;
}

Normal normalize(const Frame& f, Context& ctx) {
  Normal r;
  r.type = f.type;
  r.mod = f.mod;
  r.stated = stated_fields(f);
  const std::optional<sys_days>& dct = ctx.dct;
  auto from_dct = [&](Cal c) {
    r.cal = std::move(c);
    r.temporal_function = true;
  };

  // ---- SET ----
  if (f.type == TimexType::set) {
    r.quant = f.quant;
    if (!f.setword.empty())
      r.value = f.setword;
    else if (f.weekday) {
      r.value = fmt::format("XXXX-WXX-{}", *f.weekday);
      if (!f.pod.empty()) r.value += "T" + f.pod;
    } else if (f.month)
      r.value = fmt::format("XXXX-{:02d}", *f.month);
    else if (!f.season.empty())
      r.value = "XXXX-" + f.season;
    else if (!f.unit.empty()) {
      Frame one = f;
      one.number = f.other ? 2 : 1;
      r.value = duration_value(one);
    } else
      r.value = "P1D";
    return r;
  }

  // ---- DURATION ----
  if (f.type == TimexType::duration) {
    const std::string fixed = f.flag_value("value");  // "a while": PXX
    r.value = fixed.empty() ? duration_value(f) : fixed;
    return r;
  }

  // ---- DATE / TIME ----
  const std::string fixed = f.flag_value("value");
  if (fixed == "REF" || !f.ref.empty()) {
    r.value = fixed.empty() || fixed == "REF" ? ref_from_words(f) : fixed;
    r.temporal_function = true;
    return r;
  }
  if (!fixed.empty()) {
    r.value = fixed;
    r.temporal_function = true;
    return r;
  }

  // Spoken years: "nineteen ninety-six", "the year two thousand".
  if (f.has_flag("spokenyear")) {
    const auto& v = f.numbers;
    int y = -1;
    if (v.size() >= 2 && v[0] > 0 && v[0] < 10 && v[1] == 1000) {
      y = v[0] * 1000;
      for (std::size_t i = 2; i < v.size(); ++i) y += v[i] >= 0 && v[i] < 100 ? v[i] : 100000;
    } else if (v.size() >= 2 && (v[0] == 19 || v[0] == 20) && v[1] >= 10) {  // not "twenty six"
      y = v[0] * 100;
      for (std::size_t i = 1; i < v.size(); ++i) y += v[i] >= 0 && v[i] < 100 ? v[i] : 100000;
    }
    if (y < 1000 || y > 2199) {
      r.value = "";
      return r;
    }
    Cal c = year_cal(y);
    if (f.month) c.g = Granularity::month, c.month = *f.month;
    if (!f.season.empty()) c.g = Granularity::season, c.season = f.season;
    r.cal = c;
    return r;
  }

  // Holidays: "Thanksgiving Day", "last Christmas".
  if (!f.holiday.empty()) {
    const bool eve = std::find(f.words.begin(), f.words.end(), "eve") != f.words.end();
    auto on = [&](int y) -> std::optional<sys_days> {
      const std::string& h = f.holiday;
      const auto month = static_cast<unsigned>(std::stoi(h.substr(0, 2)));
      std::optional<sys_days> d;
      if (h.size() == 5 && h[2] == '-') {
        d = sys_days{date::year{y} / date::month(month) / date::day(static_cast<unsigned>(std::stoi(h.substr(3))))};
      } else {
        const auto slash = h.find('/', 3);
        if (slash == std::string::npos) return std::nullopt;
        const int nth = std::stoi(h.substr(3, slash - 3));
        const date::weekday wd{static_cast<unsigned>(std::stoi(h.substr(slash + 1)) % 7)};
        if (nth > 0)
          d = sys_days{date::year_month_weekday{date::year{y} / date::month(month) / wd[static_cast<unsigned>(nth)]}};
        else
          d = sys_days{date::year_month_weekday_last{date::year{y}, date::month(month), date::weekday_last{wd}}};
        // "+d": days after that weekday (U.S. Election Day, the Tuesday after the first Monday)
        if (const auto plus = h.find('+', slash); plus != std::string::npos) *d += days{std::stoi(h.substr(plus + 1))};
      }
      if (d && eve) *d -= days{1};
      return d;
    };
    if (f.year) {
      if (auto d = on(*f.year)) r.cal = day_cal(*d);
      return r;
    }
    if (!dct) {
      Cal c;
      c.g = Granularity::day;
      r.cal = c;
      return r;
    }
    const int y = static_cast<int>(date::year_month_day{*dct}.year());
    std::optional<sys_days> best;
    for (int yy = y - 1; yy <= y + 1; ++yy) {
      const auto d = on(yy);
      if (!d) continue;
      const int shift = f.shift.value_or(0);
      if (shift < 0 && *d >= *dct) continue;
      if (shift > 0 && *d <= *dct) continue;
      if (ctx.tense == Tense::future && !f.shift && *d < *dct) continue;
      const auto gap = [&](sys_days x) { return x < *dct ? (*dct - x).count() : (x - *dct).count(); };
      if (!best || (shift < 0 ? *d > *best : shift > 0 ? *d < *best : gap(*d) < gap(*best))) best = d;
    }
    if (best) from_dct(day_cal(*best));
    return r;
  }

  // Clock times, with the day they fall on.
  if (f.hour && f.type == TimexType::time &&
      (f.minute || !f.ampm.empty() || f.clockword || !f.pod.empty() ||
       std::find(f.words.begin(), f.words.end(), "o'clock") != f.words.end())) {
    int h = *f.hour;
    // "4 in the afternoon" is 16:00
    const bool pm = f.ampm == "PM" || (f.ampm.empty() && (f.pod == "AF" || f.pod == "EV" || (f.pod == "NI" && h >= 6)));
    if (pm && h < 12) h += 12;
    if (f.ampm == "AM" && h == 12) h = 0;
    Cal c;
    c.g = Granularity::minute;
    c.hour = h;
    c.minute = f.minute.value_or(0);
    std::optional<sys_days> day;
    if (f.month && f.day && dct)
      day = sys_days{date::year{year_for(*dct, *f.month, *f.day, ctx.tense)} /
                     date::month(static_cast<unsigned>(*f.month)) / date::day(static_cast<unsigned>(*f.day))};
    else {
      const DayPick p = pick_day(f, ctx);
      if (p.present)
        day = p.day;
      else if (ctx.ref_day) {
        day = ctx.ref_day;
        r.anaphoric = true;
        r.on_latest_day = true;
      } else
        day = dct;
      // "Lawmakers voted shortly after midnight": told in the past, a
      // midnight of no named day is the one that began that day (T24:00 of
      // the day before), not the one still to come at its end.
      if (day && h == 24 && !p.present && (ctx.tense == Tense::past || ctx.tense == Tense::near_past))
        day = *day - date::days{1};
    }
    if (day) {
      const Cal d = day_cal(*day);
      c.year = d.year, c.month = d.month, c.day = d.day;
      r.temporal_function = true;
    }
    r.cal = c;
    return r;
  }

  // "this year's third quarter", "last year's period"
  if (f.has_flag("yearshift") && f.shift) {
    if (!dct) {
      Cal c;
      c.g = Granularity::year;
      r.cal = c;
      return r;
    }
    const int y = static_cast<int>(date::year_month_day{*dct}.year()) + *f.shift;
    Cal c = year_cal(y);
    if (f.ordinal && f.unit == "Q" && *f.ordinal >= 1 && *f.ordinal <= 4)
      c = quarter_cal(y, *f.ordinal);
    else if (f.ordinal && f.unit == "HALF" && *f.ordinal >= 1 && *f.ordinal <= 2)
      c.g = Granularity::half, c.half = *f.ordinal;
    else if (names_quarter(f) && !f.ordinal)  // "last year's quarter", "the same period last year"
      if (const auto q = discussed_quarter(ctx)) c = quarter_cal(y, q->quarter);
    from_dct(c);
    return r;
  }

  // "the year-ago quarter", "a year earlier" after a quarter.
  if (f.has_flag("yearago")) {
    std::optional<Cal> base;
    if (f.ordinal && dct) {
      Frame q = f;
      q.unit = "Q";
      Cal c;
      c.g = Granularity::quarter;
      c.quarter = *f.ordinal;
      const date::year_month_day a{*dct};
      const int y = static_cast<int>(a.year());
      c.year = *f.ordinal <= quarter_of(static_cast<unsigned>(a.month())) ? y : y - 1;
      base = c;
    } else if (ctx.ref && ctx.ref->year && (ctx.ref->g == Granularity::quarter || ctx.ref->g == Granularity::half)) {
      base = *ctx.ref;  // the quarter under discussion
      r.anaphoric = true;
    } else if (ctx.ref_year_to_date && f.unit != "Q") {
      base = *ctx.ref;  // "the year-earlier period" after "for the nine months"
      r.anaphoric = true;
    } else if (dct && names_quarter(f)) {
      base = latest_quarter(*dct);  // "the year-ago quarter" with no quarter named yet
    } else if (dct) {
      base = year_cal(static_cast<int>(date::year_month_day{*dct}.year()));
    }
    if (base) {
      if (auto c = shift_cal(*base, -1, "Y")) {
        r.cal = *c;
        r.temporal_function = true;
        return r;
      }
    }
    Cal c;
    c.g = Granularity::year;
    r.cal = c;
    return r;
  }

  // "the last half of the '80s": the decade, its half as the mod (TimeML has
  // no value for half a decade)
  if (f.decade && !f.year && f.unit == "HALF" && f.ordinal && (*f.ordinal == 1 || *f.ordinal == 2)) {
    Cal c;
    c.g = Granularity::decade;
    c.decade = *f.decade;
    r.mod = *f.ordinal == 1 ? "START" : "END";
    r.cal = c;
    return r;
  }

  // Quarters and halves: "the third quarter (of 1989)", "the latest quarter".
  // ("the latest period" in financial news is the latest quarter)
  // ("the 1988 period" too: the quarter under discussion, in 1988)
  const bool year_period =
      f.unit.empty() && f.year && std::find(f.words.begin(), f.words.end(), "period") != f.words.end();
  if ((f.unit == "Q" || f.unit == "HALF" || (f.unit.empty() && f.has_flag("latest")) || year_period) &&
      (f.ordinal || f.has_flag("latest") || (!f.shift && !f.dir))) {
    const bool half = f.unit == "HALF";
    const int per_year = half ? 2 : 4;
    Cal c;
    c.g = half ? Granularity::half : Granularity::quarter;
    if (f.ordinal && (*f.ordinal < 1 || *f.ordinal > per_year)) {
      r.value = "";
      return r;
    }
    if (f.ordinal) (half ? c.half : c.quarter) = *f.ordinal;
    if (f.year) {
      c.year = *f.year;
      if (!f.ordinal) {  // "the 1988 period": the quarter under discussion, in 1988
        const auto q = discussed_quarter(ctx);
        if (q && !half)
          c.quarter = q->quarter;
        else
          c.g = Granularity::year;
      }
      r.cal = c;
      return r;
    }
    if (!f.ordinal && !f.has_flag("latest") && ctx.ref && ctx.ref->g == c.g && ctx.ref->year) {
      r.cal = *ctx.ref;  // "the quarter" after "the third quarter"
      r.anaphoric = true;
      r.temporal_function = true;
      return r;
    }
    if (!dct) {
      r.cal = c;
      return r;
    }
    const date::year_month_day a{*dct};
    const int y = static_cast<int>(a.year());
    const int current = half ? (static_cast<int>(static_cast<unsigned>(a.month())) - 1) / 6 + 1
                             : quarter_of(static_cast<unsigned>(a.month()));
    if (!f.ordinal) {  // the latest complete one
      const int idx = y * per_year + current - 2;
      c.year = idx / per_year;
      (half ? c.half : c.quarter) = idx % per_year + 1;
    } else {
      // News reports quarters once they have begun: the latest quarter q;
      // after a future cue, the next one ("is expected to close in the
      // third quarter").
      const int q = *f.ordinal;
      const bool future = ctx.tense == Tense::future || ctx.tense == Tense::weak_future;
      c.year = q <= current || future ? y : y - 1;
    }
    from_dct(c);
    return r;
  }

  // Decades and centuries.
  if (f.decade && !f.year) {
    Cal c;
    c.g = Granularity::decade;
    c.decade = *f.decade;
    r.cal = c;
    return r;
  }
  if (f.unit == "CE" && f.ordinal) {
    Cal c;
    c.g = Granularity::century;
    c.century = *f.ordinal - 1;
    r.cal = c;
    return r;
  }

  // Seasons.
  if (!f.season.empty()) {
    Cal c;
    c.g = Granularity::season;
    c.season = f.season;
    if (f.year) {
      c.year = *f.year;
      r.cal = c;
      return r;
    }
    if (!dct) {
      r.cal = c;
      return r;
    }
    const auto [cy, ci] = season_of(*dct);
    const int want = season_index(f.season);
    const int shift = f.shift.value_or(0);
    int y = cy;
    if (shift < 0)
      y = want < ci ? cy : cy - 1;
    else if (shift > 0)
      y = want > ci ? cy : cy + 1;
    else if (!f.shift)  // a bare season: the latest one begun, or the next after a future cue
      y = ctx.tense == Tense::future ? (want >= ci ? cy : cy + 1) : (want <= ci ? cy : cy - 1);
    c.year = y;
    from_dct(c);
    return r;
  }

  // "N units ago", "two weeks later", "a year earlier".
  if (f.dir && !f.unit.empty()) {
    const int n = f.number ? *f.number : (f.plural ? -1 : 1);
    if (n < 0) {  // "years ago", "a few days later"
      r.value = *f.dir < 0 ? "PAST_REF" : "FUTURE_REF";
      r.temporal_function = true;
      return r;
    }
    const int k = *f.dir * n;
    if (const auto base = f.dir_anaphoric ? day_count_base(f, ctx, r) : std::nullopt) {
      if (auto c = shift_cal(*base, k, f.unit)) {
        r.cal = *c;
        r.anaphoric = true;
        r.temporal_function = true;
        return r;
      }
    }
    if (dct) {
      // "a year ago" in a report about a quarter means that quarter a year
      // back, about the nine months that year to date
      if (f.unit == "Y" && ctx.ref && (ctx.ref->g == Granularity::quarter || ctx.ref_year_to_date) &&
          ctx.ref->year && n == 1) {
        if (auto c = shift_cal(*ctx.ref, k, "Y")) {
          r.cal = *c;
          r.anaphoric = true;
          r.temporal_function = true;
          return r;
        }
      }
      if (auto c = shift_day(*dct, k, f.unit)) {
        from_dct(*c);
        return r;
      }
    }
    Cal c;
    c.g = f.unit == "Y"   ? Granularity::year
          : f.unit == "M" ? Granularity::month
          : f.unit == "W" ? Granularity::week
                          : Granularity::day;
    r.cal = c;
    return r;
  }

  // "the year", "the fiscal year", "the full year" (@current): the unit the
  // DCT is in, as TimeBank-style annotation reads them in financial news.
  if (f.has_flag("current") && !f.unit.empty()) {
    if (dct) {
      if (auto c = shift_day(*dct, 0, f.unit)) {
        from_dct(*c);
        return r;
      }
    }
    Cal u;
    u.g = f.unit == "Y" ? Granularity::year : f.unit == "M" ? Granularity::month : Granularity::week;
    r.cal = u;
    return r;
  }

  // "last week", "this year", "the following day", "next month".
  if (f.shift && !f.unit.empty() && !f.weekday && !f.month) {
    const int n = *f.shift;
    std::optional<Cal> c;
    if (const auto base = f.shift_anaphoric ? day_count_base(f, ctx, r) : std::nullopt) {
      c = shift_cal(*base, n, f.unit);
      if (c) r.anaphoric = true;
    } else if (dct) {
      c = shift_day(*dct, n, f.unit);
    }
    if (c) {
      if (!f.pod.empty() && c->g == Granularity::day) c->g = Granularity::part_of_day, c->pod = f.pod;
      from_dct(*c);
      return r;
    }
    Cal u;
    u.g = f.unit == "Y"                     ? Granularity::year
          : f.unit == "M"                   ? Granularity::month
          : f.unit == "W" || f.unit == "WE" ? Granularity::week
          : f.unit == "DE"                  ? Granularity::decade
                                            : Granularity::day;
    u.weekend = f.unit == "WE";
    if (u.g == Granularity::decade) {
      r.value = "XXX";
      return r;
    }
    r.cal = u;
    return r;
  }
  // "the weekend"
  if (f.unit == "WE") {
    if (!dct) {
      Cal u;
      u.g = Granularity::week;
      u.weekend = true;
      r.cal = u;
      return r;
    }
    const int wd = iso_weekday(*dct);
    sys_days d = *dct;
    if (wd < 6 && ctx.tense != Tense::future) d = *dct - days{7};
    Cal c = week_cal(d);
    c.weekend = true;
    from_dct(c);
    return r;
  }
  // "this morning", "last night" (SHIFT POD)
  if (f.shift && !f.pod.empty() && !f.weekday) {
    if (f.shift_anaphoric && ctx.ref && ctx.ref->g >= Granularity::day && ctx.ref->first_day()) {
      // "that evening", "the following morning": the narrative's day
      Cal c = day_cal(*ctx.ref->first_day() + days{*f.shift});
      c.g = Granularity::part_of_day;
      c.pod = f.pod;
      r.cal = c;
      r.anaphoric = true;
      r.temporal_function = true;
    } else if (dct) {
      Cal c = day_cal(*dct + days{*f.shift < 0 ? -1 : *f.shift > 0 ? 1 : 0});
      c.g = Granularity::part_of_day;
      c.pod = f.pod;
      from_dct(c);
    } else {
      Cal c;
      c.g = Granularity::part_of_day;
      c.pod = f.pod;
      r.cal = c;
    }
    return r;
  }

  // Days: deictic words and weekdays ("yesterday", "Friday", "last Friday").
  if ((f.deixis_days || f.weekday) && !f.month) {
    DayPick p = pick_day(f, ctx);
    // "the day before yesterday"
    int extra = 0;
    if (std::find(f.words.begin(), f.words.end(), "day") != f.words.end()) {
      if (std::find(f.words.begin(), f.words.end(), "before") != f.words.end()) extra = -1;
      if (std::find(f.words.begin(), f.words.end(), "after") != f.words.end()) extra = 1;
    }
    Cal c;
    if (p.day) {
      c = day_cal(*p.day + days{extra});
      r.temporal_function = true;
      r.anaphoric = p.anaphoric;
    } else {
      c.g = Granularity::day;
      if (f.weekday && !f.deixis_days) c.weekday = *f.weekday;
    }
    if (!f.pod.empty()) c.g = Granularity::part_of_day, c.pod = f.pod;
    r.cal = c;
    return r;
  }

  // "last November", "next March"
  if (f.month && !f.year && f.shift) {
    Cal c;
    c.g = f.day ? Granularity::day : Granularity::month;
    c.month = *f.month;
    c.day = f.day.value_or(0);
    if (dct) {
      const date::year_month_day a{*dct};
      const int y = static_cast<int>(a.year()), m = static_cast<int>(static_cast<unsigned>(a.month()));
      const int shift = *f.shift;
      if (f.unit == "Y")
        c.year = y + shift;  // "June last year"
      else if (f.day)        // "this coming Sunday, March 8": the date decides
        c.year = year_for(*dct, *f.month, *f.day, shift > 0 ? Tense::future : Tense::none);
      else if (shift < 0)
        c.year = *f.month < m ? y : y - 1;
      else if (shift > 0)
        c.year = *f.month > m ? y : y + 1;
      else
        c.year = y;
      r.temporal_function = true;
    }
    r.cal = c;
    return r;
  }

  // "the week of March 6": the ISO week holding that date
  if (f.has_flag("weekof") && f.month && f.day) {
    const int y = f.year ? *f.year : dct ? year_for(*dct, *f.month, *f.day, ctx.tense) : 0;
    const date::year_month_day ymd{date::year{y}, date::month(static_cast<unsigned>(*f.month)),
                                   date::day(static_cast<unsigned>(*f.day))};
    if ((f.year || dct) && ymd.ok()) {
      r.cal = week_cal(sys_days{ymd});
      r.temporal_function = !f.year;
    } else {
      Cal c;
      c.g = Granularity::week;
      r.cal = c;
    }
    return r;
  }

  // Calendar dates, the year inferred when not stated.
  if (f.month || f.year) {
    Cal c;
    if (f.month && f.day) {
      c.g = Granularity::day;
      c.month = *f.month;
      c.day = *f.day;
    } else if (f.month) {
      c.g = Granularity::month;
      c.month = *f.month;
    } else {
      c.g = Granularity::year;
    }
    if (f.day && (*f.day < 1 || *f.day > 31)) {
      r.value = "";
      return r;
    }
    if (f.year) {
      c.year = *f.year;
    } else if (dct) {
      c.year = year_for(*dct, c.month, c.day, ctx.tense);
      r.temporal_function = true;
    }
    if (c.g == Granularity::day && c.year && !c.first_day()) {  // Feb 30
      r.value = "";
      return r;
    }
    r.cal = c;
    return r;
  }

  // "the latest fiscal year": the last complete one.
  if (f.has_flag("latest") && f.unit == "Y" && dct) {
    from_dct(year_cal(static_cast<int>(date::year_month_day{*dct}.year()) - 1));
    return r;
  }

  // "the end of the year", "the start of the month": the current one.
  if (!f.unit.empty() && !f.mod.empty() && f.unit != "D" && dct) {
    if (auto c = shift_day(*dct, 0, f.unit)) {
      from_dct(*c);
      return r;
    }
  }

  // A part of a day with no day named ("by mid afternoon", "in the
  // morning"): the narrative's day when it is one, else the DCT's.
  if (!f.pod.empty() && !f.hour && !f.weekday && !f.deixis_days && !f.shift) {
    Cal c;
    if (ctx.ref && ctx.ref->g >= Granularity::day && ctx.ref->first_day()) {
      c = day_cal(*ctx.ref->first_day());
      r.anaphoric = true;
      r.temporal_function = true;
    } else if (dct) {
      from_dct(day_cal(*dct));
      c = *r.cal;
    }
    c.g = Granularity::part_of_day;
    c.pod = f.pod;
    r.cal = c;
    return r;
  }

  // Nothing to compute from: keep what was said.
  r.value = "";
  return r;
}

bool is_date_preposition(std::string_view w) { return w == "in" || w == "on" || w == "at" || w == "during" || w == "since"; }

bool is_determiner(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" || w == "her" ||
         w == "our" || w == "this" || w == "that" || w == "whose";
}

bool is_future_modal(const TokenMorph& m) {
  return m.xpos == "MD" && (m.lemma == "will" || m.lemma == "shall" || m.lemma == "'ll" || m.lemma == "wo");
}

// The Segmentation token that starts at byte `begin`, when there is one.
std::optional<std::size_t> segment_token_at(const Segmentation& seg, std::uint32_t begin) {
  const auto it = std::lower_bound(seg.tokens.begin(), seg.tokens.end(), begin,
                                   [](const Token& t, std::uint32_t b) { return t.span.begin < b; });
  if (it == seg.tokens.end() || it->span.begin != begin) return std::nullopt;
  return static_cast<std::size_t>(it - seg.tokens.begin());
}

// Whether the context has a parse parallel to its tokens and tags (the
// pipeline's): the parse-based cues below need all three layers.
bool parsed(const Context& ctx) {
  if (ctx.deps == nullptr || ctx.morph == nullptr || ctx.seg == nullptr) return false;
  const std::size_t n = ctx.seg->tokens.size();
  return ctx.morph->tokens.size() == n && ctx.deps->head.size() == n;
}

// "Norvik Motors released a new bus in May": a bare month after "in" that
// the parse attaches to a past-tense verb is the last May, however far the
// verb stands from it (the word cues below only trust a past verb within
// three words). Only with a parse (the pipeline's), only this shape: a
// parse-wide rule for every date lost more than it won on TempEval-3.
bool month_of_past_verb(const std::vector<TimeToken>& tokens, const Match& m, const Context& ctx) {
  if (!parsed(ctx) || m.last != m.first + 1 || m.first == 0 || !tokens[m.first].symbols.test(MONTH) ||
      tokens[m.first - 1].lower != "in")
    return false;
  const auto month = segment_token_at(*ctx.seg, tokens[m.first].begin);
  if (!month || ctx.deps->deprel[*month] != "obl") return false;
  const int verb = ctx.deps->head[*month];
  if (verb < 0 || ctx.morph->tokens[static_cast<std::size_t>(verb)].xpos != "VBD") return false;
  return true;
}

// "Scholz will meet President Xi Jinping and Premier Li Qiang in Beijing on
// Tuesday": when no word cue stands near the date, the verb the parse hangs
// it on (through the nouns it may be attached to) says whether it is ahead,
// by a future modal among that verb's auxiliaries (or, for a bare conjunct,
// the first verb's). Only the future: without
// a cue a weekday is already the last one, and the parse-wide direction for
// every date lost on TempEval-3 (misattached dates); this asks the parse only
// where the words gave no answer.
bool future_by_governing_verb(const std::vector<TimeToken>& tokens, const Match& m, const Context& ctx) {
  if (!parsed(ctx)) return false;
  const auto date = segment_token_at(*ctx.seg, tokens[m.last - 1].begin);
  if (!date) return false;
  int at = ctx.deps->head[*date];
  for (int hops = 0; at >= 0 && hops < 4; ++hops) {
    const Upos upos = ctx.morph->tokens[static_cast<std::size_t>(at)].upos;
    if (upos == Upos::VERB || upos == Upos::AUX) break;
    at = ctx.deps->head[static_cast<std::size_t>(at)];
  }
  if (at < 0) return false;
  const auto verb = static_cast<std::size_t>(at);
  if (ctx.morph->tokens[verb].upos != Upos::VERB) return false;
  const auto future_modal_of = [&](std::size_t v) {
    for (std::size_t k = v >= 4 ? v - 4 : 0; k < v; ++k)
      if (ctx.deps->head[k] == static_cast<int>(v) && ctx.deps->deprel[k] == "aux" && is_future_modal(ctx.morph->tokens[k]))
        return true;
    return false;
  };
  if (future_modal_of(verb)) return true;
  // "He will meet the president on Saturday and celebrate Mass on Sunday":
  // a bare base-form conjunct shares the first verb's modal.
  const int first = ctx.deps->head[verb];
  return ctx.deps->deprel[verb] == "conj" && ctx.morph->tokens[verb].xpos == "VB" && first >= 0 &&
         ctx.morph->tokens[static_cast<std::size_t>(first)].upos == Upos::VERB &&
         future_modal_of(static_cast<std::size_t>(first));
}

// Looks around the match for a tense cue, nearest first: lexicon words
// (TENSE in deictics.lex), the tagger's verbs when Morphology is there, and a
// word in -ed ("announced Oct. 5") as a past cue.
Tense tense_around(const std::vector<TimeToken>& tokens, const Match& m, const Context& ctx) {
  if (month_of_past_verb(tokens, m, ctx)) return Tense::near_past;
  // The TENSE cue of token k, if any (one pass over its lexicon entries).
  auto cue_of = [&](std::uint32_t k) {
    const TimeToken& t = tokens[k];
    if (t.word == nullptr || !t.symbols.test(TENSE)) return TenseCue::none;
    for (const Entry& e : t.word->entries)
      if (e.cls == TENSE && (e.not_before.empty() || k + 1 >= tokens.size() || tokens[k + 1].lower != e.not_before) &&
          (e.only_before.empty() || (k + 1 < tokens.size() && tokens[k + 1].lower == e.only_before)))
        return e.cue;
    return TenseCue::none;
  };
  // "Wednesday's ruling": a day named as the owner of an event reports that
  // event; a weak future cue around it ("would appeal Wednesday's ruling") is
  // about something else.
  const bool possessive = m.last + 1 < tokens.size() && tokens[m.last].lower == "'" && tokens[m.last + 1].lower == "s";
  auto cue = [&](std::uint32_t k) -> Tense {
    switch (cue_of(k)) {
      case TenseCue::future:
      case TenseCue::weak: {
        // "had been scheduled for Friday", "had planned to leave Tuesday": a
        // plan reported in the past perfect is over, and so, in news, is its day
        for (std::uint32_t back = k, n = 0; back > 0 && n < 2; ++n)
          if (cue_of(--back) == TenseCue::pastaux) return Tense::past;
        if (cue_of(k) == TenseCue::future) return Tense::future;
        return possessive ? Tense::none : Tense::weak_future;
      }
      case TenseCue::past:
      case TenseCue::pastaux:
        return Tense::past;
      default:
        return Tense::none;
    }
  };
  // the Morphology token index at a byte offset, when the layers are there
  const bool tagged = ctx.morph != nullptr && ctx.seg != nullptr && ctx.morph->tokens.size() == ctx.seg->tokens.size();
  auto morph_at = [&](std::uint32_t begin) -> const TokenMorph* {
    if (!tagged) return nullptr;
    const auto k = segment_token_at(*ctx.seg, begin);
    return k ? &ctx.morph->tokens[*k] : nullptr;
  };
  // the strong cue right after the match, in its clause ("planned for
  // Saturday was canceled"); when the match opens the sentence, alone or
  // after a preposition, the comma after it closes that adverbial and the
  // clause it modifies follows ("Until Thursday, they had not called him")
  const bool opening = m.first == 0 || tokens[m.first - 1].sentence_end ||
                       (m.first == 1 || tokens[m.first - 2].sentence_end);
  // (an apposition after that comma is no clause: "On Friday morning, the
  // next day, Marek gave an interview")
  auto after = [&]() {
    bool past_comma = false;
    for (std::uint32_t k = m.last, steps = 0; k < tokens.size() && steps < 4; ++k, ++steps) {
      if (k == m.last && opening && tokens[k].lower == ",") {
        past_comma = true;
        continue;
      }
      if (tokens[k].sentence_end || cue_of(k) == TenseCue::stop) break;
      if (past_comma && (tokens[k].symbols.test(SHIFT) || tokens[k].symbols.test(DIR))) break;
      // the verb of the clause an opening date modifies governs it
      // ("In January, American Medical brought in a new chief")
      if (const Tense c = cue(k); c == Tense::future || c == Tense::past)
        return c == Tense::past && past_comma ? Tense::near_past : c;
    }
    return Tense::none;
  };
  // A past verb at most three words before the match governs it, unless a
  // goal preposition comes between ("extended to March") or the verb is a
  // passive or perfect participle whose auxiliary is not past ("will be
  // completed in March").
  bool goal = false;
  auto past_near = [&](std::uint32_t k, std::uint32_t steps) {
    if (goal || steps > 3) return Tense::past;
    if (k > 0) {
      const std::string& aux = tokens[k - 1].lower;
      if (aux == "be" || aux == "been" || aux == "being" || aux == "is" || aux == "are" || aux == "am") return Tense::past;
    }
    return Tense::near_past;
  };
  // whether the parse attaches the match's last word to token k as an oblique
  auto governs_date = [&](std::uint32_t k) {
    if (!parsed(ctx)) return false;
    const auto date = segment_token_at(*ctx.seg, tokens[m.last - 1].begin);
    const auto verb = segment_token_at(*ctx.seg, tokens[k].begin);
    return date && verb && ctx.deps->head[*date] == static_cast<int>(*verb) &&
           ctx.deps->deprel[*date].starts_with("obl");  // a weekday as an object is a misparse
  };
  for (std::uint32_t k = m.first, steps = 0; k > 0 && steps < 10;) {
    --k;
    const TimeToken& t = tokens[k];
    if (t.sentence_end) break;
    if (t.lower.size() > 1 || std::isalnum(static_cast<unsigned char>(t.lower[0]))) ++steps;  // words count
    // a weak cue used as a noun names a plan, not when the date falls:
    // "rejected the plan on Monday" is the Monday before (without tags, as
    // in `annotate --time-only`, a determiner says it is a noun)
    const bool weak_noun = cue_of(k) == TenseCue::weak && k > 0 && is_determiner(tokens[k - 1].lower);
    if (const Tense c = weak_noun ? Tense::none : cue(k); c != Tense::none) {
      // a weak cue before ("planned", "expected") names a plan; the verb
      // after it says whether the plan is still ahead ("A service planned
      // for Saturday was canceled")
      if (c == Tense::weak_future && (after() == Tense::past || after() == Tense::near_past)) return Tense::past;
      return c == Tense::past ? past_near(k, steps) : c;
    }
    if (const TokenMorph* tm = morph_at(t.begin)) {
      if (is_future_modal(*tm)) return Tense::future;
      if (tm->xpos == "VBD") return past_near(k, steps);
      // a present tense the parse hangs the date on is a schedule: "who
      // takes office on Monday", "reports earnings Tuesday" (not "follows
      // Tuesday's declaration", nor a noun the tagger took for a verb)
      if ((tm->xpos == "VBZ" || tm->xpos == "VBP") && tm->lemma != "be" && tm->lemma != "have" && steps <= 3 &&
          !goal && !possessive && governs_date(k))
        return Tense::weak_future;
      // a reduced relative: "the year ended Jan. 31"
      if (tm->xpos == "VBN" && k > 0) {
        const TokenMorph* before = morph_at(tokens[k - 1].begin);
        if (before != nullptr && before->upos == Upos::NOUN && steps <= 3 && !goal) return Tense::near_past;
      }
      // a participle right before the date or its preposition, as the
      // untagged rule below reads a word in -ed ("the decision, announced
      // Wednesday by the commissioner")
      if (tm->xpos == "VBN" &&
          (k + 1 == m.first || (k + 2 == m.first && is_date_preposition(tokens[k + 1].lower))))
        return past_near(k, steps);
    } else if (!tagged) {
      const std::string& w = t.lower;
      // (not "United"; a word in -ed governs the date only right before it
      // or its preposition: "ended Jan. 31", "signed in March", but not
      // "preferred shares on Oct. 31")
      if (!t.capitalized && w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) {
        const bool adjacent = k + 1 == m.first || (k + 2 == m.first && is_date_preposition(tokens[k + 1].lower));
        return adjacent ? past_near(k, steps) : Tense::past;
      }
    }
    if (t.lower == "to" || t.lower == "through" || t.lower == "into") goal = true;
  }
  if (const Tense c = after(); c != Tense::none) return c;
  return future_by_governing_verb(tokens, m, ctx) ? Tense::future : Tense::none;
}

}  // namespace

namespace {
constexpr std::size_t kChunk = 64 * 1024;

bool only_closing_quotes(std::string_view s) {
  while (!s.empty()) {
    if (s.front() == '"' || s.front() == '\'' || s.front() == '`') {
      s.remove_prefix(1);
    } else if (s.starts_with("\xe2\x80\x9d") || s.starts_with("\xe2\x80\x99")) {  // ” ’
      s.remove_prefix(3);
    } else {
      return false;
    }
  }
  return true;
}

std::size_t chunk_end(std::string_view text, std::size_t pos) {
  if (text.size() - pos <= kChunk) return text.size();
  const std::size_t limit = std::min(text.size(), pos + 2 * kChunk);
  for (std::size_t i = pos + kChunk; i < limit; ++i)
    if (text[i] == '\n') return i + 1;
  for (std::size_t i = pos + kChunk; i < limit; ++i)
    if (text[i] == ' ') return i + 1;
  return pos + kChunk;
}
}  // namespace

std::vector<Timex> TimeTagger::run(std::string_view text, const std::optional<CreationTime>& dct,
                                   const Document* doc) const {
  Context ctx;
  if (dct) ctx.dct = dct->day;
  if (doc != nullptr) {
    if (doc->has<Segmentation>()) ctx.seg = &doc->get<Segmentation>();
    if (doc->has<Morphology>()) ctx.morph = &doc->get<Morphology>();
    if (doc->has<Dependencies>()) ctx.deps = &doc->get<Dependencies>();
  }
  std::vector<Timex> out;
  // The text is processed in chunks of about 64 KiB that end at a line break
  // (a time expression never spans one), so memory stays bounded by the chunk
  // while the narrative context carries over.
  std::vector<TimeToken> tokens;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = chunk_end(text, pos);
    rules_->rules.tokenize(text.substr(pos, end - pos), static_cast<std::uint32_t>(pos), tokens);
    pos = end;
    if (ctx.seg != nullptr) {
      // The segmenter knows sentence ends better than a bare period does.
      const auto& sentences = ctx.seg->sentences;
      for (TimeToken& t : tokens) {
        if (t.lower.size() != 1) continue;
        const auto it = std::lower_bound(sentences.begin(), sentences.end(), t.end,
                                         [](const Sentence& s, std::uint32_t e) { return s.span.end < e; });
        // (a sentence ends after its closing quotes: 'withdraw." Now')
        t.sentence_end = it != sentences.end() && it->span.end >= t.end &&
                         only_closing_quotes(text.substr(t.end, it->span.end - t.end));
      }
    }
    const auto matches = rules_->rules.match(tokens);
    // The quarter the last timex named, while the next one may close it:
    // "the quarter ended Sept. 30", "its second quarter ended Oct. 31".
    struct NamedQuarter {
      bool named = false;
      std::size_t timex = 0;    // index in out
      std::uint32_t after = 0;  // the token after its match
      int ordinal = 0;          // the quarter the text numbered, or 0
    } named_quarter;
    // The narrative's reference times as they were before the last timex
    // moved them, and the token after that timex: an anaphoric expression in
    // apposition to it restates it ("On Friday morning, the next day, Marek
    // gave an interview": the day after Thursday, the story's day before
    // Friday was named, not the day after Friday).
    struct Before {
      std::optional<Cal> ref;
      std::string ref_tid;
      bool ref_year_to_date = false;
      bool ref_background = false;
      std::optional<sys_days> ref_day;
      std::string ref_day_tid;
      std::uint32_t after = 0;
      bool set = false;
    } before_last;
    for (const Match& m : matches) {
      Frame f = make_frame(m);
      // "the next day", "the next morning" follow the narrative, unlike "next week"
      if (f.shift && !f.words.empty() && f.words.front() == "the" && (f.unit == "D" || !f.pod.empty()))
        f.shift_anaphoric = true;
      ctx.tense = tense_around(tokens, m, ctx);
      const Before moved_from{ctx.ref,     ctx.ref_tid,     ctx.ref_year_to_date, ctx.ref_background,
                              ctx.ref_day, ctx.ref_day_tid, m.last,               true};
      const bool apposition = f.shift_anaphoric && before_last.set && before_last.after < tokens.size() &&
                              tokens[before_last.after].lower == "," && m.first == before_last.after + 1;
      // The context this expression is read in: the story's own, or for an
      // apposition the one before the timex it restates, from the story's
      // latest day when it counts days ("the next day", "the next morning").
      Context read_in = ctx;
      if (apposition) {
        read_in.ref = before_last.ref, read_in.ref_tid = before_last.ref_tid;
        read_in.ref_year_to_date = before_last.ref_year_to_date;
        read_in.ref_background = before_last.ref_background;
        read_in.ref_day = before_last.ref_day, read_in.ref_day_tid = before_last.ref_day_tid;
        if (before_last.ref_day && (f.unit == "D" || !f.pod.empty()))
          read_in.ref = day_cal(*before_last.ref_day), read_in.ref_tid = before_last.ref_day_tid;
      }
      before_last = moved_from;
      Normal n = normalize(f, read_in);
      if (n.value.empty() && !n.cal) continue;
      Timex t;
      // @lead=N, @trail=N: the first or last N tokens were context, not part
      // of the span ("[the] year-ago", "the year [ended] March 31")
      auto context_count = [&](std::string_view key) {
        return static_cast<std::uint32_t>(std::clamp(std::atoi(f.flag_value(key).c_str()), 0, 8));
      };
      const std::uint32_t span_first = std::min(m.first + context_count("lead"), m.last - 1);
      const std::uint32_t span_last = std::max(m.last - std::min(context_count("trail"), m.last - m.first), span_first + 1);
      t.span = Span{tokens[span_first].begin, tokens[span_last - 1].end};
      t.tid = "t" + std::to_string(out.size() + 1);
      t.type = n.type;
      t.mod = n.mod;
      t.quant = n.quant;
      t.freq = n.freq;
      t.rule = m.pattern->name;
      t.stated = n.stated;
      if (n.cal) {
        t.value = n.cal->value();
        t.interval = n.cal->interval();
        t.inferred = static_cast<std::uint16_t>(value_fields(*n.cal) & ~n.stated);
        // Clock times are TIME; a part of a day ("Friday night") is annotated as
        // a DATE in TimeBank-style corpora, so it stays one.
        if (n.cal->g >= Granularity::hour && t.type == TimexType::date) t.type = TimexType::time;
        if (n.cal->g < Granularity::hour && t.type == TimexType::time) t.type = TimexType::date;
      } else {
        t.value = n.value;
      }
      if (n.temporal_function) {
        t.temporal_function = true;
        const std::string& anchor = n.on_latest_day ? read_in.ref_day_tid : read_in.ref_tid;
        if (n.anaphoric && !anchor.empty())
          t.anchor_tid = anchor;
        else if (dct)
          t.anchor_tid = "t0";
      }
      // A resolved calendar date becomes the narrative's reference time.
      // Comparisons ("a year earlier", "the year-ago quarter") do not move it,
      // and neither does a date after the DCT: news tells what happened, and
      // "the summit opens on March 27. The next day, Holm posted" goes back
      // to the story, not to the day after the announced summit.
      // A quarter or half not over at the DCT and named with a future cue
      // ("the trend will continue into the fourth quarter") is announced too:
      // reports compare the periods that are over.
      const bool future_cue = ctx.tense == Tense::future || ctx.tense == Tense::weak_future;
      const bool open_period = n.cal && (n.cal->g == Granularity::quarter || n.cal->g == Granularity::half) &&
                               t.interval && ctx.dct && t.interval->end > date::sys_seconds{*ctx.dct};
      const bool announced = (ctx.dct && n.cal && n.cal->first_day() && *n.cal->first_day() > *ctx.dct) ||
                             (open_period && future_cue);
      // A day in a "since" clause is background ("has struggled since drones
      // struck a station on March 5"): the story's day does not move there
      // (its period may: "in the six months since the quake in March 1988.
      // A year earlier ..." is March 1987).
      bool background = false;
      for (std::uint32_t k = m.first, steps = 0; k > 0 && steps < 10; ++steps) {
        --k;
        if (tokens[k].sentence_end) break;
        if (tokens[k].lower == "since") background = true;
      }
      // A day right after "the quarter ended" is the quarter's last day: it
      // says which quarter that is (the year a fiscal one ends in; the
      // calendar quarter that holds most of an unnumbered one), and the
      // quarter stays the period the story is about.
      const bool closes_quarter = named_quarter.named && m.first == named_quarter.after + 1 &&
                                  (tokens[named_quarter.after].lower == "ended" ||
                                   tokens[named_quarter.after].lower == "ending") &&
                                  n.cal && n.cal->g == Granularity::day && n.cal->first_day();
      if (closes_quarter) {
        const date::year_month_day last{*n.cal->first_day()};
        const date::year_month_day middle{*n.cal->first_day() - days{45}};
        const Cal q =
            named_quarter.ordinal
                ? quarter_cal(static_cast<int>(last.year()), named_quarter.ordinal)
                : quarter_cal(static_cast<int>(middle.year()), quarter_of(static_cast<unsigned>(middle.month())));
        Timex& quarter = out[named_quarter.timex];
        quarter.value = q.value();
        quarter.interval = q.interval();
        quarter.inferred = static_cast<std::uint16_t>(value_fields(q) & ~quarter.stated);
        ctx.ref = q;
        ctx.ref_tid = quarter.tid;
        ctx.ref_year_to_date = false;
        ctx.ref_background = false;
      }
      named_quarter = {};
      if (n.cal && n.cal->g == Granularity::quarter && n.cal->year && !comparison(f))
        named_quarter = {true, out.size(), m.last, f.unit == "Q" && f.ordinal ? *f.ordinal : 0};
      if (closes_quarter) {
        // the quarter above stays the reference
      } else if (n.cal && n.cal->year && t.type != TimexType::duration && t.type != TimexType::set &&
                 n.cal->g >= Granularity::year && n.cal->first_day() && !comparison(f) && !announced) {
        ctx.ref = *n.cal;
        ctx.ref_tid = t.tid;
        ctx.ref_year_to_date = false;
        ctx.ref_background = background;
      } else if (ctx.dct && year_to_date(f, tokens, m)) {
        ctx.ref = year_cal(*latest_quarter(*ctx.dct).year);
        ctx.ref_tid = t.tid;
        ctx.ref_year_to_date = true;
        ctx.ref_background = false;
      }
      if (n.cal && n.cal->year && t.type != TimexType::duration && t.type != TimexType::set &&
          n.cal->g >= Granularity::day && n.cal->first_day() && !f.dir && !f.has_flag("yearago") && !background) {
        ctx.ref_day = n.cal->first_day();
        ctx.ref_day_tid = t.tid;
      }
      out.push_back(std::move(t));
    }
  }
  return out;
}

std::vector<Timex> TimeTagger::find(std::string_view text, const std::optional<CreationTime>& dct) const {
  return run(text, dct, nullptr);
}

namespace {
// Whether `s` holds nothing but spaces and punctuation.
bool blank_or_punctuation(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '.' || c == ',' || c == ':' || c == '-';
  });
}

// Whether `s` is a dateline's place: capitalized words and punctuation
// ending in a comma ("NEW YORK,", "KABUL, Afghanistan,"), or nothing.
bool dateline_place(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (blank_or_punctuation(s)) return true;
  if (s.back() != ',') return false;
  bool word_start = true;
  for (const char c : s) {
    if (c >= 'a' && c <= 'z' && word_start) return false;
    word_start = c == ' ' || c == '(' || c == '/';
  }
  return true;
}

// A dateline that states a full date is the DCT when none was given: the
// first timex stating year, month and day, on one of the first three lines
// of text (a headline and a byline may come first), either after nothing but
// a place and followed by "(" or a dash ("WASHINGTON, March 12, 1998 (AP)
// --"), or alone on its line, as news sites and wikis print the publication
// date under the headline ("Apple launches new iPhone\nJune 9, 2009\n...").
// A headline may name a year before it ("... Conference 2010\nJune 8,
// 2010"), so the first full date is the candidate, not the first timex.
std::optional<CreationTime> dateline_dct(std::string_view text, const std::vector<Timex>& timexes) {
  constexpr std::uint16_t kFull = kFieldYear | kFieldMonth | kFieldDay;
  const auto full = std::find_if(timexes.begin(), timexes.end(), [](const Timex& t) {
    return t.span.begin > 400 || ((t.stated & kFull) == kFull && t.interval);
  });
  if (full == timexes.end() || full->span.begin > 400) return std::nullopt;
  const Timex& t = *full;
  CreationTime ct;
  ct.day = std::chrono::floor<std::chrono::days>(t.interval->start);
  ct.origin = "dateline";

  const std::string_view before = text.substr(0, t.span.begin);
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const std::size_t line_end = std::min(text.find('\n', t.span.end), text.size());
  std::size_t lines_before = 0;  // non-empty lines above the timex's
  for (std::size_t i = 0; i < line_start;) {
    const std::size_t nl = std::min(before.find('\n', i), line_start);
    if (!blank_or_punctuation(before.substr(i, nl - i))) ++lines_before;
    i = nl + 1;
  }
  if (lines_before > 2) return std::nullopt;
  if (blank_or_punctuation(text.substr(line_start, t.span.begin - line_start)) &&
      blank_or_punctuation(text.substr(t.span.end, line_end - t.span.end)))
    return ct;
  if (t.span.begin - line_start > 120 || !dateline_place(text.substr(line_start, t.span.begin - line_start)))
    return std::nullopt;
  std::string_view after = text.substr(t.span.end, 16);
  while (!after.empty() && (after.front() == ' ' || after.front() == ',')) after.remove_prefix(1);
  if (after.empty() || !(after.front() == '(' || after.front() == '-' || after.substr(0, 3) == "\xe2\x80\x94"))
    return std::nullopt;
  return ct;
}
}  // namespace

const TimeExpressions& TimeTagger::tag(Document& doc) const {
  TimeExpressions layer;
  if (doc.info().creation_time) {
    layer.timexes = run(doc.text(), doc.info().creation_time, &doc);
    return doc.add(std::move(layer));
  }
  layer.timexes = run(doc.text(), std::nullopt, &doc);
  if (auto dct = dateline_dct(doc.text(), layer.timexes)) {
    doc.info().creation_time = dct;
    doc.report({Diagnostic::Severity::note, "time",
                fmt::format("document creation time {} taken from the dateline", dct_value(*dct)), std::nullopt});
    layer.timexes = run(doc.text(), dct, &doc);
  } else {
    doc.report({Diagnostic::Severity::warning, "time",
                "document creation time unknown: relative dates stay underspecified (XXXX-...); "
                "give one with --dct, a TimeML <DCT>, a JSON \"dct\" field or a dated dateline",
                std::nullopt});
  }
  return doc.add(std::move(layer));
}

}  // namespace tempora

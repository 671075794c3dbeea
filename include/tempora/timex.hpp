// Time expressions: recognition and TIMEX3 normalization (the `time` stage).
//
// TimeTagger finds the time expressions of news English ("October 17",
// "last week", "two days ago", "3 p.m.", "three years", "every Monday") and
// normalizes each to a TimeML 1.2.1 TIMEX3: type, value, mod, quant/freq and
// the anchor it was computed from. Relative expressions are anchored on the
// document creation time (DocumentInfo::creation_time) or, for anaphoric ones
// ("the next day", "two weeks later"), on the narrative's reference time,
// which moves as the text names new dates. The system clock is never read:
// without a DCT, values stay underspecified ("XXXX-10-17") and the document
// gets a Diagnostic saying so.
//
// Besides the TIMEX3 string, every value exposes the interval it denotes
// (start, end, granularity) and which calendar fields the text stated and
// which were inferred, so later stages can draw inferred parts differently.
//
// Lexicons and patterns are data in resources/time/, compiled at load time
// into a matcher over tokens that runs in linear time (see src/time/).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/document.hpp"

namespace tempora {

enum class TimexType : std::uint8_t { date, time, duration, set };
std::string_view to_string(TimexType type);  // "DATE", "TIME", "DURATION", "SET"
std::optional<TimexType> parse_timex_type(std::string_view name);

// How fine a value is; also the unit of an interval.
enum class Granularity : std::uint8_t {
  unknown,
  century,
  decade,
  year,
  half,
  quarter,
  season,
  month,
  week,
  day,
  part_of_day,
  hour,
  minute
};
std::string_view to_string(Granularity granularity);

// The time a DATE or TIME value denotes: [start, end) in UTC-free civil time
// (tempora never applies time zones: 2025-10-17 is the civil day, not an
// instant in some zone).
struct TimeInterval {
  std::chrono::sys_seconds start{};
  std::chrono::sys_seconds end{};
  Granularity granularity = Granularity::unknown;
  friend bool operator==(const TimeInterval&, const TimeInterval&) = default;
};

// Calendar fields of a value, as a bit set, for "stated" and "inferred".
enum TimexField : std::uint16_t {
  kFieldNone = 0,
  kFieldCentury = 1 << 0,  // "the 1990s" states the century and decade
  kFieldDecade = 1 << 1,
  kFieldYear = 1 << 2,
  kFieldQuarter = 1 << 3,
  kFieldSeason = 1 << 4,
  kFieldMonth = 1 << 5,
  kFieldWeek = 1 << 6,
  kFieldWeekday = 1 << 7,
  kFieldDay = 1 << 8,
  kFieldPartOfDay = 1 << 9,
  kFieldHour = 1 << 10,
  kFieldMinute = 1 << 11,
};

struct Timex {
  Span span;
  std::string tid;  // "t1", "t2", ... in text order; the DCT is "t0"
  TimexType type = TimexType::date;
  std::string value;                     // TIMEX3 value: "2025-10-17", "2025-W42", "P3D", "PAST_REF", "XXXX-10-17", ...
  std::string mod;                       // START, MID, END, APPROX, MORE_THAN, ... or empty
  std::string quant;                     // SET: EVERY, EACH, ... or empty
  std::string freq;                      // SET: "2X", ... or empty
  bool temporal_function = false;        // value computed from an anchor
  std::string anchor_tid;                // the anchor's tid ("t0" = DCT) when temporal_function
  std::optional<TimeInterval> interval;  // DATE/TIME values that denote a stretch of the calendar
  std::uint16_t stated = kFieldNone;     // TimexField bits the text gave
  std::uint16_t inferred = kFieldNone;   // TimexField bits taken from the DCT or the narrative
  std::string rule;                      // the pattern that matched (for --errors and debugging)
};

// The time stage's layer.
struct TimeExpressions {
  static constexpr std::string_view kStage = "time (tempora::TimeTagger)";
  std::vector<Timex> timexes;  // in text order, not overlapping
};

// The interval a TIMEX3 DATE/TIME value denotes, as Timex::interval holds it
// for the values tempora writes: "2025-10-17", "2025-W42", "2025-Q3", "199",
// "1998-03-05TMO", "1989-11-06T17:00". nullopt for values that fix no stretch
// of the calendar ("XXXX-10-17", "PRESENT_REF", "P3D") and for malformed
// text. Reads other systems' and annotators' TimeML.
std::optional<TimeInterval> value_interval(std::string_view value);

// The DCT as a TIMEX3 value ("2025-10-17" or "2025-10-17T14:30").
std::string dct_value(const CreationTime& dct);
// Parses "2025-10-17", "20251017", "2025-10-17T14:30[:ss]"; nullopt when not a date.
std::optional<CreationTime> parse_dct(std::string_view text, std::string origin);

class TimeTagger {
 public:
  // Loads and compiles resources/time/ under data_dir().
  static TimeTagger load();
  static TimeTagger load(const std::filesystem::path& resources_dir);

  TimeTagger(TimeTagger&&) noexcept;
  TimeTagger& operator=(TimeTagger&&) noexcept;
  ~TimeTagger();

  // Adds the TimeExpressions layer. Uses Morphology (tense of the governing
  // verb) when present. Without a DCT in doc.info(), a dateline that states a
  // full date ("WASHINGTON, March 12, 1998 (AP) --") becomes the DCT (origin
  // "dateline", with a note); otherwise a Diagnostic says the DCT is unknown.
  const TimeExpressions& tag(Document& doc) const;

  // Time-expression-only mode: finds and normalizes the timexes of text
  // without building a Document (what `tag` does minus the layers).
  std::vector<Timex> find(std::string_view text, const std::optional<CreationTime>& dct) const;

 private:
  struct Rules;
  explicit TimeTagger(std::unique_ptr<const Rules> rules);
  std::vector<Timex> run(std::string_view text, const std::optional<CreationTime>& dct, const Document* doc) const;
  std::unique_ptr<const Rules> rules_;
};

}  // namespace tempora

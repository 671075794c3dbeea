// Internals of the time stage: tokens, lexicon, compiled patterns, matcher.
//
// How it works. The text is cut into *time tokens* by a small scanner that
// keeps the shapes time expressions need whole (3:30, 10/17/2025, 2025-10-17,
// 1990s, '98, 17th, p.m., Oct.) and splits hyphens (mid-2024 -> mid 2024).
// Each token gets a set of *symbols*: the lexicon classes of its lowercase form
// (MONTH, UNIT, SHIFT, ...; resources/time/*.lex), its shape classes (NUM,
// YEAR, CLOCK, ...) and, when a pattern names the word literally, the literal.
// Symbol sets are 128-bit masks.
//
// A pattern (resources/time/patterns.txt) is a short sequence of elements,
// each a mask of allowed symbols, possibly optional. Matching simulates all
// patterns at once from a start token (a Thompson-style NFA over the element
// positions, no backtracking), remembering every accepting end; patterns are
// at most kMaxElements long, so each start costs a bounded amount of work and
// the whole scan is linear in the number of tokens. The longest acceptable
// match wins (earliest pattern on ties); the scan resumes after it.
//
// The accepted match is then aligned element by element (bounded search over
// the optional elements of one pattern) to know which class each token played,
// giving a Frame (year, month, unit, shift, ...) that normalize.cpp turns into
// a TIMEX3 value.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tempora/timex.hpp"

namespace tempora::detail::time {

inline constexpr std::size_t kMaxSymbols = 256;
inline constexpr std::size_t kMaxElements = 12;
using SymbolMask = std::bitset<kMaxSymbols>;

// Lexicon and shape classes. Literals get symbol ids after kClassCount.
enum Cls : std::uint16_t {
  MONTH,
  WEEKDAY,
  WEEKDAYS,
  NUMBER,
  ORDINAL,
  UNIT,
  UNITS,
  SEASON,
  POD,
  PODS,
  CLOCKWORD,
  AMPM,
  MOD,
  CMP,
  AT,
  EARLIER,
  LATER,
  SHIFT,
  DIR,
  DEIXIS,
  REF,
  SETWORD,
  QUANT,
  DECADEWORD,
  FISCAL,
  LATEST,
  PERIOD,
  TENSE,
  TZ,
  CONTEXT,
  HOLIDAY,
  // shapes
  NUM,
  YEAR,
  DAYNUM,
  ORDNUM,
  CLOCK,
  DECADE,
  YEARAPOS,
  DATENUM,
  FRACTION,
  kClassCount
};
std::optional<Cls> parse_class(std::string_view name);
std::string_view class_name(Cls cls);

// The kinds of TENSE entries (deictics.lex).
enum class TenseCue : std::uint8_t { none, future, weak, past, pastaux, stop };

// One lexicon entry of a word.
struct Entry {
  Cls cls;
  std::string value;
  bool needs_cap = false;
  bool needs_context = false;
  std::string not_before;   // !not>WORD: the entry does not count before WORD ("next to")
  std::string only_before;  // !before>WORD: the entry counts only before WORD ("is to")
  TenseCue cue = TenseCue::none;  // TENSE entries: the value, decoded once at load
};

struct WordInfo {
  std::vector<Entry> entries;
  int literal = -1;  // symbol id when a pattern names this word
};

// A token of the time scanner.
struct TimeToken {
  std::uint32_t begin = 0, end = 0;
  std::string lower;  // lowercase form
  SymbolMask symbols;
  const WordInfo* word = nullptr;
  bool capitalized = false;
  bool title_case = false;  // capitalized, not all capitals ("Week", not "WEEK")
  bool sentence_end = false;  // . ! ? that ends a sentence
  // shape values
  int num = -1;                         // NUM/DAYNUM/YEAR value
  int ordnum = -1;                      // ORDNUM value
  int clock_h = -1, clock_m = -1;       // CLOCK
  int decade = -1;                      // DECADE: 199 for 1990s
  int year_apos = -1;                   // YEARAPOS: 1998 for '98
  int dn_y = -1, dn_m = -1, dn_d = -1;  // DATENUM
  int frac_num = -1, frac_den = -1;     // FRACTION: 1/2, 3/4
};

struct Alternative {
  int symbol = -1;
  std::string value;  // CLASS=VALUE restriction
  std::string slot;   // CLASS>slot binding
};

struct Element {
  SymbolMask mask;
  std::vector<Alternative> alternatives;
  bool optional = false;
  bool plain = true;  // no CLASS=VALUE alternative: the mask decides
};

struct Pattern {
  TimexType type = TimexType::date;
  std::vector<Element> elements;
  std::vector<std::string> flags;  // "value=PAST_REF", "latest", ...
  std::string name;                // "patterns.txt:42"
  bool discard = false;            // NONE: a phrase that looks like a timex but is not
  SymbolMask first;                // symbols that can start a match
};

// A token aligned to the alternative it matched.
struct Bound {
  const TimeToken* token;
  const Alternative* alt;
  const Entry* entry;  // lexicon entry used, or nullptr for shapes and literals
};

struct Match {
  std::uint32_t first = 0, last = 0;  // token range [first, last)
  const Pattern* pattern = nullptr;
  std::vector<Bound> bound;
};

class Rules {
 public:
  static Rules load(const std::filesystem::path& dir);

  // Cuts text into time tokens with their symbols; offsets are base + the
  // offset in text. Reuses out's storage.
  void tokenize(std::string_view text, std::uint32_t base, std::vector<TimeToken>& out) const;
  // Leftmost-longest matches over tokens, non-overlapping, in order.
  std::vector<Match> match(const std::vector<TimeToken>& tokens) const;

  const std::vector<Pattern>& patterns() const { return patterns_; }

 private:
  void add_lexicon_file(const std::filesystem::path& file);
  void add_pattern_file(const std::filesystem::path& file);
  int literal_symbol(const std::string& word);
  bool align(const Pattern& p, const std::vector<TimeToken>& tokens, std::uint32_t first, std::uint32_t last,
             std::vector<Bound>& out) const;
  bool acceptable(const std::vector<Bound>& bound, const std::vector<TimeToken>& tokens, std::uint32_t first) const;

  // FNV-1a: the keys are short words, and std::hash's murmur costs more than the lookup
  struct WordHash {
    std::size_t operator()(const std::string& w) const noexcept {
      std::uint64_t h = 14695981039346656037ull;
      for (const char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
      return static_cast<std::size_t>(h);
    }
  };
  std::unordered_map<std::string, WordInfo, WordHash> words_;
  // A one-hash Bloom filter over words_'s keys (first two bytes, last byte,
  // length): most words of a text are in no lexicon, and this answers "not
  // there" without hashing and comparing the whole word.
  static std::size_t filter_slot(std::string_view w) noexcept {
    const auto b = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(w[i])); };
    const std::size_t n = w.size();
    return (b(0) * 0x9E3779B1u ^ (n > 1 ? b(1) : 0) * 0x85EBCA77u ^ b(n - 1) * 0xC2B2AE3Du ^ n * 0x27D4EB2Fu) >> 7 &
           (kFilterBits - 1);
  }
  static constexpr std::size_t kFilterBits = 1 << 16;
  std::bitset<kFilterBits> word_filter_;
  std::vector<Pattern> patterns_;
  std::vector<std::string> literal_names_;
  // The patterns compiled into one flat NFA, so that a matching step reads
  // one small contiguous array instead of chasing pattern -> element vectors.
  // State s stands for element `element` of pattern `pattern`; once a token
  // matches it, the NFA moves to follow_[follow_begin, follow_end) (the next
  // elements, through the optional ones) and accepts when `accepts`.
  void compile_states();
  struct State {
    SymbolMask mask;
    std::uint16_t pattern = 0;
    std::uint8_t element = 0;
    bool plain = true;
    bool accepts = false;
    std::uint32_t follow_begin = 0, follow_end = 0;
  };
  std::vector<State> states_;
  std::vector<std::uint16_t> follow_;
  SymbolMask start_mask_;
  std::vector<std::vector<std::uint16_t>> starts_by_symbol_;  // states a token with the symbol can enter
  int next_symbol_ = kClassCount;
};

// Semantic content of one match, filled from its bound tokens.
struct Frame {
  TimexType type = TimexType::date;
  std::optional<int> year, month, day, weekday, hour, minute, ordinal, decade, century, season_idx;
  std::optional<int> number;  // -1 = unspecified quantity ("several")
  bool article = false;       // "a"/"an" as the quantity
  std::string unit;           // Y M W D H MIN S DE CE Q HALF WE
  bool plural = false;
  std::string season, pod, mod, ampm, ref, setword, quant;
  std::optional<int> shift;
  bool shift_anaphoric = false;
  int shift_count = 0;
  std::optional<int> dir;
  bool dir_anaphoric = false;
  std::optional<int> deixis_days;
  bool fiscal = false, weekdays_plural = false, clockword = false, other = false;
  std::vector<int> numbers;        // each NUMBER token's value, in order
  int frac_num = 0, frac_den = 0;  // a fraction added to the number ("2 1/2 years", "two and a half")
  std::string holiday;             // HOLIDAY value
  std::vector<std::string> words;  // lowercase tokens
  const Pattern* pattern = nullptr;
  bool has_flag(std::string_view f) const;
  std::string flag_value(std::string_view key) const;  // "value" -> "PAST_REF"
};

Frame make_frame(const Match& m);

}  // namespace tempora::detail::time

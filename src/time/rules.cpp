// Loading the time rules, scanning time tokens, and matching patterns.
//
// See rules.hpp for the algorithm. Two properties matter for untrusted input:
// the scanner looks at each byte a bounded number of times, and the matcher's
// work per start token is bounded by (patterns x kMaxElements), so both are
// linear in the text; nothing here backtracks over the text.
#include "time/rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tempora::detail::time {

namespace {

constexpr std::array<std::string_view, kClassCount> kClassNames = {
    "MONTH",   "WEEKDAY", "WEEKDAYS",   "NUMBER", "ORDINAL", "UNIT",   "UNITS",    "SEASON", "POD",     "PODS",
    "CLOCKWORD",
    "AMPM",    "MOD",     "CMP",        "AT",     "EARLIER", "LATER",  "SHIFT",    "DIR",    "DEIXIS",  "REF",
    "SETWORD", "QUANT",   "DECADEWORD", "FISCAL", "LATEST",  "PERIOD", "TENSE",    "TZ",     "CONTEXT", "HOLIDAY",
    "NUM",     "YEAR",    "DAYNUM",     "ORDNUM", "CLOCK",   "DECADE", "YEARAPOS", "DATENUM",
    "FRACTION"};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

int to_int(std::string_view s) {
  int v = 0;
  if (s.empty() || s.size() > 6) return -1;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return -1;
  return v;
}

std::vector<std::string_view> split_ws(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string strip_comment(const std::string& line) {
  const auto hash = line.find('#');
  return hash == std::string::npos ? line : line.substr(0, hash);
}

// Fills the shape fields and symbols of a token from its lowercase form.
void classify_shape(TimeToken& t) {
  const std::string& s = t.lower;
  const bool all_digits = !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
  if (all_digits) {
    t.num = to_int(s);
    if (t.num >= 0) t.symbols.set(NUM);
    if (s.size() == 4 && t.num >= 1000 && t.num <= 2199) t.symbols.set(YEAR);
    if (s.size() <= 2 && t.num >= 1 && t.num <= 31) t.symbols.set(DAYNUM);
    if (s.size() == 8 && t.num > 0) {  // 19980108
      const int y = t.num / 10000, m = t.num / 100 % 100, d = t.num % 100;
      if (y >= 1800 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        t.dn_y = y, t.dn_m = m, t.dn_d = d;
        t.symbols.set(DATENUM);
      }
    }
    return;
  }
  // 17th 1st 22nd 3rd
  if (s.size() >= 3 && s.size() <= 4 && is_digit(s[0])) {
    const std::string_view suffix = std::string_view(s).substr(s.size() - 2);
    if ((suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") &&
        std::all_of(s.begin(), s.end() - 2, is_digit)) {
      t.ordnum = to_int(std::string_view(s).substr(0, s.size() - 2));
      if (t.ordnum > 0) t.symbols.set(ORDNUM);
      return;
    }
  }
  // 1990s 90s '90s
  if (s.size() >= 3 && s.back() == 's') {
    std::string_view core = std::string_view(s).substr(0, s.size() - 1);
    const bool apos = core.front() == '\'';
    if (apos) core.remove_prefix(1);
    if ((core.size() == 4 || core.size() == 2) && std::all_of(core.begin(), core.end(), is_digit) &&
        core.back() == '0') {
      const int v = to_int(core);
      t.decade = core.size() == 4 ? v / 10 : 190 + v / 10;
      t.symbols.set(DECADE);
      return;
    }
  }
  // '98
  if (s.size() == 3 && s[0] == '\'' && is_digit(s[1]) && is_digit(s[2])) {
    const int v = to_int(std::string_view(s).substr(1));
    t.year_apos = v >= 30 ? 1900 + v : 2000 + v;
    t.symbols.set(YEARAPOS);
    return;
  }
  // 3:30 15:45
  if (const auto colon = s.find(':'); colon != std::string::npos && colon > 0 && colon <= 2 && s.size() == colon + 3) {
    const int h = to_int(std::string_view(s).substr(0, colon));
    const int m = to_int(std::string_view(s).substr(colon + 1));
    if (h >= 0 && h <= 24 && m >= 0 && m <= 59) {
      t.clock_h = h, t.clock_m = m;
      t.symbols.set(CLOCK);
    }
    return;
  }
  // 2025-10-17
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    const int y = to_int(std::string_view(s).substr(0, 4)), m = to_int(std::string_view(s).substr(5, 2)),
              d = to_int(std::string_view(s).substr(8, 2));
    if (y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      t.dn_y = y, t.dn_m = m, t.dn_d = d;
      t.symbols.set(DATENUM);
    }
    return;
  }
  // 10/17/2025 10/17/25 10/17
  if (s.find('/') != std::string::npos) {
    std::vector<int> parts;
    std::size_t i = 0;
    while (i <= s.size()) {
      const auto slash = s.find('/', i);
      const auto piece = std::string_view(s).substr(i, slash == std::string::npos ? std::string::npos : slash - i);
      parts.push_back(to_int(piece));
      if (slash == std::string::npos) break;
      i = slash + 1;
    }
    // m/d alone is left out: in news "7/8" and "3/4" are fractions, and a
    // proper fraction with a small denominator is one ("2 1/2 years")
    if (parts.size() == 2 && parts[0] >= 1 && parts[1] >= 2 && parts[1] <= 10 && parts[0] < parts[1]) {
      t.frac_num = parts[0], t.frac_den = parts[1];
      t.symbols.set(FRACTION);
      return;
    }
    if (parts.size() == 3 && parts[0] >= 1 && parts[0] <= 12 && parts[1] >= 1 && parts[1] <= 31) {
      if (parts.size() == 3) {
        int y = parts[2];
        if (y < 0) return;
        if (y < 100) y += y >= 30 ? 1900 : 2000;
        if (y < 1000) return;
        t.dn_y = y;
      }
      t.dn_m = parts[0], t.dn_d = parts[1];
      t.symbols.set(DATENUM);
    }
  }
}

// MM-DD or MM/n/weekday (n in -1, 1..5; ISO weekday 1..7), optionally +d
// days after that weekday (d in 1..6), as timex.cpp reads it.
bool valid_holiday(std::string_view v) {
  if (v.size() < 5 || !is_digit(v[0]) || !is_digit(v[1])) return false;
  const int month = to_int(v.substr(0, 2));
  if (month < 1 || month > 12) return false;
  if (v.size() == 5 && v[2] == '-') {
    const int day = to_int(v.substr(3));
    return day >= 1 && day <= 31;
  }
  if (v[2] != '/') return false;
  const auto slash = v.find('/', 3);
  if (slash == std::string_view::npos) return false;
  std::string_view nth = v.substr(3, slash - 3);
  const bool negative = !nth.empty() && nth.front() == '-';
  if (negative) nth.remove_prefix(1);
  std::string_view weekday_days = v.substr(slash + 1);
  const auto plus = weekday_days.find('+');
  if (plus != std::string_view::npos) {
    const int d = to_int(weekday_days.substr(plus + 1));
    if (d < 1 || d > 6) return false;
    weekday_days = weekday_days.substr(0, plus);
  }
  const int n = to_int(nth), weekday = to_int(weekday_days);
  return (negative ? n == 1 : n >= 1 && n <= 5) && weekday >= 1 && weekday <= 7;
}

}  // namespace

std::optional<Cls> parse_class(std::string_view name) {
  for (std::size_t i = 0; i < kClassNames.size(); ++i)
    if (kClassNames[i] == name) return static_cast<Cls>(i);
  return std::nullopt;
}

std::string_view class_name(Cls cls) { return kClassNames[cls]; }

// ---- loading ---------------------------------------------------------------

Rules Rules::load(const std::filesystem::path& dir) {
  Rules rules;
  std::vector<std::filesystem::path> lexicons;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".lex") lexicons.push_back(entry.path());
  if (ec) throw std::runtime_error(fmt::format("cannot read time rules in {}: {}", dir.string(), ec.message()));
  std::sort(lexicons.begin(), lexicons.end());
  for (const auto& file : lexicons) rules.add_lexicon_file(file);
  rules.add_pattern_file(dir / "patterns.txt");
  rules.compile_states();
  for (const auto& [word, info] : rules.words_)
    if (!word.empty()) rules.word_filter_.set(filter_slot(word));
  return rules;
}

void Rules::compile_states() {
  std::vector<std::uint32_t> base(patterns_.size() + 1, 0);
  for (std::size_t p = 0; p < patterns_.size(); ++p) base[p + 1] = base[p] + patterns_[p].elements.size();
  if (base.back() > 0xffff) throw std::runtime_error("time patterns have too many elements");
  // the states from element e on that a token can enter: e, and past it while optional
  auto closure = [&](std::size_t p, std::size_t e, std::vector<std::uint16_t>& out) {
    const auto& elements = patterns_[p].elements;
    for (; e < elements.size(); ++e) {
      out.push_back(static_cast<std::uint16_t>(base[p] + e));
      if (!elements[e].optional) return false;
    }
    return true;  // the pattern can end here
  };
  states_.assign(base.back(), State{});
  follow_.clear();
  for (std::size_t p = 0; p < patterns_.size(); ++p) {
    const auto& elements = patterns_[p].elements;
    for (std::size_t e = 0; e < elements.size(); ++e) {
      State& s = states_[base[p] + e];
      s.mask = elements[e].mask;
      s.pattern = static_cast<std::uint16_t>(p);
      s.element = static_cast<std::uint8_t>(e);
      s.plain = elements[e].plain;
      s.follow_begin = static_cast<std::uint32_t>(follow_.size());
      s.accepts = closure(p, e + 1, follow_);
      s.follow_end = static_cast<std::uint32_t>(follow_.size());
    }
  }
  starts_by_symbol_.assign(kMaxSymbols, {});
  std::vector<std::uint16_t> start;
  for (std::size_t p = 0; p < patterns_.size(); ++p) {
    start.clear();
    closure(p, 0, start);
    // a start token enters only the states whose element it can match
    for (const std::uint16_t s : start)
      for (std::size_t sym = 0; sym < kMaxSymbols; ++sym)
        if (states_[s].mask.test(sym)) starts_by_symbol_[sym].push_back(s);
  }
}

void Rules::add_lexicon_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", file.string()));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string content = strip_comment(line);
    const auto fields = split_ws(content);
    if (fields.empty()) continue;
    if (fields.size() < 3)
      throw std::runtime_error(fmt::format("{}:{}: expected CLASS VALUE word...", file.string(), number));
    const auto cls = parse_class(fields[0]);
    if (!cls || *cls >= NUM)
      throw std::runtime_error(fmt::format("{}:{}: unknown class {}", file.string(), number, fields[0]));
    if (*cls == HOLIDAY && !valid_holiday(fields[1]))
      throw std::runtime_error(
          fmt::format("{}:{}: holiday {} is neither MM-DD nor MM/n/weekday[+d]", file.string(), number, fields[1]));
    for (std::size_t i = 2; i < fields.size(); ++i) {
      std::string word(fields[i]);
      Entry entry;
      entry.cls = *cls;
      entry.value = std::string(fields[1]);
      for (auto bang = word.find('!'); bang != std::string::npos; bang = word.find('!')) {
        auto flag = word.substr(bang + 1);
        const auto next = flag.find('!');
        const std::string name = flag.substr(0, next);
        if (name == "cap")
          entry.needs_cap = true;
        else if (name == "ctx")
          entry.needs_context = true;
        else if (name.starts_with("not>") && name.size() > 4) {
          entry.not_before = name.substr(4);
          std::transform(entry.not_before.begin(), entry.not_before.end(), entry.not_before.begin(), lower);
        } else if (name.starts_with("before>") && name.size() > 7) {
          entry.only_before = name.substr(7);
          std::transform(entry.only_before.begin(), entry.only_before.end(), entry.only_before.begin(), lower);
        }
        else
          throw std::runtime_error(fmt::format("{}:{}: unknown flag !{}", file.string(), number, name));
        word.erase(bang, next == std::string::npos ? std::string::npos : next + 1);
      }
      if (*cls == TENSE) {
        const std::string_view v = fields[1];
        entry.cue = v == "future"    ? TenseCue::future
                    : v == "weak"    ? TenseCue::weak
                    : v == "past"    ? TenseCue::past
                    : v == "pastaux" ? TenseCue::pastaux
                    : v == "stop"    ? TenseCue::stop
                                     : TenseCue::none;
        if (entry.cue == TenseCue::none)
          throw std::runtime_error(fmt::format("{}:{}: unknown TENSE value {}", file.string(), number, v));
      }
      std::transform(word.begin(), word.end(), word.begin(), lower);
      words_[word].entries.push_back(std::move(entry));
    }
  }
}

int Rules::literal_symbol(const std::string& word) {
  WordInfo& info = words_[word];
  if (info.literal < 0) {
    if (next_symbol_ >= static_cast<int>(kMaxSymbols))
      throw std::runtime_error("time patterns use too many distinct literal words");
    info.literal = next_symbol_++;
    literal_names_.push_back(word);
  }
  return info.literal;
}

void Rules::add_pattern_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", file.string()));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string content = strip_comment(line);
    const auto fields = split_ws(content);
    if (fields.empty()) continue;
    const auto where = fmt::format("{}:{}", file.filename().string(), number);
    Pattern pattern;
    pattern.name = where;
    const auto type = parse_timex_type(fields[0]);
    pattern.discard = fields[0] == "NONE";
    if (!type && !pattern.discard)
      throw std::runtime_error(fmt::format("{}: unknown TIMEX3 type {}", where, fields[0]));
    pattern.type = type.value_or(TimexType::date);
    for (std::size_t i = 1; i < fields.size(); ++i) {
      std::string_view field = fields[i];
      if (field.size() > 1 && field.front() == '@') {
        pattern.flags.emplace_back(field.substr(1));
        continue;
      }
      Element element;
      if (field.size() > 1 && field.back() == '?') {
        element.optional = true;
        field.remove_suffix(1);
      }
      std::size_t start = 0;
      while (start <= field.size()) {
        const auto bar = field.find('|', start);
        std::string_view alt_text =
            field.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
        Alternative alt;
        std::string_view name = alt_text;
        if (const auto eq = alt_text.find('='); eq != std::string_view::npos && eq > 0) {
          name = alt_text.substr(0, eq);
          alt.value = std::string(alt_text.substr(eq + 1));
        } else if (const auto gt = alt_text.find('>'); gt != std::string_view::npos && gt > 0) {
          name = alt_text.substr(0, gt);
          alt.slot = std::string(alt_text.substr(gt + 1));
        }
        const bool upper = !name.empty() && std::all_of(name.begin(), name.end(),
                                                        [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
        if (upper) {
          const auto cls = parse_class(name);
          if (!cls) throw std::runtime_error(fmt::format("{}: unknown class {}", where, name));
          alt.symbol = *cls;
        } else {
          if (name.empty()) throw std::runtime_error(fmt::format("{}: empty alternative", where));
          std::string word(name);
          std::transform(word.begin(), word.end(), word.begin(), lower);
          alt.symbol = literal_symbol(word);
        }
        element.mask.set(static_cast<std::size_t>(alt.symbol));
        if (!alt.value.empty()) element.plain = false;
        element.alternatives.push_back(std::move(alt));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
      }
      pattern.elements.push_back(std::move(element));
    }
    if (pattern.elements.empty() || pattern.elements.size() > kMaxElements)
      throw std::runtime_error(fmt::format("{}: a pattern has 1 to {} elements", where, kMaxElements));
    if (std::all_of(pattern.elements.begin(), pattern.elements.end(), [](const Element& e) { return e.optional; }))
      throw std::runtime_error(fmt::format("{}: a pattern needs a required element", where));
    for (const auto& element : pattern.elements) {
      pattern.first |= element.mask;
      if (!element.optional) break;
    }
    start_mask_ |= pattern.first;
    patterns_.push_back(std::move(pattern));
  }
  if (patterns_.empty()) throw std::runtime_error(fmt::format("{}: no patterns", file.string()));
}

// ---- scanning --------------------------------------------------------------

void Rules::tokenize(std::string_view text, std::uint32_t base, std::vector<TimeToken>& tokens) const {
  tokens.clear();
  tokens.reserve(text.size() / 5 + 1);
  const std::size_t n = text.size();
  std::size_t i = 0;
  auto lookup = [&](const std::string& w) -> const WordInfo* {
    if (!word_filter_.test(filter_slot(w))) return nullptr;
    const auto it = words_.find(w);
    return it == words_.end() ? nullptr : &it->second;
  };
  while (i < n) {
    const char c = text[i];
    std::size_t j = i;
    if (is_alnum(c) || (c == '\'' && i + 2 < n && is_digit(text[i + 1]) && is_digit(text[i + 2]))) {
      // A word or number. Digits may carry : / - , . inside (3:30, 10/17/2025,
      // 2025-10-17, 1,000, 3.5); letters may carry inner periods (p.m, U.S).
      j = i + 1;
      const bool digit_start = is_digit(c) || c == '\'';
      while (j < n) {
        const char d = text[j];
        if (is_alnum(d)) {
          // split 3pm -> 3 pm, but keep 17th and 1990s together
          if (digit_start && is_alpha(d) && is_digit(text[j - 1])) {
            std::size_t k = j;
            while (k < n && is_alpha(text[k])) ++k;
            const std::size_t len = k - j;
            std::string suf;
            for (std::size_t q = j; q < k; ++q) suf.push_back(lower(text[q]));
            if (!((len == 2 && (suf == "st" || suf == "nd" || suf == "rd" || suf == "th")) || (len == 1 && suf == "s")))
              break;
          }
          if (!digit_start && is_digit(d) && is_alpha(text[j - 1])) break;
          ++j;
          continue;
        }
        if (j + 1 < n && digit_start && is_digit(text[j - 1]) && is_digit(text[j + 1]) &&
            (d == ':' || d == '/' || d == ',' || d == '.')) {
          if (d == ',' &&
              !(j + 3 < n && is_digit(text[j + 2]) && is_digit(text[j + 3]) && (j + 4 >= n || !is_digit(text[j + 4]))))
            break;
          ++j;
          continue;
        }
        // ISO date 2025-10-17 stays one token
        if (d == '-' && digit_start && j - i == 4 && j + 6 <= n && is_digit(text[j + 1]) && is_digit(text[j + 2]) &&
            text[j + 3] == '-' && is_digit(text[j + 4]) && is_digit(text[j + 5]) &&
            (j + 6 == n || !is_digit(text[j + 6]))) {
          j += 6;
          break;
        }
        if (d == '.' && !digit_start && j + 1 < n && is_alpha(text[j + 1]) && j + 2 <= n &&
            (j + 2 == n || !is_alpha(text[j + 2]) || text[j + 2] == '.')) {
          ++j;  // p.m, a.m, U.S
          continue;
        }
        break;
      }
      // o'clock
      if (j + 6 <= n && (j - i == 1) && lower(text[i]) == 'o' && text[j] == '\'') {
        std::string w = "o'";
        for (std::size_t q = j + 1; q < n && is_alpha(text[q]) && w.size() < 8; ++q) w.push_back(lower(text[q]));
        if (w == "o'clock") j = i + 7;
      }
      TimeToken t;
      t.begin = static_cast<std::uint32_t>(i);
      t.end = static_cast<std::uint32_t>(j);
      t.lower.reserve(j - i + 1);
      for (std::size_t q = i; q < j; ++q) t.lower.push_back(lower(text[q]));
      t.capitalized = c >= 'A' && c <= 'Z';
      t.title_case = t.capitalized && j > i + 1 && text[i + 1] >= 'a' && text[i + 1] <= 'z';
      // a trailing period belongs to the word when word+"." is in the lexicon (Oct., p.m.)
      if (j < n && text[j] == '.' && !digit_start) {
        t.lower.push_back('.');
        if (const WordInfo* w = lookup(t.lower); w != nullptr) {
          t.end = static_cast<std::uint32_t>(j + 1);
          t.word = w;
          j += 1;
        } else {
          t.lower.pop_back();
        }
      }
      if (t.word == nullptr) t.word = lookup(t.lower);
      if (digit_start) classify_shape(t);
      tokens.push_back(std::move(t));
      i = j;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || static_cast<unsigned char>(c) >= 0x80 || c == '-' ||
        c == '"' || c == '(' || c == ')') {
      // hyphens and quotes separate words but are no tokens: "third-quarter"
      // matches like "third quarter", and the span still covers the hyphen.
      ++i;
      continue;
    }
    TimeToken t;  // punctuation, one byte
    t.begin = static_cast<std::uint32_t>(i);
    t.end = static_cast<std::uint32_t>(i + 1);
    t.lower.assign(1, c);
    t.word = lookup(t.lower);
    // A period after an abbreviation with inner periods ("U.S.") ends no sentence.
    t.sentence_end = c == '!' || c == '?' || c == ';' ||
                     (c == '.' && !(tokens.size() > 0 && tokens.back().end == i &&
                                    tokens.back().lower.find('.') != std::string::npos));
    tokens.push_back(std::move(t));
    ++i;
  }
  // symbols from the lexicon
  for (TimeToken& t : tokens) {
    if (t.word == nullptr) continue;
    if (t.word->literal >= 0) t.symbols.set(static_cast<std::size_t>(t.word->literal));
    for (const Entry& e : t.word->entries)
      if (!e.needs_cap || t.capitalized) t.symbols.set(e.cls);
    if (t.symbols.test(NUMBER) == false && t.symbols.test(NUM)) t.symbols.set(NUMBER);
  }
  for (TimeToken& t : tokens) {
    if (t.symbols.test(NUM)) t.symbols.set(NUMBER);
    t.begin += base;
    t.end += base;
  }
}

// ---- matching --------------------------------------------------------------

namespace {

const Entry* entry_for(const TimeToken& t, const Alternative& alt) {
  if (alt.symbol >= kClassCount || alt.symbol >= NUM || t.word == nullptr) return nullptr;
  for (const Entry& e : t.word->entries)
    if (e.cls == alt.symbol && (!e.needs_cap || t.capitalized) && (alt.value.empty() || e.value == alt.value))
      return &e;
  return nullptr;
}

bool alt_matches(const TimeToken& t, const Alternative& alt) {
  if (!t.symbols.test(static_cast<std::size_t>(alt.symbol))) return false;
  if (alt.value.empty()) return true;
  return entry_for(t, alt) != nullptr;
}

bool element_matches(const TimeToken& t, const Element& e) {
  if ((t.symbols & e.mask).none()) return false;
  if (e.plain) return true;
  for (const Alternative& alt : e.alternatives)
    if (alt_matches(t, alt)) return true;
  return false;
}

}  // namespace

bool Rules::align(const Pattern& p, const std::vector<TimeToken>& tokens, std::uint32_t first, std::uint32_t last,
                  std::vector<Bound>& out) const {
  // Depth-first over the pattern's optional elements; at most 2^optional
  // paths of at most kMaxElements steps, independent of the text.
  struct Step {
    std::size_t element;
    std::uint32_t token;
  };
  const std::size_t ne = p.elements.size();
  std::vector<Bound> path;
  auto rec = [&](auto&& self, std::size_t e, std::uint32_t t) -> bool {
    if (e == ne) return t == last;
    const Element& el = p.elements[e];
    if (t < last) {
      for (const Alternative& alt : el.alternatives) {
        if (!alt_matches(tokens[t], alt)) continue;
        path.push_back(Bound{&tokens[t], &alt, entry_for(tokens[t], alt)});
        if (self(self, e + 1, t + 1)) return true;
        path.pop_back();
        break;  // the first matching alternative decides the role
      }
    }
    if (el.optional) return self(self, e + 1, t);
    return false;
  };
  const bool ok = rec(rec, 0, first);
  if (ok) out = std::move(path);
  return ok;
}

bool Rules::acceptable(const std::vector<Bound>& bound, const std::vector<TimeToken>& tokens,
                       std::uint32_t first) const {
  // A word flagged !ctx ("may", "fall", "second") needs another time word in
  // the match; a month or season so flagged may instead follow a CONTEXT word
  // ("in March", "since May"). Literals and bare numbers do not count.
  bool needs = false, has_other = false, rescuable = true;
  for (const Bound& b : bound) {
    if (b.alt->symbol >= kClassCount) continue;  // literal
    bool ctx = false;
    if (b.entry != nullptr) {
      ctx = b.entry->needs_context;
    } else if (b.token->word != nullptr && b.alt->symbol < NUM) {
      for (const Entry& e : b.token->word->entries)
        if (e.cls == b.alt->symbol && e.needs_context) ctx = true;
    }
    if (ctx) {
      needs = true;
      if (b.alt->symbol != MONTH && b.alt->symbol != SEASON) rescuable = false;
    } else if (b.alt->symbol != NUMBER && b.alt->symbol != NUM) {
      has_other = true;
    }
  }
  if (needs && !has_other) return rescuable && first > 0 && tokens[first - 1].symbols.test(CONTEXT);
  return true;
}

// A word that English writes in lower case ("week", "today", "noon") but
// that is capitalized inside a sentence makes the phrase a name: ABC's "This
// Week", "60 Minutes", "High Noon", "VOA Today". Names are no time
// expressions (TimeML 1.2.1); holidays ("Thanksgiving Day") are exempt.
static bool is_name(const std::vector<Bound>& bound, const std::vector<TimeToken>& tokens, std::uint32_t first) {
  if (std::any_of(bound.begin(), bound.end(), [](const Bound& b) { return b.alt->symbol == HOLIDAY; })) return false;
  for (std::size_t k = 0; k < bound.size(); ++k) {
    const int sym = bound[k].alt->symbol;
    const bool lowercase_word = sym == UNIT || sym == UNITS || sym == DEIXIS || sym == POD || sym == PODS ||
                                sym == SEASON || sym == REF || sym == CLOCKWORD;
    if (!lowercase_word || !bound[k].token->title_case) continue;
    if (k > 0) return true;
    // the first word of the match: a name when a capitalized word precedes it
    if (first > 0) {
      const TimeToken& before = tokens[first - 1];
      if (before.capitalized && is_alnum(before.lower.back())) return true;
    }
  }
  return false;
}

// @after=WORD|WORD2: the token before the match must be one of the words
// ("in [the past]", "his [30s]"); @initial: the match starts a sentence
// ("Now, he says").
static bool preceded_as_required(const Pattern& p, const std::vector<TimeToken>& tokens, std::uint32_t first) {
  for (const auto& flag : p.flags) {
    if (flag == "initial" && first > 0 && !tokens[first - 1].sentence_end) return false;
    if (!flag.starts_with("after=")) continue;
    if (first == 0) return false;
    const std::string_view before = tokens[first - 1].lower;
    std::string_view words = std::string_view(flag).substr(6);
    while (!words.empty()) {
      const auto bar = words.find('|');
      if (words.substr(0, bar) == before) return true;
      words = bar == std::string_view::npos ? std::string_view() : words.substr(bar + 1);
    }
    return false;
  }
  return true;
}

std::vector<Match> Rules::match(const std::vector<TimeToken>& tokens) const {
  std::vector<Match> matches;
  const std::uint32_t n = static_cast<std::uint32_t>(tokens.size());
  // NFA states (states_); `seen` stamps a state once per step so the active
  // list never holds duplicates.
  std::vector<std::uint16_t> active, next;
  std::vector<std::uint32_t> seen(states_.size(), 0);
  std::uint32_t stamp = 0;
  struct Accept {
    std::uint32_t end;
    std::uint16_t pattern;
  };
  std::vector<Accept> accepts;
  auto enter = [&](std::vector<std::uint16_t>& set, std::uint16_t s) {
    if (seen[s] == stamp) return;
    seen[s] = stamp;
    set.push_back(s);
  };
  std::uint32_t i = 0;
  while (i < n) {
    const SymbolMask& start = tokens[i].symbols;
    if ((start & start_mask_).none()) {
      ++i;
      continue;
    }
    active.clear();
    accepts.clear();
    ++stamp;
    const SymbolMask starting = start & start_mask_;
    for (std::size_t sym = starting._Find_first(); sym < kMaxSymbols; sym = starting._Find_next(sym))
      for (const std::uint16_t s : starts_by_symbol_[sym]) enter(active, s);
    std::uint32_t t = i;
    while (!active.empty() && t < n) {
      next.clear();
      ++stamp;
      const TimeToken& token = tokens[t];
      for (const std::uint16_t s : active) {
        const State& state = states_[s];
        if ((token.symbols & state.mask).none()) continue;
        if (!state.plain && !element_matches(token, patterns_[state.pattern].elements[state.element])) continue;
        if (state.accepts) accepts.push_back({t + 1, state.pattern});
        for (std::uint32_t f = state.follow_begin; f < state.follow_end; ++f) enter(next, follow_[f]);
      }
      active.swap(next);
      ++t;
    }
    if (accepts.empty()) {
      ++i;
      continue;
    }
    // longest first, earliest pattern on ties
    std::sort(accepts.begin(), accepts.end(),
              [](const Accept& a, const Accept& b) { return a.end != b.end ? a.end > b.end : a.pattern < b.pattern; });
    bool found = false;
    for (const Accept& a : accepts) {
      Match m;
      m.first = i, m.last = a.end, m.pattern = &patterns_[a.pattern];
      if (!align(*m.pattern, tokens, i, a.end, m.bound)) continue;
      if (is_name(m.bound, tokens, i)) {  // skip the whole name, as a NONE pattern would
        i = a.end;
        found = true;
        break;
      }
      if (!acceptable(m.bound, tokens, i)) continue;
      if (!preceded_as_required(*m.pattern, tokens, i)) continue;
      i = a.end;
      if (!m.pattern->discard) matches.push_back(std::move(m));
      found = true;
      break;
    }
    if (!found) ++i;
  }
  return matches;
}

// ---- frames ----------------------------------------------------------------

bool Frame::has_flag(std::string_view f) const {
  if (pattern == nullptr) return false;
  for (const auto& flag : pattern->flags)
    if (flag == f || (flag.size() > f.size() && flag.compare(0, f.size(), f) == 0 && flag[f.size()] == '='))
      return true;
  return false;
}

std::string Frame::flag_value(std::string_view key) const {
  if (pattern == nullptr) return {};
  for (const auto& flag : pattern->flags)
    if (flag.size() > key.size() && flag.compare(0, key.size(), key) == 0 && flag[key.size()] == '=')
      return flag.substr(key.size() + 1);
  return {};
}

Frame make_frame(const Match& m) {
  Frame f;
  f.pattern = m.pattern;
  f.type = m.pattern->type;
  for (const Bound& b : m.bound) {
    const TimeToken& t = *b.token;
    f.words.push_back(t.lower);
    const int sym = b.alt->symbol;
    const std::string& slot = b.alt->slot;
    const std::string value = b.entry != nullptr ? b.entry->value : std::string();
    auto int_value = [&]() { return to_int(value); };
    if (sym >= kClassCount) {
      if (t.lower == "a" || t.lower == "an") f.article = true;
      if (t.lower == "other") f.other = true;
      continue;
    }
    auto number_value = [&]() -> int {
      if (t.num >= 0) return t.num;
      if (b.entry == nullptr && t.word != nullptr)
        for (const Entry& e : t.word->entries)
          if (e.cls == NUMBER) return e.value == "X" ? -1 : to_int(e.value);
      if (value == "X") return -1;
      return int_value();
    };
    auto ordinal_value = [&]() -> int {
      if (t.ordnum > 0) return t.ordnum;
      if (t.word != nullptr)
        for (const Entry& e : t.word->entries)
          if (e.cls == ORDINAL) return to_int(e.value);
      return -1;
    };
    if (!slot.empty()) {
      int v = -1;
      if (sym == ORDINAL || sym == ORDNUM)
        v = ordinal_value();
      else if (sym == NUMBER || sym == NUM || sym == DAYNUM)
        v = number_value();
      if (slot == "day")
        f.day = v;
      else if (slot == "hour")
        f.hour = v;
      continue;
    }
    switch (static_cast<Cls>(sym)) {
      case MONTH:
        f.month = int_value();
        break;
      case WEEKDAY:
        f.weekday = int_value();
        break;
      case WEEKDAYS:
        f.weekday = int_value();
        f.weekdays_plural = true;
        break;
      case NUMBER:
      case NUM: {
        const int v = number_value();
        f.numbers.push_back(v);
        if (f.number && *f.number >= 0 && v >= 0) {
          // twenty four -> 24; two hundred -> 200; two thousand -> 2000
          f.number = v == 100 || v == 1000 ? *f.number * v : *f.number + v;
        } else if (!f.number) {
          f.number = v;
        } else {
          f.number = -1;  // "several hundred": unspecified
        }
        // No calendar count is that large; keeping it small keeps the
        // arithmetic on it (decades -> years) far from overflow.
        if (*f.number > 100000) f.number = -1;
        break;
      }
      case ORDINAL:
      case ORDNUM:
        f.ordinal = ordinal_value();
        break;
      case UNIT:
        f.unit = value;
        break;
      case UNITS:
        f.unit = value;
        f.plural = true;
        break;
      case SEASON:
        f.season = value;
        break;
      case POD:
        f.pod = value;
        break;
      case PODS:  // "Tuesday nights": a recurring part of the day
        f.pod = value;
        f.weekdays_plural = true;
        break;
      case CLOCKWORD:
        f.hour = int_value();
        f.minute = 0;
        f.clockword = true;
        break;
      case AMPM:
        f.ampm = value;
        break;
      case MOD:
      case CMP:
      case AT:
      case EARLIER:
      case LATER:
        f.mod = value;
        break;
      case SHIFT:
        f.shift = to_int(value.back() == 'a' ? value.substr(0, value.size() - 1) : value);
        if (value.back() == 'a') f.shift_anaphoric = true;
        ++f.shift_count;
        break;
      case DIR:
        f.dir = to_int(value.back() == 'a' ? value.substr(0, value.size() - 1) : value);
        f.dir_anaphoric = value.back() == 'a';
        break;
      case DEIXIS: {
        const auto colon = value.find(':');
        f.deixis_days = to_int(value.substr(0, colon));
        if (colon != std::string::npos) f.pod = value.substr(colon + 1);
        break;
      }
      case REF:
        f.ref = value;
        break;
      case SETWORD:
        f.setword = value;
        break;
      case QUANT:
        f.quant = value;
        break;
      case DECADEWORD:
        f.decade = int_value();
        break;
      case FISCAL:
        f.fiscal = true;
        break;
      case LATEST:
      case PERIOD:
      case TENSE:
      case TZ:
      case CONTEXT:
        break;
      case HOLIDAY:
        f.holiday = value;
        break;
      case YEAR:
        f.year = t.num;
        break;
      case DAYNUM:
        f.day = t.num;
        break;
      case CLOCK:
        f.hour = t.clock_h;
        f.minute = t.clock_m;
        break;
      case DECADE:
        f.decade = t.decade;
        break;
      case YEARAPOS:
        f.year = t.year_apos;
        break;
      case DATENUM:
        if (t.dn_y > 0) f.year = t.dn_y;
        f.month = t.dn_m;
        f.day = t.dn_d;
        break;
      case FRACTION:
        f.frac_num = t.frac_num;
        f.frac_den = t.frac_den;
        break;
      case kClassCount:
        break;
    }
  }
  // "two and a half years", "a year and a half"
  if (f.has_flag("andhalf") && f.frac_den == 0) f.frac_num = 1, f.frac_den = 2;
  if (f.has_flag("final")) f.ordinal = f.unit == "HALF" ? 2 : 4;
  return f;
}

}  // namespace tempora::detail::time

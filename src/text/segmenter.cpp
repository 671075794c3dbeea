// Sentence and token segmentation for news English.
//
// How it works. Two passes, both strictly left to right, so the whole thing is
// linear in the length of the text:
//
// 1. The scanner walks the UTF-8 text one code point at a time (ASCII through
//    a fast path, everything else classified with ICU: u_charType and
//    u_isUWhiteSpace) and cuts it into tokens. Whitespace separates tokens;
//    inside a run of non-space characters a token is either
//      - a word or number: a run of letters, digits and marks, glued across
//        the joiners news uses inside one token: hyphens between word
//        characters ("closed-door", "2025-10-17"), "," ":" "/" "." between
//        digits ("1,000", "3:30", "10/17/2025", "3.5"), dotted acronyms
//        ("U.S.", "p.m.", "J.R.R."), "&" ("AT&T") and an apostrophe that is
//        not a clitic ("O'Brien"). A trailing period stays on the word when
//        the word is a known abbreviation (resources/text/abbreviations.txt)
//        or a single capital letter (an initial). Clitics are split the
//        Penn/UD way: "did|n't", "ca|n't", "that|'s", "we|'re", "presidents|’";
//      - a URL (http://, https://, www.) or an e-mail address, kept whole;
//      - punctuation: "..." and "--" runs, "``" and "''", runs of "!" and
//        "?", and otherwise one code point (em dash, quote, "$", "%").
//    Every lookahead that may not be consumed is bounded by a small constant
//    (an e-mail's local part, a domain label, a clitic), which keeps the scan
//    linear even on a megabyte without spaces. The scanner records for each
//    token its kind, whether whitespace precedes it and how many line breaks.
//
// 2. The sentence pass walks the tokens and decides after each one whether a
//    sentence ends there:
//      - always at a blank line (two line breaks);
//      - after ". ! ?" (plus the closing quotes and brackets glued to them)
//        when the next token is not a lowercase word or a continuing
//        punctuation mark (`"Why?" he asked` stays one sentence);
//      - after an abbreviation that may end a sentence ("U.S.", "Inc.",
//        "p.m.", initials, "...") only when the next token opens one: an
//        opening quote or a known sentence starter ("The", "He"), and for
//        "final" abbreviations also any capitalized word that is not a
//        name continuation ("3 p.m. Tuesday" stays whole);
//      - at a single line break only when the line is a short heading that
//        stands alone (it began a sentence and has no final punctuation; the
//        text's first line, a headline, may be longer than the others), so
//        hard-wrapped TimeML text is not cut mid-sentence;
//      - around an opening dateline ("KYIV, Oct. 20 (Reuters) -",
//        "WASHINGTON —"), found at the start of the text or of one of its
//        first lines when only a headline or byline precedes it.
//
// Token::norm folds curly quotes and apostrophes to ASCII and keeps
// everything else as written.
#include "tempora/segment.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "tempora/data.hpp"
#include "tempora/utf8.hpp"

namespace tempora {

namespace {

// ---- lexicons -----------------------------------------------------------------

enum class AbbrevClass : std::uint8_t { inner, final, weak };

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
using AbbrevMap = std::unordered_map<std::string, AbbrevClass, StringHash, std::equal_to<>>;

// Reads "word [field...]" lines; '#' starts a comment line.
template <class OnLine>
void read_lexicon(const std::filesystem::path& path, OnLine on_line) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("cannot read segmenter lexicon {}", path.string()));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::vector<std::string_view> fields;
    std::string_view rest = line;
    while (!rest.empty()) {
      const std::size_t b = rest.find_first_not_of(" \t\r");
      if (b == std::string_view::npos) break;
      rest.remove_prefix(b);
      const std::size_t e = std::min(rest.find_first_of(" \t\r"), rest.size());
      fields.push_back(rest.substr(0, e));
      rest.remove_prefix(e);
    }
    if (fields.empty() || fields[0].front() == '#') continue;
    on_line(fields, number);
  }
}

struct LexiconData {
  AbbrevMap abbreviations;
  WordSet starters;       // resources/text/sentence_starters.txt
  WordSet continuations;  // resources/text/name_continuations.txt
};

// ---- character classes ------------------------------------------------------

struct CodePoint {
  char32_t c = 0;
  std::uint32_t len = 0;  // 0 at the end of the text
};

inline CodePoint at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return {};
  const auto b = static_cast<unsigned char>(t[i]);
  if (b < 0x80) return {b, 1};
  const std::size_t n = utf8::valid_sequence_length(t, i);
  if (n == 0) return {0xFFFD, 1};  // Document repairs text; stay safe anyway
  return {utf8::decode(t, i, n), static_cast<std::uint32_t>(n)};
}

// The code point ending just before byte i (or 0 at the start).
inline char32_t before(std::string_view t, std::size_t i) {
  if (i == 0) return 0;
  std::size_t b = i - 1;
  for (int k = 0; k < 3 && b > 0 && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80; ++k) --b;
  const CodePoint cp = at(t, b);
  return b + cp.len == i ? cp.c : 0xFFFD;
}

inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_ascii_alnum(char32_t c) { return is_ascii_digit(c) || is_ascii_alpha(c); }

inline bool is_space(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

// Control and format characters (NUL, BOM, zero-width space) separate tokens
// but are not whitespace and never become tokens.
inline bool is_ignorable(char32_t c) {
  if (c < 0x80) return c < 0x20 || c == 0x7F;
  const auto type = u_charType(static_cast<UChar32>(c));
  return (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR) && c != 0x00AD;
}

inline bool is_letter(char32_t c) {
  if (c < 0x80) return is_ascii_alpha(c);
  return u_isalpha(static_cast<UChar32>(c));
}

inline bool is_mark(char32_t c) {
  if (c < 0x300) return false;
  const auto type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

// Letters, digits, combining marks and the soft hyphen make up words.
inline bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c);
  if (c == 0x00AD) return true;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK: return true;
    default: return false;
  }
}

inline bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
inline bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

inline bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
inline bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// ---- tokens as the scanner sees them ---------------------------------------

enum class Kind : std::uint8_t {
  word,
  number,
  terminal,       // . ! ? ?!
  ellipsis,       // ... …
  abbr_inner,     // Dr. Oct. No.
  abbr_final,     // Inc. p.m.
  abbr_weak,      // U.S. W. J.R.R.
  open_quote,
  close_quote,
  open_bracket,
  close_bracket,
  dash,           // - -- — – _
  pause,          // , ; :
  clitic,         // 's n't 're
  url,
  email,
  symbol,         // $ % & and anything else
};

struct RawToken {
  std::uint32_t begin;
  std::uint32_t end;
  Kind kind;
  std::uint8_t newlines_before;  // 0, 1, or 2 for "a blank line or more"
  bool space_before;
};

Kind kind_of(AbbrevClass c) {
  switch (c) {
    case AbbrevClass::inner: return Kind::abbr_inner;
    case AbbrevClass::final: return Kind::abbr_final;
    case AbbrevClass::weak: break;
  }
  return Kind::abbr_weak;
}

// Bounds on lookahead that is not consumed (keeps the scan linear).
constexpr std::size_t kMaxEmailLocal = 64;
constexpr std::size_t kMaxEmailDomain = 255;
constexpr std::size_t kMaxDomainLabel = 6;

class Scanner {
 public:
  Scanner(std::string_view text, const LexiconData& lexicon, std::vector<RawToken>& out)
      : t_(text), lex_(lexicon), out_(out) {}

  void run() {
    std::size_t i = 0;
    unsigned newlines = 0;
    bool space = true;
    while (i < t_.size()) {
      const CodePoint cp = at(t_, i);
      if (is_space(cp.c)) {
        if (cp.c == '\n' || cp.c == 0x0B || cp.c == 0x0C || cp.c == 0x85 || cp.c == 0x2028) {
          ++newlines;
        } else if (cp.c == '\r') {
          ++newlines;
          if (i + 1 < t_.size() && t_[i + 1] == '\n') ++i;
        } else if (cp.c == 0x2029) {
          newlines += 2;
        }
        newlines = std::min(newlines, 2u);
        space = true;
        i += cp.len;
        continue;
      }
      if (is_ignorable(cp.c)) {
        i += cp.len;
        continue;
      }
      Kind kind = Kind::symbol;
      const std::size_t end = scan_token(i, cp, space, kind);
      out_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end), kind,
                      static_cast<std::uint8_t>(newlines), space});
      newlines = 0;
      space = false;
      i = end;
    }
  }

 private:
  std::size_t n() const { return t_.size(); }
  char byte(std::size_t i) const { return i < t_.size() ? t_[i] : '\0'; }

  std::size_t scan_token(std::size_t i, CodePoint cp, bool space_before, Kind& kind) {
    const char32_t c = cp.c;
    if (is_word_char(c)) {
      if (c < 0x80) {
        if (const std::size_t e = scan_url(i); e > i) return kind = Kind::url, e;
        if (const std::size_t e = scan_email(i); e > i) return kind = Kind::email, e;
      }
      return scan_word(i, i, kind);
    }
    switch (c) {
      case '.': {
        std::size_t j = i;
        while (byte(j) == '.') ++j;
        kind = j - i >= 2 ? Kind::ellipsis : Kind::terminal;
        return j;
      }
      case 0x2026: kind = Kind::ellipsis; return i + cp.len;
      case '!':
      case '?': {
        std::size_t j = i;
        while (byte(j) == '!' || byte(j) == '?') ++j;
        kind = Kind::terminal;
        return j;
      }
      case '-': {
        if (byte(i + 1) == '-') {
          std::size_t j = i;
          while (byte(j) == '-') ++j;
          kind = Kind::dash;
          return j;
        }
        // A sign: "-2" after a space or an opening bracket or quote.
        if (is_ascii_digit(static_cast<unsigned char>(byte(i + 1))) && opens_left(i))
          return scan_word(i, i + 1, kind);
        kind = Kind::dash;
        return i + 1;
      }
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2015:
      case '_': kind = Kind::dash; return i + cp.len;
      case ',':
      case ';':
      case ':': kind = Kind::pause; return i + 1;
      case '(':
      case '[':
      case '{': kind = Kind::open_bracket; return i + 1;
      case ')':
      case ']':
      case '}': kind = Kind::close_bracket; return i + 1;
      case '`':
        kind = Kind::open_quote;
        return byte(i + 1) == '`' ? i + 2 : i + 1;
      case 0x2018:
      case 0x201C:
      case 0x201E:
      case 0x00AB: kind = Kind::open_quote; return i + cp.len;
      case 0x201D:
      case 0x00BB: kind = Kind::close_quote; return i + cp.len;
      case '"':
        kind = opens_left(i) && !is_space(at(t_, i + 1).c) && at(t_, i + 1).len != 0 ? Kind::open_quote
                                                                                    : Kind::close_quote;
        return i + 1;
      case '\'':
        if (byte(i + 1) == '\'') {
          kind = Kind::close_quote;
          return i + 2;
        }
        [[fallthrough]];
      case 0x2019: {
        const std::size_t after = i + cp.len;
        if (!space_before) {
          if (const std::size_t len = clitic_length(after); len > 0) {
            kind = Kind::clitic;
            return after + len;
          }
          kind = Kind::close_quote;  // closing quote or the plural possessive "presidents’"
          return after;
        }
        kind = c == '\'' && !is_space(at(t_, after).c) && at(t_, after).len != 0 ? Kind::open_quote
                                                                               : Kind::close_quote;
        return after;
      }
      default: break;
    }
    // Any other code point is a token of its own, with the marks and variation
    // selectors that modify it.
    std::size_t j = i + cp.len;
    for (CodePoint next = at(t_, j); next.len != 0 && (is_mark(next.c) || (next.c >= 0xFE00 && next.c <= 0xFE0F));
         next = at(t_, j))
      j += next.len;
    kind = Kind::symbol;
    return j;
  }

  // True when the character before byte i leaves the left side open: start of
  // text, whitespace, an opening bracket or quote.
  bool opens_left(std::size_t i) const {
    const char32_t p = before(t_, i);
    return i == 0 || is_space(p) || is_ignorable(p) || p == '(' || p == '[' || p == '{' || p == 0x201C ||
           p == 0x2018 || p == '"' || p == '\'';
  }

  // Length of a clitic ("s", "re", "ll", "ve", "d", "m", any case) starting at
  // byte i and followed by a non-word character; 0 when there is none.
  std::size_t clitic_length(std::size_t i) const {
    const auto lower = [&](std::size_t k) { return static_cast<char>(byte(k) | 0x20); };
    const auto ends_at = [&](std::size_t k) {
      const CodePoint next = at(t_, k);
      return next.len == 0 || !is_word_char(next.c);
    };
    const char a = lower(i);
    if ((a == 's' || a == 'd' || a == 'm') && is_ascii_alpha(static_cast<unsigned char>(byte(i))) && ends_at(i + 1))
      return 1;
    const char b = lower(i + 1);
    if (((a == 'r' && b == 'e') || (a == 'l' && b == 'l') || (a == 'v' && b == 'e')) &&
        is_ascii_alpha(static_cast<unsigned char>(byte(i))) &&
        is_ascii_alpha(static_cast<unsigned char>(byte(i + 1))) && ends_at(i + 2))
      return 2;
    return 0;
  }

  // "http://...", "https://...", "ftp://...", "www.x": up to whitespace, minus
  // trailing sentence punctuation. Returns i when there is no URL at i.
  std::size_t scan_url(std::size_t i) const {
    const auto starts = [&](std::string_view prefix) {
      if (t_.size() - i < prefix.size()) return false;
      for (std::size_t k = 0; k < prefix.size(); ++k)
        if ((t_[i + k] | 0x20) != prefix[k] && t_[i + k] != prefix[k]) return false;
      return true;
    };
    std::size_t j;
    if (starts("https://")) j = i + 8;
    else if (starts("http://")) j = i + 7;
    else if (starts("ftp://")) j = i + 6;
    else if (starts("www.") && is_ascii_alnum(static_cast<unsigned char>(byte(i + 4)))) j = i + 4;
    else return i;
    int open_parens = 0;
    while (j < n()) {
      const CodePoint cp = at(t_, j);
      if (is_space(cp.c) || is_ignorable(cp.c) || cp.c == '"' || cp.c == '<' || cp.c == '>' || cp.c == 0x201C ||
          cp.c == 0x201D || cp.c == 0x2018 || cp.c == 0x2019 || cp.c == 0x00AB || cp.c == 0x00BB)
        break;
      if (cp.c == '(') ++open_parens;
      if (cp.c == ')') --open_parens;
      j += cp.len;
    }
    while (j > i) {
      const char last = t_[j - 1];
      if (std::strchr(".,;:!?'", last) != nullptr && last != '\0') {
        --j;
      } else if (last == ')' && open_parens < 0) {
        ++open_parens;
        --j;
      } else {
        break;
      }
    }
    return j > i + 4 ? j : i;
  }

  // local@domain.tld with ASCII characters; returns i when there is none.
  std::size_t scan_email(std::size_t i) const {
    const auto local_char = [](char ch) {
      return is_ascii_alnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_' || ch == '%' || ch == '+' ||
             ch == '-';
    };
    std::size_t k = i;
    while (k < n() && k - i < kMaxEmailLocal && local_char(t_[k])) ++k;
    if (byte(k) != '@' || k == i) return i;
    const std::size_t at_sign = k;
    std::size_t d = at_sign + 1;
    std::size_t last_dot = 0;
    while (d < n() && d - at_sign <= kMaxEmailDomain &&
           (is_ascii_alnum(static_cast<unsigned char>(t_[d])) || t_[d] == '.' || t_[d] == '-')) {
      if (t_[d] == '.') last_dot = d;
      ++d;
    }
    while (d > at_sign + 1 && (t_[d - 1] == '.' || t_[d - 1] == '-')) --d;
    if (last_dot == 0 || last_dot + 1 >= d || !is_ascii_alpha(static_cast<unsigned char>(t_[last_dot + 1])) ||
        last_dot == at_sign + 1)
      return i;
    return d;
  }

  // Length in code points (capped at cap + 1) and end of the letter run at k.
  std::pair<std::size_t, std::size_t> letter_run(std::size_t k, std::size_t cap, bool lower_only = false) const {
    std::size_t count = 0;
    for (CodePoint cp = at(t_, k); cp.len != 0 && is_letter(cp.c) && count <= cap; cp = at(t_, k)) {
      if (lower_only && !is_lower(cp.c)) break;
      ++count;
      k += cp.len;
    }
    return {count, k};
  }

  // A word or number starting at `begin` (whose first word character is at
  // `first`): see the essay at the top for the joiners.
  std::size_t scan_word(std::size_t begin, std::size_t first, Kind& kind) {
    const bool numeric = begin != first || is_ascii_digit(static_cast<unsigned char>(t_[first]));
    kind = numeric ? Kind::number : Kind::word;
    std::size_t j = first;
    bool dotted = false;  // ends with a period of a dotted acronym
    for (;;) {
      // The run of word characters.
      const std::size_t run_begin = j;
      std::size_t run_letters = 0;
      bool run_all_letters = true;
      char32_t last = 0;
      for (CodePoint cp = at(t_, j); cp.len != 0 && is_word_char(cp.c); cp = at(t_, j)) {
        if (is_letter(cp.c)) ++run_letters;
        else run_all_letters = false;
        last = cp.c;
        j += cp.len;
      }
      if (j > run_begin) dotted = false;
      const bool run_empty = j == run_begin;
      const CodePoint cp = at(t_, j);
      if (cp.len == 0) break;
      const CodePoint next = at(t_, j + cp.len);
      const char32_t c = cp.c;

      if (is_hyphen(c) && next.len != 0 && is_word_char(next.c) && (!run_empty || dotted)) {
        j += cp.len;
        continue;
      }
      if ((c == ',' || c == ':' || c == '/') && is_ascii_digit(last) && !run_empty && is_ascii_digit(next.c)) {
        j += 1;
        continue;
      }
      if (c == '&' && !run_empty && is_letter(last) && next.len != 0 && is_letter(next.c)) {
        j += 1;
        continue;
      }
      if (c == '.') {
        if (!run_empty && is_ascii_digit(last) && is_ascii_digit(next.c)) {
          j += 1;
          continue;
        }
        if (!run_empty && run_all_letters && run_letters <= 2 && next.len != 0 && is_letter(next.c)) {
          // A dotted acronym: letter runs of one or two letters, each closed by
          // a period ("U.S.", "a.m.", "Ph.D.", "J.R.R.").
          std::size_t k = j;
          for (;;) {
            const auto [count, end] = letter_run(k + 1, 2);
            if (count < 1 || count > 2 || byte(end) != '.') break;
            k = end;
          }
          if (k > j) {
            j = k + 1;
            dotted = true;
            continue;
          }
        }
        if (!run_empty && run_letters >= 2 && next.len != 0 && is_lower(next.c) && next.c < 0x80) {
          // A domain name: "nbcnews.com", "bbc.co.uk".
          const auto [count, end] = letter_run(j + 1, kMaxDomainLabel, true);
          const CodePoint after = at(t_, end);
          if (count >= 2 && count <= kMaxDomainLabel && (after.len == 0 || !is_word_char(after.c))) {
            j += 1;  // the label itself is the next run, so "bbc.co.uk" chains
            continue;
          }
        }
        if (!run_empty && byte(j + 1) != '.' && (next.len == 0 || !is_word_char(next.c))) {
          // A trailing period stays on known abbreviations and initials.
          const std::string_view with_period = t_.substr(begin, j + 1 - begin);
          if (const auto it = lex_.abbreviations.find(with_period); it != lex_.abbreviations.end()) {
            kind = kind_of(it->second);
            return j + 1;
          }
          if (run_begin == begin && run_letters == 1 && run_all_letters && is_upper(last)) {
            kind = Kind::abbr_weak;
            return j + 1;
          }
        }
        break;
      }
      if (is_apostrophe(c) && !run_empty && next.len != 0 && is_word_char(next.c)) {
        const std::size_t after = j + cp.len;
        if (clitic_length(after) > 0) break;  // "that|'s", "we|'re"
        // "n't": the stem keeps all but its final n ("did|n't", "ca|n't").
        if ((next.c == 't' || next.c == 'T') && (last == 'n' || last == 'N') && j - 1 > begin) {
          const CodePoint after_t = at(t_, after + 1);
          if (after_t.len == 0 || !is_word_char(after_t.c)) return j - 1;
        }
        j = after;  // "O'Brien", "rock'n'roll"
        continue;
      }
      break;
    }
    if (dotted) {
      const auto it = lex_.abbreviations.find(t_.substr(begin, j - begin));
      kind = it != lex_.abbreviations.end() ? kind_of(it->second) : Kind::abbr_weak;
    }
    return j;
  }

  std::string_view t_;
  const LexiconData& lex_;
  std::vector<RawToken>& out_;
};

// ---- sentences ----------------------------------------------------------------

class SentenceSplitter {
 public:
  SentenceSplitter(std::string_view text, const LexiconData& lexicon, const std::vector<RawToken>& tokens)
      : t_(text), lex_(lexicon), tok_(tokens) {}

  // The tokens [begin, end) of the dateline opening the text, or {0, 0}. It
  // may follow a headline or byline of up to three lines without sentence
  // punctuation.
  std::pair<std::size_t, std::size_t> dateline() const {
    constexpr std::size_t kMaxLines = 4;
    constexpr std::size_t kMaxTokensBefore = 40;
    std::size_t lines = 0;
    for (std::size_t i = 0; i < tok_.size() && i < kMaxTokensBefore && lines < kMaxLines; ++i) {
      if (i > 0 && tok_[i].newlines_before == 0) {
        if (tok_[i].kind == Kind::terminal) break;
        continue;
      }
      ++lines;
      if (const std::size_t end = dateline_at(i); end > i) return {i, end};
    }
    return {0, 0};
  }

  // End of a dateline starting at token `first`, or `first` when none does.
  std::size_t dateline_at(std::size_t first) const {
    const std::size_t n = tok_.size();
    std::size_t k = first;
    bool strong_place = false;
    // The place: up to five upper-case words, periods glued on ("ST. PAUL").
    while (k < n && k < first + 6 && (k == first || tok_[k].newlines_before == 0) &&
           (is_caps_word(tok_[k], strong_place) ||
            (k > first && !tok_[k].space_before && tok_[k].kind == Kind::terminal && text(tok_[k]) == ".")))
      ++k;
    if (k == first || !strong_place) return first;
    const auto same_line = [&](std::size_t i) { return i < n && tok_[i].newlines_before == 0; };
    if (same_line(k) && tok_[k].kind == Kind::pause && text(tok_[k]) == ",") {
      // ", Australia", ", Oct. 20", ", Ukraine, Oct. 20": up to the agency or dash.
      std::size_t m = k + 1;
      while (m < n && m < k + 10 && same_line(m)) {
        const Kind kind = tok_[m].kind;
        if (kind != Kind::word && kind != Kind::number && kind != Kind::abbr_inner && kind != Kind::abbr_final &&
            kind != Kind::abbr_weak && !(kind == Kind::pause && text(tok_[m]) == ","))
          break;
        ++m;
      }
      if (m == k + 1) return first;
      k = m;
    }
    bool agency = false;
    if (same_line(k) && tok_[k].kind == Kind::open_bracket && text(tok_[k]) == "(") {
      std::size_t m = k + 1;
      while (m < n && m < k + 6 && same_line(m) && (tok_[m].kind == Kind::word || tok_[m].kind == Kind::dash ||
                                                     tok_[m].kind == Kind::abbr_weak || tok_[m].kind == Kind::symbol))
        ++m;
      // (a lowercase agency, "(dpa)", when the dash follows)
      const bool dash_after = same_line(m + 1) && m + 1 < n && tok_[m + 1].kind == Kind::dash;
      if (m > k + 1 && same_line(m) && text(tok_[m]) == ")" && (starts_upper(tok_[k + 1]) || dash_after)) {
        agency = true;
        k = m + 1;
      }
    }
    bool dash = false;
    if (same_line(k) && tok_[k].kind == Kind::dash) {
      dash = true;
      ++k;
    }
    if (!agency && !dash) return first;
    return k < n ? k : first;  // a dateline opens a text; it is not the whole text
  }

  // Whether the first sentence is a headline: a line of its own, followed by
  // more text, ending without a full stop, question or exclamation mark
  // ("Apple launches 3G iPhone", "Cuts announced: what they mean"; not a
  // dateline).
  bool opens_with_headline(const std::vector<Sentence>& sentences, std::pair<std::size_t, std::size_t> dateline) const {
    if (sentences.size() < 2 || (dateline.second > dateline.first && dateline.first == 0)) return false;
    const std::size_t last = sentences[0].first_token + sentences[0].token_count - 1;
    std::size_t end = last;
    while (end > sentences[0].first_token && (tok_[end].kind == Kind::close_quote || tok_[end].kind == Kind::close_bracket))
      --end;
    const Kind kind = tok_[end].kind;
    if (kind == Kind::terminal || kind == Kind::ellipsis || kind == Kind::pause) return false;
    return last + 1 < tok_.size() && tok_[last + 1].newlines_before >= 1;
  }

  // Sentences over all tokens; the dateline tokens [dateline.first,
  // dateline.second) form a sentence of their own.
  std::vector<Sentence> split(std::pair<std::size_t, std::size_t> dateline) const {
    std::vector<Sentence> out;
    const std::size_t n = tok_.size();
    const auto [dateline_begin, dateline_end] = dateline;
    const bool has_dateline = dateline_end > dateline_begin && dateline_end <= n;
    std::size_t start = 0;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < n;) {
      if (has_dateline && i == dateline_begin) {
        if (start < i) out.push_back(sentence(start, i - 1));
        out.push_back(sentence(dateline_begin, dateline_end - 1));
        start = i = dateline_end;
        continue;
      }
      if (i == 0 || tok_[i].newlines_before > 0) line_start = i;
      std::size_t last = i;
      bool boundary = false;
      if (i + 1 >= n || tok_[i + 1].newlines_before >= 2) {
        boundary = true;
      } else {
        const Kind kind = tok_[i].kind;
        if (kind == Kind::terminal || kind == Kind::abbr_final || kind == Kind::abbr_weak ||
            kind == Kind::ellipsis) {
          // Closing quotes and brackets glued to the end belong to the sentence.
          std::size_t j = i + 1;
          while (j < n && !tok_[j].space_before && (tok_[j].kind == Kind::close_quote ||
                                                    tok_[j].kind == Kind::close_bracket))
            ++j;
          const bool absorbed = j > i + 1;
          if (j >= n || tok_[j].newlines_before >= 2) {
            last = j - 1;
            boundary = true;
          } else if (tok_[j].space_before) {
            boundary = kind == Kind::terminal ? opens_after_terminal(tok_[j]) : opens_after_abbreviation(tok_[j], kind);
            if (boundary || absorbed) last = j - 1;
          } else if (absorbed) {
            last = j - 1;
          }
        } else if (tok_[i + 1].newlines_before == 1 && line_start == start && is_heading(line_start, i) &&
                   opens_after_terminal(tok_[i + 1]) && !starts_lower(tok_[i + 1])) {
          boundary = true;
        }
      }
      if (has_dateline && i < dateline_begin && last >= dateline_begin) {
        last = dateline_begin - 1;  // never run into the dateline
        boundary = false;           // the dateline branch above closes the sentence
      }
      if (boundary) {
        out.push_back(sentence(start, last));
        start = last + 1;
      }
      i = last + 1;
    }
    if (start < n) out.push_back(sentence(start, n - 1));
    return out;
  }

 private:
  std::string_view text(const RawToken& tok) const { return t_.substr(tok.begin, tok.end - tok.begin); }

  Sentence sentence(std::size_t first, std::size_t last) const {
    return Sentence{Span{tok_[first].begin, tok_[last].end}, static_cast<std::uint32_t>(first),
                    static_cast<std::uint32_t>(last + 1 - first)};
  }

  char32_t first_char(const RawToken& tok) const { return at(t_, tok.begin).c; }
  bool starts_upper(const RawToken& tok) const { return is_upper(first_char(tok)); }
  bool starts_lower(const RawToken& tok) const {
    return (tok.kind == Kind::word || tok.kind == Kind::url || tok.kind == Kind::email) && is_lower(first_char(tok));
  }

  // A place name word of a dateline: all letters upper case ("KYIV", "O'SMACH",
  // "ST."); strong when it has two letters or more.
  bool is_caps_word(const RawToken& tok, bool& strong) const {
    if (tok.kind != Kind::word && tok.kind != Kind::abbr_inner && tok.kind != Kind::abbr_weak) return false;
    std::size_t letters = 0;
    for (std::size_t k = tok.begin; k < tok.end;) {
      const CodePoint cp = at(t_, k);
      if (is_letter(cp.c)) {
        if (!is_upper(cp.c)) return false;
        ++letters;
      }
      k += cp.len;
    }
    if (letters >= 2 && tok.kind == Kind::word) strong = true;
    return letters > 0;
  }

  // After . ! ? a new sentence opens unless a lowercase word or punctuation
  // that continues the sentence follows.
  bool opens_after_terminal(const RawToken& next) const {
    switch (next.kind) {
      case Kind::pause:
      case Kind::close_quote:
      case Kind::close_bracket:
      case Kind::terminal:
      case Kind::clitic:
      case Kind::ellipsis:
      case Kind::dash: return false;
      default: return !starts_lower(next);
    }
  }

  bool opens_after_abbreviation(const RawToken& next, Kind abbreviation) const {
    if (next.kind == Kind::open_quote) return true;
    if (next.kind != Kind::word || !starts_upper(next)) return false;
    const std::string_view word = text(next);
    if (lex_.starters.contains(word)) return true;
    return abbreviation == Kind::abbr_final && !lex_.continuations.contains(word);
  }

  // A lowercase function word ("to", "with", "the"): a line ending on one
  // continues on the next. The sentence starters list doubles as the list of
  // function words.
  bool ends_on_function_word(const RawToken& tok) const {
    const std::string_view word = text(tok);
    if (word.size() > 12 || word.empty() || !(word[0] >= 'a' && word[0] <= 'z')) return false;
    std::string capitalized(word);
    capitalized[0] = static_cast<char>(capitalized[0] - 'a' + 'A');
    return lex_.starters.contains(capitalized);
  }

  // A short line that stands alone, without final punctuation: a headline, a
  // byline, a section title. Hard-wrapped lines are long, or end on a comma or
  // a short function word. The text's first line may be a longer headline
  // ("Apple unveils iPhone 4, iOS 4 at Worldwide Developers Conference 2010",
  // 69 bytes, above its date line): news sites print titles of up to a
  // hundred characters or so there.
  bool is_heading(std::size_t first, std::size_t last) const {
    const bool headline = first == 0;
    const std::size_t max_tokens = headline ? 20 : 14;
    const std::size_t max_bytes = headline ? 110 : 64;
    if (last + 1 - first > max_tokens || tok_[last].end - tok_[first].begin > max_bytes) return false;
    const RawToken& end = tok_[last];
    switch (end.kind) {
      case Kind::pause:
      case Kind::dash:
      case Kind::open_quote:
      case Kind::open_bracket:
      case Kind::abbr_inner:
      case Kind::clitic: return false;
      case Kind::word: return !ends_on_function_word(end);
      default: return true;
    }
  }

  std::string_view t_;
  const LexiconData& lex_;
  const std::vector<RawToken>& tok_;
};

// Folds curly quotes and apostrophes (U+2018/2019/201C/201D) to ASCII.
std::string normalize(std::string_view token) {
  std::string out;
  if (token.find('\xE2') == std::string_view::npos) {
    out.assign(token);
    return out;
  }
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '\xE2' && i + 2 < token.size() && token[i + 1] == '\x80') {
      const char third = token[i + 2];
      if (third == '\x98' || third == '\x99') {
        out.push_back('\'');
        i += 2;
        continue;
      }
      if (third == '\x9C' || third == '\x9D') {
        out.push_back('"');
        i += 2;
        continue;
      }
    }
    out.push_back(token[i]);
  }
  return out;
}

}  // namespace

struct Segmenter::Lexicon : LexiconData {};

Segmenter::Segmenter(std::unique_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

Segmenter Segmenter::load() { return load(data_file("resources/text")); }

Segmenter Segmenter::load(const std::filesystem::path& resources_dir) {
  auto lexicon = std::make_unique<Lexicon>();
  read_lexicon(resources_dir / "abbreviations.txt", [&](const std::vector<std::string_view>& f, int line) {
    if (f.size() < 2 || (f[1] != "inner" && f[1] != "final" && f[1] != "weak"))
      throw std::runtime_error(fmt::format("{}:{}: expected '<abbreviation> inner|final|weak'",
                                           (resources_dir / "abbreviations.txt").string(), line));
    const AbbrevClass c = f[1] == "inner" ? AbbrevClass::inner : f[1] == "final" ? AbbrevClass::final : AbbrevClass::weak;
    lexicon->abbreviations.insert_or_assign(std::string(f[0]), c);
  });
  read_lexicon(resources_dir / "sentence_starters.txt",
               [&](const std::vector<std::string_view>& f, int) { lexicon->starters.emplace(f[0]); });
  read_lexicon(resources_dir / "name_continuations.txt",
               [&](const std::vector<std::string_view>& f, int) { lexicon->continuations.emplace(f[0]); });
  return Segmenter(std::move(lexicon));
}

const Segmentation& Segmenter::segment(Document& doc) const {
  const std::string_view text = doc.text();
  std::vector<RawToken> raw;
  raw.reserve(text.size() / 5 + 16);
  Scanner(text, *lexicon_, raw).run();

  SentenceSplitter splitter(text, *lexicon_, raw);
  const auto dateline = splitter.dateline();

  Segmentation seg;
  seg.sentences = splitter.split(dateline);
  seg.headline = splitter.opens_with_headline(seg.sentences, dateline);
  if (dateline.second > dateline.first) seg.dateline = Span{raw[dateline.first].begin, raw[dateline.second - 1].end};
  seg.tokens.reserve(raw.size());
  for (const RawToken& r : raw) {
    const CodePoint after = at(text, r.end);
    seg.tokens.push_back(Token{Span{r.begin, r.end}, normalize(text.substr(r.begin, r.end - r.begin)),
                               after.len != 0 && is_space(after.c)});
  }
  return doc.add(std::move(seg));
}

}  // namespace tempora

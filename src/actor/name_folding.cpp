// Folding names to comparable words.
//
// Names are compared as sequences of folded words. Folding is per code point,
// so it is linear and needs no buffer of UTF-16: ASCII letters are lowercased
// directly (the common case in English news); any other code point is case
// folded with u_foldCase, decomposed with the NFD normalizer, and its
// combining marks dropped ("Zelenskyy", "Zelenskýy" and "ZELENSKYY" fold
// alike). Letters that carry their accent inside the letter itself have no
// decomposition ("ø", "ł", "đ"); a short table maps them. Bytes that are not
// UTF-8 are dropped: a key never contains them.
//
// Words are then cut at every character that is neither a letter nor a digit,
// except periods and apostrophes, which are deleted so that "U.S." is one
// word "us" and "O'Brien" is "obrien". A final possessive "'s" is removed
// first ("Trump's" names Trump).
#include "actor/name_folding.hpp"

#include <fstream>
#include <stdexcept>

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace tempora::detail {

namespace {

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

// Letters whose accent is part of the letter (no NFD decomposition).
const char* without_decomposition(UChar32 c) {
  switch (c) {
    case 0x00DF: return "ss";  // ß
    case 0x00F8: return "o";   // ø
    case 0x0142: return "l";   // ł
    case 0x0111: return "d";   // đ
    case 0x00E6: return "ae";  // æ
    case 0x0153: return "oe";  // œ
    case 0x0131: return "i";   // dotless ı
    case 0x00F0: return "d";   // ð
    case 0x00FE: return "th";  // þ
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x0060: return "'";  // apostrophes
    default: return nullptr;
  }
}

void fold_code_point(std::string& out, UChar32 c, const icu::Normalizer2* nfd) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    return;
  }
  c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  if (const char* mapped = without_decomposition(c)) {
    out += mapped;
    return;
  }
  icu::UnicodeString decomposition;
  if (nfd != nullptr && nfd->getDecomposition(c, decomposition)) {
    for (std::int32_t i = 0; i < decomposition.length();) {
      const UChar32 d = decomposition.char32At(i);
      i += U16_LENGTH(d);
      if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK) continue;
      if (const char* mapped = without_decomposition(d)) out += mapped;
      else append_utf8(out, d);
    }
    return;
  }
  if (u_charType(c) == U_NON_SPACING_MARK) return;
  append_utf8(out, c);
}

const icu::Normalizer2* nfd_instance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  return U_SUCCESS(status) ? nfd : nullptr;
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  return u_isalnum(c) != 0 || u_charType(c) == U_COMBINING_SPACING_MARK;
}

std::string_view trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

std::string fold_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool ascii = true;
  for (const char ch : text)
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    for (const char ch : text) out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + ('a' - 'A')) : ch);
    return out;
  }
  const icu::Normalizer2* nfd = nfd_instance();
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;  // not UTF-8: dropped
    fold_code_point(out, c, nfd);
  }
  return out;
}

std::string fold_token(std::string_view token) {
  std::string folded = fold_name(token);
  if (folded.size() > 1 && folded.back() == '.') folded.pop_back();
  return folded;
}

std::vector<std::string> name_words(std::string_view text) {
  std::string folded = fold_name(text);
  // A final possessive: "trump's" -> "trump", "holm'" stays "holm".
  if (folded.size() > 2 && folded.ends_with("'s")) folded.resize(folded.size() - 2);
  std::vector<std::string> words;
  std::string word;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(folded.data());
  const auto length = static_cast<std::int32_t>(folded.size());
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;
    if (c == '.' || c == '\'') continue;  // deleted inside words
    if (is_word_char(c)) {
      word.append(folded, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

void read_data_lines(const std::filesystem::path& file,
                     const std::function<void(std::string_view, int)>& on_line) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot read actor data file {}", file.string()));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    on_line(text, number);
  }
}

std::vector<std::string_view> split_fields(std::string_view text, char separator) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t at = text.find(separator);
    fields.push_back(trim(text.substr(0, at)));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return fields;
}

TitleTable TitleTable::load(const std::filesystem::path& file) {
  TitleTable table;
  read_data_lines(file, [&](std::string_view line, int number) {
    const auto parts = split_fields(line, ':');
    auto fail = [&](std::string_view why) {
      throw std::runtime_error(fmt::format("{}:{}: {}", file.string(), number, why));
    };
    if (parts.size() != 2 || parts[0].empty()) fail("expected '<words> : <kind> [canonical=...] [implies=...] [gender=...]'");
    std::vector<std::string> words;
    std::size_t pos = 0;
    const std::string_view phrase = parts[0];
    while (pos < phrase.size()) {
      const std::size_t b = phrase.find_first_not_of(' ', pos);
      if (b == std::string_view::npos) break;
      const std::size_t e = std::min(phrase.find(' ', b), phrase.size());
      words.push_back(fold_token(phrase.substr(b, e - b)));
      pos = e;
    }
    TitleEntry entry;
    std::vector<std::string_view> fields;
    std::string_view rest = parts[1];
    while (!rest.empty()) {
      const std::size_t b = rest.find_first_not_of(" \t");
      if (b == std::string_view::npos) break;
      rest.remove_prefix(b);
      const std::size_t e = std::min(rest.find_first_of(" \t"), rest.size());
      fields.push_back(rest.substr(0, e));
      rest.remove_prefix(e);
    }
    if (fields.empty()) fail("missing kind");
    if (fields[0] == "role") entry.kind = TitleKind::role;
    else if (fields[0] == "honorific") entry.kind = TitleKind::honorific;
    else if (fields[0] == "suffix") entry.kind = TitleKind::suffix;
    else if (fields[0] == "blocker") entry.kind = TitleKind::blocker;
    else if (fields[0] == "org-suffix") entry.kind = TitleKind::org_suffix;
    else fail(fmt::format("unknown kind '{}'", fields[0]));
    std::string joined;
    for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
    entry.canonical = joined;
    for (std::size_t i = 1; i < fields.size(); ++i) {
      if (fields[i].starts_with("canonical=")) entry.canonical = std::string(fields[i].substr(10));
      else if (fields[i].starts_with("implies=")) entry.implies = std::string(fields[i].substr(8));
      else if (fields[i] == "gender=male") entry.gender = 'm';
      else if (fields[i] == "gender=female") entry.gender = 'f';
      else fail(fmt::format("unknown field '{}'", fields[i]));
    }
    table.max_words = std::max(table.max_words, words.size());
    table.entries.insert_or_assign(std::move(joined), std::move(entry));
  });
  return table;
}

const TitleEntry* TitleTable::find(const std::vector<std::string>& words, std::size_t first, std::size_t n) const {
  if (first + n > words.size() || n == 0) return nullptr;
  std::string phrase = words[first];
  for (std::size_t i = 1; i < n; ++i) (phrase += ' ') += words[first + i];
  const auto it = entries.find(phrase);
  return it == entries.end() ? nullptr : &it->second;
}

std::size_t TitleTable::match(const std::vector<std::string>& words, std::size_t first,
                              const TitleEntry** entry) const {
  for (std::size_t n = std::min(max_words, words.size() - std::min(first, words.size())); n > 0; --n)
    if (const TitleEntry* e = find(words, first, n)) {
      if (entry != nullptr) *entry = e;
      return n;
    }
  return 0;
}

}  // namespace tempora::detail

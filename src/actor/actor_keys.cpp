// Cross-document actor keys.
//
// Two articles name the same person differently: "Ukrainian President
// Volodymyr Zelenskyy", "Zelensky", "ZELENSKIY". The key is what stays when
// everything that varies between outlets is taken away:
//
//   1. Folding (name_folding.cpp): lowercase, accents removed, periods and
//      apostrophes deleted inside words, other punctuation a word break, a
//      final possessive "'s" removed. "U.S." -> "us", "Jean-Claude" ->
//      "jean claude".
//   2. Trimming: a leading "the"; leading titles and honorifics from
//      resources/actor/title_roles.txt, longest first and repeatedly ("U.S."
//      stays, "President" and "Prime Minister" go); trailing suffixes
//      ("Jr."); initials in the middle of a name of three or more words
//      ("Donald J. Trump" -> "donald trump"). Nothing is trimmed that would
//      leave the name empty: "the President" keys as "president".
//   3. Aliases (resources/actor/aliases.txt): at each word the longest
//      listed variant is replaced by its canonical spelling ("zelenskyy" ->
//      "zelensky", "kiev" -> "kyiv", "us" -> "united states").
//
// may_refer_to(short, full) compares keys word by word: the short name names
// the full one when its words are the full key, its last words ("Zelensky"
// for "Volodymyr Zelensky"), its first and last words with middle names
// skipped, its initials ("UN" for "United Nations"), or its first words
// followed only by generic organisation words ("NBC" for "NBC News"); a
// given name may be a short form of the other's (resources/actor/given_names.txt).
//
// Everything is read once at load time into an immutable table; key() only
// reads it, so one ActorKeys serves any number of threads.
#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "actor/name_folding.hpp"
#include "tempora/actor.hpp"
#include "tempora/data.hpp"

namespace tempora {

using detail::StringMap;
using detail::TitleKind;

struct ActorKeys::Table {
  detail::TitleTable titles;
  StringMap<std::vector<std::string>> aliases;  // folded variant phrase -> canonical words
  std::size_t max_alias_words = 1;
  StringMap<std::vector<int>> given_name_groups;  // folded given name -> its groups in given_names.txt

  // "tim" and "timothy", "steve" and "steven": equal, or forms of one name.
  bool same_given_name(const std::string& a, const std::string& b) const {
    if (a == b) return true;
    const auto x = given_name_groups.find(a), y = given_name_groups.find(b);
    if (x == given_name_groups.end() || y == given_name_groups.end()) return false;
    for (const int g : x->second)
      if (std::find(y->second.begin(), y->second.end(), g) != y->second.end()) return true;
    return false;
  }

  std::vector<std::string> key_words(std::string_view name) const;
};

namespace {

std::string join(const std::vector<std::string>& words, std::size_t first = 0,
                 std::size_t last = static_cast<std::size_t>(-1)) {
  std::string out;
  last = std::min(last, words.size());
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) out += ' ';
    out += words[i];
  }
  return out;
}

bool is_function_word(std::string_view w) { return w == "of" || w == "the" || w == "and" || w == "for" || w == "de"; }

}  // namespace

std::vector<std::string> ActorKeys::Table::key_words(std::string_view name) const {
  std::vector<std::string> words = detail::name_words(name);
  if (words.size() > 1 && words.front() == "the") words.erase(words.begin());

  // Leading titles and honorifics, while something remains after them.
  std::size_t first = 0;
  while (first < words.size()) {
    const detail::TitleEntry* entry = nullptr;
    const std::size_t n = titles.match(words, first, &entry);
    if (n == 0 || first + n >= words.size()) break;
    if (entry->kind != TitleKind::role && entry->kind != TitleKind::honorific) break;
    first += n;
  }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first));

  // Trailing suffixes ("Jr."), then middle initials.
  while (words.size() > 1) {
    const detail::TitleEntry* entry = titles.find(words, words.size() - 1, 1);
    if (entry == nullptr || entry->kind != TitleKind::suffix) break;
    words.pop_back();
  }
  if (words.size() >= 3) {
    std::vector<std::string> kept;
    kept.reserve(words.size());
    for (std::size_t i = 0; i < words.size(); ++i)
      if (i == 0 || i + 1 == words.size() || words[i].size() > 1) kept.push_back(std::move(words[i]));
    words = std::move(kept);
  }

  // Aliases, longest variant first at each position.
  if (aliases.empty()) return words;
  std::vector<std::string> out;
  out.reserve(words.size());
  for (std::size_t i = 0; i < words.size();) {
    std::size_t matched = 0;
    for (std::size_t n = std::min(max_alias_words, words.size() - i); n > 0 && matched == 0; --n) {
      const auto it = aliases.find(join(words, i, i + n));
      if (it == aliases.end()) continue;
      // A short form that stands for more words ("un", "us") is one only
      // where such a modifier stands, first: "UN Security Council", not
      // "Kim Jong Un".
      if (i > 0 && it->second.size() > n) continue;
      out.insert(out.end(), it->second.begin(), it->second.end());
      matched = n;
    }
    if (matched == 0) {
      out.push_back(std::move(words[i]));
      matched = 1;
    }
    i += matched;
  }
  return out;
}

ActorKeys::ActorKeys(std::unique_ptr<const Table> table) : table_(std::move(table)) {}
ActorKeys::ActorKeys(ActorKeys&&) noexcept = default;
ActorKeys& ActorKeys::operator=(ActorKeys&&) noexcept = default;
ActorKeys::~ActorKeys() = default;

ActorKeys ActorKeys::load() { return load(data_file("resources/actor")); }

ActorKeys ActorKeys::load(const std::filesystem::path& resources_dir) {
  auto table = std::make_unique<Table>();
  table->titles = detail::TitleTable::load(resources_dir / "title_roles.txt");
  const auto aliases_file = resources_dir / "aliases.txt";
  detail::read_data_lines(aliases_file, [&](std::string_view line, int number) {
    const auto fields = detail::split_fields(line, '|');
    if (fields.size() < 2 || fields[0].empty())
      throw std::runtime_error(
          fmt::format("{}:{}: expected '<canonical> | <variant> [| <variant> ...]'", aliases_file.string(), number));
    std::vector<std::string> canonical = detail::name_words(fields[0]);
    for (std::size_t i = 1; i < fields.size(); ++i) {
      std::vector<std::string> variant = detail::name_words(fields[i]);
      if (variant.empty()) continue;
      table->max_alias_words = std::max(table->max_alias_words, variant.size());
      table->aliases.insert_or_assign(join(variant), canonical);
    }
  });
  const auto given_names_file = resources_dir / "given_names.txt";
  int group = 0;
  detail::read_data_lines(given_names_file, [&](std::string_view line, int number) {
    const auto fields = detail::split_fields(line, '|');
    if (fields.size() < 2 || fields[0].empty())
      throw std::runtime_error(
          fmt::format("{}:{}: expected '<given name> | <short form> [| ...]'", given_names_file.string(), number));
    for (const std::string_view field : fields) {
      const std::vector<std::string> words = detail::name_words(field);
      if (words.size() != 1)
        throw std::runtime_error(fmt::format("{}:{}: '{}' is not one word", given_names_file.string(), number, field));
      table->given_name_groups[words.front()].push_back(group);
    }
    ++group;
  });
  return ActorKeys(std::move(table));
}

std::string ActorKeys::key(std::string_view name) const { return join(table_->key_words(name)); }

bool ActorKeys::is_given_name(std::string_view word) const { return table_->given_name_groups.contains(word); }

bool ActorKeys::may_refer_to(std::string_view short_name, std::string_view full_name) const {
  const std::vector<std::string> s = table_->key_words(short_name);
  const std::vector<std::string> f = table_->key_words(full_name);
  if (s.empty() || f.empty() || s.size() > f.size()) return false;
  // The full key, or its last words.
  if (std::equal(s.begin(), s.end(), f.end() - static_cast<std::ptrdiff_t>(s.size()))) return true;
  // First and last word, middle names skipped ("Donald Trump", "Donald John
  // Trump"); the first may be a short form of the other ("Tim Cook",
  // "Timothy D. Cook").
  if (s.size() >= 2 && table_->same_given_name(s.front(), f.front()) && s.back() == f.back()) {
    std::size_t j = 1;
    for (std::size_t i = 1; i < f.size(); ++i)
      if (j < s.size() && f[i] == s[j]) ++j;
    if (j == s.size()) return true;
  }
  // Initials ("UN", "United Nations"; "NATO" is an alias, not initials).
  if (s.size() == 1 && s[0].size() >= 2 && f.size() >= 2) {
    std::string initials;
    for (const auto& w : f)
      if (!is_function_word(w) && !w.empty()) initials += w.front();
    if (initials == s[0]) return true;
  }
  // First words followed only by generic organisation words ("NBC News").
  if (std::equal(s.begin(), s.end(), f.begin())) {
    bool generic_rest = true;
    for (std::size_t i = s.size(); i < f.size() && generic_rest; ++i) {
      const detail::TitleEntry* entry = table_->titles.find(f, i, 1);
      generic_rest = entry != nullptr && entry->kind == TitleKind::org_suffix;
    }
    if (generic_rest) return true;
  }
  return false;
}

}  // namespace tempora

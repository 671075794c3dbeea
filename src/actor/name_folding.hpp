// Internals shared by ActorKeys and ActorResolver: folding names to
// comparable words, and the title table of resources/actor/title_roles.txt.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tempora::detail {

// Lowercase, accents removed (NFD, marks dropped, a few letters without a
// decomposition such as "ø" and "ł" mapped by hand). ASCII text takes a
// fast path that never touches ICU. Invalid UTF-8 bytes are dropped.
std::string fold_name(std::string_view text);

// The words of a name as keys compare them: folded, a final "'s" removed,
// periods and apostrophes deleted inside words ("U.S." -> "us"), every other
// non-alphanumeric character a separator ("Jean-Claude" -> "jean" "claude").
std::vector<std::string> name_words(std::string_view text);

// One token folded for lexicon lookup: folded, a final period removed
// ("Gov." -> "gov"), curly apostrophes made straight.
std::string fold_token(std::string_view token);

enum class TitleKind : std::uint8_t { role, honorific, suffix, blocker, org_suffix };

struct TitleEntry {
  TitleKind kind = TitleKind::role;
  std::string canonical;  // the role's name ("governor" for "gov."); the phrase itself by default
  std::string implies;    // a more general role ("leader"), or ""
  char gender = 0;        // 'm', 'f', or 0 when the title does not tell
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// resources/actor/title_roles.txt: phrases of folded tokens joined by one space.
struct TitleTable {
  StringMap<TitleEntry> entries;
  std::size_t max_words = 1;

  static TitleTable load(const std::filesystem::path& file);

  // The entry for words [first, first + n) of `words`, or nullptr.
  const TitleEntry* find(const std::vector<std::string>& words, std::size_t first, std::size_t n) const;
  // The longest title starting at `first`: its length in words (0 for
  // none), its entry in *entry.
  std::size_t match(const std::vector<std::string>& words, std::size_t first, const TitleEntry** entry) const;
};

// Calls on_line(text, line_number) for each line that is neither blank nor a
// '#' comment, with surrounding whitespace trimmed. Throws std::runtime_error
// naming the file when it cannot be read.
void read_data_lines(const std::filesystem::path& file,
                     const std::function<void(std::string_view, int)>& on_line);

// Splits on `separator`, trimming each field.
std::vector<std::string_view> split_fields(std::string_view text, char separator);

}  // namespace tempora::detail

// Which word of a person's name is the family name.
//
// English news writes most names given name first ("Volodymyr Zelensky")
// and then calls the person by the last word ("Zelensky"). Chinese and
// Korean names keep their own order, family name first, and the person is
// called by the first word: "Xi Jinping" is Xi, "Kim Jong Un" is Kim. A
// name is read that way when its first word is a family name listed in
// resources/actor/family_names.txt and every word after it (every part of
// a hyphenated one) is one or two romanized syllables of those languages
// ("Jinping" = jin + ping, "Jae-myung" = jae - myung), which "Lee Anderson"
// and "Kim Kardashian" are not. The syllables are an initial, a nucleus and
// a coda from the same file, so the test is a few table lookups per letter.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace tempora::detail {

class NameOrder {
 public:
  // Reads `family`, `initial`, `nucleus` and `coda` lines (family_names.txt).
  static NameOrder load(const std::filesystem::path& file);

  // True when the name (its words, titles removed) puts the family name first.
  bool family_name_first(std::span<const std::string_view> words) const;

 private:
  // `part` (lowercase) is at most `left` syllables.
  bool syllables(std::string_view part, int left) const;

  std::unordered_set<std::string> families_;  // lowercase
  std::vector<std::string> initials_, nuclei_, codas_;
};

}  // namespace tempora::detail

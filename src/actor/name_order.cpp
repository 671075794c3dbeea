// Family name first or last (see name_order.hpp).
#include "actor/name_order.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "actor/gazetteer.hpp"
#include "actor/name_folding.hpp"

namespace tempora::detail {

NameOrder NameOrder::load(const std::filesystem::path& file) {
  NameOrder out;
  read_data_lines(file, [&](std::string_view line, int number) {
    std::vector<std::string_view> fields;
    for (std::string_view f : split_fields(line, ' '))
      if (!f.empty()) fields.push_back(f);
    if (fields.size() < 2) throw std::runtime_error(fmt::format("{}:{}: expected '<kind> <word>...'", file.string(), number));
    std::vector<std::string>* list = fields[0] == "initial" ? &out.initials_
                                     : fields[0] == "nucleus" ? &out.nuclei_
                                     : fields[0] == "coda"    ? &out.codas_
                                                              : nullptr;
    if (list == nullptr && fields[0] != "family")
      throw std::runtime_error(fmt::format("{}:{}: unknown kind '{}'", file.string(), number, fields[0]));
    for (std::size_t i = 1; i < fields.size(); ++i) {
      if (list == nullptr) out.families_.insert(gazetteer_lower(fields[i]));
      else list->push_back(gazetteer_lower(fields[i]));
    }
  });
  return out;
}

bool NameOrder::syllables(std::string_view part, int left) const {
  if (part.empty()) return true;
  if (left == 0) return false;
  // initial? nucleus coda?, then the rest of the part as one syllable fewer.
  const auto rest_after = [&](std::string_view s) {
    for (const std::string& nucleus : nuclei_) {
      if (!s.starts_with(nucleus)) continue;
      const std::string_view tail = s.substr(nucleus.size());
      if (syllables(tail, left - 1)) return true;
      for (const std::string& coda : codas_)
        if (tail.starts_with(coda) && syllables(tail.substr(coda.size()), left - 1)) return true;
    }
    return false;
  };
  if (rest_after(part)) return true;
  for (const std::string& initial : initials_)
    if (part.starts_with(initial) && rest_after(part.substr(initial.size()))) return true;
  return false;
}

bool NameOrder::family_name_first(std::span<const std::string_view> words) const {
  if (words.size() < 2 || words.size() > 3 || !families_.contains(gazetteer_lower(words[0]))) return false;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string word = gazetteer_lower(words[i]);
    // A given name is short: two syllables of at most six letters each.
    if (word.empty() || word.size() > 13) return false;
    for (std::size_t from = 0; from <= word.size();) {
      const std::size_t hyphen = std::min(word.find('-', from), word.size());
      if (hyphen == from || !syllables(std::string_view(word).substr(from, hyphen - from), 2)) return false;
      from = hyphen + 1;
    }
  }
  return true;
}

}  // namespace tempora::detail

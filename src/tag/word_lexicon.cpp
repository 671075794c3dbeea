#include "word_lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "binary_io.hpp"
#include "tempora/perceptron.hpp"

namespace tempora::detail {
namespace {

std::uint32_t hash32(std::string_view word) {
  return static_cast<std::uint32_t>(FeatureHasher::bytes(word, 0x1E71C0));
}

struct Detachment {
  std::string_view suffix, replacement;
};

// WordNet's own "morphy" detachment rules, per part of speech.
constexpr Detachment kNounRules[] = {{"s", ""},    {"ses", "s"},  {"xes", "x"}, {"zes", "z"},
                                     {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Detachment kVerbRules[] = {{"s", ""},  {"ies", "y"}, {"es", "e"}, {"es", ""},
                                     {"ed", "e"}, {"ed", ""},  {"ing", "e"}, {"ing", ""}};
constexpr Detachment kAdjectiveRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

}  // namespace

WordLexicon WordLexicon::from_wordnet(const std::filesystem::path& dir) {
  WordLexicon lexicon;
  const std::pair<const char*, Bit> files[] = {
      {"index.noun", kNoun}, {"index.verb", kVerb}, {"index.adj", kAdjective}, {"index.adv", kAdverb}};
  for (const auto& [name, bit] : files) {
    std::ifstream in(dir / name);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line.front() == ' ') continue;  // licence header lines start with spaces
      const std::size_t space = line.find(' ');
      const std::string_view lemma = std::string_view(line).substr(0, space);
      if (lemma.find('_') != std::string_view::npos) continue;  // multiword entries
      lexicon.entries_[hash32(lemma)] |= bit;
    }
  }
  return lexicon;
}

std::uint8_t WordLexicon::lookup(std::string_view word) const {
  const auto it = entries_.find(hash32(word));
  return it == entries_.end() ? 0 : it->second;
}

std::uint8_t WordLexicon::classes(std::string_view lower) const {
  if (entries_.empty() || lower.empty() || lower.size() > 40) return 0;
  std::uint8_t mask = lookup(lower);
  std::string base;
  const auto try_rules = [&](std::span<const Detachment> rules, Bit needed, Bit inflected) {
    for (const Detachment& r : rules) {
      if (lower.size() <= r.suffix.size() + 1 || !lower.ends_with(r.suffix)) continue;
      base.assign(lower.substr(0, lower.size() - r.suffix.size()));
      base += r.replacement;
      if (lookup(base) & needed) {
        mask |= inflected;
        return;
      }
    }
  };
  try_rules(kNounRules, kNoun, kInflectedNoun);
  try_rules(kVerbRules, kVerb, kInflectedVerb);
  try_rules(kAdjectiveRules, kAdjective, kInflectedAdjective);
  return mask;
}

void WordLexicon::save(std::ostream& out) const {
  std::vector<std::pair<std::uint32_t, std::uint8_t>> sorted(entries_.begin(), entries_.end());
  std::sort(sorted.begin(), sorted.end());
  write_pod(out, static_cast<std::uint32_t>(sorted.size()));
  for (const auto& [hash, mask] : sorted) {
    write_pod(out, hash);
    write_pod(out, mask);
  }
}

WordLexicon WordLexicon::load(std::istream& in) {
  WordLexicon lexicon;
  const auto n = read_pod<std::uint32_t>(in, "word lexicon");
  if (n > (1u << 24)) throw std::runtime_error("word lexicon: corrupt size");
  lexicon.entries_.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto hash = read_pod<std::uint32_t>(in, "word lexicon");
    lexicon.entries_[hash] = read_pod<std::uint8_t>(in, "word lexicon");
  }
  return lexicon;
}

}  // namespace tempora::detail

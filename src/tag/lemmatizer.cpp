#include "lemmatizer.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <sstream>

#include "binary_io.hpp"

namespace tempora::detail {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool distinct_participle(std::string_view form) {
  const std::string w = ascii_lower(form);
  return !w.ends_with("ed") && (w.ends_with("en") || w.ends_with("wn") || w.ends_with("ne") || w.ends_with("un") ||
                                w.ends_with("ung") || w.ends_with("unk"));
}

namespace {

// How a word is cased: the lemma's casing is learned per (XPOS, case class).
char case_class(std::string_view form) {
  bool lower = false, upper = false;
  for (const char c : form) {
    lower |= c >= 'a' && c <= 'z';
    upper |= c >= 'A' && c <= 'Z';
  }
  if (!upper) return 'l';
  if (!lower) return 'U';
  return form.front() >= 'A' && form.front() <= 'Z' ? 'C' : 'm';
}

std::string capitalized(std::string s) {
  if (!s.empty() && s.front() >= 'a' && s.front() <= 'z') s.front() = static_cast<char>(s.front() - 'a' + 'A');
  return s;
}

// Tables are keyed by an FNV-1a hash of "a<TAB>b", computed incrementally so
// that looking up six suffixes of a word builds no strings.
constexpr std::uint64_t kFnvBasis = 0xCBF29CE484222325ull;
std::uint64_t fnv(std::uint64_t h, std::string_view s) {
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ull;
  }
  return h;
}
std::uint64_t hash_key(std::string_view joined) { return fnv(kFnvBasis, joined); }
std::uint64_t hash_key(std::string_view a, std::string_view b) { return fnv(fnv(fnv(kFnvBasis, a), "\t"), b); }

std::string key2(std::string_view a, std::string_view b) {
  std::string k;
  k.reserve(a.size() + b.size() + 1);
  k.append(a).push_back('\t');
  k.append(b);
  return k;
}

// Reads a WordNet exception file: "inflected base [base...]" per line.
void read_wordnet_exceptions(const std::filesystem::path& file, std::initializer_list<std::string_view> xpos_tags,
                             std::unordered_map<std::string, std::string>& out) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string form, base;
    if (!(fields >> form >> base)) continue;
    std::replace(form.begin(), form.end(), '_', ' ');
    std::replace(base.begin(), base.end(), '_', ' ');
    for (const std::string_view xpos : xpos_tags) out.try_emplace(key2(form, xpos), base);
  }
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// English doubles the final consonant of a one-syllable verb with a single
// short vowel before -ing and -ed ("stop", "stopping"). So when a suffix rule
// strips "noting" to the one-syllable, undoubled "not", the word was "note"
// with its silent e dropped, as in "hoping" and "doting". Longer stems are
// left alone: their last syllable is often unstressed and not doubled
// ("visiting" is "visit").
bool dropped_silent_e(std::string_view lower, std::string_view base) {
  const bool ing = lower.ends_with("ing") && lower.size() == base.size() + 3;
  const bool ed = lower.ends_with("ed") && lower.size() == base.size() + 2;
  if ((!ing && !ed) || base.size() < 3 || !lower.starts_with(base)) return false;
  const char last = base[base.size() - 1];
  if (is_vowel(last) || last == 'w' || last == 'x' || last == 'y') return false;
  if (!is_vowel(base[base.size() - 2]) || is_vowel(base[base.size() - 3])) return false;
  int vowel_groups = 0;
  for (std::size_t i = 0; i < base.size(); ++i)
    if (is_vowel(base[i]) && (i == 0 || !is_vowel(base[i - 1]))) ++vowel_groups;
  return vowel_groups == 1;
}

}  // namespace

std::string Lemmatizer::cased(std::string_view form, const std::string& lower_lemma, std::string_view xpos) const {
  const char cls = case_class(form);
  const auto it = case_policy_.find(hash_key(xpos, std::string_view(&cls, 1)));
  const CasePolicy policy = it == case_policy_.end() ? CasePolicy::lower : it->second;
  switch (policy) {
    case CasePolicy::lower: return lower_lemma;
    case CasePolicy::capitalize: return capitalized(lower_lemma);
    case CasePolicy::keep: {
      // The form's own casing over the common prefix, the rewrite's after it.
      std::string out = lower_lemma;
      for (std::size_t i = 0; i < out.size() && i < form.size(); ++i)
        if (ascii_lower(form.substr(i, 1))[0] == out[i]) out[i] = form[i];
      return out;
    }
  }
  return lower_lemma;
}

std::string Lemmatizer::apply_rules(std::string_view form, std::string_view lower, std::string_view xpos) const {
  // The longest known suffix decides, unless its base is not an English word
  // and a shorter suffix's base is ("smelled": "-lled" -> "smel", but "-ed"
  // -> "smell", which WordNet knows).
  const std::uint8_t wanted = lexicon_ == nullptr ? 0 : base_classes_for(xpos);
  const std::size_t longest = std::min(kMaxSuffix, lower.size());
  const std::uint64_t prefix = fnv(fnv(kFnvBasis, xpos), "\t");
  std::string fallback;
  for (std::size_t k = longest + 1; k-- > 0;) {
    const auto it = rules_.find(fnv(prefix, lower.substr(lower.size() - k)));
    if (it == rules_.end()) continue;
    const Rewrite& r = it->second;
    if (r.strip > lower.size()) continue;
    std::string base(lower);
    base.resize(base.size() - r.strip);
    base += r.append;
    if (base.empty()) continue;
    if (wanted == WordLexicon::kVerb && dropped_silent_e(lower, base) &&
        (lexicon_->base_classes(base + 'e') & wanted) != 0)
      base += 'e';
    if (wanted == 0 || (lexicon_->base_classes(base) & wanted) != 0) return cased(form, base, xpos);
    if (fallback.empty()) fallback = std::move(base);
  }
  return cased(form, fallback.empty() ? std::string(lower) : fallback, xpos);
}

std::string Lemmatizer::lemma(std::string_view form, std::string_view xpos) const {
  const std::string lower = ascii_lower(form);
  if (const auto it = exceptions_.find(hash_key(lower, xpos)); it != exceptions_.end()) return it->second;
  return apply_rules(form, lower, xpos);
}

std::uint8_t Lemmatizer::base_classes_for(std::string_view xpos) {
  if (xpos.starts_with("VB") && xpos != "VB" && xpos != "VBP") return WordLexicon::kVerb;
  if (xpos == "NNS") return WordLexicon::kNoun;
  if (xpos == "JJR" || xpos == "JJS") return WordLexicon::kAdjective;
  return 0;
}

Lemmatizer Lemmatizer::train(const std::vector<ConlluSentence>& sentences,
                             const std::filesystem::path& wordnet_dir, const WordLexicon* lexicon) {
  // 1. Count rewrites per (xpos, suffix).
  std::map<std::string, std::map<std::pair<int, std::string>, int>> counts;
  std::map<std::string, std::map<std::string, int>> seen;  // (lower, xpos) -> gold lemma counts
  std::map<std::string, std::array<int, 3>> case_votes;    // (xpos, case class) -> votes per CasePolicy
  for (const auto& sentence : sentences) {
    for (const auto& w : sentence.words) {
      if (w.lemma == "_" || w.xpos.empty()) continue;
      const std::string lower = ascii_lower(w.form);
      const std::string target = ascii_lower(w.lemma);
      std::size_t common = 0;
      while (common < lower.size() && common < target.size() && lower[common] == target[common]) ++common;
      const int strip = static_cast<int>(lower.size() - common);
      const std::string append = target.substr(common);
      ++seen[key2(lower, w.xpos)][w.lemma];
      // Which casing policies reproduce the gold lemma from its lowercase?
      const std::string case_key = w.xpos + '\t' + case_class(w.form);
      auto& votes = case_votes[case_key];
      if (w.lemma == target) ++votes[static_cast<int>(CasePolicy::lower)];
      if (w.lemma == capitalized(target)) ++votes[static_cast<int>(CasePolicy::capitalize)];
      if (w.lemma.size() >= common && std::string_view(w.lemma).substr(0, common) == std::string_view(w.form).substr(0, common))
        ++votes[static_cast<int>(CasePolicy::keep)];
      if (strip > static_cast<int>(kMaxSuffix)) continue;
      for (std::size_t k = static_cast<std::size_t>(strip); k <= std::min(kMaxSuffix, lower.size()); ++k)
        ++counts[key2(w.xpos, std::string_view(lower).substr(lower.size() - k))][{strip, append}];
    }
  }
  // 2. Keep each suffix's majority rewrite when it differs from its parent's
  //    and, for suffixes with punctuation or digits, more than one word
  //    supports it (one "Sept." must not turn "Capt." into "Captember").
  Lemmatizer lem;
  lem.lexicon_ = lexicon;
  for (const auto& [key, votes] : case_votes) {
    // Ties prefer lower, then keep: the conservative choices.
    const std::size_t best_policy =
        static_cast<std::size_t>(std::max_element(votes.begin(), votes.end()) - votes.begin());
    lem.case_policy_.emplace(hash_key(key), static_cast<CasePolicy>(best_policy));
  }
  std::map<std::string, Rewrite> best;
  for (const auto& [key, rewrites] : counts) {
    const auto top = std::max_element(rewrites.begin(), rewrites.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    const std::string_view suffix = std::string_view(key).substr(key.find('\t') + 1);
    const bool letters_only = std::all_of(suffix.begin(), suffix.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters_only && top->second < 2) continue;
    best[key] = Rewrite{static_cast<std::uint8_t>(top->first.first), top->first.second};
  }
  for (const auto& [key, rewrite] : best) {
    const std::size_t tab = key.find('\t');
    const std::string_view suffix = std::string_view(key).substr(tab + 1);
    bool redundant = false;
    for (std::size_t k = suffix.size(); k-- > 0;) {
      const auto parent = best.find(key.substr(0, tab + 1) + std::string(suffix.substr(suffix.size() - k)));
      if (parent == best.end()) continue;
      redundant = parent->second == rewrite;
      break;
    }
    if (!redundant) lem.rules_.emplace(hash_key(key), rewrite);
  }
  // 3. Exceptions: the majority gold lemma wherever the rules miss it.
  for (const auto& [key, lemmas] : seen) {
    const auto top = std::max_element(lemmas.begin(), lemmas.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    const std::size_t tab = key.find('\t');
    const std::string lower = key.substr(0, tab);
    const std::string xpos = key.substr(tab + 1);
    // The stored lemma is the gold one, casing included ("me" -> "I").
    if (lem.apply_rules(lower, lower, xpos) != top->first)
      lem.exceptions_.emplace(hash_key(key), top->first);
  }
  // 4. WordNet's irregular forms, where the treebank is silent.
  if (std::filesystem::exists(wordnet_dir / "verb.exc")) {
    std::unordered_map<std::string, std::string> irregular;
    read_wordnet_exceptions(wordnet_dir / "verb.exc", {"VBD", "VBN", "VBZ", "VBG"}, irregular);
    read_wordnet_exceptions(wordnet_dir / "noun.exc", {"NNS"}, irregular);
    read_wordnet_exceptions(wordnet_dir / "adj.exc", {"JJR", "JJS"}, irregular);
    read_wordnet_exceptions(wordnet_dir / "adv.exc", {"RBR", "RBS"}, irregular);
    for (auto& [key, base] : irregular) {
      if (seen.count(key) != 0) continue;
      const std::size_t tab = key.find('\t');
      const std::string lower = key.substr(0, tab);
      if (lem.apply_rules(lower, lower, key.substr(tab + 1)) != base) lem.exceptions_.emplace(hash_key(key), base);
    }
  }
  return lem;
}

void Lemmatizer::save(std::ostream& out) const {
  // Sorted by key for byte-identical output across runs.
  const std::map<std::uint64_t, Rewrite> rules(rules_.begin(), rules_.end());
  write_pod(out, static_cast<std::uint32_t>(rules.size()));
  for (const auto& [key, r] : rules) {
    write_pod(out, key);
    write_pod(out, r.strip);
    write_string(out, r.append);
  }
  const std::map<std::uint64_t, CasePolicy> policies(case_policy_.begin(), case_policy_.end());
  write_pod(out, static_cast<std::uint32_t>(policies.size()));
  for (const auto& [key, policy] : policies) {
    write_pod(out, key);
    write_pod(out, static_cast<std::uint8_t>(policy));
  }
  const std::map<std::uint64_t, std::string> exceptions(exceptions_.begin(), exceptions_.end());
  write_pod(out, static_cast<std::uint32_t>(exceptions.size()));
  for (const auto& [key, lemma] : exceptions) {
    write_pod(out, key);
    write_string(out, lemma);
  }
}

Lemmatizer Lemmatizer::load(std::istream& in) {
  constexpr std::string_view what = "lemmatizer";
  Lemmatizer lem;
  const auto n_rules = read_pod<std::uint32_t>(in, what);
  for (std::uint32_t i = 0; i < n_rules; ++i) {
    const auto key = read_pod<std::uint64_t>(in, what);
    Rewrite r;
    r.strip = read_pod<std::uint8_t>(in, what);
    r.append = read_string(in, what, 256);
    lem.rules_.emplace(key, std::move(r));
  }
  const auto n_policies = read_pod<std::uint32_t>(in, what);
  for (std::uint32_t i = 0; i < n_policies; ++i) {
    const auto key = read_pod<std::uint64_t>(in, what);
    const auto policy = read_pod<std::uint8_t>(in, what);
    if (policy > static_cast<std::uint8_t>(CasePolicy::keep)) throw std::runtime_error("lemmatizer: bad case policy");
    lem.case_policy_.emplace(key, static_cast<CasePolicy>(policy));
  }
  const auto n_exceptions = read_pod<std::uint32_t>(in, what);
  for (std::uint32_t i = 0; i < n_exceptions; ++i) {
    const auto key = read_pod<std::uint64_t>(in, what);
    lem.exceptions_.emplace(key, read_string(in, what, 1024));
  }
  return lem;
}

}  // namespace tempora::detail

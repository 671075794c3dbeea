// The entity recognizer's gazetteers: building them from iso-codes, WordNet
// and resources/actor/, matching them against a sentence, and storing them
// in the model file. See gazetteer.hpp for what each category holds.
#include "actor/gazetteer.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tag/binary_io.hpp"
#include "tempora/perceptron.hpp"

namespace tempora::detail {

std::string gazetteer_lower(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> read_list_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", file.string()));
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    const auto last = line.find_last_not_of(" \t\r");
    out.push_back(line.substr(first, last - first + 1));
  }
  return out;
}

namespace {

std::vector<std::string> split_words(std::string_view phrase) {
  std::vector<std::string> words;
  std::string current;
  for (const char c : phrase) {
    if (c == ' ' || c == '_' || c == '\t') {
      if (!current.empty()) words.push_back(std::move(current)), current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::uint64_t word_hash(std::string_view lowered) { return FeatureHasher::bytes(lowered, 0x6A2E77); }

// "Korea, Republic of" -> "Korea"; "Falkland Islands (Malvinas)" -> "Falkland Islands".
std::string iso_short_name(std::string name) {
  if (const auto cut = name.find_first_of(",("); cut != std::string::npos) name.resize(cut);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

void add_iso_codes(Gazetteer& gazetteer, const std::filesystem::path& dir) {
  if (dir.empty()) return;
  if (std::ifstream in(dir / "iso_3166-1.json"); in) {
    const nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_object() && json.contains("3166-1"))
      for (const auto& country : json["3166-1"])
        for (const char* field : {"name", "common_name", "official_name"})
          if (country.contains(field) && country[field].is_string())
            gazetteer.add(iso_short_name(country[field].get<std::string>()), kGazCountry);
  }
  if (std::ifstream in(dir / "iso_3166-2.json"); in) {
    const nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_object() && json.contains("3166-2"))
      for (const auto& subdivision : json["3166-2"])
        if (subdivision.contains("name") && subdivision["name"].is_string())
          gazetteer.add(iso_short_name(subdivision["name"].get<std::string>()), kGazSubdivision);
  }
}

// Capitalized nouns of noun.group (14), noun.location (15) and noun.person
// (18), and named natural objects of noun.object (17: rivers, seas,
// mountains, "the Moon"), which are places.
void add_wordnet(Gazetteer& gazetteer, const std::filesystem::path& dir) {
  if (dir.empty()) return;
  std::ifstream in(dir / "data.noun");
  if (!in) return;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // licence header
    std::istringstream fields(line);
    std::string offset, ss_type, w_cnt_hex;
    int lexfile = -1;
    if (!(fields >> offset >> lexfile >> ss_type >> w_cnt_hex)) continue;
    if (lexfile != 14 && lexfile != 15 && lexfile != 17 && lexfile != 18) continue;
    // An instance synset (a particular person or place) points to its class with "@i".
    const bool instance = line.find(" @i ") != std::string::npos;
    if (lexfile == 17 && !instance) continue;
    const int w_cnt = static_cast<int>(std::strtol(w_cnt_hex.c_str(), nullptr, 16));
    for (int k = 0; k < w_cnt; ++k) {
      std::string word, lex_id;
      if (!(fields >> word >> lex_id)) break;
      if (word.empty() || word[0] < 'A' || word[0] > 'Z') continue;
      if (const auto paren = word.find('('); paren != std::string::npos) word.resize(paren);
      if (lexfile == 14) gazetteer.add(word, kGazGroup);
      else if (lexfile == 15 || lexfile == 17) gazetteer.add(word, kGazLocation);
      else if (!instance) gazetteer.add(word, kGazPersonClass);
      else {
        gazetteer.add(word, kGazPersonName);
        const std::vector<std::string> parts = split_words(word);
        if (parts.size() >= 2) {
          if (parts.front().size() > 2) gazetteer.add(parts.front(), kGazFirstName);
          gazetteer.add(parts.back(), kGazSurname);
        }
      }
    }
  }
}

}  // namespace

std::vector<std::string> demonym_forms(std::string_view demonym) {
  const auto first = demonym.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  demonym = demonym.substr(first, demonym.find_last_not_of(' ') - first + 1);
  std::vector<std::string> forms{std::string(demonym)};
  // "Ukrainian" -> "Ukrainians", "Israeli" -> "Israelis"; "Chinese", "French" have no plural in -s.
  if (demonym.back() == 'n' || demonym.back() == 'i') forms.push_back(std::string(demonym) + "s");
  return forms;
}

std::uint64_t Gazetteer::word_key(std::string_view word) {
  // Lowercased on the stack: look-ups run for every word of every sentence.
  char buffer[64];
  if (word.size() > sizeof buffer) return word_hash(gazetteer_lower(word));
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return word_hash(std::string_view(buffer, word.size()));
}

std::uint64_t Gazetteer::key(std::span<const std::string_view> words) {
  std::uint64_t h = 0x7A2E;
  for (const std::string_view w : words) h = FeatureHasher::mix(h, word_key(w));
  return h;
}

std::vector<std::uint64_t> Gazetteer::word_keys(std::span<const std::string_view> words) {
  std::vector<std::uint64_t> keys(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) keys[i] = word_key(words[i]);
  return keys;
}

void Gazetteer::add_words(std::span<const std::string> words, GazetteerCategory category) {
  if (words.empty() || words.size() > kMaxPhrase) return;
  std::vector<std::string_view> views(words.begin(), words.end());
  phrases_[key(views)] |= 1u << category;
}

void Gazetteer::add(std::string_view phrase, GazetteerCategory category) {
  const std::vector<std::string> words = split_words(phrase);
  add_words(words, category);
  // Tokenizations that split hyphens ("al - Qaeda") match too.
  if (phrase.find('-') == std::string_view::npos) return;
  std::vector<std::string> split;
  for (const std::string& w : words) {
    std::size_t start = 0;
    for (std::size_t dash = w.find('-'); dash != std::string::npos; dash = w.find('-', start)) {
      if (dash > start) split.push_back(w.substr(start, dash - start));
      split.emplace_back("-");
      start = dash + 1;
    }
    if (start < w.size()) split.push_back(w.substr(start));
  }
  add_words(split, category);
}

std::uint32_t Gazetteer::lookup(std::span<const std::string_view> words) const {
  if (words.empty() || words.size() > kMaxPhrase) return 0;
  const auto it = phrases_.find(key(words));
  return it == phrases_.end() ? 0 : it->second;
}

std::uint32_t Gazetteer::lookup_keys(std::span<const std::uint64_t> word_keys) const {
  if (word_keys.empty() || word_keys.size() > kMaxPhrase) return 0;
  std::uint64_t h = 0x7A2E;
  for (const std::uint64_t k : word_keys) h = FeatureHasher::mix(h, k);
  const auto it = phrases_.find(h);
  return it == phrases_.end() ? 0 : it->second;
}

std::vector<Gazetteer::Match> Gazetteer::match(std::span<const std::string_view> words) const {
  std::vector<Match> out(words.size());
  const std::vector<std::uint64_t> hashes = word_keys(words);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::uint64_t h = 0x7A2E;
    for (std::size_t n = 1; n <= kMaxPhrase && i + n <= words.size(); ++n) {
      h = FeatureHasher::mix(h, hashes[i + n - 1]);
      const auto it = phrases_.find(h);
      if (it == phrases_.end()) continue;
      out[i].begins |= it->second;
      for (std::size_t j = i; j < i + n; ++j) out[j].inside |= it->second;
    }
  }
  return out;
}

Gazetteer Gazetteer::build(const std::filesystem::path& resources_dir, const std::filesystem::path& iso_codes_dir,
                           const std::filesystem::path& wordnet_dir) {
  Gazetteer g;
  add_iso_codes(g, iso_codes_dir);
  add_wordnet(g, wordnet_dir);
  const auto add_file = [&](const char* name, GazetteerCategory category) {
    for (const std::string& line : read_list_file(resources_dir / name)) g.add(line, category);
  };
  add_file("titles.txt", kGazTitle);
  add_file("org_suffixes.txt", kGazOrgSuffix);
  add_file("org_words.txt", kGazOrgWord);
  add_file("outlets.txt", kGazOutlet);
  add_file("facilities.txt", kGazFacility);
  add_file("facility_words.txt", kGazFacilityWord);
  add_file("geo_words.txt", kGazGeoWord);
  // demonyms.txt: "Ukrainian = Ukraine"; places.txt: "country: Ukraine" / "city: Kyiv".
  for (const std::string& line : read_list_file(resources_dir / "demonyms.txt")) {
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    for (const std::string& form : demonym_forms(line.substr(0, eq))) g.add(form, kGazDemonym);
  }
  for (const std::string& line : read_list_file(resources_dir / "places.txt")) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string kind = line.substr(0, colon);
    const std::string name = line.substr(line.find_first_not_of(' ', colon + 1));
    g.add(name, kind == "city"          ? kGazCity
                : kind == "subdivision" ? kGazSubdivision
                : kind == "region"      ? kGazRegion
                                        : kGazCountry);
  }
  return g;
}

void Gazetteer::save(std::ostream& out) const {
  // Sorted, so the same gazetteer always gives the same bytes.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries(phrases_.begin(), phrases_.end());
  std::sort(entries.begin(), entries.end());
  write_pod(out, static_cast<std::uint64_t>(entries.size()));
  for (const auto& [k, mask] : entries) {
    write_pod(out, k);
    write_pod(out, mask);
  }
}

Gazetteer Gazetteer::load(std::istream& in) {
  Gazetteer g;
  const auto n = read_pod<std::uint64_t>(in, "entity model gazetteer");
  if (n > (1u << 24)) throw std::runtime_error("corrupt entity model (gazetteer size)");
  g.phrases_.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    const auto k = read_pod<std::uint64_t>(in, "entity model gazetteer");
    g.phrases_.emplace(k, read_pod<std::uint32_t>(in, "entity model gazetteer"));
  }
  return g;
}

}  // namespace tempora::detail

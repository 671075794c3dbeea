// Gazetteers of the entity recognizer: names and name parts, by category.
//
// A Gazetteer maps lowercased word sequences (up to kMaxPhrase words) to a
// bit set of categories. Matching a sentence is one left-to-right pass that
// tries every phrase length at every position (kMaxPhrase hash lookups per
// word), so it is linear in the sentence. The recognizer uses the matches as
// features ("this word begins a country name", "the previous word is a
// title"), never as decisions on their own, so a gazetteer entry that is also
// a common word ("Bush", "Chad") only shifts the odds.
//
// The feature gazetteer is built when a model is trained, from
//   - Debian's iso-codes: ISO 3166-1 country names (name, common and official
//     names) and ISO 3166-2 subdivision names;
//   - WordNet (data.noun): capitalized nouns of the lexicographer files
//     noun.person (instances such as "Abraham Lincoln", plus the first and
//     last words of multi-word names as first-name and surname clues, and
//     classes such as "American", "Democrat"), noun.location and noun.group,
//     and the named instances of noun.object (rivers, seas, "the Moon") as
//     locations;
//   - the project's lists in resources/actor/ (titles, organisation words,
//     outlets, demonyms, places, facilities, geographic feature words),
// and stored inside the model, so tagging reads no system files and a model
// gives the same output wherever it runs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tempora::detail {

// Category bits. The numbering is part of the model format.
enum GazetteerCategory : std::uint8_t {
  kGazCountry,        // iso 3166-1 names and resources/actor/places.txt countries
  kGazSubdivision,    // iso 3166-2 names
  kGazCity,           // resources/actor/places.txt cities
  kGazPersonName,     // WordNet noun.person instance ("Abraham Lincoln", "Einstein")
  kGazFirstName,      // first word of a multi-word WordNet person instance
  kGazSurname,        // last word of a multi-word WordNet person instance
  kGazPersonClass,    // capitalized WordNet noun.person class ("American", "Democrat")
  kGazLocation,       // capitalized WordNet noun.location noun, noun.object instance
  kGazGroup,          // capitalized WordNet noun.group noun
  kGazTitle,          // resources/actor/titles.txt ("President", "Mr.", "Prime Minister")
  kGazOrgSuffix,      // resources/actor/org_suffixes.txt ("Inc", "Corp", "Ltd")
  kGazOrgWord,        // resources/actor/org_words.txt ("Ministry", "University", "Party")
  kGazOutlet,         // resources/actor/outlets.txt ("NBC News", "Reuters")
  kGazDemonym,        // resources/actor/demonyms.txt ("Ukrainian", "Ukrainians")
  kGazFacility,       // resources/actor/facilities.txt names ("White House")
  kGazFacilityWord,   // resources/actor/facility_words.txt ("Airport", "Hospital")
  kGazGeoWord,        // resources/actor/geo_words.txt ("River", "Mountains")
  kGazRegion,         // resources/actor/places.txt regions ("Europe", "Middle East")
  kGazCategoryCount
};

constexpr std::size_t kMaxPhrase = 5;

std::string gazetteer_lower(std::string_view word);  // ASCII lowercase; other bytes kept

// Lines of a resources list file: '#' starts a comment, blank lines skipped,
// surrounding whitespace trimmed.
std::vector<std::string> read_list_file(const std::filesystem::path& file);

// A demonym and its plural when it has one in -s ("Ukrainian", "Ukrainians").
std::vector<std::string> demonym_forms(std::string_view demonym);

class Gazetteer {
 public:
  // One category's matches over a sentence: per word, the categories that
  // cover it and the categories whose match begins at it.
  struct Match {
    std::uint32_t inside = 0;
    std::uint32_t begins = 0;
  };

  void add(std::string_view phrase, GazetteerCategory category);  // words split on spaces and '_'
  void add_words(std::span<const std::string> words, GazetteerCategory category);
  std::uint32_t lookup(std::span<const std::string_view> words) const;  // exact phrase, lowercased inside
  std::vector<Match> match(std::span<const std::string_view> words) const;
  // The same look-up over word_keys() of the phrase's words: a caller that
  // looks up many phrases of one sentence hashes each word once.
  static std::vector<std::uint64_t> word_keys(std::span<const std::string_view> words);
  std::uint32_t lookup_keys(std::span<const std::uint64_t> word_keys) const;
  std::size_t size() const { return phrases_.size(); }

  // Builds the feature gazetteer from iso-codes, WordNet and resources/actor/.
  static Gazetteer build(const std::filesystem::path& resources_dir,
                         const std::filesystem::path& iso_codes_dir = "/usr/share/iso-codes/json",
                         const std::filesystem::path& wordnet_dir = "/usr/share/wordnet");

  void save(std::ostream& out) const;
  static Gazetteer load(std::istream& in);

 private:
  static std::uint64_t word_key(std::string_view word);  // of the lowercased word
  static std::uint64_t key(std::span<const std::string_view> words);  // of lowercased words
  std::unordered_map<std::uint64_t, std::uint32_t> phrases_;
};

}  // namespace tempora::detail

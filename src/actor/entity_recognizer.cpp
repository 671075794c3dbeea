// The entity recognizer: named entities by greedy BIO tagging with an
// averaged perceptron, typed further by gazetteers and a few rules.
//
// How it works. Each token of a sentence gets one of seven tags: O, or B-
// (begins) or I- (continues) one of the three coarse types the training
// corpora share, PER, ORG and LOC (Universal NER on EWT; MEANTIME's named
// mentions). Tags are chosen left to right, each from a perceptron score
// over hashed features of the token and its neighbours, with the two tags
// already chosen as context; an I-X may only follow B-X or I-X, so every
// decoded span is well formed. The features are the word as written and
// lowercased, its character shape ("Xxxx", "X.X."), prefixes and suffixes,
// its part of speech (always *predicted* by the project's PosTagger, in
// training as at run time, so the model learns the tagger's real errors),
// the words and shapes two tokens either side, how the whole sentence is
// cased (web text is often all lowercase, headlines all capitalized), and
// gazetteer matches (gazetteer.hpp): whether the token begins or continues a
// country, subdivision, city, WordNet person or place name, a first name or
// surname, a title ("President" before a name), an organisation word or
// legal suffix ("Ministry", "Inc."), a news outlet, a demonym, a facility or
// a geographic feature word, and the same categories for the neighbours,
// with the whole set of categories of the word as one more feature (a
// WordNet town that is also a surname is mostly a person); and, for a word
// in a run of capitalized words, the run's length, the word's place in it,
// and the run's first and last words and the last word's categories.
// When the document has been parsed (the pipeline parses before it tags
// names), each token also sees its dependency relation and which side its
// head is on, and, for the nominal its compound/flat chain ends in, that
// nominal's relation with its governor's lemma ("nsubj" of "say", "obl" of
// "work") and with its case marker ("at", "from", "'s"); training parses its
// sentences with the same parser over predicted tags. Without a parse these
// features are left out.
// The gazetteer is built from iso-codes, WordNet and resources/actor/ when
// the model is trained and is stored in the model.
//
// The coarse types then become the public ones by rules over the lists in
// resources/actor/ (read when the recognizer is loaded):
//   - a name listed in facilities.txt ("the White House") is a FACILITY, and
//     a place ending in a facility word ("Kennedy Airport") too;
//   - a place containing a geographic feature word ("Black Sea") or listed
//     as a region ("Middle East") is a LOCATION, any other place a GPE;
//   - a lowercase country, subdivision or city tagged as a proper noun
//     ("moved to malaysia") that the tagger missed is a GPE;
//   - a name followed by a comma and a legal form ("CCNG , Inc.") takes
//     them in and is an ORGANIZATION, and so is a run of proper nouns
//     ending in a legal form ("Boeing Co.");
//   - an organisation's name takes in the proper nouns the model left out
//     before it ("Spirit AeroSystems"), but no title, demonym or place;
//   - a one-word "person" that a ", which" clause describes is an
//     organisation ("Airbus, which will take over ...");
//   - a person's span loses leading titles, demonyms and countries
//     ("Ukrainian President Volodymyr Zelensky" -> "Volodymyr Zelensky",
//     "U.S. District Judge Lewis A. Kaplan"), and a span of any type made of
//     such a prefix and capitalized words is a person ("South African
//     President Cyril Ramaphosa", not a place), unless it ends in an
//     organisation word ("the Justice Department");
//   - a capitalized demonym outside every name ("Ukrainian", "Russians") is
//     NORP, which no corpus here annotates;
//   - a news outlet the model missed or split ("NBC News") is one
//     ORGANIZATION;
//   - capitalized words ending in an organisation word ("the European
//     Commission", "the Justice Department") are one ORGANIZATION, and
//     that word after "the" names it again ("the Commission");
//   - a one-word person takes the one proper noun after it as its family
//     name ("Julie Su");
//   - a name inside a date the time stage found ("in March") is none.
//
// Confidence is the smallest per-token score margin of the span, squashed
// by a logistic. Training is deterministic (seeded SplitMix64 shuffle of the
// sentence order each epoch); tagging is linear in the number of tokens.
#include "tempora/actor.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <functional>
#include <numeric>
#include <ostream>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "actor/gazetteer.hpp"
#include "actor/name_order.hpp"
#include "tag/binary_io.hpp"
#include "tempora/data.hpp"
#include "tempora/parse.hpp"
#include "tempora/perceptron.hpp"
#include "tempora/pos.hpp"
#include "tempora/timex.hpp"

namespace tempora {
namespace {

constexpr char kMagic[4] = {'T', 'N', 'E', 'R'};
constexpr std::uint32_t kFormatVersion = 1;

// Class order is part of the model format: O, then B-/I- per coarse type.
constexpr std::array<std::string_view, 7> kTags{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};

// Score margins are in units of averaged updates; this scale makes the
// logistic of the margin a usable confidence.
constexpr double kMarginScale = 10.0;

// A name the tagger found with at least this confidence (a margin of 4) is
// looked for in the rest of the document; a hesitant one ("Carvenia
// struggles" taken for a company) is not spread.
constexpr double kSpreadConfidence = 0.6;

enum Template : std::uint32_t {
  kBias, kForm, kLower, kShape, kPrefix2, kPrefix3, kSuffix2, kSuffix3, kSuffix4, kXpos, kUposShape,
  kLowerM1, kLowerP1, kLowerM2, kLowerP2, kLowerM1Lower, kLowerLowerP1, kXposM1, kXposP1, kXposM1Xpos, kXposXposP1,
  kShapeM1Shape, kShapeShapeP1, kPrev1, kPrev12, kPrev1Lower, kPrev1Shape, kSentenceCase, kSentenceCaseShape,
  kFirstShape, kGazInside, kGazBegins, kGazInsideCap, kGazM1, kGazP1, kGazM1Cap, kLengthShape, kFormM1, kFormP1,
  kPrev1Xpos, kGazP2, kSuffix3Xpos, kLowerXpos, kLowerM1Shape, kShapeLowerP1, kXposM2, kXposP2,
  kRunPlace, kRunFirst, kRunLast, kRunLastGaz, kRunPrev1, kGazMask,
  kDeprel, kDeprelDirection, kChainGovernor, kChainCase,
};

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::string shape_of(std::string_view word) {
  std::string out;
  char last = 0;
  int repeat = 0;
  for (const char c : word) {
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (static_cast<unsigned char>(c) >= 0x80) s = 'u';
    else s = c;
    // Runs are cut at two: "Xxxx" and "Xxxxxxx" share a shape, "XX" and "X" do not.
    repeat = s == last ? repeat + 1 : 0;
    last = s;
    if (repeat < 2 && out.size() < 12) out.push_back(s);
  }
  return out;
}

bool capitalized(std::string_view word) { return !word.empty() && word[0] >= 'A' && word[0] <= 'Z'; }

// How the sentence is cased: 0 no capitals at all, 1 ordinary, 2 most
// words capitalized (a headline), 3 all capitals.
std::uint64_t sentence_case(std::span<const std::string_view> words) {
  int alpha = 0, cap = 0, upper = 0;
  for (const std::string_view w : words) {
    bool has_alpha = false, all_upper = true;
    for (const char c : w) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) has_alpha = true;
      if (c >= 'a' && c <= 'z') all_upper = false;
    }
    if (!has_alpha) continue;
    ++alpha;
    cap += capitalized(w);
    upper += all_upper;
  }
  if (alpha == 0 || cap == 0) return 0;
  if (alpha >= 3 && upper == alpha) return 3;
  if (alpha >= 3 && 4 * cap >= 3 * alpha) return 2;
  return 1;
}

struct TokenInfo {
  std::uint64_t form = 0, lower = 0, shape = 0, xpos = 0, upos = 0;
  std::uint64_t prefix2 = 0, prefix3 = 0, suffix2 = 0, suffix3 = 0, suffix4 = 0;
  std::uint32_t gaz_inside = 0, gaz_begins = 0;
  bool cap = false;
  std::uint8_t length = 0;
  // The run of capitalized words the token is in (all 0 outside one): its
  // length (capped at 4), the token's place in it (1 first, 2 inside, 3
  // last, 4 alone), and its first and last words.
  std::uint8_t run_length = 0, run_place = 0;
  std::uint64_t run_first = 0, run_last = 0;
  std::uint32_t run_last_gaz = 0;
  // From the dependency parse (all 0 without one): the token's relation
  // and where its head lies (1 left, 2 right, 3 root); then, for the
  // nominal its compound/flat chain ends in ("Electric" for "Farrell" in
  // "Farrell Electric hired him"), that nominal's relation, its governor's
  // lemma ("hire") and its case marker ("at" in "work at Bose").
  bool parsed = false;
  std::uint64_t deprel = 0, chain_relation = 0, governor = 0, case_marker = 0;
  std::uint8_t head_direction = 0;
};

struct SentenceInfo {
  std::vector<TokenInfo> tokens;
  std::uint64_t casing = 0;
};

// Which tags may follow which: I-X only after B-X or I-X.
bool allowed_after(int prev, int tag) {
  if (tag == 0 || tag % 2 == 1) return true;  // O and B-X
  return prev == tag || prev == tag - 1;
}

}  // namespace

struct EntityRecognizer::Model {
  AveragedPerceptron perceptron;
  detail::Gazetteer gazetteer;  // features; stored in the model
  detail::Gazetteer rules;      // resources/actor/ lists; read at load time
  std::unordered_set<std::string> name_particles;  // resources/actor/name_particles.txt ("von", "de")
  detail::NameOrder name_order;                     // resources/actor/family_names.txt
  std::unordered_set<std::string> descriptors;      // resources/actor/descriptors.txt ("retailer")

  // The lists the typing rules read, at training and at load time alike.
  void read_rules(const std::filesystem::path& resources_dir) {
    rules = detail::Gazetteer::build(resources_dir, {}, {});
    for (std::string& particle : detail::read_list_file(resources_dir / "name_particles.txt"))
      name_particles.insert(std::move(particle));
    name_order = detail::NameOrder::load(resources_dir / "family_names.txt");
    for (std::string& word : detail::read_list_file(resources_dir / "descriptors.txt"))
      descriptors.insert(detail::gazetteer_lower(word));
  }

  // `arcs` is the sentence's parse (word-index heads), or empty without one.
  SentenceInfo describe(std::span<const std::string_view> words, std::span<const TokenMorph> morph,
                        std::span<const Arc> arcs) const {
    SentenceInfo info;
    info.casing = sentence_case(words);
    info.tokens.resize(words.size());
    const std::vector<detail::Gazetteer::Match> matches = gazetteer.match(words);
    for (std::size_t i = 0; i < words.size(); ++i) {
      TokenInfo& t = info.tokens[i];
      const std::string_view w = words[i];
      const std::string lower = detail::gazetteer_lower(w);
      t.form = FeatureHasher::bytes(w);
      t.lower = FeatureHasher::bytes(lower);
      t.shape = FeatureHasher::bytes(shape_of(w), 0x5A17);
      t.xpos = FeatureHasher::bytes(morph[i].xpos);
      t.upos = static_cast<std::uint64_t>(morph[i].upos) + 1;
      const auto affix = [&](std::size_t k, bool suffix) -> std::uint64_t {
        if (lower.size() < k) return 0;
        return FeatureHasher::bytes(suffix ? std::string_view(lower).substr(lower.size() - k)
                                           : std::string_view(lower).substr(0, k));
      };
      t.prefix2 = affix(2, false), t.prefix3 = affix(3, false);
      t.suffix2 = affix(2, true), t.suffix3 = affix(3, true), t.suffix4 = affix(4, true);
      t.gaz_inside = matches[i].inside;
      t.gaz_begins = matches[i].begins;
      t.cap = capitalized(w);
      t.length = static_cast<std::uint8_t>(std::min<std::size_t>(w.size(), 6));
    }
    // Capitalized runs ("Farrell Electric", "Royal Caribbean"): every word of
    // the run sees the run's last word, where organisation and place heads
    // ("Electric", "Restaurant", "River") sit, before the greedy tagger has
    // committed to the run's first tag.
    for (std::size_t i = 0; i < words.size();) {
      if (!info.tokens[i].cap) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < words.size() && info.tokens[end].cap) ++end;
      const TokenInfo& last = info.tokens[end - 1];
      for (std::size_t j = i; j < end; ++j) {
        TokenInfo& t = info.tokens[j];
        t.run_length = static_cast<std::uint8_t>(std::min<std::size_t>(end - i, 4));
        t.run_place = end - i == 1 ? 4 : j == i ? 1 : j + 1 == end ? 3 : 2;
        t.run_first = info.tokens[i].lower;
        t.run_last = last.lower;
        t.run_last_gaz = last.gaz_inside;
      }
      i = end;
    }
    if (arcs.size() == words.size()) add_syntax(info, morph, arcs);
    return info;
  }

  static void add_syntax(SentenceInfo& info, std::span<const TokenMorph> morph, std::span<const Arc> arcs) {
    const auto n = static_cast<int>(arcs.size());
    const auto relation_is = [&](int i, std::string_view rel) {
      const std::string_view d = arcs[static_cast<std::size_t>(i)].deprel;
      return d.substr(0, d.find(':')) == rel;
    };
    std::vector<std::uint64_t> case_of(arcs.size(), 0);
    for (int i = 0; i < n; ++i) {
      const int h = arcs[static_cast<std::size_t>(i)].head;
      if (h >= 0 && h < n && relation_is(i, "case") && case_of[static_cast<std::size_t>(h)] == 0)
        case_of[static_cast<std::size_t>(h)] = info.tokens[static_cast<std::size_t>(i)].lower;
    }
    for (int i = 0; i < n; ++i) {
      TokenInfo& t = info.tokens[static_cast<std::size_t>(i)];
      const Arc& arc = arcs[static_cast<std::size_t>(i)];
      t.parsed = true;
      t.deprel = FeatureHasher::bytes(arc.deprel);
      t.head_direction = arc.head < 0 ? 3 : arc.head < i ? 1 : 2;
      // Climb the chain (bounded: a malformed parse must not loop).
      int top = i;
      for (int steps = 0; steps < n; ++steps) {
        const int h = arcs[static_cast<std::size_t>(top)].head;
        if (h < 0 || h >= n || !(relation_is(top, "compound") || relation_is(top, "flat"))) break;
        top = h;
      }
      const Arc& top_arc = arcs[static_cast<std::size_t>(top)];
      t.chain_relation = FeatureHasher::bytes(top_arc.deprel);
      t.case_marker = case_of[static_cast<std::size_t>(top)];
      if (top_arc.head >= 0 && top_arc.head < n)
        t.governor = FeatureHasher::bytes(detail::gazetteer_lower(morph[static_cast<std::size_t>(top_arc.head)].lemma));
    }
  }

  static void features(const SentenceInfo& sentence, std::size_t i, int prev1, int prev2,
                       std::vector<std::uint64_t>& out) {
    static const TokenInfo kEdge = [] {
      TokenInfo t;
      t.form = t.lower = t.shape = t.xpos = FeatureHasher::bytes("<edge>");
      return t;
    }();
    const auto& infos = sentence.tokens;
    const auto at = [&](std::ptrdiff_t j) -> const TokenInfo& {
      if (j < 0 || j >= static_cast<std::ptrdiff_t>(infos.size())) return kEdge;
      return infos[static_cast<std::size_t>(j)];
    };
    const auto p = static_cast<std::ptrdiff_t>(i);
    const TokenInfo& w = infos[i];
    const TokenInfo& m1 = at(p - 1);
    const TokenInfo& m2 = at(p - 2);
    const TokenInfo& p1 = at(p + 1);
    const TokenInfo& p2 = at(p + 2);
    using H = FeatureHasher;
    out.clear();
    out.push_back(H::feature(kBias, 0));
    out.push_back(H::feature(kForm, w.form));
    out.push_back(H::feature(kLower, w.lower));
    out.push_back(H::feature(kShape, w.shape));
    out.push_back(H::feature(kPrefix2, w.prefix2));
    out.push_back(H::feature(kPrefix3, w.prefix3));
    out.push_back(H::feature(kSuffix2, w.suffix2));
    out.push_back(H::feature(kSuffix3, w.suffix3));
    out.push_back(H::feature(kSuffix4, w.suffix4));
    out.push_back(H::feature(kXpos, w.xpos));
    out.push_back(H::feature(kUposShape, w.upos, w.shape));
    out.push_back(H::feature(kLowerXpos, w.lower, w.xpos));
    out.push_back(H::feature(kSuffix3Xpos, w.suffix3, w.xpos));
    out.push_back(H::feature(kLengthShape, w.length, w.shape));
    out.push_back(H::feature(kLowerM1, m1.lower));
    out.push_back(H::feature(kLowerP1, p1.lower));
    out.push_back(H::feature(kFormM1, m1.form));
    out.push_back(H::feature(kFormP1, p1.form));
    out.push_back(H::feature(kLowerM2, m2.lower));
    out.push_back(H::feature(kLowerP2, p2.lower));
    out.push_back(H::feature(kLowerM1Lower, m1.lower, w.lower));
    out.push_back(H::feature(kLowerLowerP1, w.lower, p1.lower));
    out.push_back(H::feature(kXposM1, m1.xpos));
    out.push_back(H::feature(kXposP1, p1.xpos));
    out.push_back(H::feature(kXposM1Xpos, m1.xpos, w.xpos));
    out.push_back(H::feature(kXposXposP1, w.xpos, p1.xpos));
    out.push_back(H::feature(kShapeM1Shape, m1.shape, w.shape));
    out.push_back(H::feature(kShapeShapeP1, w.shape, p1.shape));
    const auto prev1_id = static_cast<std::uint64_t>(prev1 + 2);
    const auto prev2_id = static_cast<std::uint64_t>(prev2 + 2);
    out.push_back(H::feature(kPrev1, prev1_id));
    out.push_back(H::feature(kPrev12, prev1_id, prev2_id));
    out.push_back(H::feature(kPrev1Lower, prev1_id, w.lower));
    out.push_back(H::feature(kPrev1Shape, prev1_id, w.shape));
    out.push_back(H::feature(kPrev1Xpos, prev1_id, w.xpos));
    out.push_back(H::feature(kSentenceCase, sentence.casing, w.cap));
    out.push_back(H::feature(kSentenceCaseShape, sentence.casing, w.shape));
    out.push_back(H::feature(kFirstShape, i == 0, w.shape));
    out.push_back(H::feature(kLowerM1Shape, m1.lower, w.shape));
    out.push_back(H::feature(kShapeLowerP1, w.shape, p1.lower));
    out.push_back(H::feature(kXposM2, m2.xpos, w.shape));
    out.push_back(H::feature(kXposP2, p2.xpos, w.shape));
    if (w.run_place != 0) {
      out.push_back(H::feature(kRunPlace, w.run_place * 8 + w.run_length, i == 0));
      out.push_back(H::feature(kRunPrev1, prev1_id, w.run_place));
      if (w.run_length > 1) {
        out.push_back(H::feature(kRunFirst, w.run_first, w.run_place));
        out.push_back(H::feature(kRunLast, w.run_last, w.run_place));
      }
    }
    if (w.parsed) {
      out.push_back(H::feature(kDeprel, w.deprel, w.cap));
      out.push_back(H::feature(kDeprelDirection, w.deprel, w.head_direction));
      out.push_back(H::feature(kChainGovernor, w.chain_relation, w.governor));
      out.push_back(H::feature(kChainCase, w.chain_relation, w.case_marker));
    }
    // The categories together: "Clinton" is a WordNet town and a surname,
    // and a name that is both is mostly a person.
    if (w.gaz_inside != 0) out.push_back(H::feature(kGazMask, w.gaz_inside, w.cap));
    for (std::uint32_t c = 0; c < detail::kGazCategoryCount; ++c) {
      const std::uint32_t bit = 1u << c;
      if (w.run_length > 1 && (w.run_last_gaz & bit)) out.push_back(H::feature(kRunLastGaz, c, w.run_place));
      if (w.gaz_inside & bit) {
        out.push_back(H::feature(kGazInside, c, (w.gaz_begins & bit) != 0));
        out.push_back(H::feature(kGazInsideCap, c, w.cap * 2 + (sentence.casing == 0)));
      }
      if (w.gaz_begins & bit) out.push_back(H::feature(kGazBegins, c, prev1_id));
      if (m1.gaz_inside & bit) {
        out.push_back(H::feature(kGazM1, c));
        out.push_back(H::feature(kGazM1Cap, c, w.cap));
      }
      if (p1.gaz_inside & bit) out.push_back(H::feature(kGazP1, c, w.cap));
      if (p2.gaz_begins & bit) out.push_back(H::feature(kGazP2, c));
    }
  }

  // Tags one sentence (tag indices into kTags). With `learner`, each
  // decision is also a training step towards `truth`. `margins`, when given,
  // receives each token's score margin over the best other allowed tag.
  static std::vector<int> decode(const SentenceInfo& sentence, const AveragedPerceptron& scorer,
                                 std::vector<float>* margins = nullptr, AveragedPerceptron* learner = nullptr,
                                 const std::vector<int>* truth = nullptr) {
    const std::size_t n = sentence.tokens.size();
    std::vector<int> tags(n, 0);
    std::vector<std::uint64_t> feats;
    feats.reserve(96);
    std::array<float, kTags.size()> scores{};
    int prev1 = -1, prev2 = -1;
    for (std::size_t i = 0; i < n; ++i) {
      features(sentence, i, prev1, prev2, feats);
      scorer.score(feats, scores);
      int best = -1, second = -1;
      for (int c = 0; c < static_cast<int>(kTags.size()); ++c) {
        if (!allowed_after(prev1 < 0 ? 0 : prev1, c)) continue;
        if (best < 0 || scores[c] > scores[best]) second = best, best = c;
        else if (second < 0 || scores[c] > scores[second]) second = c;
      }
      if (learner != nullptr) learner->update((*truth)[i], best, feats);
      if (margins != nullptr) (*margins)[i] = second < 0 ? 100.0f : scores[best] - scores[second];
      tags[i] = best;
      prev2 = prev1;
      prev1 = best;
    }
    return tags;
  }

  std::uint32_t rule_mask(std::span<const std::string_view> words) const { return rules.lookup(words); }

  // The public type of a coarse span (tag type 0 PER, 1 ORG, 2 LOC).
  EntityType refine(std::span<const std::string_view> words, int coarse, bool locative) const {
    using namespace detail;
    std::span<const std::string_view> name = words;
    if (name.size() > 1 && gazetteer_lower(name.front()) == "the") name = name.subspan(1);
    const std::uint32_t whole = rule_mask(name);
    // "at the White House" is a place, "the White House said" an organisation.
    if (whole & (1u << kGazFacility)) return locative || coarse == 2 ? EntityType::FACILITY : EntityType::ORGANIZATION;
    if (whole & (1u << kGazOutlet)) return EntityType::ORGANIZATION;
    // A legal-form suffix ends a company's name, never a person's ("Acme Corp.").
    if (name.size() > 1 && (rule_mask(name.subspan(name.size() - 1)) & (1u << kGazOrgSuffix)))
      return EntityType::ORGANIZATION;
    if (coarse == 0) return EntityType::PERSON;
    if (coarse == 1) return EntityType::ORGANIZATION;
    // "North Korean leader": a demonym of two words the tagger took for a place.
    if (whole & (1u << kGazDemonym)) return EntityType::NORP;
    if (whole & (1u << kGazRegion)) return EntityType::LOCATION;
    if (whole & ((1u << kGazCountry) | (1u << kGazCity) | (1u << kGazSubdivision))) return EntityType::GPE;
    if (rule_mask(name.subspan(name.size() - 1)) & (1u << kGazFacilityWord)) return EntityType::FACILITY;
    for (std::size_t k = 0; k < name.size(); ++k)
      if (rule_mask(name.subspan(k, 1)) & (1u << kGazGeoWord)) return EntityType::LOCATION;
    return EntityType::GPE;
  }
};

EntityRecognizer::EntityRecognizer(std::unique_ptr<const Model> model) : model_(std::move(model)) {}
EntityRecognizer::EntityRecognizer(EntityRecognizer&&) noexcept = default;
EntityRecognizer& EntityRecognizer::operator=(EntityRecognizer&&) noexcept = default;
EntityRecognizer::~EntityRecognizer() = default;

namespace {

struct RawSpan {
  std::uint32_t first = 0, count = 0;  // sentence word indices
  EntityType type = EntityType::PERSON;
  float margin = 0;
};

// Longest-first matches of one category of `rules` over words [0, n) that
// start with a capital letter; returns (first, count) pairs, not overlapping.
// `keys` are Gazetteer::word_keys(words).
std::vector<std::pair<std::uint32_t, std::uint32_t>> capitalized_matches(const detail::Gazetteer& rules,
                                                                         std::span<const std::string_view> words,
                                                                         std::span<const std::uint64_t> keys,
                                                                         detail::GazetteerCategory category) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::uint32_t i = 0; i < words.size();) {
    std::uint32_t found = 0;
    if (capitalized(words[i]))
      for (std::uint32_t n = static_cast<std::uint32_t>(std::min<std::size_t>(detail::kMaxPhrase, words.size() - i));
           n >= 1 && found == 0; --n)
        if (rules.lookup_keys(keys.subspan(i, n)) & (1u << category)) found = n;
    if (found > 0) {
      out.emplace_back(i, found);
      i += found;
    } else {
      ++i;
    }
  }
  return out;
}

// Whether a place preposition comes before word `first`, over an optional
// "the": "at the White House", "in Kyiv".
bool locative_before(std::span<const std::string_view> words, std::uint32_t first) {
  std::uint32_t k = first;
  if (k > 0 && detail::gazetteer_lower(words[k - 1]) == "the") --k;
  if (k == 0) return false;
  static constexpr std::array<std::string_view, 11> kPlaces{"at",   "in",     "inside", "outside", "near", "to",
                                                            "from", "into",   "on",     "across",  "toward"};
  const std::string w = detail::gazetteer_lower(words[k - 1]);
  return std::find(kPlaces.begin(), kPlaces.end(), w) != kPlaces.end();
}

bool is_possessive(std::string_view w) { return w == "'s" || w == "'"; }

bool ends_with(std::string_view w, std::string_view tail) {
  return w.size() > tail.size() && w.substr(w.size() - tail.size()) == tail;
}

// A listed demonym, or a capitalized word shaped like one ("Carvenian").
bool looks_like_demonym(std::string_view w, std::uint32_t rule_mask) {
  if (!capitalized(w)) return false;
  if (rule_mask & (1u << detail::kGazDemonym)) return true;
  if (rule_mask & (1u << detail::kGazTitle)) return false;
  return w.size() >= 6 && (ends_with(w, "ian") || ends_with(w, "ean") || ends_with(w, "ese") || ends_with(w, "ish"));
}

// Which of a document's `count` tokens a mention covers.
std::vector<bool> covered_tokens(const std::vector<EntityMention>& mentions, std::size_t count) {
  std::vector<bool> covered(count, false);
  for (const EntityMention& m : mentions)
    for (std::uint32_t i = m.first_token; i < m.first_token + m.token_count && i < count; ++i) covered[i] = true;
  return covered;
}

// One sense per document. A name tagged with several types takes the type
// it has most often (on a tie, the type of its first mention); a one-word
// mention that is the surname of a person named in full ("Zelensky" after
// "Volodymyr Zelensky") is that person; and capitalized proper-noun
// occurrences of a name the tagger found confidently elsewhere in the
// document ("Google" in "Google 's IPO" and later "if Google can survive"),
// or of a person's surname, that it missed here are added with that name's
// type. Linear in the mentions and tokens (hash maps keyed by
// the mention's words; a sentence position tries names of up to kMaxPhrase words).
void harmonize(std::vector<EntityMention>& mentions, const Segmentation& seg, const Morphology& morph) {
  const auto text_of = [&](std::uint32_t first, std::uint32_t count) {
    std::string key;
    for (std::uint32_t i = first; i < first + count; ++i) key += (i > first ? " " : "") + seg.tokens[i].norm;
    return key;
  };
  std::unordered_map<std::string, std::array<int, 6>> votes;
  std::unordered_map<std::string, EntityType> first_type;  // a tie goes to the name's first mention
  std::unordered_set<std::string> person_names;
  for (const EntityMention& m : mentions) {
    if (m.type == EntityType::NORP) continue;
    ++votes[text_of(m.first_token, m.token_count)][static_cast<int>(m.type)];
    first_type.emplace(text_of(m.first_token, m.token_count), m.type);
    if (m.type == EntityType::PERSON && m.token_count >= 2) {
      person_names.insert(text_of(m.first_token, m.token_count));
      person_names.insert(seg.tokens[m.first_token + m.token_count - 1].norm);
      // In a two-word name either word may be the family name ("Wang Yi" is
      // "Wang" later on).
      if (m.token_count == 2) person_names.insert(seg.tokens[m.first_token].norm);
    }
  }
  // "Carvenian" in the text makes "Carvenia" a place.
  std::unordered_set<std::string> norp_words;
  for (const EntityMention& m : mentions)
    if (m.type == EntityType::NORP && m.token_count == 1) norp_words.insert(seg.tokens[m.first_token].norm);
  // The document's names and their types, after the votes.
  std::unordered_map<std::string, EntityType> names;
  for (EntityMention& m : mentions) {
    if (m.type == EntityType::NORP) continue;
    const std::string key = text_of(m.first_token, m.token_count);
    if (m.token_count == 1 && (norp_words.count(key + "n") > 0 || norp_words.count(key + "an") > 0)) {
      m.type = EntityType::GPE;
    } else if (m.token_count == 1 && person_names.count(key) > 0) {
      m.type = EntityType::PERSON;
    } else {
      const auto& v = votes[key];
      int best = static_cast<int>(first_type[key]);
      for (int t = 0; t < static_cast<int>(v.size()); ++t)
        if (v[t] > v[best]) best = t;
      if (v[best] > v[static_cast<int>(m.type)]) m.type = static_cast<EntityType>(best);
    }
    if (capitalized(seg.tokens[m.first_token].norm) && m.confidence >= kSpreadConfidence) names.emplace(key, m.type);
  }
  for (const std::string& name : person_names) names.emplace(name, EntityType::PERSON);
  if (names.empty()) return;
  const std::vector<bool> covered = covered_tokens(mentions, seg.tokens.size());
  std::vector<EntityMention> added;
  for (std::uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    const std::uint32_t end = sentence.first_token + sentence.token_count;
    for (std::uint32_t i = sentence.first_token; i < end; ++i) {
      // A person's name the tagger took for a common noun is still the name
      // as the subject of a verb ("Wang said", "that Wang had urged").
      const bool noun_subject = morph.tokens[i].upos == Upos::NOUN && i + 1 < end &&
                                (morph.tokens[i + 1].upos == Upos::VERB || morph.tokens[i + 1].upos == Upos::AUX);
      if (covered[i] || !capitalized(seg.tokens[i].norm) || (morph.tokens[i].upos != Upos::PROPN && !noun_subject)) continue;
      // The longest known name starting here over words no mention covers.
      std::uint32_t count = 0;
      EntityType type = EntityType::PERSON;
      std::string key;
      for (std::uint32_t n = 1; n <= detail::kMaxPhrase && i + n <= end && !covered[i + n - 1]; ++n) {
        key += (n > 1 ? " " : "") + seg.tokens[i + n - 1].norm;
        if (const auto it = names.find(key); it != names.end()) count = n, type = it->second;
      }
      // Only a whole run of proper nouns ("Apple" in "Apple TV" or "the Apple
      // Corps" names something else; "Mart" in "Wal - Mart" is a piece), and
      // not a modifier of a common noun ("the Apple website").
      const auto name_word = [&](std::uint32_t k) {
        return !covered[k] && capitalized(seg.tokens[k].norm) && morph.tokens[k].upos == Upos::PROPN;
      };
      if (count == 0 || (noun_subject && (count != 1 || type != EntityType::PERSON)) ||
          (i > sentence.first_token && (name_word(i - 1) || seg.tokens[i - 1].norm == "-")) ||
          (i + count < end && (name_word(i + count) || morph.tokens[i + count].upos == Upos::NOUN)))
        continue;
      EntityMention m;
      m.first_token = i, m.token_count = count, m.sentence = s;
      m.span = {seg.tokens[i].span.begin, seg.tokens[i + count - 1].span.end};
      m.type = type;
      m.confidence = 0.5;
      added.push_back(m);
      i += count - 1;
    }
  }
  if (added.empty()) return;
  mentions.insert(mentions.end(), added.begin(), added.end());
  std::sort(mentions.begin(), mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.first_token < b.first_token; });
}

// "the Commission" after "the European Commission", "the Department" after
// "the Justice Department": an organisation named by words ending in an
// organisation word is that word alone after "the", where the tagger
// missed it. Only a word that ends one organisation's name (two
// commissions named, "the Commission" could be either) and only after
// "the" ("Commission officials" is no mention).
void add_organisation_heads(std::vector<EntityMention>& mentions, const Segmentation& seg, const Morphology& morph,
                            const std::function<bool(std::string_view)>& is_org_word) {
  std::unordered_map<std::string_view, int> heads;  // last word -> organisations ending in it
  std::unordered_set<std::string> names_seen;
  for (const EntityMention& m : mentions) {
    if (m.type != EntityType::ORGANIZATION || m.token_count < 2) continue;
    const std::string_view last = seg.tokens[m.first_token + m.token_count - 1].norm;
    if (!capitalized(last) || !is_org_word(last)) continue;
    std::string name;
    for (std::uint32_t i = m.first_token; i < m.first_token + m.token_count; ++i) name += seg.tokens[i].norm, name += ' ';
    if (names_seen.insert(name).second) ++heads[last];
  }
  if (heads.empty()) return;
  const std::vector<bool> covered = covered_tokens(mentions, seg.tokens.size());
  std::vector<EntityMention> added;
  for (std::uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    const std::uint32_t end = sentence.first_token + sentence.token_count;
    for (std::uint32_t i = sentence.first_token + 1; i < end; ++i) {
      const auto it = heads.find(seg.tokens[i].norm);
      if (it == heads.end() || it->second != 1 || covered[i]) continue;
      const std::string_view before = seg.tokens[i - 1].norm;
      if (before != "the" && before != "The") continue;
      if (i + 1 < end && (morph.tokens[i + 1].upos == Upos::PROPN || morph.tokens[i + 1].upos == Upos::NOUN)) continue;
      EntityMention m;
      m.first_token = i, m.token_count = 1, m.sentence = s;
      m.span = seg.tokens[i].span;
      m.type = EntityType::ORGANIZATION;
      m.confidence = 0.5;
      added.push_back(m);
    }
  }
  if (added.empty()) return;
  mentions.insert(mentions.end(), added.begin(), added.end());
  std::sort(mentions.begin(), mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.first_token < b.first_token; });
}

// A capitalized word opening a sentence (a headline's "Earthquake kills
// more than 2,000") is the common noun the document writes in lowercase
// elsewhere ("A powerful earthquake"), unless it is also capitalized inside
// a sentence: a one-word mention of it there is dropped (not an initial:
// "D" and "d").
void drop_capitalized_common_words(std::vector<EntityMention>& mentions, const Segmentation& seg,
                                   const Morphology& morph) {
  std::unordered_set<std::string> lowercase_nouns, capitalized_inside;
  for (const Sentence& sentence : seg.sentences)
    for (std::uint32_t i = sentence.first_token; i < sentence.first_token + sentence.token_count; ++i) {
      const std::string_view w = seg.tokens[i].norm;
      if (w.empty()) continue;
      if (w[0] >= 'a' && w[0] <= 'z' && morph.tokens[i].upos == Upos::NOUN) lowercase_nouns.insert(detail::gazetteer_lower(w));
      else if (capitalized(w) && i > sentence.first_token) capitalized_inside.insert(detail::gazetteer_lower(w));
    }
  if (lowercase_nouns.empty()) return;
  std::erase_if(mentions, [&](const EntityMention& m) {
    if (m.token_count != 1 || m.first_token != seg.sentences[m.sentence].first_token) return false;
    const std::string lower = detail::gazetteer_lower(seg.tokens[m.first_token].norm);
    return lower.size() >= 3 && lowercase_nouns.contains(lower) && !capitalized_inside.contains(lower);
  });
}

// "Chipmaker Nordex agrees to buy rival Halvik": a common noun describing a
// company, capitalized before its name, is no part of the name
// (resources/actor/descriptors.txt, and any word ending in "maker").
void drop_descriptors(std::vector<EntityMention>& mentions, const Segmentation& seg,
                      const std::unordered_set<std::string>& descriptors) {
  for (EntityMention& m : mentions) {
    if (m.token_count < 2) continue;
    const std::string first = detail::gazetteer_lower(seg.tokens[m.first_token].norm);
    if (!descriptors.contains(first) && !(first.size() > 6 && first.ends_with("maker"))) continue;
    ++m.first_token;
    --m.token_count;
    m.span.begin = seg.tokens[m.first_token].span.begin;
  }
}

// A name inside a date or time the time stage found is no entity: "in
// Brussels in March" (the tagger's place "March"), "on Tuesday".
void drop_dates(std::vector<EntityMention>& mentions, const TimeExpressions& times) {
  std::erase_if(mentions, [&](const EntityMention& m) {
    const auto it = std::upper_bound(times.timexes.begin(), times.timexes.end(), m.span.begin,
                                     [](std::uint32_t at, const Timex& t) { return at < t.span.begin; });
    if (it == times.timexes.begin()) return false;
    const Timex& t = *std::prev(it);
    return (t.type == TimexType::date || t.type == TimexType::time) && t.span.begin <= m.span.begin &&
           m.span.end <= t.span.end;
  });
}

}  // namespace

const Entities& EntityRecognizer::tag(Document& doc) const {
  const Segmentation& seg = doc.get<Segmentation>();
  const Morphology& morph = doc.get<Morphology>();
  if (morph.tokens.size() != seg.tokens.size()) throw std::logic_error("actor: Morphology is not parallel to Segmentation");
  const Dependencies* deps = doc.has<Dependencies>() ? &doc.get<Dependencies>() : nullptr;
  if (deps != nullptr && deps->head.size() != seg.tokens.size()) deps = nullptr;
  Entities layer;
  std::vector<std::string_view> words;
  std::vector<Arc> arcs;
  std::vector<float> margins;
  using namespace detail;
  for (std::uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    if (sentence.token_count == 0) continue;
    words.clear();
    for (const Token& t : seg.tokens_of(sentence)) words.push_back(t.norm);
    const std::span<const std::string_view> ws(words);
    const std::span<const TokenMorph> tags_of =
        std::span<const TokenMorph>(morph.tokens).subspan(sentence.first_token, sentence.token_count);
    arcs.clear();
    if (deps != nullptr)
      for (std::uint32_t i = sentence.first_token; i < sentence.first_token + sentence.token_count; ++i) {
        const int h = deps->head[i];
        arcs.push_back({h < 0 ? -1 : h - static_cast<int>(sentence.first_token), deps->deprel[i]});
      }
    const SentenceInfo info = model_->describe(ws, tags_of, arcs);
    margins.assign(words.size(), 0.0f);
    const std::vector<int> tags = Model::decode(info, model_->perceptron, &margins);

    std::vector<RawSpan> spans;
    for (std::uint32_t i = 0; i < tags.size(); ++i) {
      if (tags[i] == 0) continue;
      if (tags[i] % 2 == 0 && !spans.empty() && spans.back().first + spans.back().count == i) {
        ++spans.back().count;
        spans.back().margin = std::min(spans.back().margin, margins[i]);
        continue;
      }
      spans.push_back({i, 1, static_cast<EntityType>((tags[i] - 1) / 2), margins[i]});
    }
    // In a sentence with ordinary casing, a span without any capital or
    // digit is a common word ("a frank talk"); all-lowercase web text keeps
    // its lowercase names.
    if (info.casing != 0)
      std::erase_if(spans, [&](const RawSpan& sp) {
        for (std::uint32_t k = sp.first; k < sp.first + sp.count; ++k)
          if (capitalized(ws[k]) || (!ws[k].empty() && ws[k][0] >= '0' && ws[k][0] <= '9')) return false;
        return true;
      });
    // A possessive ends a name: "Zelensky 's Tomahawk request" is "Zelensky"
    // (a name that ends in one, "McDonald 's", keeps it).
    for (RawSpan& sp : spans)
      for (std::uint32_t k = sp.first + 1; k + 1 < sp.first + sp.count; ++k)
        if (is_possessive(ws[k])) {
          sp.count = k - sp.first;
          break;
        }
    // A name followed by a comma and a legal form ("CCNG , Inc.") is one
    // company name with them, also when the tagger took the suffix for a
    // name of its own.
    for (std::size_t j = 0; j < spans.size(); ++j) {
      RawSpan& sp = spans[j];
      const std::uint32_t end = sp.first + sp.count;
      if (end + 1 >= ws.size() || ws[end] != "," || !(model_->rule_mask(ws.subspan(end + 1, 1)) & (1u << kGazOrgSuffix)))
        continue;
      const bool next_is_suffix = j + 1 < spans.size() && spans[j + 1].first == end + 1;
      if (next_is_suffix && spans[j + 1].count != 1) continue;
      sp.count += 2;
      sp.type = EntityType::ORGANIZATION;
      if (next_is_suffix) spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(j + 1));
    }
    // "Microsoft Chief Executive Satya Nadella": a name that runs into a
    // title ending at or after its end, before a capitalized word, ends
    // before the title, and what is left of a "person" is the person's
    // organisation (unless it is itself a title, demonym or place: "U.S.").
    for (RawSpan& sp : spans) {
      const std::uint32_t end = sp.first + sp.count;
      for (std::uint32_t k = sp.first + 1; k < end; ++k) {
        const std::uint32_t n = k + 2 <= ws.size() && (model_->rule_mask(ws.subspan(k, 2)) & (1u << kGazTitle)) ? 2
                                : (model_->rule_mask(ws.subspan(k, 1)) & (1u << kGazTitle))                 ? 1
                                                                                                            : 0;
        if (n == 0 || k + n < end) continue;
        if (k + n >= ws.size() || !capitalized(ws[k + n])) break;
        constexpr std::uint32_t kNotAnEmployer = (1u << kGazTitle) | (1u << kGazDemonym) | (1u << kGazCountry) |
                                                 (1u << kGazCity) | (1u << kGazSubdivision) | (1u << kGazRegion);
        const auto left = ws.subspan(sp.first, k - sp.first);
        if (static_cast<int>(sp.type) == 0) {  // coarse PER
          if ((model_->rule_mask(left) & kNotAnEmployer) || (left.size() == 1 && looks_like_demonym(left[0], model_->rule_mask(left))))
            break;
          sp.type = static_cast<EntityType>(1);  // coarse ORG
        }
        sp.count = k - sp.first;
        break;
      }
    }
    // Coarse type -> public type; a person's leading titles and demonyms are
    // not part of the name.
    std::vector<RawSpan> refined;
    for (RawSpan sp : spans) {
      int coarse = static_cast<int>(sp.type);
      // The longest prefix made only of titles, demonyms and countries,
      // ending in a title ("Carvenian President Lidia Marek", "Prime
      // Minister Anders Holm", "U.S. District Judge Lewis A. Kaplan"), and
      // the demonyms and countries in it.
      std::uint32_t cut = 0;
      std::vector<std::pair<std::uint32_t, std::uint32_t>> demonyms;  // (first, count) within the span
      std::vector<std::uint32_t> countries;                             // ("U.S. District Judge ...")
      for (std::uint32_t k = 0; k + 1 < sp.count; ++k) {
        const std::uint32_t one = model_->rule_mask(ws.subspan(sp.first + k, 1));
        const std::uint32_t two = k + 2 < sp.count ? model_->rule_mask(ws.subspan(sp.first + k, 2)) : 0;
        if (two & (1u << kGazTitle)) cut = k + 2, ++k;
        else if (one & (1u << kGazTitle)) cut = k + 1;
        else if (looks_like_demonym(ws[sp.first + k], one)) demonyms.emplace_back(k, 1);
        else if (one & (1u << kGazCountry)) countries.push_back(k);
        else if (two & (1u << kGazDemonym)) demonyms.emplace_back(k, 2), ++k;  // "South Korean President ..."
        else break;
      }
      // ...but a name ending in an organisation word has no person in it,
      // and is no place unless listed as one: "the Justice Department", "the
      // U.S. Justice Department" (not "the Soviet Union").
      if (model_->rule_mask(ws.subspan(sp.first + sp.count - 1, 1)) & (1u << kGazOrgWord)) {
        constexpr std::uint32_t kListedPlace =
            (1u << kGazCountry) | (1u << kGazCity) | (1u << kGazSubdivision) | (1u << kGazRegion);
        cut = 0;
        if (coarse == 0 || (coarse == 2 && !(model_->rule_mask(ws.subspan(sp.first, sp.count)) & kListedPlace)))
          coarse = 1;
      }
      // Such a prefix before capitalized words names a person, whatever
      // type the model gave the span ("South African President Cyril
      // Ramaphosa", taken for a place by its first words).
      if (coarse != 0 && cut > 0 && cut < sp.count &&
          std::all_of(ws.begin() + sp.first + cut, ws.begin() + sp.first + sp.count,
                      [](std::string_view w) { return capitalized(w); }))
        coarse = 0;
      if (coarse == 0) {
        // The prefix is cut off; its demonyms become NORP mentions.
        for (const auto& [k, count] : demonyms)
          if (k + count <= cut) refined.push_back({sp.first + k, count, EntityType::NORP, sp.margin});
        for (const std::uint32_t k : countries)
          if (k < cut) refined.push_back({sp.first + k, 1, EntityType::GPE, sp.margin});
        sp.first += cut, sp.count -= cut;
      }
      sp.type = model_->refine(ws.subspan(sp.first, sp.count), coarse, locative_before(ws, sp.first));
      // "Airbus, which will take over some plants": what "which" describes
      // is no person; a one-word name taken for one is an organisation.
      if (sp.type == EntityType::PERSON && sp.count == 1 && sp.first + 2 < ws.size() && ws[sp.first + 1] == "," &&
          (ws[sp.first + 2] == "which" || ws[sp.first + 2] == "Which"))
        sp.type = EntityType::ORGANIZATION;
      refined.push_back(sp);
    }
    std::sort(refined.begin(), refined.end(), [](const RawSpan& a, const RawSpan& b) { return a.first < b.first; });
    // A person's name goes on over lowercase particles to the capitalized
    // words after them ("Ursula von der Leyen", not "Ursula").
    for (std::size_t j = 0; j < refined.size(); ++j) {
      RawSpan& sp = refined[j];
      if (sp.type != EntityType::PERSON) continue;
      const std::uint32_t limit = j + 1 < refined.size() ? refined[j + 1].first : static_cast<std::uint32_t>(ws.size());
      std::uint32_t end = sp.first + sp.count, k = end;
      while (k < limit && model_->name_particles.count(std::string(ws[k])) != 0) ++k;
      if (k == end || k >= limit || ws[k].empty() || ws[k][0] < 'A' || ws[k][0] > 'Z') continue;
      while (k < limit && !ws[k].empty() && ws[k][0] >= 'A' && ws[k][0] <= 'Z') ++k;
      sp.count = k - sp.first;
    }
    // A one-word person goes on to the one proper noun right after it, a
    // family name the model left out ("Julie Su", short and unknown to it),
    // unless that word is a title, demonym, place, organisation or facility
    // word, month or weekday ("told Julie Monday"), or more capitalized
    // words follow ("Biden White House").
    {
      constexpr std::uint32_t kNoFamilyName = (1u << kGazTitle) | (1u << kGazDemonym) | (1u << kGazCountry) |
                                              (1u << kGazCity) | (1u << kGazSubdivision) | (1u << kGazOrgWord) |
                                              (1u << kGazRegion) | (1u << kGazFacilityWord) | (1u << kGazGeoWord) |
                                              (1u << kGazOrgSuffix);
      static const std::unordered_set<std::string_view> kCalendarWords = {
          "Monday", "Tuesday",  "Wednesday", "Thursday", "Friday",  "Saturday", "Sunday", "January",
          "February", "March", "April",    "May",      "June",     "July",     "August", "September",
          "October", "November", "December"};
      for (std::size_t j = 0; j < refined.size(); ++j) {
        RawSpan& sp = refined[j];
        const std::uint32_t next = sp.first + sp.count;
        const std::uint32_t limit =
            j + 1 < refined.size() ? refined[j + 1].first : static_cast<std::uint32_t>(ws.size());
        if (sp.type != EntityType::PERSON || sp.count != 1 || next >= limit || !capitalized(ws[next]) ||
            tags_of[next].upos != Upos::PROPN || kCalendarWords.contains(ws[next]) ||
            (next + 1 < ws.size() && capitalized(ws[next + 1])) ||
            (model_->rule_mask(ws.subspan(next, 1)) & kNoFamilyName))
          continue;
        sp.count = 2;
      }
    }
    // An organisation's name goes on to the left over proper nouns the
    // model left out ("Spirit AeroSystems", not "AeroSystems"), unless they
    // open the sentence or name a title, a demonym or a place of their own.
    {
      constexpr std::uint32_t kNotPartOfTheName = (1u << kGazTitle) | (1u << kGazDemonym) | (1u << kGazCountry) |
                                                  (1u << kGazCity) | (1u << kGazSubdivision);
      for (std::size_t j = 0; j < refined.size(); ++j) {
        RawSpan& sp = refined[j];
        if (sp.type != EntityType::ORGANIZATION) continue;
        const std::uint32_t limit = j > 0 ? refined[j - 1].first + refined[j - 1].count : 0;
        std::uint32_t first = sp.first;
        while (first > limit + 1 && capitalized(ws[first - 1]) && tags_of[first - 1].upos == Upos::PROPN &&
               !(model_->rule_mask(ws.subspan(first - 1, 1)) & kNotPartOfTheName))
          --first;
        sp.count += sp.first - first;
        sp.first = first;
      }
    }
    const std::vector<std::uint64_t> keys = Gazetteer::word_keys(ws);
    // Outlets the model missed or split become one organisation.
    for (const auto& match : capitalized_matches(model_->rules, ws, keys, kGazOutlet)) {
      // Copies, not structured bindings: clang 14 cannot capture those in lambdas.
      const auto first = match.first, count = match.second;
      const auto covers = [&](const RawSpan& r) { return r.first < first + count && first < r.first + r.count; };
      const bool exact = std::any_of(refined.begin(), refined.end(), [&](const RawSpan& r) {
        return r.first == first && r.count == count;
      });
      // A lone all-lowercase or sentence-initial short word is too weak a clue.
      if (exact || (count == 1 && words[first].size() < 3)) continue;
      std::erase_if(refined, covers);
      refined.push_back({first, count, EntityType::ORGANIZATION, 0.0f});
    }
    // So do named facilities ("the White House").
    for (const auto& match : capitalized_matches(model_->rules, ws, keys, kGazFacility)) {
      // Copies, not structured bindings: clang 14 cannot capture those in lambdas.
      const auto first = match.first, count = match.second;
      const auto covers = [&](const RawSpan& r) { return r.first < first + count && first < r.first + r.count; };
      if (std::any_of(refined.begin(), refined.end(), [&](const RawSpan& r) { return r.first == first && r.count == count; }))
        continue;
      std::erase_if(refined, covers);
      refined.push_back({first, count, locative_before(ws, first) ? EntityType::FACILITY : EntityType::ORGANIZATION, 0.0f});
    }
    // A run of proper nouns ending in a legal form ("Boeing Co.", "Toyota
    // Motor Corp.") is one company, whatever the model made of its words.
    {
      for (std::uint32_t i = 1; i < ws.size(); ++i) {
        if (!capitalized(ws[i]) || !(model_->rule_mask(ws.subspan(i, 1)) & (1u << kGazOrgSuffix))) continue;
        std::uint32_t first = i;
        while (first > 0 && i - first < kMaxPhrase && capitalized(ws[first - 1]) && tags_of[first - 1].upos == Upos::PROPN &&
               !(model_->rule_mask(ws.subspan(first - 1, 1)) & (1u << kGazOrgSuffix)))
          --first;
        if (first == i) continue;
        const std::uint32_t count = i + 1 - first;
        const auto covers = [&](const RawSpan& r) { return r.first < first + count && first < r.first + r.count; };
        if (std::any_of(refined.begin(), refined.end(), [&](const RawSpan& r) {
              return r.first == first && r.count == count && r.type == EntityType::ORGANIZATION;
            }))
          continue;
        std::erase_if(refined, covers);
        refined.push_back({first, count, EntityType::ORGANIZATION, 0.0f});
      }
    }
    // In a sentence with ordinary casing, capitalized words ending in an
    // organisation word ("the European Commission", "the Justice
    // Department", "the Federal Trade Commission") are one organisation
    // when the model left them out or cut them; a name it made reach
    // further ("Commission President Ursula von der Leyen") stays.
    if (info.casing == 1) {
      const auto name_part = [&](std::uint32_t k) {
        const Upos u = tags_of[k].upos;
        return capitalized(ws[k]) && (u == Upos::PROPN || u == Upos::ADJ || u == Upos::NOUN);
      };
      for (std::uint32_t i = 1; i < ws.size(); ++i) {
        if (!name_part(i) || !(model_->rule_mask(ws.subspan(i, 1)) & (1u << kGazOrgWord))) continue;
        const auto extend = [&](std::uint32_t from) {
          while (from > 0 && i - from < kMaxPhrase && name_part(from - 1) &&
                 !(model_->rule_mask(ws.subspan(from - 1, 1)) & ((1u << kGazOrgWord) | (1u << kGazTitle))))
            --from;
          return from;
        };
        std::uint32_t first = extend(i);
        // "the Competition and Markets Authority", "the Securities and
        // Exchange Commission": over one "and" when "the" or a possessive
        // opens the whole name.
        if (first > 2 && first < i && ws[first - 1] == "and" && name_part(first - 2))
          if (const std::uint32_t whole = extend(first - 1);
              whole < first - 1 && whole > 0 &&
              (ws[whole - 1] == "the" || ws[whole - 1] == "The" || is_possessive(ws[whole - 1])))
            first = whole;
        if (first == i) continue;
        const std::uint32_t count = i + 1 - first;
        const auto covers = [&](const RawSpan& r) { return r.first < first + count && first < r.first + r.count; };
        // (a span the model found whole keeps its type: "the Soviet Union" is a place)
        const bool reaches_out = std::any_of(refined.begin(), refined.end(), [&](const RawSpan& r) {
          return covers(r) && (r.first < first || r.first + r.count > first + count ||
                               (r.first == first && r.count == count));
        });
        constexpr std::uint32_t kListedPlace =
            (1u << kGazCountry) | (1u << kGazCity) | (1u << kGazSubdivision) | (1u << kGazRegion);
        if (reaches_out || (model_->rule_mask(ws.subspan(first, count)) & kListedPlace)) continue;
        std::erase_if(refined, covers);
        refined.push_back({first, count, EntityType::ORGANIZATION, 0.0f});
      }
    }
    // A lowercase country, subdivision or city the tagger left out
    // ("moved to malaysia", "in san francisco") is a GPE when the POS tagger
    // takes its last word for a proper noun (so "us", "china" the dishes and
    // "turkey" the bird are not).
    {
      constexpr std::uint32_t kPlace = (1u << kGazCountry) | (1u << kGazSubdivision) | (1u << kGazCity);
      std::vector<bool> taken(ws.size(), false);
      for (const RawSpan& r : refined)
        for (std::uint32_t k = r.first; k < r.first + r.count; ++k) taken[k] = true;
      for (std::uint32_t i = 0; i < ws.size(); ++i) {
        if (taken[i] || ws[i].size() < 4 || !(ws[i][0] >= 'a' && ws[i][0] <= 'z')) continue;
        std::uint32_t found = 0;
        for (std::uint32_t n = 1; n <= kMaxPhrase && i + n <= ws.size() && !taken[i + n - 1]; ++n)
          if (tags_of[i + n - 1].upos == Upos::PROPN &&
              (model_->gazetteer.lookup_keys(std::span(keys).subspan(i, n)) & kPlace))
            found = n;
        if (found == 0) continue;
        refined.push_back({i, found, EntityType::GPE, 0.0f});
        i += found - 1;
      }
    }
    // A run of capitalized proper nouns right after a person's title that no
    // mention covers is that person ("Chinese Foreign Minister Wang Yi"):
    // the title says what the tagger, with too few such names, did not.
    {
      std::vector<bool> taken(ws.size(), false);
      for (const RawSpan& r : refined)
        for (std::uint32_t k = r.first; k < r.first + r.count; ++k) taken[k] = true;
      auto is_title = [&](std::uint32_t i, std::uint32_t n) {
        return i + n <= ws.size() && (model_->rules.lookup_keys(std::span(keys).subspan(i, n)) & (1u << kGazTitle));
      };
      auto capital = [&](std::uint32_t i) { return !ws[i].empty() && ws[i][0] >= 'A' && ws[i][0] <= 'Z'; };
      auto name_word = [&](std::uint32_t i) {
        return !taken[i] && tags_of[i].upos == Upos::PROPN && capital(i) && !is_title(i, 1);
      };
      for (std::uint32_t i = 0; i + 1 < ws.size(); ++i) {
        if (!capital(i)) continue;
        const std::uint32_t title = is_title(i, 2) ? 2 : is_title(i, 1) ? 1 : 0;
        if (title == 0) continue;
        const std::uint32_t first = i + title;
        std::uint32_t count = 0;
        while (first + count < ws.size() && count < 4 && name_word(first + count)) ++count;
        if (count == 0 || count == 4) continue;
        refined.push_back({first, count, EntityType::PERSON, 0.0f});
        for (std::uint32_t k = first; k < first + count; ++k) taken[k] = true;
        i = first + count - 1;
      }
    }
    // A Chinese or Korean name, family name first ("Wang Yi", "Lee
    // Jae-myung"; actor/name_order.hpp), is one person, however the tagger
    // cut it ("Wang" a person and "Yi" an organisation) or missed its
    // family name (sentence-initial "Wang" tagged as a common noun): when
    // a given name after it is a proper noun or in a name, and no name
    // reaches outside the run.
    {
      auto capital = [&](std::uint32_t i) { return !ws[i].empty() && ws[i][0] >= 'A' && ws[i][0] <= 'Z'; };
      auto in_name = [&](std::uint32_t i) {
        return std::any_of(refined.begin(), refined.end(), [&](const RawSpan& r) { return r.first <= i && i < r.first + r.count; });
      };
      for (std::uint32_t i = 0; i + 1 < ws.size(); ++i) {
        if (!capital(i) || !(tags_of[i].upos == Upos::PROPN || tags_of[i].upos == Upos::NOUN)) continue;
        std::uint32_t end = i + 1;
        while (end < ws.size() && end < i + 3 && capital(end) && tags_of[end].upos != Upos::PUNCT) ++end;
        while (end > i + 1 && !model_->name_order.family_name_first(ws.subspan(i, end - i))) --end;
        if (end == i + 1) continue;
        bool named = false;
        for (std::uint32_t k = i + 1; k < end; ++k) named |= tags_of[k].upos == Upos::PROPN || in_name(k);
        const auto overlaps = [&](const RawSpan& r) { return r.first < end && i < r.first + r.count; };
        // Titles and demonyms before the name may be in its span ("South
        // Korean President Lee Jae-myung" tagged as one place): they are
        // no part of the name, and the demonyms become NORP below.
        const auto only_titles_and_demonyms = [&](std::uint32_t from, std::uint32_t to) {
          for (std::uint32_t k = from; k < to; ++k) {
            const std::uint32_t one = model_->rule_mask(ws.subspan(k, 1));
            const std::uint32_t two = k + 1 < to ? model_->rule_mask(ws.subspan(k, 2)) : 0;
            if ((two & ((1u << kGazTitle) | (1u << kGazDemonym))) != 0) ++k;
            else if ((one & (1u << kGazTitle)) == 0 && !looks_like_demonym(ws[k], one)) return false;
          }
          return true;
        };
        const bool inside = std::all_of(refined.begin(), refined.end(), [&](const RawSpan& r) {
          return !overlaps(r) ||
                 ((i <= r.first || only_titles_and_demonyms(r.first, i)) && r.first + r.count <= end);
        });
        if (!named || !inside) continue;
        if (std::any_of(refined.begin(), refined.end(), [&](const RawSpan& r) { return r.first == i && r.count == end - i; }))
          continue;
        float margin = 0.0f;
        for (const RawSpan& r : refined)
          if (overlaps(r)) margin = std::max(margin, r.margin);
        std::erase_if(refined, overlaps);
        refined.push_back({i, end - i, EntityType::PERSON, margin});
        i = end - 1;
      }
    }
    // Capitalized demonyms outside every name are NORP, and so is a word
    // shaped like one before a title ("Carvenian President").
    auto norp = capitalized_matches(model_->rules, ws, keys, kGazDemonym);
    for (std::uint32_t i = 0; i + 1 < ws.size(); ++i)
      if ((model_->rules.lookup_keys(std::span(keys).subspan(i + 1, 1)) & (1u << kGazTitle)) &&
          looks_like_demonym(ws[i], model_->rules.lookup_keys(std::span(keys).subspan(i, 1))))
        norp.emplace_back(i, 1);
    for (const auto& match : norp) {
      // Copies, not structured bindings: clang 14 cannot capture those in lambdas.
      const auto first = match.first, count = match.second;
      const bool covered = std::any_of(refined.begin(), refined.end(), [&](const RawSpan& r) {
        return r.first < first + count && first < r.first + r.count;
      });
      if (!covered) refined.push_back({first, count, EntityType::NORP, 0.0f});
    }
    std::sort(refined.begin(), refined.end(), [](const RawSpan& a, const RawSpan& b) { return a.first < b.first; });
    for (const RawSpan& r : refined) {
      EntityMention m;
      m.first_token = sentence.first_token + r.first;
      m.token_count = r.count;
      m.sentence = s;
      m.span = {seg.tokens[m.first_token].span.begin, seg.tokens[m.first_token + r.count - 1].span.end};
      m.type = r.type;
      // Rule-made mentions (margin 0) get 0.5; model spans their weakest token's margin.
      m.confidence = 1.0 / (1.0 + std::exp(-static_cast<double>(r.margin) / kMarginScale));
      if (!(m.confidence > 0.0)) m.confidence = 1e-6;
      layer.mentions.push_back(m);
    }
  }
  drop_capitalized_common_words(layer.mentions, seg, morph);
  drop_descriptors(layer.mentions, seg, model_->descriptors);
  harmonize(layer.mentions, seg, morph);
  add_organisation_heads(layer.mentions, seg, morph, [&](std::string_view w) {
    const std::string_view one[1] = {w};
    return (model_->rule_mask(one) & (1u << detail::kGazOrgWord)) != 0;
  });
  if (doc.has<TimeExpressions>()) drop_dates(layer.mentions, doc.get<TimeExpressions>());
  return doc.add(std::move(layer));
}

// ---- training ---------------------------------------------------------------

EntityRecognizer EntityRecognizer::train(const std::vector<NerTrainingSentence>& sentences, const PosTagger& pos,
                                         const DependencyParser* parser, const NerTrainingOptions& options,
                                         const std::filesystem::path& resources_dir) {
  auto model = std::make_unique<Model>();
  model->gazetteer = detail::Gazetteer::build(resources_dir);
  model->read_rules(resources_dir);
  if (options.log != nullptr)
    *options.log << fmt::format("gazetteer: {} phrases ({} from resources/actor)\n", model->gazetteer.size(),
                                model->rules.size());

  std::vector<SentenceInfo> infos;
  std::vector<std::vector<int>> gold;
  std::size_t tokens = 0;
  for (const NerTrainingSentence& s : sentences) {
    if (s.words.empty() || s.words.size() != s.tags.size()) continue;
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    const std::vector<TokenMorph> morph = pos.tag_words(words);
    const std::vector<Arc> arcs = parser != nullptr ? parser->parse_words(words, morph) : std::vector<Arc>{};
    infos.push_back(model->describe(words, morph, arcs));
    std::vector<int> truth;
    int prev = 0;
    for (const std::string& t : s.tags) {
      int c = 0;
      for (std::size_t k = 0; k < kTags.size(); ++k)
        if (kTags[k] == t) c = static_cast<int>(k);
      if (!allowed_after(prev, c)) c -= 1;  // a stray I-X starts the entity
      truth.push_back(c);
      prev = c;
    }
    gold.push_back(std::move(truth));
    tokens += s.words.size();
  }

  // options.models perceptrons, each over its own shuffles of the sentences,
  // merged into their mean: the greedy tagger's early choices depend less
  // on one sentence order.
  std::vector<AveragedPerceptron> trained;
  std::uint64_t state = options.seed;
  for (int m = 0; m < std::max(options.models, 1); ++m) {
    AveragedPerceptron perceptron(std::vector<std::string>(kTags.begin(), kTags.end()));
    std::vector<std::size_t> order(infos.size());
    std::iota(order.begin(), order.end(), 0);
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix64(state) % i]);
      std::size_t right = 0;
      for (const std::size_t k : order) {
        const std::vector<int> tags = Model::decode(infos[k], perceptron, nullptr, &perceptron, &gold[k]);
        for (std::size_t i = 0; i < tags.size(); ++i) right += tags[i] == gold[k][i];
      }
      if (options.log != nullptr)
        *options.log << fmt::format("model {} epoch {}: training token accuracy {:.2f}% over {} sentences\n", m + 1,
                                    epoch, 100.0 * static_cast<double>(right) / std::max<std::size_t>(tokens, 1),
                                    infos.size());
    }
    perceptron.average();
    trained.push_back(std::move(perceptron));
  }
  model->perceptron = trained.size() == 1 ? std::move(trained[0]) : AveragedPerceptron::mean(trained);
  return EntityRecognizer(std::move(model));
}

void EntityRecognizer::save(const std::filesystem::path& model_file) const {
  std::ofstream out(model_file, std::ios::binary);
  if (!out) throw std::runtime_error(fmt::format("cannot write {}", model_file.string()));
  out.write(kMagic, sizeof kMagic);
  detail::write_pod(out, kFormatVersion);
  model_->gazetteer.save(out);
  model_->perceptron.save(out);
  if (!out) throw std::runtime_error(fmt::format("error writing {}", model_file.string()));
}

bool EntityRecognizer::available() {
  std::error_code ec;
  return std::filesystem::is_regular_file(data_dir() / "models" / "ner-en.bin", ec);
}

EntityRecognizer EntityRecognizer::load() {
  return load(data_file("models/ner-en.bin"), data_file("resources/actor"));
}

EntityRecognizer EntityRecognizer::load(const std::filesystem::path& model_file,
                                        const std::filesystem::path& resources_dir) {
  std::ifstream in(model_file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot open entity model {}", model_file.string()));
  auto model = std::make_unique<Model>();
  try {
    char magic[4] = {};
    in.read(magic, sizeof magic);
    if (!in || !std::equal(magic, magic + 4, kMagic)) throw std::runtime_error("not a tempora entity model");
    const auto version = detail::read_pod<std::uint32_t>(in, "entity model");
    if (version != kFormatVersion)
      throw std::runtime_error(fmt::format("entity model format {} (expected {})", version, kFormatVersion));
    model->gazetteer = detail::Gazetteer::load(in);
    model->perceptron = AveragedPerceptron::load(in);
    if (model->perceptron.class_count() != kTags.size() || model->perceptron.class_names()[0] != kTags[0])
      throw std::runtime_error("corrupt entity model (classes)");
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", model_file.string(), e.what()));
  }
  model->read_rules(resources_dir);
  return EntityRecognizer(std::move(model));
}

}  // namespace tempora

// The POS tagger: greedy left-to-right tagging with an averaged perceptron.
//
// How it works. Each token gets one joint class "XPOS/UPOS" (e.g. "NNP/PROPN",
// "IN/SCONJ"), so the two tag sets never disagree. The classifier sees the
// word and its neighbours (two on each side), their suffixes and prefixes, a
// character shape ("Xxxx", "d/d/d"), the two tags it already chose on the
// left, and each neighbour's *ambiguity class*: the set of tags that word took
// in training (unknown words get their shape instead). Knowing that the next
// word is "NN or VB" is most of what a bidirectional model would add, at the
// cost of one hash lookup. Two more clues help with web and news casing:
// which parts of speech WordNet lists for the word (word_lexicon.hpp), and
// how the whole sentence is cased (headline, shouting, all lowercase).
// (A second, right-to-left-informed pass was tried and gained under 0.1.)
//
// Frequent words that are practically unambiguous ("the", ",", "of") are
// tagged from a dictionary without scoring (Honnibal's trick), which is both
// faster and at least as accurate. Training is deterministic: the sentence
// order of each epoch comes from a seeded SplitMix64 shuffle.
//
// Where the best part of speech only narrowly beat another, the tagger names
// that runner-up (TokenMorph::runner_up): the parser, which suffers most
// from tagging errors, learns how far to trust such tags.
#include "tempora/pos.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <limits>
#include <map>
#include <numeric>
#include <ostream>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "binary_io.hpp"
#include "lemmatizer.hpp"
#include "word_lexicon.hpp"
#include "tempora/data.hpp"
#include "tempora/perceptron.hpp"

namespace tempora {
namespace {

constexpr char kMagic[4] = {'T', 'P', 'O', 'S'};
constexpr std::uint32_t kFormatVersion = 2;
// A runner-up tag is reported (TokenMorph::runner_up) when its score is
// this close to the chosen one's. On EWT dev that is a quarter of the words
// (dictionary words never are), 18% of them mistagged: they hold 88% of the
// tagging errors, and in 72% of those the runner-up is the right tag. For
// the parser 50 did better than 25 or 100 (models/parser-en-ewt.md).
constexpr float kDoubtMargin = 50.0f;

enum Template : std::uint32_t {
  kBias, kLower, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2, kPrefix3, kShape, kForm,
  kFirstShape, kPrev1, kPrev2, kPrev12, kPrev1Lower, kLowerM1, kSuffix3M1, kLowerM2, kLowerP1, kSuffix3P1,
  kLowerP2, kAmbig0, kAmbigP1, kAmbigP2, kAmbigM1, kLowerM1Lower, kLowerLowerP1, kPrev1Ambig0, kAmbigP1Lower,
  kAmbig0AmbigP1, kHyphenLast, kUnknownAmbig, kFormAmbig, kShapeM1, kShapeP1, kLowerM1P1, kPrev1AmbigP1, kLexicon, kLexiconShape, kSentenceCase, kSentenceCaseAmbig,
};

// Everything about one word that does not depend on the tags being chosen.
struct WordInfo {
  std::uint64_t lower = 0, form = 0, shape = 0, ambig = 0, form_ambig = 0, hyphen_last = 0;
  std::uint8_t lexicon = 0;  // WordLexicon bits
  std::uint8_t sentence_case = 0;  // how the whole sentence is cased: lower, mixed, title, upper
  bool known = false;
  std::array<std::uint64_t, 4> suffix{};
  std::array<std::uint64_t, 3> prefix{};
  int dict_class = -1;
};

std::string word_key(std::string_view word) {
  // Lowercased, digits folded to 0 so "1997" and "2025" share statistics.
  std::string key = detail::ascii_lower(word);
  for (char& c : key)
    if (c >= '0' && c <= '9') c = '0';
  return key;
}

std::uint64_t shape_hash(std::string_view word) {
  char buffer[32];
  std::size_t n = 0;
  char last = 0;
  for (const char c : word) {
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (static_cast<unsigned char>(c) >= 0x80) s = 'u';
    else s = c;
    if (s == last) continue;  // collapse runs: "Xxxxx" -> "Xx"
    last = s;
    if (n < sizeof buffer) buffer[n++] = s;
  }
  return FeatureHasher::bytes(std::string_view(buffer, n), 0x5A17);
}

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

struct PosTagger::Model {
  AveragedPerceptron perceptron;
  std::vector<Upos> class_upos;
  std::vector<std::string> class_xpos;
  // What training saw of a word (by word_key hash, or case-sensitive form
  // hash mixed with kFormAmbig): its ambiguity class and WordLexicon bits,
  // kept here so that frequent words need no lexicon look-up at run time.
  // Frequent, practically unambiguous words also carry their class
  // (`dict_class`), which the tagger takes without scoring.
  struct KnownWord {
    std::uint64_t ambiguity = 0;
    std::uint8_t lexicon = 0;
    std::int16_t dict_class = -1;
  };
  std::unordered_map<std::uint64_t, KnownWord> known_words;
  std::int16_t proper_noun_class = -1;  // NNP/PROPN, which the document rules of tag(Document&) give
  detail::Lemmatizer lemmatizer;
  detail::WordLexicon lexicon;

  void set_classes(const std::vector<std::string>& names) {
    class_upos.clear();
    class_xpos.clear();
    proper_noun_class = -1;
    for (const std::string& name : names) {
      const std::size_t slash = name.rfind('/');
      if (name == "NNP/PROPN") proper_noun_class = static_cast<std::int16_t>(class_xpos.size());
      class_xpos.push_back(name.substr(0, slash));
      class_upos.push_back(parse_upos(name.substr(slash + 1)).value_or(Upos::X));
    }
  }

  std::vector<WordInfo> describe(std::span<const std::string_view> words) const {
    std::vector<WordInfo> infos(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      const std::string_view word = words[i];
      const std::string key = word_key(word);
      WordInfo& info = infos[i];
      info.lower = FeatureHasher::bytes(key);
      info.form = FeatureHasher::bytes(word);
      info.shape = shape_hash(word);
      for (std::size_t k = 1; k <= 4; ++k)
        info.suffix[k - 1] = key.size() >= k ? FeatureHasher::bytes(std::string_view(key).substr(key.size() - k)) : 0;
      for (std::size_t k = 1; k <= 3; ++k)
        info.prefix[k - 1] = key.size() >= k ? FeatureHasher::bytes(std::string_view(key).substr(0, k)) : 0;
      // News keeps hyphenated words whole ("closed-door"); their last part
      // says most about their tag.
      if (const std::size_t hyphen = key.rfind('-'); hyphen != std::string::npos && hyphen + 1 < key.size())
        info.hyphen_last = FeatureHasher::bytes(std::string_view(key).substr(hyphen + 1));
      if (const auto it = known_words.find(info.lower); it != known_words.end()) {
        info.ambig = it->second.ambiguity;
        info.lexicon = it->second.lexicon;
        info.known = true;
        info.dict_class = it->second.dict_class;
      } else {
        info.ambig = FeatureHasher::feature(kUnknownAmbig, info.shape);
        info.lexicon = lexicon.classes(key);
      }
      // The case-sensitive form's own tags tell "Fair" (NNP) from "fair" (JJ).
      if (const auto it = known_words.find(FeatureHasher::mix(info.form, kFormAmbig)); it != known_words.end())
        info.form_ambig = it->second.ambiguity;
    }
    // Web and news text is not always cased like prose (headlines, shouting,
    // all-lowercase posts), and capitals are the best clue to proper nouns.
    std::size_t letters = 0, capitalized = 0, upper = 0;
    for (const std::string_view word : words) {
      if (word.empty() || !std::isalpha(static_cast<unsigned char>(word.front()))) continue;
      ++letters;
      capitalized += std::isupper(static_cast<unsigned char>(word.front())) != 0;
      upper += std::all_of(word.begin(), word.end(), [](char c) { return !std::islower(static_cast<unsigned char>(c)); });
    }
    std::uint8_t sentence_case = 1;
    if (letters >= 3) {
      if (upper * 10 >= letters * 8) sentence_case = 3;
      else if (capitalized * 10 >= letters * 7) sentence_case = 2;
      else if (capitalized == 0) sentence_case = 0;
    }
    for (WordInfo& info : infos) info.sentence_case = sentence_case;
    return infos;
  }

  // Inside a sentence of ordinary prose, a word of capitalized parts joined
  // by hyphens ("Bankman-Fried", "Ocasio-Cortez", "Rolls-Royce") is a name:
  // a prefix would be lower case there ("pro-Russian", "mid-October"). The
  // treebank splits hyphenated words, so the perceptron never learned them
  // and judged "Bankman-Fried" by "-ied" (a past tense). Applied to text
  // tempora segmented (tag(Document&)), not to words tokenized as the
  // treebank tokenizes (tag_words, training).
  void tag_hyphenated_names(std::span<const std::string_view> words, std::vector<WordInfo>& infos) const {
    if (proper_noun_class < 0 || infos.empty() || infos.front().sentence_case != 1) return;
    for (std::size_t i = 1; i < words.size(); ++i)
      if (infos[i].dict_class < 0 && is_hyphenated_name(words[i])) infos[i].dict_class = proper_noun_class;
  }

  static bool is_hyphenated_name(std::string_view word) {
    if (word.find('-') == std::string_view::npos) return false;
    std::size_t parts = 0;
    for (std::size_t begin = 0; begin <= word.size(); ++parts) {
      const std::size_t end = std::min(word.find('-', begin), word.size());
      const std::string_view part = word.substr(begin, end - begin);
      if (part.size() < 2 || !std::isupper(static_cast<unsigned char>(part.front())) ||
          !std::all_of(part.begin() + 1, part.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '\''; }) ||
          std::none_of(part.begin(), part.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
        return false;
      begin = end + 1;
    }
    return parts >= 2;
  }

  // Features of position i given the two classes already chosen to its left.
  static void features(const std::vector<WordInfo>& infos, std::size_t i, int prev1, int prev2,
                       std::vector<std::uint64_t>& out) {
    static const WordInfo kStart = [] {
      WordInfo w;
      w.lower = w.form = w.shape = w.ambig = FeatureHasher::bytes("<s>");
      return w;
    }();
    static const WordInfo kEnd = [] {
      WordInfo w;
      w.lower = w.form = w.shape = w.ambig = FeatureHasher::bytes("</s>");
      return w;
    }();
    const auto at = [&](std::ptrdiff_t j) -> const WordInfo& {
      if (j < 0) return kStart;
      if (j >= static_cast<std::ptrdiff_t>(infos.size())) return kEnd;
      return infos[static_cast<std::size_t>(j)];
    };
    const auto p = static_cast<std::ptrdiff_t>(i);
    const WordInfo& w = infos[i];
    const WordInfo& m1 = at(p - 1);
    const WordInfo& m2 = at(p - 2);
    const WordInfo& p1 = at(p + 1);
    const WordInfo& p2 = at(p + 2);
    using H = FeatureHasher;
    out.clear();
    out.push_back(H::feature(kBias, 0));
    out.push_back(H::feature(kLower, w.lower));
    out.push_back(H::feature(kForm, w.form));
    out.push_back(H::feature(kShape, w.shape));
    out.push_back(H::feature(kFirstShape, i == 0, w.shape));
    static constexpr Template kSuffixes[] = {kSuffix1, kSuffix2, kSuffix3, kSuffix4};
    for (std::size_t k = 0; k < 4; ++k)
      if (w.suffix[k] != 0) out.push_back(H::feature(kSuffixes[k], w.suffix[k]));
    static constexpr Template kPrefixes[] = {kPrefix1, kPrefix2, kPrefix3};
    for (std::size_t k = 0; k < 3; ++k)
      if (w.prefix[k] != 0) out.push_back(H::feature(kPrefixes[k], w.prefix[k]));
    if (w.hyphen_last != 0) out.push_back(H::feature(kHyphenLast, w.hyphen_last));
    const auto prev1_id = static_cast<std::uint64_t>(prev1 + 2);
    const auto prev2_id = static_cast<std::uint64_t>(prev2 + 2);
    out.push_back(H::feature(kPrev1, prev1_id));
    out.push_back(H::feature(kPrev2, prev2_id));
    out.push_back(H::feature(kPrev12, prev1_id, prev2_id));
    out.push_back(H::feature(kPrev1Lower, prev1_id, w.lower));
    out.push_back(H::feature(kPrev1Ambig0, prev1_id, w.ambig));
    out.push_back(H::feature(kLowerM1, m1.lower));
    out.push_back(H::feature(kSuffix3M1, m1.suffix[2]));
    out.push_back(H::feature(kLowerM2, m2.lower));
    out.push_back(H::feature(kLowerP1, p1.lower));
    out.push_back(H::feature(kSuffix3P1, p1.suffix[2]));
    out.push_back(H::feature(kLowerP2, p2.lower));
    out.push_back(H::feature(kAmbig0, w.ambig));
    out.push_back(H::feature(kAmbigP1, p1.ambig));
    out.push_back(H::feature(kAmbigP2, p2.ambig));
    out.push_back(H::feature(kAmbigM1, m1.ambig));
    out.push_back(H::feature(kLowerM1Lower, m1.lower, w.lower));
    out.push_back(H::feature(kLowerLowerP1, w.lower, p1.lower));
    out.push_back(H::feature(kAmbigP1Lower, p1.ambig, w.lower));
    out.push_back(H::feature(kAmbig0AmbigP1, w.ambig, p1.ambig));
    out.push_back(H::feature(kFormAmbig, w.form_ambig));
    out.push_back(H::feature(kShapeM1, m1.shape, w.shape));
    out.push_back(H::feature(kShapeP1, w.shape, p1.shape));
    out.push_back(H::feature(kLowerM1P1, m1.lower, p1.lower));
    out.push_back(H::feature(kPrev1AmbigP1, prev1_id, p1.ambig));
    out.push_back(H::feature(kLexicon, w.lexicon, w.known));
    out.push_back(H::feature(kLexiconShape, w.lexicon, FeatureHasher::mix(w.shape, i == 0)));
    out.push_back(H::feature(kSentenceCase, w.sentence_case, w.shape));
    out.push_back(H::feature(kSentenceCaseAmbig, w.sentence_case, w.ambig));
  }

  // The best class and, for the parser, the best class of another UPOS
  // with its score margin (-1 and infinity when every class has the UPOS).
  struct Choice {
    int best = 0;
    int runner_up = -1;
    float margin = std::numeric_limits<float>::infinity();
  };

  Choice choose(std::span<const float> scores) const {
    Choice c;
    for (std::size_t k = 1; k < scores.size(); ++k)  // ties go to the lowest class, as in predict()
      if (scores[k] > scores[static_cast<std::size_t>(c.best)]) c.best = static_cast<int>(k);
    const Upos chosen = class_upos[static_cast<std::size_t>(c.best)];
    for (std::size_t k = 0; k < scores.size(); ++k)
      if (class_upos[k] != chosen && (c.runner_up < 0 || scores[k] > scores[static_cast<std::size_t>(c.runner_up)]))
        c.runner_up = static_cast<int>(k);
    if (c.runner_up >= 0) c.margin = scores[static_cast<std::size_t>(c.best)] - scores[static_cast<std::size_t>(c.runner_up)];
    return c;
  }

  // Tags one sentence with `scorer`; in training, `learner` (== scorer)
  // receives a perceptron update towards `truth` at each token. `choices`,
  // when given, receives each token's Choice (dictionary words: no runner-up).
  std::vector<int> classify(const std::vector<WordInfo>& infos, const AveragedPerceptron& scorer,
                            AveragedPerceptron* learner = nullptr, const std::vector<int>* truth = nullptr,
                            std::vector<Choice>* choices = nullptr) const {
    std::vector<int> classes(infos.size());
    std::vector<std::uint64_t> feats;
    feats.reserve(64);
    std::vector<float> scores(choices != nullptr ? scorer.class_count() : 0);
    if (choices != nullptr) choices->assign(infos.size(), Choice{});
    int prev1 = -1, prev2 = -2;
    for (std::size_t i = 0; i < infos.size(); ++i) {
      int guess = infos[i].dict_class;
      if (guess < 0) {
        features(infos, i, prev1, prev2, feats);
        if (choices != nullptr) {
          scorer.score(feats, scores);
          (*choices)[i] = choose(scores);
          guess = (*choices)[i].best;
        } else {
          guess = scorer.predict(feats);
        }
        if (learner != nullptr && (*truth)[i] >= 0) learner->update((*truth)[i], guess, feats);
      } else if (choices != nullptr) {
        (*choices)[i].best = guess;
      }
      classes[i] = guess;
      prev2 = prev1;
      prev1 = guess;
    }
    return classes;
  }

  // What tag(Document&) knows beyond the words of one sentence.
  struct NameRules {
    bool hyphenated_names = false;    // text tempora segmented (tag_hyphenated_names)
    bool first_word_is_name = false;  // the document calls the first word a name elsewhere
    bool noun_phrase_heads = false;   // text tempora segmented (the rules of noun_phrase_heads())
    bool past_main_verb = false;      // text tempora segmented (past_main_verb())
  };

  std::vector<int> tag(std::span<const std::string_view> words, std::vector<Choice>& choices, NameRules rules) const {
    std::vector<WordInfo> infos = describe(words);
    if (rules.hyphenated_names) tag_hyphenated_names(words, infos);
    if (rules.first_word_is_name && proper_noun_class >= 0 && !infos.empty()) infos.front().dict_class = proper_noun_class;
    return classify(infos, perceptron, nullptr, nullptr, &choices);
  }

  std::vector<TokenMorph> tag_morph(std::span<const std::string_view> words, NameRules rules) const {
    std::vector<Choice> choices;
    const std::vector<int> classes = tag(words, choices, rules);
    std::vector<TokenMorph> out(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      const auto c = static_cast<std::size_t>(classes[i]);
      out[i].upos = class_upos[c];
      out[i].xpos = class_xpos[c];
      if (choices[i].margin < kDoubtMargin) out[i].runner_up = class_upos[static_cast<std::size_t>(choices[i].runner_up)];
      out[i].lemma = lemmatizer.lemma(words[i], out[i].xpos);
    }
    if (rules.noun_phrase_heads) noun_phrase_heads(words, out);
    if (rules.past_main_verb) {
      past_main_verb(words, out);
      verbless_main_verb(words, out);
      clause_subordinators(words, out);
    }
    return out;
  }

  // A sentence's main verb read as a past participle: in
  //
  //     The department and a group of states sued Google in January 2023.
  //     Boeing and the union representing 33,000 striking machinists resumed
  //     contract talks on Monday, two weeks after negotiations broke down.
  //
  // the perceptron, seeing a noun phrase that may still be running ("the
  // union representing ... machinists"), calls "sued" and "resumed" VBN, and
  // the parser then hangs them on the noun before them as reduced relatives
  // ("states sued by ..."). A participle is a past tense (VBD) when it is
  // the first verb form of a prose sentence (a full stop at its end) with no
  // finite verb or auxiliary before it, comes right after a noun and right
  // before what can only be its object (a determiner, number, possessive or
  // noun), has the same form as its past tense ("sued", "met", not "taken"),
  // and no finite verb follows it in the same stretch of clause (up to a
  // comma, colon, conjunction, subordinator or wh-word): "The report
  // released Tuesday said ..." keeps its participle.
  void past_main_verb(std::span<const std::string_view> words, std::vector<TokenMorph>& tags) const {
    const std::size_t n = tags.size();
    if (n < 4 || words.back() != ".") return;
    const auto finite = [&](std::size_t i) {
      const std::string_view x = tags[i].xpos;
      return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" || tags[i].upos == Upos::AUX;
    };
    // a sentence opening with a preposition or adverb ("Under an accord
    // signed yesterday, ...") has its subject after the phrase's comma
    const bool fronted = tags[0].upos == Upos::ADP || tags[0].upos == Upos::SCONJ || tags[0].upos == Upos::ADV;
    bool comma = false;
    for (std::size_t i = 1; i + 1 < n; ++i) {
      if (finite(i)) return;
      comma = comma || tags[i].xpos == ",";
      if (tags[i].xpos != "VBN") continue;
      if (fronted && !comma) return;
      const std::string_view before = tags[i - 1].xpos, after = tags[i + 1].xpos;
      const bool noun_before = before == "NN" || before == "NNS" || before == "NNP" || before == "NNPS";
      const bool object_after = after == "DT" || after == "CD" || after == "PRP$" || after == "NN" || after == "NNS" ||
                                after == "NNP" || after == "NNPS";
      if (!noun_before || !object_after || detail::distinct_participle(words[i])) return;
      for (std::size_t k = i + 1; k < n; ++k) {
        const std::string_view x = tags[k].xpos;
        if (x == "," || x == ":" || x == "CC" || x == "WDT" || x == "WP" || x == "WRB" ||
            (x == "IN" && tags[k].upos == Upos::SCONJ))
          break;
        if (finite(k)) return;
      }
      tags[i].xpos = "VBD";
      tags[i].runner_up.reset();
      return;
    }
  }

  // A prose sentence with no finite verb at all still has one: in
  //
  //     The decision touched off protests in the Cuban-American community.
  //     Yeltsin and Kuchma also called for developing the relations ...
  //     Alarcon, former Cuban ambassador to the United Nations, dismissed ...
  //
  // the perceptron calls each verb a participle (VBN), and the parser then
  // finds no clause. The main verb is the first participle shaped like its
  // past tense (not "taken") that a noun or pronoun comes right before
  // (adverbs between: "also called"), or the comma closing a phrase about
  // the subject ("Alarcon, former ..., dismissed"); not one "by" follows
  // (a passive: "accusations lobbed by both sides"). A later candidate
  // right after such a comma wins over an earlier one the comma closes ("A
  // law named for him and Sen. Helms, R-N.C., strengthened the embargo").
  // The earlier candidate must then have no object of its own ("Provigo
  // posted net income of C$6.5 million, ..., compared with ..." keeps
  // "posted"), and after an opening prepositional phrase the subject comes
  // after its comma ("For the six months ended Aug. 12, Provigo posted").
  // A participle ending the clause ("each share held,") or hyphenated
  // ("in-built") is none.
  //
  // A base form outside an infinitive is the verb instead ("Steel plates
  // recovered at the park appear to match ...": no participle changes),
  // and a present tense after a plural subject ("The East African nations
  // share a long border"). Nothing changes when a noun follows a subject
  // pronoun ("it also features ...": the noun is the verb).
  void verbless_main_verb(std::span<const std::string_view> words, std::vector<TokenMorph>& tags) const {
    const std::size_t n = tags.size();
    if (n < 4 || words.back() != ".") return;
    const auto nominal = [&](std::size_t k) {
      const std::string_view x = tags[k].xpos;
      return x == "NN" || x == "NNS" || x == "NNP" || x == "NNPS" || x == "PRP";
    };
    std::size_t base = n;  // the first base form outside an infinitive
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view x = tags[i].xpos;
      if (x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" || tags[i].upos == Upos::AUX) return;
      if (x == "VB" && !(i > 0 && tags[i - 1].xpos == "TO") && base == n) base = i;
      if (x == "PRP" && i + 1 < n) {
        std::size_t k = i + 1;
        while (k + 1 < n && tags[k].xpos.starts_with("RB")) ++k;
        if (tags[k].xpos == "NN" || tags[k].xpos == "NNS") return;
      }
    }
    if (base < n) {
      // That base form is a present tense after a plural subject: "The
      // East African nations share a long border", "They also share ...",
      // "He and Palestinian leader Yasser Arafat meet Monday".
      std::size_t k = base - (base > 0 ? 1 : 0);
      while (k > 0 && tags[k].xpos.starts_with("RB")) --k;
      const std::string_view x = tags[k].xpos;
      const std::string w = word_key(words[k]);
      const bool plural = x == "NNS" || x == "NNPS" || (x == "PRP" && (w == "they" || w == "we" || w == "i" || w == "you"));
      const bool pair = (x == "NNP" || x == "NN") && std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k),
                                                                  [](std::string_view v) { return v == "and"; });
      if (base > 0 && (plural || pair)) {
        tags[base].xpos = "VBP";
        tags[base].runner_up.reset();
      }
      return;
    }
    const bool fronted = tags[0].upos == Upos::ADP || tags[0].upos == Upos::SCONJ;
    bool comma = false;
    std::size_t chosen = n;
    for (std::size_t i = 1; i + 1 < n; ++i) {
      comma = comma || tags[i].xpos == ",";
      if (fronted && !comma) continue;
      if (tags[i].xpos != "VBN" || detail::distinct_participle(words[i]) || word_key(words[i + 1]) == "by" ||
          tags[i + 1].upos == Upos::PUNCT || words[i].find('-') != std::string_view::npos)
        continue;
      std::size_t k = i - 1;
      while (k > 0 && tags[k].xpos.starts_with("RB")) --k;
      // (the word before the comma may end in an abbreviation's full stop: "D-Calif.,")
      const std::size_t before_comma = k > 1 && tags[k - 1].xpos == "." ? k - 2 : k - 1;
      const bool after_comma =
          tags[k].xpos == "," && k > 0 && (nominal(before_comma) || tags[before_comma].xpos == "CD");
      if (!nominal(k) && !after_comma) continue;
      const bool earlier_without_object =
          chosen < n && (tags[chosen + 1].xpos == "IN" || tags[chosen + 1].xpos.starts_with("RB"));
      if (chosen == n || (after_comma && earlier_without_object)) chosen = i;
    }
    if (chosen == n) return;
    tags[chosen].xpos = "VBD";
    tags[chosen].runner_up.reset();
  }

  // A temporal preposition that opens a clause is a subordinator (UD SCONJ):
  // "two weeks after negotiations broke down", "since the war began". The
  // perceptron reads "after" as a preposition when a noun follows, and the
  // parser then makes the clause's verb the sentence's. After the word, a
  // short noun phrase (a determiner or possessive, numbers, adjectives,
  // then common nouns, or proper nouns alone) and a finite verb; before it,
  // a finite verb of the main clause ("Visitors since the bombings have
  // noted" keeps its preposition: the verb after it is the sentence's).
  static bool clause_preposition(std::string_view word) {
    const std::string w = word_key(word);
    return w == "after" || w == "before" || w == "since" || w == "until" || w == "till";
  }
  void clause_subordinators(std::span<const std::string_view> words, std::vector<TokenMorph>& tags) const {
    const std::size_t n = tags.size();
    bool main_verb = false;
    for (std::size_t i = 0; i + 2 < n; ++i) {
      const std::string_view xpos = tags[i].xpos;
      main_verb = main_verb || xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" || xpos == "MD";
      if (!main_verb || tags[i].upos != Upos::ADP || !clause_preposition(words[i])) continue;
      // (bounded runs: a sentence of numbers after "after" stays linear)
      std::size_t k = i + 1;
      if (k < n && (tags[k].xpos == "DT" || tags[k].xpos == "PRP$")) ++k;
      while (k < n && k - i < 6 && (tags[k].xpos == "CD" || tags[k].xpos == "JJ")) ++k;
      const std::size_t head_first = k;
      const bool proper = k < n && (tags[k].xpos == "NNP" || tags[k].xpos == "NNPS");
      while (k < n && k - head_first < 4 &&
             (proper ? tags[k].xpos == "NNP" || tags[k].xpos == "NNPS" : tags[k].xpos == "NN" || tags[k].xpos == "NNS"))
        ++k;
      if (k == head_first || k >= n) continue;
      const std::string_view x = tags[k].xpos;
      if (x != "VBD" && x != "VBZ" && x != "VBP" && x != "MD") continue;
      tags[i].upos = Upos::SCONJ;
      tags[i].runner_up.reset();
    }
  }

  // An adjective that ends a noun phrase right before its verb or relative
  // pronoun heads it, and is the noun WordNet also knows it as: "Apple
  // executive leaves company", "the Apple executive who led the iPod
  // division". The treebank has "executive" only as an adjective ("Executive
  // Director"), so the perceptron cannot learn the noun news is full of; the
  // phrase's shape settles it. Only after a determiner, a possessive or a
  // noun ("the rich who" also becomes a noun; "made it clear that" stays).
  //
  // Likewise a base-form verb right after an adjective that follows a
  // preposition, determiner or possessive is the noun of that phrase: "has
  // been on medical leave since January" (no verb stands there).
  void noun_phrase_heads(std::span<const std::string_view> words, std::vector<TokenMorph>& tags) const {
    const auto make_noun = [&](std::size_t i) {
      tags[i].upos = Upos::NOUN;
      tags[i].xpos = "NN";
      tags[i].runner_up.reset();
      tags[i].lemma = lemmatizer.lemma(words[i], tags[i].xpos);
    };
    const auto dictionary_noun = [&](std::size_t i) {
      return (lexicon.classes(word_key(words[i])) & detail::WordLexicon::kNoun) != 0;
    };
    for (std::size_t i = 2; i < tags.size(); ++i) {
      const std::string_view opener = tags[i - 2].xpos;
      if (tags[i].xpos == "VB" && tags[i].upos == Upos::VERB && tags[i - 1].xpos == "JJ" &&
          (opener == "IN" || opener == "DT" || opener == "PRP$" || opener == "POS") && dictionary_noun(i))
        make_noun(i);
    }
    // "Acting Labor Secretary Julie Su": "acting" before a proper noun is
    // the title's adjective, not a verb.
    for (std::size_t i = 0; i + 1 < tags.size(); ++i)
      if (tags[i].xpos == "VBG" && word_key(words[i]) == "acting" && tags[i + 1].xpos == "NNP") {
        tags[i].upos = Upos::ADJ;
        tags[i].xpos = "JJ";
        tags[i].runner_up.reset();
        tags[i].lemma = "acting";
      }
    for (std::size_t i = 1; i + 1 < tags.size(); ++i) {
      if (tags[i].xpos != "JJ") continue;
      const std::string_view before = tags[i - 1].xpos, after = tags[i + 1].xpos;
      const bool phrase_before = before == "DT" || before == "PRP$" || before == "POS" || before == "NNP" ||
                                 before == "NNPS" || before == "NN";
      const bool clause_after = after == "VBZ" || after == "VBD" || after == "VBP" || after == "MD" ||
                                after == "WP" || after == "WDT";
      if (phrase_before && clause_after && dictionary_noun(i)) make_noun(i);
    }
    // "met her German counterpart Annalena Baerbock": "her" before an
    // adjective and a noun is their possessive, not the verb's object (the
    // treebank has 14 such "her" as a possessive, and one object, before
    // "several times"); the perceptron, seeing an adjective next, had the
    // object, and the parser then a second object in the noun.
    for (std::size_t i = 0; i + 2 < tags.size(); ++i) {
      if (tags[i].xpos != "PRP" || word_key(words[i]) != "her" || tags[i + 1].xpos != "JJ" ||
          (tags[i + 2].xpos != "NN" && tags[i + 2].xpos != "NNS"))
        continue;
      static const std::unordered_set<std::string> kQuantities = {"several", "many", "few", "more", "most", "much", "less"};
      if (kQuantities.contains(word_key(words[i + 1]))) continue;
      tags[i].xpos = "PRP$";
      tags[i].runner_up.reset();
    }
  }
};

PosTagger::PosTagger(std::unique_ptr<const Model> model) : model_(std::move(model)) {}
PosTagger::PosTagger(PosTagger&&) noexcept = default;
PosTagger& PosTagger::operator=(PosTagger&&) noexcept = default;
PosTagger::~PosTagger() = default;

std::vector<TokenMorph> PosTagger::tag_words(std::span<const std::string_view> words) const {
  return model_->tag_morph(words, {});
}

namespace {

// The tags a document's name overrides at a sentence's start: content words
// ("Tusk" as a verb), not function words (a modal "May", a determiner "This").
bool yields_to_a_name(std::string_view xpos) {
  return xpos.starts_with("VB") || xpos == "NN" || xpos == "NNS" || xpos == "JJ";
}

}  // namespace

// One sense per document for names: a capitalized word the tagger calls a
// proper noun inside the document's sentences is one at a sentence's start
// too, where capitals say nothing ("Donald Tusk hosted ... Tusk spoke with
// Zelensky", whose second "Tusk" the tagger took for a verb). The sentence
// is tagged again with its first word fixed, so the words after it see the
// name.
const Morphology& PosTagger::tag(Document& doc) const {
  const Segmentation& seg = doc.get<Segmentation>();
  Morphology morph;
  morph.tokens.reserve(seg.tokens.size());
  std::vector<std::string_view> words;
  std::unordered_set<std::string_view> names;  // forms tagged NNP after a sentence's first word
  for (const Sentence& sentence : seg.sentences) {
    words.clear();
    for (const Token& token : seg.tokens_of(sentence)) words.push_back(token.norm);
    std::vector<TokenMorph> tags =
        model_->tag_morph(words, {.hyphenated_names = true, .noun_phrase_heads = true, .past_main_verb = true});
    for (std::size_t i = 1; i < tags.size(); ++i)
      if (tags[i].xpos == "NNP") names.insert(words[i]);
    for (TokenMorph& m : tags) morph.tokens.push_back(std::move(m));
  }
  for (const Sentence& sentence : seg.sentences) {
    if (sentence.token_count < 2) continue;
    const std::string_view first = seg.tokens[sentence.first_token].norm;
    TokenMorph& tagged = morph.tokens[sentence.first_token];
    if (!names.contains(first) || !yields_to_a_name(tagged.xpos)) continue;
    words.clear();
    for (const Token& token : seg.tokens_of(sentence)) words.push_back(token.norm);
    std::vector<TokenMorph> tags = model_->tag_morph(
        words,
        {.hyphenated_names = true, .first_word_is_name = true, .noun_phrase_heads = true, .past_main_verb = true});
    for (std::size_t i = 0; i < tags.size(); ++i) morph.tokens[sentence.first_token + i] = std::move(tags[i]);
  }
  return doc.add(std::move(morph));
}

// ---- training ---------------------------------------------------------------

namespace {

struct TrainingSet {
  std::vector<std::vector<WordInfo>> infos;
  std::vector<std::vector<int>> gold;
};

}  // namespace

PosTagger PosTagger::train(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                           const PosTrainingOptions& options) {
  const auto class_name = [](const ConlluWord& w) { return w.xpos + "/" + w.upos; };
  std::map<std::string, int> class_ids;
  std::unordered_map<std::uint64_t, std::map<std::string, int>> word_classes, form_classes;
  for (const auto& sentence : train)
    for (const auto& w : sentence.words) {
      class_ids[class_name(w)] = 0;
      ++word_classes[FeatureHasher::bytes(word_key(w.form))][class_name(w)];
      ++form_classes[FeatureHasher::mix(FeatureHasher::bytes(w.form), kFormAmbig)][class_name(w)];
    }
  std::vector<std::string> names;
  for (auto& [name, id] : class_ids) {
    id = static_cast<int>(names.size());
    names.push_back(name);
  }

  auto model = std::make_unique<Model>();
  model->set_classes(names);
  const auto ambiguity_class = [&](const std::map<std::string, int>& counts, int total) {
    // The ambiguity class: every tag the word takes at least 5% of the time.
    std::vector<int> members;
    for (const auto& [name, n] : counts)
      if (n >= 0.05 * total) members.push_back(class_ids[name]);
    std::sort(members.begin(), members.end());
    std::uint64_t h = 0xA3B1;
    for (const int m : members) h = FeatureHasher::mix(h, static_cast<std::uint64_t>(m));
    return h;
  };
  for (const auto& [form, counts] : form_classes) {
    int total = 0;
    for (const auto& [name, n] : counts) total += n;
    if (total >= 2) model->known_words.emplace(form, Model::KnownWord{ambiguity_class(counts, total), 0, -1});
  }
  for (const auto& [word, counts] : word_classes) {
    int total = 0, top = 0;
    std::string top_name;
    for (const auto& [name, n] : counts) {
      total += n;
      if (n > top) top = n, top_name = name;
    }
    if (total < 2) continue;
    Model::KnownWord& known = model->known_words[word];
    known.ambiguity = ambiguity_class(counts, total);
    if (total >= 20 && top >= 0.995 * total) known.dict_class = static_cast<std::int16_t>(class_ids[top_name]);
  }
  model->lexicon = detail::WordLexicon::from_wordnet(options.wordnet_dir);
  for (const auto& sentence : train)
    for (const auto& w : sentence.words) {
      const std::string key = word_key(w.form);
      if (const auto it = model->known_words.find(FeatureHasher::bytes(key)); it != model->known_words.end())
        it->second.lexicon = model->lexicon.classes(key);
    }

  const auto prepare = [&](const std::vector<ConlluSentence>& sentences) {
    TrainingSet set;
    for (const auto& s : sentences) {
      std::vector<std::string_view> forms;
      std::vector<int> gold;
      for (const auto& w : s.words) {
        forms.push_back(w.form);
        const auto it = class_ids.find(class_name(w));  // dev may hold tags training never saw
        gold.push_back(it == class_ids.end() ? -1 : it->second);
      }
      set.infos.push_back(model->describe(forms));
      set.gold.push_back(std::move(gold));
    }
    return set;
  };
  const TrainingSet train_set = prepare(train);
  const TrainingSet dev_set = prepare(dev);

  const auto train_perceptron = [&](std::vector<std::size_t> order) {
    AveragedPerceptron learner(names);
    std::uint64_t rng = options.seed;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix64(rng) % i]);
      std::size_t right = 0, total = 0;
      for (const std::size_t s : order) {
        const auto got = model->classify(train_set.infos[s], learner, &learner, &train_set.gold[s]);
        for (std::size_t i = 0; i < got.size(); ++i) right += got[i] == train_set.gold[s][i];
        total += got.size();
      }
      if (options.log != nullptr)
        *options.log << fmt::format("epoch {:2d}: train {:.2f}%", epoch,
                                    100.0 * right / std::max<std::size_t>(total, 1))
                     << std::endl;
    }
    learner.average(options.prune_below);
    return learner;
  };
  std::vector<std::size_t> all(train.size());
  std::iota(all.begin(), all.end(), 0);
  model->perceptron = train_perceptron(all);

  model->lemmatizer = detail::Lemmatizer::train(train, options.wordnet_dir, &model->lexicon);

  if (options.log != nullptr) {
    std::size_t right = 0, total = 0;
    for (std::size_t s = 0; s < dev_set.infos.size(); ++s) {
      const auto got = model->classify(dev_set.infos[s], model->perceptron);
      for (std::size_t i = 0; i < got.size(); ++i) right += got[i] == dev_set.gold[s][i];
      total += got.size();
    }
    const auto dictionary_words = std::count_if(model->known_words.begin(), model->known_words.end(),
                                                [](const auto& w) { return w.second.dict_class >= 0; });
    *options.log << fmt::format("model: {} features, {} classes, {} dictionary words; lemmatizer {} rules, {} "
                                "exceptions",
                                model->perceptron.feature_count(), names.size(), dictionary_words,
                                model->lemmatizer.rule_count(),
                                model->lemmatizer.exception_count());
    if (total > 0)
      *options.log << fmt::format("; dev joint tag accuracy {:.2f}%", 100.0 * right / total);
    *options.log << std::endl;
  }
  return PosTagger(std::move(model));
}

// ---- model files ------------------------------------------------------------

void PosTagger::save(const std::filesystem::path& model_file) const {
  std::ofstream out(model_file, std::ios::binary);
  if (!out) throw std::runtime_error(fmt::format("cannot write model file {}", model_file.string()));
  out.write(kMagic, 4);
  detail::write_pod(out, kFormatVersion);
  std::vector<std::pair<std::uint64_t, Model::KnownWord>> known(model_->known_words.begin(), model_->known_words.end());
  std::sort(known.begin(), known.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  detail::write_pod(out, static_cast<std::uint64_t>(known.size()));
  for (const auto& [word, info] : known) {
    detail::write_pod(out, word);
    detail::write_pod(out, info.ambiguity);
    detail::write_pod(out, info.lexicon);
    detail::write_pod(out, info.dict_class);
  }
  model_->lemmatizer.save(out);
  model_->lexicon.save(out);
  model_->perceptron.save(out);
  if (!out) throw std::runtime_error(fmt::format("error writing model file {}", model_file.string()));
}

PosTagger PosTagger::load() { return load(data_file("models/pos-en-ewt.bin")); }

PosTagger PosTagger::load(const std::filesystem::path& model_file) {
  std::ifstream in(model_file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot open POS model {}", model_file.string()));
  try {
    char magic[4];
    if (!in.read(magic, 4) || std::string_view(magic, 4) != std::string_view(kMagic, 4))
      throw std::runtime_error("not a tempora POS model (bad magic)");
    if (const auto v = detail::read_pod<std::uint32_t>(in, "POS model"); v != kFormatVersion)
      throw std::runtime_error(fmt::format("POS model format {} not supported (expected {})", v, kFormatVersion));
    auto model = std::make_unique<Model>();
    const auto n_known = detail::read_pod<std::uint64_t>(in, "POS model");
    if (n_known > (1u << 26)) throw std::runtime_error("corrupt POS model (known words)");
    for (std::uint64_t i = 0; i < n_known; ++i) {
      const auto word = detail::read_pod<std::uint64_t>(in, "POS model");
      Model::KnownWord info;
      info.ambiguity = detail::read_pod<std::uint64_t>(in, "POS model");
      info.lexicon = detail::read_pod<std::uint8_t>(in, "POS model");
      info.dict_class = detail::read_pod<std::int16_t>(in, "POS model");
      model->known_words.emplace(word, info);
    }
    model->lemmatizer = detail::Lemmatizer::load(in);
    model->lexicon = detail::WordLexicon::load(in);
    model->lemmatizer.set_lexicon(&model->lexicon);
    model->perceptron = AveragedPerceptron::load(in);
    model->set_classes(model->perceptron.class_names());
    for (const auto& [word, info] : model->known_words)
      if (info.dict_class >= static_cast<int>(model->class_xpos.size()))
        throw std::runtime_error("corrupt POS model (dictionary class)");
    return PosTagger(std::move(model));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", model_file.string(), e.what()));
  }
}

}  // namespace tempora

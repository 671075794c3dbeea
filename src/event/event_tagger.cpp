// The event-trigger tagger: greedy left-to-right tagging with an averaged
// perceptron, one decision per token.
//
// How it works. TimeML EVENTs are nearly always single tokens (the head of a
// verb group, an event noun, a predicative adjective), so the tagger labels
// each token with "O" (no event) or one of the seven TimeML classes: span and
// class are one joint decision, and a class never disagrees with its span.
// The classifier sees the token, its lemma and POS tag (always *predicted*
// by the project's POS tagger, in training as at run time, so the model
// learns the tagger's real errors), two tokens of context each side, the
// nearest verb on the left (nouns after "held", "began" are events), the
// decision it made for the previous token, and a WordNet event-noun lexicon:
// which of the lexicographer files noun.act (04), noun.communication (10),
// noun.event (11), noun.process (22) and noun.state (26) hold the lemma, and
// whether most of its senses are there ("meeting", "visit", "attack" are;
// "table" is not). The lexicon is read from /usr/share/wordnet/data.noun when
// a model is trained and stored inside the model, so tagging needs no WordNet.
// The class model also reads the dependency parse when the document has
// one (the pipeline parses before this stage; training parses the same way):
// the token's relation and head, its complements and object ("offered to
// help", "approved the merger"), a copula ("is a loss").
//
// After tagging, rules (event_rules.cpp, resources/event/) add the
// MAKEINSTANCE attributes, the timeline type and the newsworthy flag, and drop
// events on boilerplate lines ('Read “Zamin” on Telegram!').
//
// Training is deterministic: sentence order per epoch comes from a seeded
// SplitMix64 shuffle. Time is linear in the number of tokens.
#include "tempora/event.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <ostream>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "event_rules.hpp"
#include "factuality.hpp"
#include "tag/binary_io.hpp"
#include "tempora/actor.hpp"
#include "tempora/data.hpp"
#include "tempora/parse.hpp"
#include "tempora/perceptron.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"
#include "tempora/timex.hpp"

namespace tempora {
namespace {

constexpr char kMagic[4] = {'T', 'E', 'V', 'T'};
constexpr std::uint32_t kFormatVersion = 1;

enum Template : std::uint32_t {
  kBias, kLower, kLemma, kXpos, kLemmaXpos, kSuffix3, kSuffix4, kShape, kLowerM1, kLowerP1, kLowerM2, kLowerP2,
  kLemmaM1, kLemmaP1, kXposM1, kXposP1, kXposM2, kXposP2, kXposM1X0, kX0XposP1, kLowerM1Lemma, kLemmaLowerP1,
  kLexicon, kLexiconXpos, kPrev1, kPrev1Xpos, kPrev2, kVerbLeft, kVerbLeftLemma, kDetLeft, kUposLemma, kFirst,
  kLexiconLemmaKnown, kSuffix2Xpos, kLemmaXposP1, kLemmaLemmaM1, kLemmaComplement, kLexiconLemma, kLowerXpos,
  kComplement, kPrior, kPriorXpos, kPriorLexicon, kNounSense, kVerbSense, kClassList, kClassListXpos, kArgument,
  kLemmaArgument, kDeprel, kDeprelHeadLemma, kDependents, kLemmaDependents, kClause, kLemmaClause, kObject,
  kLemmaObject, kHeadPrior, kDeprelHeadUpos, kClauseLemma, kHeadClassList, kLemmaDeprel,
};

// The dependents a token has in the parse, as bits: "tried to leave" (xcomp,
// to), "said that ..." (ccomp), "approved the merger" (obj), "is a loss" (cop).
enum DependentBit : std::uint8_t {
  kXcompChild = 1, kCcompChild = 2, kObjChild = 4, kCopChild = 8, kPassiveSubjectChild = 16, kMarkToChild = 32,
  kSubjectChild = 64, kAuxChild = 128,
};

// Event-lexicon bits (from WordNet's lexicographer files and verb index).
enum LexBit : std::uint8_t {
  kAct = 1, kCommunication = 2, kEventFile = 4, kProcess = 8, kState = 16, kMostlyEventive = 32, kWordnetVerb = 64,
};

constexpr std::string_view kOutside = "O";
const std::uint64_t kToHash = FeatureHasher::bytes("to");

// Score margins of the averaged perceptron are in units of averaged updates;
// dividing by this scale before the logistic makes the confidence track the
// precision measured in cross-validation (see the model card).
constexpr double kMarginScale = 20.0;

// When tagging, a verb (UPOS VERB) is an event unless "O" beats its best
// class by more than this margin. The perceptron alone finds too few verb
// events (precision 87, recall 84 in cross-validation); TimeML marks nearly
// every main verb, and the temporal order needs them all (a missed verb loses
// every pair it is in). With the bias, 5-fold strict F1 rises from 85.45 to
// 86.15 (P 85.16, R 87.21); such events get a confidence below 0.5.
// Nouns types.txt calls meetings or talks ("talks", "summit") get the same
// bias: who met whom is what timelines are read for, and "said the talks
// were productive" sat at the perceptron's edge (TBAQ marks "talks" 23
// times of 28); 5-fold strict F1 86.25 -> 86.28, class F1 72.63 -> 72.66.
constexpr float kVerbEventBias = 20.0f;

// Word classes TimeML never marks as events. The tagger puts 35,101 of the
// 99,445 TBAQ tokens in these classes, and 3 of the 11,129 gold events among
// them, each a tagging error ("shot" as DET, "wore" as PRON, "won" as NUM):
// when tagging they are "O" without being scored, which saves a third of the
// event tagger's work.
bool never_an_event(Upos upos) {
  switch (upos) {
    case Upos::PUNCT: case Upos::DET: case Upos::PRON: case Upos::NUM: case Upos::PART:
    case Upos::CCONJ: case Upos::SCONJ: case Upos::SYM: case Upos::INTJ: case Upos::X:
      return true;
    default:
      return false;
  }
}

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t shape_hash(std::string_view word) {
  char buffer[16];
  std::size_t n = 0;
  char last = 0;
  for (const char c : word) {
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (static_cast<unsigned char>(c) >= 0x80) s = 'u';
    else s = c;
    if (s == last) continue;
    last = s;
    if (n < sizeof buffer) buffer[n++] = s;
  }
  return FeatureHasher::bytes(std::string_view(buffer, n), 0x5A17);
}

// Reads data.noun and index.verb: lemma -> LexBit mask. Empty when the files are missing.
std::unordered_map<std::uint64_t, std::uint8_t> wordnet_event_lexicon(const std::filesystem::path& dir) {
  struct Counts {
    int eventive = 0, total = 0;
    std::uint8_t bits = 0;
  };
  std::unordered_map<std::string, Counts> counts;
  if (std::ifstream in(dir / "data.noun"); in) {
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header lines start with spaces
      // offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id ...] ...
      std::istringstream fields(line);
      std::string offset, ss_type, w_cnt_hex;
      int lexfile = -1;
      if (!(fields >> offset >> lexfile >> ss_type >> w_cnt_hex)) continue;
      const int w_cnt = static_cast<int>(std::strtol(w_cnt_hex.c_str(), nullptr, 16));
      std::uint8_t bit = 0;
      switch (lexfile) {
        case 4: bit = kAct; break;
        case 10: bit = kCommunication; break;
        case 11: bit = kEventFile; break;
        case 22: bit = kProcess; break;
        case 26: bit = kState; break;
        default: break;
      }
      for (int k = 0; k < w_cnt; ++k) {
        std::string word, lex_id;
        if (!(fields >> word >> lex_id)) break;
        if (word.find('_') != std::string::npos) continue;  // multiword lemmas never match one token
        if (const auto paren = word.find('('); paren != std::string::npos) word.resize(paren);
        Counts& c = counts[detail::event_lower(word)];
        ++c.total;
        c.bits |= bit;
        if (bit != 0 && bit != kCommunication) ++c.eventive;
      }
    }
  }
  std::unordered_map<std::uint64_t, std::uint8_t> lexicon;
  for (const auto& [word, c] : counts) {
    std::uint8_t bits = c.bits;
    if (2 * c.eventive > c.total) bits |= kMostlyEventive;
    if (bits != 0) lexicon[FeatureHasher::bytes(word)] = bits;
  }
  if (std::ifstream in(dir / "index.verb"); in) {
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      const std::string word = line.substr(0, line.find(' '));
      if (word.find('_') == std::string::npos) lexicon[FeatureHasher::bytes(word)] |= kWordnetVerb;
    }
  }
  return lexicon;
}

using LabelCounts = std::array<std::uint32_t, 8>;

// The lemma's label distribution in training, coded in one byte: its most
// frequent label (O or a class) and how dominant that label is, in three
// steps. 0 when the lemma was seen fewer than twice.
std::uint8_t prior_code(const LabelCounts& counts) {
  std::uint32_t total = 0, top = 0;
  int best = 0;
  for (int c = 0; c < 8; ++c) {
    total += counts[c];
    if (counts[c] > top) top = counts[c], best = c;
  }
  if (total < 2) return 0;
  const int purity = 10 * top >= 9 * total ? 3 : 10 * top >= 6 * total ? 2 : 1;
  return static_cast<std::uint8_t>(best * 4 + purity);
}

// The lexicographer file ("supersense") of each lemma's most frequent
// sense, per part of speech: noun.act, verb.communication, verb.cognition,
// ... Coded as (noun file + 1) | (verb file + 1) << 8, 0 when unknown.
std::unordered_map<std::uint64_t, std::uint16_t> wordnet_supersenses(const std::filesystem::path& dir) {
  std::unordered_map<std::uint64_t, std::uint16_t> out;
  for (const auto& [pos, shift] : {std::pair<std::string, int>{"noun", 0}, {"verb", 8}}) {
    std::unordered_map<std::string, int> file_of;  // synset offset -> lexicographer file
    if (std::ifstream in(dir / ("data." + pos)); in) {
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty() || line[0] == ' ') continue;
        std::istringstream fields(line);
        std::string offset;
        int lexfile = -1;
        if (fields >> offset >> lexfile) file_of.emplace(offset, lexfile);
      }
    }
    if (std::ifstream in(dir / ("index." + pos)); in) {
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty() || line[0] == ' ') continue;
        // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
        std::istringstream fields(line);
        std::string lemma, p;
        int synsets = 0, pointers = 0;
        if (!(fields >> lemma >> p >> synsets >> pointers)) continue;
        std::string skip;
        for (int k = 0; k < pointers + 2 && fields >> skip; ++k) {
        }
        std::string first;
        if (!(fields >> first) || lemma.find('_') != std::string::npos) continue;
        if (const auto it = file_of.find(first); it != file_of.end() && it->second >= 0 && it->second < 255)
          out[FeatureHasher::bytes(lemma)] |= static_cast<std::uint16_t>((it->second + 1) << shift);
      }
    }
  }
  return out;
}

// resources/event/classes.txt: lemma -> bit mask over EventClass.
std::unordered_map<std::uint64_t, std::uint8_t> class_lists(const std::filesystem::path& file) {
  std::unordered_map<std::uint64_t, std::uint8_t> out;
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", file.string()));
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t colon = line.find(':');
    if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
    const auto cls = parse_event_class(line.substr(0, colon));
    if (!cls) throw std::runtime_error(fmt::format("{}: unknown class in '{}'", file.string(), line));
    std::istringstream words(line.substr(colon + 1));
    for (std::string w; words >> w;) out[FeatureHasher::bytes(w)] |= static_cast<std::uint8_t>(1u << static_cast<int>(*cls));
  }
  return out;
}

// Everything about one token that the features need, hashed once.
struct TokenInfo {
  std::uint64_t lower = 0, lemma = 0, xpos = 0, upos = 0, shape = 0, suffix2 = 0, suffix3 = 0, suffix4 = 0;
  std::uint64_t complement = 0;  // "that", "to", "whether", "if": the head of a clause the event may take
  std::uint8_t lexicon = 0;
  std::uint8_t prior = 0;  // what training saw of the lemma: see prior_code()
  std::uint16_t supersense = 0;
  std::uint8_t class_list = 0;
  bool verb = false, det = false;
  bool gathering = false;  // a noun types.txt calls a meeting or talks (EventRules::names_gathering)
  bool closed = false;  // never_an_event(upos)
  // From the dependency parse; 0 / -1 when the document has none.
  std::uint64_t deprel = 0;     // the token's own relation (0 for closed word classes: never scored)
  std::int32_t head = -1;       // sentence index of the head
  std::int32_t clause = -1;     // the first xcomp or ccomp dependent
  std::int32_t object = -1;     // the first obj dependent
  std::uint8_t dependents = 0;  // DependentBit mask
};

// What kind of word an argument is: 1 a verb, 2 an eventive noun ("the
// merger"), 3 another noun, 4 an adjective, 5 anything else (features use
// 0 for no argument).
std::uint64_t argument_kind(const TokenInfo& t) {
  if (t.upos == static_cast<std::uint64_t>(Upos::VERB) + 1) return 1;
  if (t.upos == static_cast<std::uint64_t>(Upos::NOUN) + 1)
    return (t.lexicon & kMostlyEventive) != 0 || (t.prior >= 4 && t.prior / 4 != 0) ? 2 : 3;
  if (t.upos == static_cast<std::uint64_t>(Upos::ADJ) + 1) return 4;
  return 5;
}

}  // namespace

struct EventTagger::Model {
  AveragedPerceptron perceptron;        // "O" or a TimeML class: the span decision
  AveragedPerceptron class_perceptron;  // the TimeML class of an event token
  std::unordered_map<std::uint64_t, std::uint8_t> lexicon;  // lemma hash -> LexBit mask
  std::unordered_map<std::uint64_t, std::uint8_t> priors;   // lemma hash -> prior_code
  std::unordered_map<std::uint64_t, std::uint16_t> supersenses;  // lemma hash -> wordnet_supersenses code
  std::unordered_map<std::uint64_t, std::uint8_t> class_list;    // lemma hash -> classes.txt bits
  detail::EventRules rules;
  detail::FactualityRules factuality;

  // `deps` (may be null) is the document's parse; `first` the sentence's first document token.
  std::vector<TokenInfo> describe(std::span<const Token> tokens, std::span<const TokenMorph> morph,
                                  const Dependencies* deps, std::size_t first) const {
    std::vector<TokenInfo> infos(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      TokenInfo& t = infos[i];
      const std::string lower = detail::event_lower(tokens[i].norm);
      const std::string lemma = detail::event_lower(morph[i].lemma);
      t.lower = FeatureHasher::bytes(lower);
      t.lemma = FeatureHasher::bytes(lemma);
      t.xpos = FeatureHasher::bytes(morph[i].xpos);
      t.upos = static_cast<std::uint64_t>(morph[i].upos) + 1;
      t.shape = shape_hash(tokens[i].norm);
      const auto suffix = [&](std::size_t k) {
        return lower.size() >= k ? FeatureHasher::bytes(std::string_view(lower).substr(lower.size() - k)) : 0;
      };
      t.suffix2 = suffix(2), t.suffix3 = suffix(3), t.suffix4 = suffix(4);
      if (const auto it = lexicon.find(t.lemma); it != lexicon.end()) t.lexicon = it->second;
      if (const auto it = priors.find(t.lemma); it != priors.end()) t.prior = it->second;
      if (const auto it = supersenses.find(t.lemma); it != supersenses.end()) t.supersense = it->second;
      if (const auto it = class_list.find(t.lemma); it != class_list.end()) t.class_list = it->second;
      t.verb = morph[i].upos == Upos::VERB;
      t.gathering = morph[i].upos == Upos::NOUN && rules.names_gathering(lemma);
      t.det = morph[i].upos == Upos::DET;
      t.closed = never_an_event(morph[i].upos);
      if (lower == "that" || lower == "to" || lower == "whether" || lower == "if" || lower == "for") t.complement = t.lower;
    }
    if (deps != nullptr && deps->head.size() >= first + tokens.size()) describe_parse(infos, *deps, first);
    return infos;
  }

  static void describe_parse(std::vector<TokenInfo>& infos, const Dependencies& deps, std::size_t first) {
    const auto n = static_cast<std::ptrdiff_t>(infos.size());
    for (std::ptrdiff_t i = 0; i < n; ++i) {
      TokenInfo& t = infos[static_cast<std::size_t>(i)];
      const std::string_view rel = deps.deprel[first + static_cast<std::size_t>(i)];
      if (!t.closed) t.deprel = FeatureHasher::bytes(rel);
      const std::ptrdiff_t h = deps.head[first + static_cast<std::size_t>(i)] - static_cast<std::ptrdiff_t>(first);
      if (h < 0 || h >= n) continue;
      t.head = static_cast<std::int32_t>(h);
      TokenInfo& parent = infos[static_cast<std::size_t>(h)];
      if (rel == "xcomp" || rel == "ccomp") {
        parent.dependents |= rel == "xcomp" ? kXcompChild : kCcompChild;
        if (parent.clause < 0) parent.clause = static_cast<std::int32_t>(i);
      } else if (rel == "obj") {
        parent.dependents |= kObjChild;
        if (parent.object < 0) parent.object = static_cast<std::int32_t>(i);
      } else if (rel == "cop") {
        parent.dependents |= kCopChild;
      } else if (rel == "nsubj:pass") {
        parent.dependents |= kPassiveSubjectChild;
      } else if (rel == "nsubj") {
        parent.dependents |= kSubjectChild;
      } else if (rel == "aux" || rel == "aux:pass") {
        parent.dependents |= kAuxChild;
      } else if (rel == "mark" && t.lower == kToHash) {
        parent.dependents |= kMarkToChild;
      }
    }
  }

  static void features(const std::vector<TokenInfo>& infos, std::size_t i, int prev1, int prev2,
                       std::vector<std::uint64_t>& out) {
    static const TokenInfo kEdge = [] {
      TokenInfo t;
      t.lower = t.lemma = t.xpos = t.shape = FeatureHasher::bytes("<edge>");
      return t;
    }();
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
    out.push_back(H::feature(kLower, w.lower));
    out.push_back(H::feature(kLemma, w.lemma));
    out.push_back(H::feature(kXpos, w.xpos));
    out.push_back(H::feature(kLemmaXpos, w.lemma, w.xpos));
    out.push_back(H::feature(kUposLemma, w.upos, w.lemma));
    out.push_back(H::feature(kSuffix3, w.suffix3));
    out.push_back(H::feature(kSuffix4, w.suffix4));
    out.push_back(H::feature(kSuffix2Xpos, w.suffix2, w.xpos));
    out.push_back(H::feature(kShape, w.shape, w.xpos));
    out.push_back(H::feature(kFirst, i == 0, w.xpos));
    out.push_back(H::feature(kLowerM1, m1.lower));
    out.push_back(H::feature(kLowerP1, p1.lower));
    out.push_back(H::feature(kLowerM2, m2.lower));
    out.push_back(H::feature(kLowerP2, p2.lower));
    out.push_back(H::feature(kLemmaM1, m1.lemma));
    out.push_back(H::feature(kLemmaP1, p1.lemma));
    out.push_back(H::feature(kXposM1, m1.xpos));
    out.push_back(H::feature(kXposP1, p1.xpos));
    out.push_back(H::feature(kXposM2, m2.xpos));
    out.push_back(H::feature(kXposP2, p2.xpos));
    out.push_back(H::feature(kXposM1X0, m1.xpos, w.xpos));
    out.push_back(H::feature(kX0XposP1, w.xpos, p1.xpos));
    out.push_back(H::feature(kLowerM1Lemma, m1.lower, w.lemma));
    out.push_back(H::feature(kLemmaLowerP1, w.lemma, p1.lower));
    out.push_back(H::feature(kLexicon, w.lexicon));
    out.push_back(H::feature(kLexiconXpos, w.lexicon, w.xpos));
    out.push_back(H::feature(kPrior, w.prior));
    out.push_back(H::feature(kPriorXpos, w.prior, w.xpos));
    out.push_back(H::feature(kPriorLexicon, w.prior, w.lexicon));
    // A noun trigger is read by its noun sense, anything else by its verb sense.
    out.push_back(H::feature(kNounSense, w.supersense & 0xFF, w.upos));
    out.push_back(H::feature(kVerbSense, w.supersense >> 8, w.upos));
    out.push_back(H::feature(kClassList, w.class_list));
    out.push_back(H::feature(kClassListXpos, w.class_list, w.xpos));
    const auto prev1_id = static_cast<std::uint64_t>(prev1 + 2);
    const auto prev2_id = static_cast<std::uint64_t>(prev2 + 2);
    out.push_back(H::feature(kPrev1, prev1_id));
    out.push_back(H::feature(kPrev2, prev1_id, prev2_id));
    out.push_back(H::feature(kPrev1Xpos, prev1_id, w.xpos));
    // The nearest verb within four tokens on the left, and whether a
    // determiner comes between: "held a closed-door meeting".
    bool det = false;
    std::uint64_t verb = 0;
    for (std::ptrdiff_t j = p - 1; j >= 0 && j >= p - 4; --j) {
      const TokenInfo& t = infos[static_cast<std::size_t>(j)];
      det = det || t.det;
      if (t.verb) {
        verb = t.lemma;
        break;
      }
    }
    out.push_back(H::feature(kVerbLeft, verb, w.xpos));
    out.push_back(H::feature(kVerbLeftLemma, verb, w.lemma));
    out.push_back(H::feature(kDetLeft, det, w.lexicon));
    // What follows tells the class: "tried to" (I_ACTION), "said that"
    // (REPORTING), "began" + -ing (ASPECTUAL), "expect ... to".
    out.push_back(H::feature(kLemmaXposP1, w.lemma, p1.xpos));
    out.push_back(H::feature(kLemmaLemmaM1, w.lemma, m1.lemma));
    out.push_back(H::feature(kLowerXpos, w.lower, w.xpos));
    std::uint64_t complement = 0;
    for (std::size_t j = i + 1; j < infos.size() && j <= i + 3; ++j)
      if (infos[j].complement != 0) {
        complement = infos[j].complement;
        break;
      }
    out.push_back(H::feature(kComplement, complement, w.xpos));
    out.push_back(H::feature(kLemmaComplement, w.lemma, complement));
    // Does an event follow as the argument? I_ACTION and I_STATE events take
    // one ("approved the merger", "called for talks", "want to leave"). The
    // first noun or verb within four tokens on the right: eventive or not.
    std::uint64_t argument = 0;
    for (std::size_t j = i + 1; j < infos.size() && j <= i + 4; ++j)
      if (const std::uint64_t kind = argument_kind(infos[j]); kind <= 3) {  // a verb or a noun
        argument = kind;
        break;
      }
    out.push_back(H::feature(kArgument, argument, w.upos));
    out.push_back(H::feature(kLemmaArgument, w.lemma, argument));
  }

  // The class model's own features, appended to features(): the same
  // questions asked of the parse. The token's relation and its head ("obj"
  // of "hold"), its dependents (xcomp "to", ccomp, a copula: "is a loss"),
  // and what its clausal complement and object are. The span model does not
  // see them (they cost recall of verb events, which the temporal order needs).
  static void syntax_features(const std::vector<TokenInfo>& infos, std::size_t i, std::vector<std::uint64_t>& out) {
    using H = FeatureHasher;
    const TokenInfo& w = infos[i];
    const TokenInfo* head = w.head >= 0 ? &infos[static_cast<std::size_t>(w.head)] : nullptr;
    const std::uint64_t deprel = w.deprel;
    out.push_back(H::feature(kDeprel, deprel, w.upos));
    out.push_back(H::feature(kDeprelHeadLemma, deprel, head != nullptr ? head->lemma : 0));
    out.push_back(H::feature(kHeadPrior, deprel, head != nullptr ? head->prior : 0));
    out.push_back(H::feature(kDependents, w.dependents, w.upos));
    out.push_back(H::feature(kLemmaDependents, w.lemma, w.dependents));
    const std::uint64_t clause = w.clause >= 0 ? argument_kind(infos[static_cast<std::size_t>(w.clause)]) : 0;
    const std::uint64_t object = w.object >= 0 ? argument_kind(infos[static_cast<std::size_t>(w.object)]) : 0;
    out.push_back(H::feature(kClause, clause * 8 + (w.dependents & (kXcompChild | kCcompChild)), w.upos));
    out.push_back(H::feature(kLemmaClause, w.lemma, clause));
    out.push_back(H::feature(kObject, object, w.upos));
    out.push_back(H::feature(kLemmaObject, w.lemma, object));
    out.push_back(H::feature(kDeprelHeadUpos, deprel * 31 + (head != nullptr ? head->upos : 0), w.upos));
    const std::uint64_t clause_lemma = w.clause >= 0 ? infos[static_cast<std::size_t>(w.clause)].lemma : 0;
    out.push_back(H::feature(kClauseLemma, clause_lemma, w.upos));
    out.push_back(H::feature(kHeadClassList, deprel, head != nullptr ? head->class_list : 0));
    out.push_back(H::feature(kLemmaDeprel, w.lemma, deprel));
  }

  // Tags one sentence; in training, `learner` (== scorer) is updated towards `truth`.
  // `class_scorer` (7 TimeML classes) then names the class of each event
  // token; it is trained on the gold events only, so its weights are spent
  // on telling classes apart rather than events from non-events.
  static std::vector<int> classify(const std::vector<TokenInfo>& infos, const AveragedPerceptron& scorer,
                                   const AveragedPerceptron* class_scorer, std::vector<double>* confidence = nullptr,
                                   AveragedPerceptron* learner = nullptr, const std::vector<int>* truth = nullptr,
                                   AveragedPerceptron* class_learner = nullptr) {
    std::vector<int> classes(infos.size());
    std::vector<std::uint64_t> feats;
    feats.reserve(48);
    std::vector<float> scores(scorer.class_count());
    int prev1 = -1, prev2 = -2;
    for (std::size_t i = 0; i < infos.size(); ++i) {
      if (learner == nullptr && infos[i].closed) {
        classes[i] = 0;
        if (confidence != nullptr) (*confidence)[i] = 1.0;
        prev2 = prev1;
        prev1 = 0;
        continue;
      }
      features(infos, i, prev1, prev2, feats);
      int guess;
      if (confidence != nullptr) {
        scorer.score(feats, scores);
        guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        if (guess == 0 && (infos[i].verb || infos[i].gathering)) {
          const int best_event = static_cast<int>(std::max_element(scores.begin() + 1, scores.end()) - scores.begin());
          if (scores[best_event] + kVerbEventBias > scores[0]) guess = best_event;
        }
        float second = -1e30f;
        for (std::size_t c = 0; c < scores.size(); ++c)
          if (static_cast<int>(c) != guess) second = std::max(second, scores[c]);
        // The margin over the runner-up, squashed to (0.5, 1]; below 0.5 for a verb the bias made an event.
        (*confidence)[i] = 1.0 / (1.0 + std::exp(-static_cast<double>(scores[guess] - second) / kMarginScale));
      } else {
        guess = scorer.predict(feats);
      }
      if (learner != nullptr) learner->update((*truth)[i], guess, feats);
      classes[i] = guess;
      if ((class_learner != nullptr && (*truth)[i] > 0) || (class_scorer != nullptr && guess > 0))
        syntax_features(infos, i, feats);
      if (class_learner != nullptr && (*truth)[i] > 0) {
        const int cls = class_learner->predict(feats);
        class_learner->update((*truth)[i] - 1, cls, feats);
      }
      if (class_scorer != nullptr && guess > 0) classes[i] = class_scorer->predict(feats) + 1;
      prev2 = prev1;
      prev1 = guess;
    }
    return classes;
  }
};

EventTagger::EventTagger(std::unique_ptr<const Model> model) : model_(std::move(model)) {}
EventTagger::EventTagger(EventTagger&&) noexcept = default;
EventTagger& EventTagger::operator=(EventTagger&&) noexcept = default;
EventTagger::~EventTagger() = default;

namespace {

// What "took place", "happened" or "occurred" is an event, whether or not
// the model tagged its noun ("the call took place on Wednesday night"):
// an OCCURRENCE (class 1, after "O"). Only nouns the parse makes the
// subject of such a verb; the verb's other dependents are looked at once.
void occurring_subjects(std::uint32_t first, std::uint32_t end, std::span<const TokenMorph> morphs,
                        const Dependencies& deps, std::vector<int>& classes) {
  for (std::uint32_t t = first; t < end; ++t) {
    if (classes[t - first] != 0 || morphs[t].upos != Upos::NOUN || !deps.deprel[t].starts_with("nsubj")) continue;
    const int h = deps.head[t];
    if (h < static_cast<int>(first) || h >= static_cast<int>(end)) continue;
    const std::string& verb = morphs[static_cast<std::size_t>(h)].lemma;
    bool occurs = verb == "happen" || verb == "occur";
    if (verb == "take")
      for (std::uint32_t k = static_cast<std::uint32_t>(h) + 1; k < end && !occurs; ++k)
        occurs = deps.head[k] == h && deps.deprel[k] == "obj" && morphs[k].lemma == "place";
    if (occurs) classes[t - first] = 1 + static_cast<int>(EventClass::OCCURRENCE);
  }
}

// A participle opening a sentence with its own dated phrase, set off by a
// comma ("Born in Valparaiso in 1946, Ruiz studied ...", "Founded in 1998,
// the company ...") tells an event of the subject after the comma, which
// the model, seldom shown a capitalized participle first, leaves out: an
// OCCURRENCE. The date is what makes it one: "Based on the current number
// of shares," and "Dressed in a dark blazer," tell none (nor does TimeBank
// mark them).
void opening_participle(std::uint32_t first, std::uint32_t end, std::span<const TokenMorph> morphs,
                        std::span<const Token> tokens, std::span<const Timex> timexes, std::vector<int>& classes) {
  if (end - first < 4 || classes[0] != 0 || morphs[first].xpos != "VBN" || morphs[first + 1].upos != Upos::ADP) return;
  for (std::uint32_t t = first + 2; t < end && t < first + 14; ++t)
    if (tokens[t].norm == ",") {
      const Span phrase{tokens[first].span.end, tokens[t].span.begin};
      const auto dated = std::any_of(timexes.begin(), timexes.end(), [&](const Timex& x) {
        return (x.type == TimexType::date || x.type == TimexType::time) && phrase.contains(x.span);
      });
      if (dated) classes[0] = 1 + static_cast<int>(EventClass::OCCURRENCE);
      return;
    }
}

}  // namespace

const Events& EventTagger::tag(Document& doc) const {
  const Segmentation& seg = doc.get<Segmentation>();
  const Morphology& morph = doc.get<Morphology>();
  Events layer;
  const std::span<const Token> tokens(seg.tokens);
  const std::span<const TokenMorph> morphs(morph.tokens);
  if (morphs.size() != tokens.size()) throw std::logic_error("event: Morphology is not parallel to Segmentation");
  const Dependencies* deps = doc.has<Dependencies>() ? &doc.get<Dependencies>() : nullptr;
  // TimeML events and time expressions never overlap: "end" in "at the end
  // of the week" is part of a date, not an event of its own.
  const std::span<const Timex> timexes =
      doc.has<TimeExpressions>() ? std::span<const Timex>(doc.get<TimeExpressions>().timexes) : std::span<const Timex>();
  std::size_t next_timex = 0;  // both in text order: one pass
  const auto inside_timex = [&](const Span& span) {
    while (next_timex < timexes.size() && timexes[next_timex].span.end <= span.begin) ++next_timex;
    return next_timex < timexes.size() && timexes[next_timex].span.overlaps(span);
  };
  // Nor is a person's name an event, whatever its words ("Timothy D. Cook",
  // "Bill Gates" read as verbs), when the entity recognizer has run.
  const std::span<const EntityMention> names =
      doc.has<Entities>() ? std::span<const EntityMention>(doc.get<Entities>().mentions) : std::span<const EntityMention>();
  std::size_t next_name = 0;
  const auto inside_person = [&](std::uint32_t token) {
    while (next_name < names.size() && names[next_name].first_token + names[next_name].token_count <= token) ++next_name;
    return next_name < names.size() && names[next_name].first_token <= token &&
           names[next_name].type == EntityType::PERSON;
  };
  std::vector<std::uint8_t> person_words;  // for the types' "@person" cue
  if (!names.empty()) {
    person_words.assign(tokens.size(), 0);
    for (const EntityMention& m : names)
      if (m.type == EntityType::PERSON)
        for (std::uint32_t t = m.first_token; t < m.first_token + m.token_count && t < tokens.size(); ++t)
          person_words[t] = 1;
  }
  std::vector<double> confidence;
  for (std::uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    if (sentence.token_count == 0) continue;
    const auto sentence_tokens = tokens.subspan(sentence.first_token, sentence.token_count);
    if (model_->rules.boilerplate(sentence_tokens)) continue;
    const auto sentence_morph = morphs.subspan(sentence.first_token, sentence.token_count);
    const std::vector<TokenInfo> infos = model_->describe(sentence_tokens, sentence_morph, deps, sentence.first_token);
    confidence.assign(infos.size(), 1.0);
    std::vector<int> classes = Model::classify(infos, model_->perceptron, &model_->class_perceptron, &confidence);
    const std::uint32_t end = sentence.first_token + sentence.token_count;
    if (deps != nullptr) occurring_subjects(sentence.first_token, end, morphs, *deps, classes);
    opening_participle(sentence.first_token, end, morphs, tokens, timexes, classes);
    for (std::uint32_t i = 0; i < classes.size(); ++i) {
      if (classes[i] == 0) continue;  // class 0 is "O"
      if (inside_timex(tokens[sentence.first_token + i].span) || inside_person(sentence.first_token + i)) continue;
      EventMention e;
      e.token = sentence.first_token + i;
      e.sentence = s;
      e.span = tokens[e.token].span;
      e.cls = static_cast<EventClass>(classes[i] - 1);
      e.lemma = morphs[e.token].lemma;
      e.confidence = confidence[i];
      model_->rules.set_attributes(e, tokens, morphs, sentence.first_token);
      model_->rules.set_type(e, tokens, morphs, sentence.first_token, end, person_words);
      e.id = fmt::format("e{}", layer.events.size() + 1);
      e.eiid = fmt::format("ei{}", layer.events.size() + 1);
      layer.events.push_back(std::move(e));
    }
  }
  model_->rules.spread_types(layer.events);
  model_->factuality.assess(layer, seg, morph, deps);
  return doc.add(std::move(layer));
}

// ---- training ---------------------------------------------------------------

EventTagger EventTagger::train(const std::vector<EventTrainingDocument>& docs, const Segmenter& segmenter,
                               const PosTagger& pos, const DependencyParser* parser,
                               const EventTrainingOptions& options, const std::filesystem::path& resources_dir) {
  std::vector<std::string> names{std::string(kOutside)};
  for (int c = 0; c <= static_cast<int>(EventClass::PERCEPTION); ++c)
    names.emplace_back(to_string(static_cast<EventClass>(c)));
  auto model = std::make_unique<Model>();
  model->rules = detail::EventRules::load(resources_dir);
  model->factuality = detail::FactualityRules::load(resources_dir);
  model->lexicon = wordnet_event_lexicon(options.wordnet_dir);
  model->supersenses = wordnet_supersenses(options.wordnet_dir);
  model->class_list = class_lists(resources_dir / "classes.txt");

  std::vector<std::vector<TokenInfo>> infos;
  std::vector<std::vector<int>> gold;
  std::size_t gold_events = 0, exact = 0, inside_token = 0, multi_token = 0, unaligned = 0;
  for (const EventTrainingDocument& d : docs) {
    Document doc(d.text);
    const Segmentation& seg = segmenter.segment(doc);
    // Repairing invalid UTF-8 could shift offsets; TimeML text is valid XML, so it never does here.
    pos.tag(doc);
    const Dependencies* deps = parser != nullptr ? &parser->parse(doc) : nullptr;
    const Morphology& morph = doc.get<Morphology>();
    std::vector<int> labels(seg.tokens.size(), 0);
    for (const auto& g : d.events) {
      ++gold_events;
      // The token that holds the gold span's last byte is the head.
      std::size_t first = seg.tokens.size(), last = seg.tokens.size();
      for (std::size_t t = 0; t < seg.tokens.size(); ++t)
        if (seg.tokens[t].span.overlaps(g.span)) {
          if (first == seg.tokens.size()) first = t;
          last = t;
        }
      if (last == seg.tokens.size()) {
        ++unaligned;
        continue;
      }
      if (first == last && seg.tokens[last].span == g.span) ++exact;
      else if (first == last) ++inside_token;
      else ++multi_token;
      labels[last] = static_cast<int>(g.cls) + 1;
    }
    for (const Sentence& s : seg.sentences) {
      infos.push_back(model->describe(seg.tokens_of(s), std::span(morph.tokens).subspan(s.first_token, s.token_count),
                                      deps, s.first_token));
      gold.emplace_back(labels.begin() + s.first_token, labels.begin() + s.first_token + s.token_count);
    }
  }
  // Lemma priors: the model keeps them from all of training; each training
  // token sees them without its own label (leave-one-out), so the feature is
  // as reliable in training as it will be on new text.
  std::unordered_map<std::uint64_t, LabelCounts> label_counts;
  for (std::size_t s = 0; s < infos.size(); ++s)
    for (std::size_t i = 0; i < infos[s].size(); ++i) ++label_counts[infos[s][i].lemma][gold[s][i]];
  for (const auto& [lemma, counts] : label_counts)
    if (const std::uint8_t code = prior_code(counts); code != 0) model->priors.emplace(lemma, code);
  for (std::size_t s = 0; s < infos.size(); ++s)
    for (std::size_t i = 0; i < infos[s].size(); ++i) {
      LabelCounts counts = label_counts[infos[s][i].lemma];
      --counts[gold[s][i]];
      infos[s][i].prior = prior_code(counts);
    }
  if (options.log != nullptr)
    *options.log << fmt::format(
                        "{} documents, {} sentences, {} gold events: {} one token exactly, {} inside a token, {} "
                        "over several tokens, {} unaligned; event lexicon {} lemmas",
                        docs.size(), infos.size(), gold_events, exact, inside_token, multi_token, unaligned,
                        model->lexicon.size())
                 << std::endl;

  // options.models pairs of perceptrons, each over its own shuffles of the
  // sentences, merged into their means: the greedy tagger's choices depend
  // less on one sentence order.
  std::vector<AveragedPerceptron> spans, classes;
  std::uint64_t rng = options.seed;
  for (int m = 0; m < std::max(options.models, 1); ++m) {
    AveragedPerceptron learner(names);
    AveragedPerceptron class_learner(std::vector<std::string>(names.begin() + 1, names.end()));
    std::vector<std::size_t> order(infos.size());
    std::iota(order.begin(), order.end(), 0);
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix64(rng) % i]);
      std::size_t right = 0, total = 0;
      for (const std::size_t s : order) {
        const auto got = Model::classify(infos[s], learner, nullptr, nullptr, &learner, &gold[s], &class_learner);
        for (std::size_t i = 0; i < got.size(); ++i) right += got[i] == gold[s][i];
        total += got.size();
      }
      if (options.log != nullptr)
        *options.log << fmt::format("model {} epoch {:2d}: train token accuracy {:.2f}%", m + 1, epoch,
                                    100.0 * right / std::max<std::size_t>(total, 1))
                     << std::endl;
    }
    // A mean is pruned once, after merging: pruning its parts would drop
    // weights that add up.
    const float prune = options.models > 1 ? 0.0f : options.prune_below;
    learner.average(prune);
    class_learner.average(prune);
    spans.push_back(std::move(learner));
    classes.push_back(std::move(class_learner));
  }
  model->perceptron = spans.size() == 1 ? std::move(spans[0]) : AveragedPerceptron::mean(spans, options.prune_below);
  model->class_perceptron =
      classes.size() == 1 ? std::move(classes[0]) : AveragedPerceptron::mean(classes, options.prune_below);
  return EventTagger(std::move(model));
}

// ---- model files ------------------------------------------------------------

void EventTagger::save(const std::filesystem::path& model_file) const {
  std::ofstream out(model_file, std::ios::binary);
  if (!out) throw std::runtime_error(fmt::format("cannot write model file {}", model_file.string()));
  out.write(kMagic, 4);
  detail::write_pod(out, kFormatVersion);
  std::vector<std::pair<std::uint64_t, std::uint8_t>> lexicon(model_->lexicon.begin(), model_->lexicon.end());
  std::sort(lexicon.begin(), lexicon.end());
  detail::write_pod(out, static_cast<std::uint64_t>(lexicon.size()));
  for (const auto& [word, bits] : lexicon) {
    detail::write_pod(out, word);
    detail::write_pod(out, bits);
  }
  std::vector<std::pair<std::uint64_t, std::uint16_t>> senses(model_->supersenses.begin(), model_->supersenses.end());
  std::sort(senses.begin(), senses.end());
  detail::write_pod(out, static_cast<std::uint64_t>(senses.size()));
  for (const auto& [lemma, code] : senses) {
    detail::write_pod(out, lemma);
    detail::write_pod(out, code);
  }
  std::vector<std::pair<std::uint64_t, std::uint8_t>> list(model_->class_list.begin(), model_->class_list.end());
  std::sort(list.begin(), list.end());
  detail::write_pod(out, static_cast<std::uint64_t>(list.size()));
  for (const auto& [lemma, bits] : list) {
    detail::write_pod(out, lemma);
    detail::write_pod(out, bits);
  }
  std::vector<std::pair<std::uint64_t, std::uint8_t>> priors(model_->priors.begin(), model_->priors.end());
  std::sort(priors.begin(), priors.end());
  detail::write_pod(out, static_cast<std::uint64_t>(priors.size()));
  for (const auto& [lemma, code] : priors) {
    detail::write_pod(out, lemma);
    detail::write_pod(out, code);
  }
  model_->perceptron.save(out);
  model_->class_perceptron.save(out);
  if (!out) throw std::runtime_error(fmt::format("error writing model file {}", model_file.string()));
}

bool EventTagger::available() {
  std::error_code ec;
  return std::filesystem::is_regular_file(data_dir() / "models/event-tbaq.bin", ec);
}

EventTagger EventTagger::load() { return load(data_file("models/event-tbaq.bin"), data_file("resources/event")); }

EventTagger EventTagger::load(const std::filesystem::path& model_file, const std::filesystem::path& resources_dir) {
  std::ifstream in(model_file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot open event model {}", model_file.string()));
  auto model = std::make_unique<Model>();
  try {
    char magic[4];
    if (!in.read(magic, 4) || std::string_view(magic, 4) != std::string_view(kMagic, 4))
      throw std::runtime_error("not a tempora event model (bad magic)");
    if (const auto v = detail::read_pod<std::uint32_t>(in, "event model"); v != kFormatVersion)
      throw std::runtime_error(fmt::format("event model format {} not supported (expected {})", v, kFormatVersion));
    const auto n = detail::read_pod<std::uint64_t>(in, "event model");
    if (n > (1u << 24)) throw std::runtime_error("corrupt event model (lexicon size)");
    model->lexicon.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
      const auto word = detail::read_pod<std::uint64_t>(in, "event model");
      model->lexicon.emplace(word, detail::read_pod<std::uint8_t>(in, "event model"));
    }
    const auto n_senses = detail::read_pod<std::uint64_t>(in, "event model");
    if (n_senses > (1u << 24)) throw std::runtime_error("corrupt event model (supersense count)");
    for (std::uint64_t i = 0; i < n_senses; ++i) {
      const auto lemma = detail::read_pod<std::uint64_t>(in, "event model");
      model->supersenses.emplace(lemma, detail::read_pod<std::uint16_t>(in, "event model"));
    }
    const auto n_list = detail::read_pod<std::uint64_t>(in, "event model");
    if (n_list > (1u << 24)) throw std::runtime_error("corrupt event model (class list count)");
    for (std::uint64_t i = 0; i < n_list; ++i) {
      const auto lemma = detail::read_pod<std::uint64_t>(in, "event model");
      model->class_list.emplace(lemma, detail::read_pod<std::uint8_t>(in, "event model"));
    }
    const auto n_priors = detail::read_pod<std::uint64_t>(in, "event model");
    if (n_priors > (1u << 24)) throw std::runtime_error("corrupt event model (prior count)");
    model->priors.reserve(n_priors);
    for (std::uint64_t i = 0; i < n_priors; ++i) {
      const auto lemma = detail::read_pod<std::uint64_t>(in, "event model");
      model->priors.emplace(lemma, detail::read_pod<std::uint8_t>(in, "event model"));
    }
    model->perceptron = AveragedPerceptron::load(in);
    model->class_perceptron = AveragedPerceptron::load(in);
    if (model->class_perceptron.class_count() != 7) throw std::runtime_error("corrupt event model (class model)");
    if (model->perceptron.class_count() != 8 || model->perceptron.class_names()[0] != kOutside)
      throw std::runtime_error("corrupt event model (classes)");
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", model_file.string(), e.what()));
  }
  model->rules = detail::EventRules::load(resources_dir);
  model->factuality = detail::FactualityRules::load(resources_dir);
  return EventTagger(std::move(model));
}

}  // namespace tempora

// The greedy dependency parser: features, decoding, training, model files.
//
// How it parses. A sentence is parsed left to right by the arc-hybrid system
// (transition.hpp): in each state one averaged perceptron (three classes:
// SHIFT, LEFT, RIGHT) picks the best valid transition from about 130
// feature templates in the style of Zhang & Nivre (2011): words and tags of
// the top three stack words and the first three buffer words, the leftmost
// and rightmost children of s0, s1 and b0 with their relations, pairs and
// triples of those, the distance between s0 and b0 (and s1 and s0), the
// number of left and right children (valency) and the sets of relations
// already attached (label sets), the tags of the two outermost children
// together (third order), and the number of punctuation marks between s0 and
// b0 and between s1 and s0 (a comma or a dash often closes a clause; format 4
// models only). Because the tags come from a tagger that is
// wrong on about one word in twenty, the words also enter through signals
// the tags cannot spoil: the coarse UPOS alone, a three-letter suffix with
// capitalization, and the word's ambiguity class (the set of UPOS it had in
// training, stored with the model), and, in format 5 models, the tag the
// tagger nearly chose instead where it hesitated (TokenMorph::runner_up:
// "b0 is a NOUN, but nearly a VERB"). When the transition builds an arc, a second
// perceptron (one class per relation) labels it from the head, the
// dependent, the dependent's finished subtree (its case marker, determiner,
// ...) and the head's relations so far. Splitting the arc decision from its
// label keeps the model small (a weight run per feature has three classes,
// not a hundred) and fast, at little cost in accuracy.
//
// A sentence of n words takes 2n transitions and each scores a fixed number
// of features, so parsing is linear in the length of the text.
//
// How it learns. Each epoch walks over the training sentences in a shuffled
// order (a seeded Fisher-Yates shuffle, so training is deterministic). In
// each state the perceptron scores the valid transitions; the dynamic oracle
// gives each its cost (gold arcs lost). When the best-scoring transition has
// a cost, the perceptron is updated towards the best-scoring zero-cost one.
// After the first epoch the parser then follows its own prediction with
// probability 0.9 (exploration), so it learns to recover from its mistakes.
// Arcs that are right get their relation learned by the label perceptron.
// With dev data, the averaged weights are scored on dev after each epoch
// (from --select-from on) and the best epoch's model is the one kept: the
// number of epochs is then an upper bound, not a guess.
//
// Model file: magic "TPRS", format version, relation names, the ambiguity
// class lexicon (word hash, UPOS bit set), then the two weight tables (see
// weights.hpp).
#include "tag/binary_io.hpp"
#include "tempora/parse.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <numeric>
#include <ostream>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "parse/transition.hpp"
#include "parse/tree_repair.hpp"
#include "parse/weights.hpp"
#include "tempora/data.hpp"
#include "tempora/perceptron.hpp"

namespace tempora {

using detail::kNone;
using detail::Move;
using detail::ParseState;

namespace {

constexpr char kMagic[4] = {'T', 'P', 'R', 'S'};
// Format 4 adds feature templates (third-order child tags, punctuation
// between the candidates, case markers in labelling); format 3 models still
// load and are parsed with the templates they were trained with.
// Format 5 adds the tagger's runner-up tags (words it nearly tagged
// otherwise).
constexpr std::uint32_t kFormatVersion = 5;
constexpr std::uint32_t kOldestFormat = 3;
constexpr std::string_view kRootRelation = "root";

// Special word/tag values for ROOT and for an absent position.
constexpr std::uint64_t kAbsent = 1;
constexpr std::uint64_t kRootValue = 2;
// The runner-up value of a word the tagger was sure of.
constexpr std::uint64_t kSure = 3;

// A sentence as the features see it: hashed word and tag of each word, with
// index 0 standing for ROOT.
struct Encoded {
  std::vector<std::uint64_t> word, tag;  // lower-cased form; joint UPOS+XPOS tag
  std::vector<std::uint64_t> coarse;     // UPOS alone: coarser, and more often right when tags are predicted
  std::vector<std::uint64_t> suffix;     // last three letters and capitalization: evidence the tags may miss
  std::vector<std::uint64_t> ambiguity;  // the set of UPOS the word had in training (its ambiguity class)
  std::vector<std::uint64_t> runner_up;  // the UPOS the tagger nearly chose (kSure if none): where its tag may be wrong
  std::vector<int> punct;                // punctuation tokens among words 1..i: clause boundaries between two words
};

// Punctuation marks strictly between words a < b, 0 to 3 ("3 or more"); 9
// when either is absent.
std::uint64_t punct_between(const Encoded& e, int a, int b) {
  if (a == kNone || b == kNone || b <= a + 1) return a == kNone || b == kNone ? 9 : 0;
  return static_cast<std::uint64_t>(std::min(3, e.punct[static_cast<std::size_t>(b - 1)] - e.punct[static_cast<std::size_t>(a)]));
}

// Lower-case ASCII, digits folded to 0: "2025" and "1999" look alike.
std::uint64_t word_hash(std::string_view form) {
  char buffer[64];
  const std::size_t n = std::min(form.size(), sizeof buffer);
  for (std::size_t i = 0; i < n; ++i) {
    char c = form[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
    buffer[i] = c;
  }
  return FeatureHasher::bytes(std::string_view(buffer, n), 0x77u) | 4;  // never collides with kAbsent/kRootValue
}

std::uint64_t tag_hash(std::string_view upos, std::string_view xpos) {
  return FeatureHasher::bytes(xpos, FeatureHasher::bytes(upos, 0x7Au)) | 4;
}

std::uint64_t coarse_hash(std::string_view upos) { return FeatureHasher::bytes(upos, 0x7Bu) | 4; }

std::uint64_t suffix_hash(std::string_view form) {
  const bool capitalized = !form.empty() && form.front() >= 'A' && form.front() <= 'Z';
  std::string_view tail = form.substr(form.size() > 3 ? form.size() - 3 : 0);
  char buffer[3];
  for (std::size_t i = 0; i < tail.size(); ++i) {
    const char c = tail[i];
    buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return FeatureHasher::bytes(std::string_view(buffer, tail.size()), capitalized ? 0x7Cu : 0x7Du) | 4;
}

void encode_root(Encoded& e, std::size_t n) {
  for (auto* v : {&e.word, &e.tag, &e.coarse, &e.suffix, &e.ambiguity, &e.runner_up}) {
    v->resize(n + 1);
    (*v)[0] = kRootValue;
  }
  e.punct.assign(n + 1, 0);
}

int distance_bucket(int a, int b) {
  if (a == kNone || b == kNone || a == 0) return 0;
  const int d = std::abs(b - a);
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  return 7;
}

// ---- transition features ---------------------------------------------------

class FeatureSink {
 public:
  explicit FeatureSink(std::vector<std::uint64_t>& out) : out_(out) { out_.clear(); }
  void add(std::uint64_t a) { out_.push_back(FeatureHasher::feature(next_++, a)); }
  void add(std::uint64_t a, std::uint64_t b) { out_.push_back(FeatureHasher::feature(next_++, a, b)); }
  void add(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    out_.push_back(FeatureHasher::feature(next_++, FeatureHasher::mix(a, b), c));
  }
  void add(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
    out_.push_back(FeatureHasher::feature(next_++, FeatureHasher::mix(a, b), FeatureHasher::mix(c, d)));
  }

 private:
  std::vector<std::uint64_t>& out_;
  std::uint32_t next_ = 0;
};

void transition_features(const ParseState& st, const Encoded& e, std::vector<std::uint64_t>& out,
                         std::uint32_t format) {
  const auto W = [&](int p) { return p == kNone ? kAbsent : e.word[static_cast<std::size_t>(p)]; };
  const auto T = [&](int p) { return p == kNone ? kAbsent : e.tag[static_cast<std::size_t>(p)]; };
  const auto L = [&](int p) -> std::uint64_t {
    return p == kNone ? 0 : static_cast<std::uint64_t>(st.label[static_cast<std::size_t>(p)] + 2);
  };
  const auto child = [&](const std::vector<int>& v, int p) { return p == kNone ? kNone : v[static_cast<std::size_t>(p)]; };
  const auto count = [&](const std::vector<std::uint8_t>& v, int p) -> std::uint64_t {
    return p == kNone ? 99 : v[static_cast<std::size_t>(p)];
  };
  const auto set = [&](const std::vector<std::uint64_t>& v, int p) -> std::uint64_t {
    return p == kNone ? 1 : v[static_cast<std::size_t>(p)];
  };

  const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const int b0 = st.buf(0), b1 = st.buf(1), b2 = st.buf(2);
  const int s0l = child(st.lc1, s0), s0l2 = child(st.lc2, s0), s0r = child(st.rc1, s0), s0r2 = child(st.rc2, s0);
  const int s1l = child(st.lc1, s1), s1r = child(st.rc1, s1), s1r2 = child(st.rc2, s1);
  const int b0l = child(st.lc1, b0), b0l2 = child(st.lc2, b0);

  const std::uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2t = T(s2), s2w = W(s2);
  const std::uint64_t b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2);
  const std::uint64_t s0wt = FeatureHasher::mix(s0w, s0t), s1wt = FeatureHasher::mix(s1w, s1t);
  const std::uint64_t b0wt = FeatureHasher::mix(b0w, b0t), b1wt = FeatureHasher::mix(b1w, b1t);
  const std::uint64_t d0 = static_cast<std::uint64_t>(distance_bucket(s0, b0));
  const std::uint64_t d1 = static_cast<std::uint64_t>(distance_bucket(s1, s0));

  FeatureSink f(out);
  f.add(0);  // bias
  // single words
  f.add(s0w); f.add(s0t); f.add(s0wt);
  f.add(s1w); f.add(s1t); f.add(s1wt);
  f.add(s2w); f.add(s2t);
  f.add(b0w); f.add(b0t); f.add(b0wt);
  f.add(b1w); f.add(b1t); f.add(b1wt);
  f.add(b2w); f.add(b2t);
  // s0 and b0: the LEFT decision
  f.add(s0wt, b0wt); f.add(s0wt, b0w); f.add(s0w, b0wt); f.add(s0wt, b0t); f.add(s0t, b0wt);
  f.add(s0w, b0w); f.add(s0t, b0t);
  // s1 and s0: the RIGHT decision
  f.add(s1wt, s0wt); f.add(s1wt, s0w); f.add(s1w, s0wt); f.add(s1wt, s0t); f.add(s1t, s0wt);
  f.add(s1w, s0w); f.add(s1t, s0t);
  // tag trigrams and context
  f.add(b0t, b1t); f.add(b0t, b1t, b2t); f.add(s0t, b0t, b1t); f.add(s1t, s0t, b0t); f.add(s2t, s1t, s0t);
  f.add(s1t, b0t); f.add(s0w, b0t, b1t); f.add(s0t, b0w, b1t); f.add(s1t, s0t, b0w); f.add(s1w, s0t, b0t);
  f.add(s0t, s1t, b0t, b1t);
  // children
  f.add(W(s0l)); f.add(T(s0l)); f.add(L(s0l));
  f.add(W(s0r)); f.add(T(s0r)); f.add(L(s0r));
  f.add(T(s0l2)); f.add(L(s0l2)); f.add(T(s0r2)); f.add(L(s0r2));
  f.add(W(b0l)); f.add(T(b0l)); f.add(L(b0l)); f.add(T(b0l2)); f.add(L(b0l2));
  f.add(W(s1r)); f.add(T(s1r)); f.add(L(s1r)); f.add(T(s1l)); f.add(L(s1l));
  f.add(s0t, T(s0l), b0t); f.add(s0t, T(s0r), b0t); f.add(s0t, b0t, T(b0l));
  f.add(s1t, s0t, T(s0l)); f.add(s1t, s0t, T(s0r)); f.add(s1t, T(s1r), s0t); f.add(s1t, s0t, T(s1l));
  f.add(s0t, L(s0l), L(s0l2)); f.add(s0t, L(s0r), L(s0r2)); f.add(b0t, L(b0l), L(b0l2));
  f.add(s1t, L(s1r), L(s1r2));
  f.add(s0w, L(s0l), b0t); f.add(s0w, L(s0r), b0t); f.add(b0w, L(b0l), s0t);
  // distance
  f.add(s0w, d0); f.add(s0t, d0); f.add(b0w, d0); f.add(b0t, d0); f.add(s0t, b0t, d0); f.add(s0w, b0w, d0);
  f.add(s1t, s0t, d1); f.add(s1w, d1); f.add(s0w, d1); f.add(s1w, s0w, d1);
  // valency
  f.add(s0w, count(st.nr, s0)); f.add(s0t, count(st.nr, s0)); f.add(s0w, count(st.nl, s0));
  f.add(s0t, count(st.nl, s0)); f.add(b0w, count(st.nl, b0)); f.add(b0t, count(st.nl, b0));
  f.add(s1w, count(st.nr, s1)); f.add(s1t, count(st.nr, s1)); f.add(s1t, count(st.nl, s1));
  // label sets
  f.add(s0w, set(st.rset, s0)); f.add(s0t, set(st.rset, s0)); f.add(s0w, set(st.lset, s0));
  f.add(s0t, set(st.lset, s0)); f.add(b0w, set(st.lset, b0)); f.add(b0t, set(st.lset, b0));
  f.add(s1t, set(st.rset, s1)); f.add(s1t, set(st.lset, s1));
  f.add(s1t, s0t, set(st.lset, s0), set(st.rset, s0));
  // coarse tags and suffixes: robust to tagging errors
  const auto U = [&](int p) { return p == kNone ? kAbsent : e.coarse[static_cast<std::size_t>(p)]; };
  const auto X = [&](int p) { return p == kNone ? kAbsent : e.suffix[static_cast<std::size_t>(p)]; };
  const std::uint64_t s0u = U(s0), s1u = U(s1), b0u = U(b0), b1u = U(b1);
  f.add(s0u, b0u); f.add(s1u, s0u); f.add(s0u, b0u, b1u); f.add(s1u, s0u, b0u); f.add(U(s2), s1u, s0u);
  f.add(s0w, b0u); f.add(s0u, b0w); f.add(s1w, s0u); f.add(s1u, s0w);
  f.add(X(s0)); f.add(X(b0)); f.add(X(s1)); f.add(X(b1));
  f.add(X(s0), b0u); f.add(s0u, X(b0)); f.add(X(s1), s0u); f.add(s1u, X(s0));
  // ambiguity classes: what the word could be, whatever the tagger said
  const auto A = [&](int p) { return p == kNone ? kAbsent : e.ambiguity[static_cast<std::size_t>(p)]; };
  const std::uint64_t s0a = A(s0), s1a = A(s1), b0a = A(b0), b1a = A(b1);
  f.add(s0a); f.add(b0a); f.add(s1a); f.add(b1a);
  f.add(s0a, b0a); f.add(s1a, s0a); f.add(s0a, b0t); f.add(s0t, b0a); f.add(b0a, b1a); f.add(s1t, s0a);
  // is s0 a finished clause that modifies s1 ("Trump, who met Zelensky, ...")?
  f.add(W(s0l), s1t, b0t); f.add(L(s0l), s1t, s0t); f.add(s1t, s0t, T(s0r), b0t); f.add(W(s0l), s0t, b0w);
  if (format < 4) return;
  // third order: the two outermost children together (Zhang & Nivre 2011)
  f.add(s0t, T(s0l), T(s0l2)); f.add(s0t, T(s0r), T(s0r2)); f.add(b0t, T(b0l), T(b0l2));
  // punctuation between the candidates: a comma or dash often closes a clause
  const std::uint64_t p0 = punct_between(e, s0, b0), p1 = punct_between(e, s1, s0);
  f.add(s0t, b0t, p0); f.add(s1t, s0t, p1); f.add(s0w, p0, d0);
  // the next two words together; what s0's last child says about b0 ("met [her] in")
  f.add(b0w, b1w); f.add(W(s0r), b0w);
  if (format < 5) return;
  // where the tagger was in doubt: "b0 is NOUN, but nearly VERB"
  const auto R = [&](int p) { return p == kNone ? kAbsent : e.runner_up[static_cast<std::size_t>(p)]; };
  const std::uint64_t s0d = R(s0), s1d = R(s1), b0d = R(b0), b1d = R(b1);
  f.add(s0d, s0u); f.add(b0d, b0u); f.add(s1d, s1u); f.add(b1d, b1u);
  f.add(b0d, b0u, s0t); f.add(s0d, s0u, b0t); f.add(b0d, b0w); f.add(s0d, b0d);
  f.add(s1d, s1u, s0t);
}

// ---- relation features -------------------------------------------------------

void relation_features(const ParseState& st, const Encoded& e, int h, int d, std::vector<std::uint64_t>& out,
                       std::uint32_t format) {
  const int n = st.n;
  const auto W = [&](int p) { return p == kNone ? kAbsent : e.word[static_cast<std::size_t>(p)]; };
  const auto T = [&](int p) { return p == kNone ? kAbsent : e.tag[static_cast<std::size_t>(p)]; };
  const auto L = [&](int p) -> std::uint64_t {
    return p == kNone ? 0 : static_cast<std::uint64_t>(st.label[static_cast<std::size_t>(p)] + 2);
  };
  const auto at = [&](const std::vector<int>& v, int p) { return v[static_cast<std::size_t>(p)]; };
  const auto hi = static_cast<std::size_t>(h), di = static_cast<std::size_t>(d);

  const std::uint64_t hw = W(h), ht = T(h), dw = W(d), dt = T(d);
  const std::uint64_t dir = d < h ? 1 : 2;
  const std::uint64_t dist = static_cast<std::uint64_t>(distance_bucket(std::min(h, d), std::max(h, d)));
  const int dl = at(st.lc1, d), dl2 = at(st.lc2, d), dr = at(st.rc1, d), dr2 = at(st.rc2, d);
  const int hl = at(st.lc1, h), hr = at(st.rc1, h);
  const int before = d > 1 ? d - 1 : kNone, after = d < n ? d + 1 : kNone;
  const int h_after = h >= 1 && h < n ? h + 1 : kNone;

  FeatureSink f(out);
  f.add(dir);
  f.add(hw, dir); f.add(ht, dir); f.add(dw, dir); f.add(dt, dir);
  f.add(FeatureHasher::mix(dw, dt), dir); f.add(FeatureHasher::mix(hw, ht), dir);
  f.add(hw, dt, dir); f.add(ht, dw, dir); f.add(ht, dt, dir); f.add(hw, dw, dir);
  f.add(ht, dt, dist, dir); f.add(dt, dist, dir);
  // the dependent's finished subtree: its case marker, determiner, ...
  f.add(W(dl)); f.add(T(dl)); f.add(L(dl)); f.add(W(dl2)); f.add(L(dl2));
  f.add(dt, W(dl)); f.add(dt, W(dl2)); f.add(ht, dt, W(dl)); f.add(ht, dt, W(dl2));
  f.add(dt, L(dl), L(dl2)); f.add(ht, dt, L(dl), dir);
  f.add(W(dr)); f.add(T(dr)); f.add(L(dr)); f.add(dt, L(dr), L(dr2)); f.add(ht, dt, L(dr));
  f.add(dt, st.lset[di], dir); f.add(dt, st.rset[di]); f.add(ht, dt, st.lset[di], st.rset[di]);
  // what the head already has (a second nsubj is unlikely)
  f.add(ht, dt, st.lset[hi], dir); f.add(ht, st.rset[hi], dir); f.add(hw, st.lset[hi], dir);
  f.add(ht, T(hl), L(hl), dt); f.add(ht, T(hr), L(hr), dt);
  // linear context
  f.add(dt, T(before), T(after)); f.add(ht, dt, T(after), dir); f.add(dw, T(after)); f.add(W(before), dt);
  f.add(ht, T(h_after), dir);
  // coarse tags and the dependent's suffix
  const std::uint64_t hu = e.coarse[hi], du = e.coarse[di], dx = e.suffix[di];
  f.add(hu, du, dir); f.add(hw, du, dir); f.add(hu, dw, dir); f.add(dx, dir); f.add(hu, dx, dir);
  f.add(hu, du, W(dl));
  f.add(e.ambiguity[hi], e.ambiguity[di], dir); f.add(e.ambiguity[di], ht, dir);
  if (format < 4) return;
  // the case marker with the words it joins ("in" + "Monday": obl:tmod no, "on" + "Monday": obl)
  f.add(W(dl), dw); f.add(hw, W(dl), dir); f.add(e.suffix[hi], du, dir);
  f.add(ht, dt, punct_between(e, std::min(h, d), std::max(h, d)), dir);
  f.add(dt, d == 1, dir); f.add(dw, W(after));
  if (format < 5) return;
  f.add(e.runner_up[di], du, ht, dir); f.add(e.runner_up[hi], hu, dt, dir);
}

// Deterministic pseudo-random numbers (splitmix64): the same seed gives the
// same training run on every machine.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

}  // namespace

struct detail::ParserModel {
  std::vector<std::string> relations;  // label classes; "root" is not among them
  std::vector<std::string> all_relations;  // relations plus "root"
  int root_id() const { return static_cast<int>(relations.size()); }
  std::uint32_t format = kFormatVersion;  // which feature templates the weights belong to
  // While training: the perceptrons. Once trained or loaded: compact tables.
  bool compact = false;
  AveragedPerceptron moves;
  AveragedPerceptron labels;
  detail::MoveWeights move_weights;
  detail::RelationWeights relation_weights;
  // word hash -> bit set of the UPOS it had in training (frequent words only)
  std::unordered_map<std::uint64_t, std::uint32_t> ambiguity;

  std::uint64_t ambiguity_class(std::uint64_t word) const {
    const auto it = ambiguity.find(word);
    return it == ambiguity.end() ? 3 : (static_cast<std::uint64_t>(it->second) << 8 | 4);
  }

  void score_moves(std::span<const std::uint64_t> features, std::array<float, detail::kMoveCount>& scores) const {
    if (compact) {
      scores.fill(0.0f);
      move_weights.add_scores(features, scores.data());
    } else {
      moves.score(features, scores);
    }
  }
  int predict_relation(std::span<const std::uint64_t> features) const {
    if (!compact) return labels.predict(features);
    float scores[256] = {};
    relation_weights.add_scores(features, scores);
    return static_cast<int>(std::max_element(scores, scores + relations.size()) - scores);
  }
};

namespace {

// Scratch space reused between sentences of one thread.
struct Workspace {
  ParseState state;
  Encoded encoded;
  std::vector<std::uint64_t> features;
};

Workspace& workspace() {
  thread_local Workspace w;
  return w;
}

// What the features read of one word: its form, tags, and the tagger's
// runner-up UPOS ("" when it was sure).
struct WordColumns {
  std::string_view form, upos, xpos, runner_up;
};

template <class Words>
void encode_words(const detail::ParserModel& m, Encoded& e, const Words& forms_and_tags, std::size_t n) {
  encode_root(e, n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto [form, upos, xpos, runner_up] = forms_and_tags(i);
    e.word[i + 1] = word_hash(form);
    e.ambiguity[i + 1] = m.ambiguity_class(e.word[i + 1]);
    e.tag[i + 1] = tag_hash(upos, xpos);
    e.coarse[i + 1] = coarse_hash(upos);
    e.suffix[i + 1] = suffix_hash(form);
    e.runner_up[i + 1] = runner_up.empty() ? kSure : coarse_hash(runner_up);
    e.punct[i + 1] = e.punct[i] + (upos == "PUNCT" ? 1 : 0);
  }
}

// Greedy decoding of an encoded sentence; fills state.head/label.
void decode(const detail::ParserModel& m, Workspace& w, int n) {
  ParseState& st = w.state;
  st.reset(n);
  std::array<float, detail::kMoveCount> scores{};
  while (!st.terminal()) {
    int best = -1, valid = 0;
    for (int c = 0; c < detail::kMoveCount; ++c)
      if (st.valid(static_cast<Move>(c))) best = c, ++valid;
    // A forced move (only the root on the stack, or the buffer empty) needs
    // no scores, and scoring is most of the parse time: skipping them parses
    // EWT dev 8-14% faster (bench/parse_bench), with the same trees.
    if (valid > 1) {
      transition_features(st, w.encoded, w.features, m.format);
      m.score_moves(w.features, scores);
      best = -1;
      for (int c = 0; c < detail::kMoveCount; ++c)
        if (st.valid(static_cast<Move>(c)) && (best < 0 || scores[static_cast<std::size_t>(c)] > scores[static_cast<std::size_t>(best)]))
          best = c;
    }
    const Move move = static_cast<Move>(best);
    int relation = kNone;
    if (move != Move::shift) {
      const int d = st.s(0);
      const int h = move == Move::left ? st.buf(0) : st.s(1);
      if (h == 0) {
        relation = m.root_id();
      } else {
        relation_features(st, w.encoded, h, d, w.features, m.format);
        relation = m.predict_relation(w.features);
      }
    }
    st.apply(move, relation);
  }
}

std::vector<Arc> arcs_of(const detail::ParserModel& m, const ParseState& st) {
  std::vector<Arc> arcs(static_cast<std::size_t>(st.n));
  for (int i = 1; i <= st.n; ++i) {
    Arc& a = arcs[static_cast<std::size_t>(i - 1)];
    a.head = st.head[static_cast<std::size_t>(i)] - 1;
    a.deprel = m.all_relations[static_cast<std::size_t>(st.label[static_cast<std::size_t>(i)])];
  }
  return arcs;
}

void finish_model(detail::ParserModel& m) {
  m.all_relations = m.relations;
  m.all_relations.emplace_back(kRootRelation);
}

// The compact, parse-ready model of a model in training: its perceptrons'
// current averages (pruned) in the compact tables. `out` may be `m` itself.
void compact_copy(const detail::ParserModel& m, float prune_below, detail::ParserModel& out) {
  detail::MoveWeights moves;
  detail::RelationWeights relations;
  moves.build(detail::export_weights(m.moves.averaged_copy(prune_below)));
  relations.build(detail::export_weights(m.labels.averaged_copy(prune_below)), m.relations.size());
  if (&out != &m) {
    out.format = m.format;
    out.relations = m.relations;
    out.ambiguity = m.ambiguity;
    finish_model(out);
  }
  out.move_weights = std::move(moves);
  out.relation_weights = std::move(relations);
  out.compact = true;
}

// Decodes and repairs one sentence (columns(i) gives word i's form and
// tags); a main verb the tagger read as a participle is read as a past tense
// in a second parse (tree_repair.cpp, repair 19), and a clause before an
// attribution tail ("..., officials say") is parsed again on its own (18).
template <class Columns>
std::vector<Arc> parse_sentence(const detail::ParserModel& m, Workspace& w, const Columns& columns,
                                std::span<const detail::RepairTags> tags) {
  const auto parse_with = [&](const auto& words, std::span<const detail::RepairTags> word_tags, std::size_t n) {
    encode_words(m, w.encoded, words, n);
    decode(m, w, static_cast<int>(n));
    std::vector<Arc> arcs = arcs_of(m, w.state);
    detail::repair_tree(arcs, word_tags.first(n));
    if (!detail::is_tree(arcs)) return arcs_of(m, w.state);  // the decoded tree, unrepaired
    return arcs;
  };
  const auto parse_first = [&](std::size_t n) { return parse_with(columns, tags, n); };
  std::vector<Arc> arcs = parse_first(tags.size());
  if (const int verb = detail::participle_read_as_past_tense(arcs, tags); verb >= 0) {
    const auto v = static_cast<std::size_t>(verb);
    std::vector<detail::RepairTags> past(tags.begin(), tags.end());
    past[v].xpos = "VBD";
    const auto past_columns = [&](std::size_t i) {
      WordColumns c = columns(i);
      if (i == v) c.xpos = "VBD";
      return c;
    };
    std::vector<Arc> reparsed = parse_with(past_columns, past, tags.size());
    if (detail::past_tense_reading_holds(reparsed, verb)) arcs = std::move(reparsed);
  }
  if (const std::size_t clause = detail::attributed_clause_length(tags);
      clause > 0 && !detail::attributed_clause_attached(arcs, clause, tags)) {
    std::vector<Arc> attached = arcs;
    detail::attach_attributed_clause(attached, parse_first(clause), tags);
    if (detail::is_tree(attached)) arcs = std::move(attached);
  }
  return arcs;
}

}  // namespace

DependencyParser::DependencyParser(std::unique_ptr<const detail::ParserModel> model) : model_(std::move(model)) {}
DependencyParser::DependencyParser(DependencyParser&&) noexcept = default;
DependencyParser& DependencyParser::operator=(DependencyParser&&) noexcept = default;
DependencyParser::~DependencyParser() = default;

const std::vector<std::string>& DependencyParser::relations() const { return model_->all_relations; }

std::vector<Arc> DependencyParser::parse_words(std::span<const std::string_view> words,
                                               std::span<const TokenMorph> tags) const {
  if (words.size() != tags.size()) throw std::invalid_argument("parse_words: words and tags differ in length");
  if (words.empty()) return {};
  std::vector<detail::RepairTags> repair_tags(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) repair_tags[i] = {to_string(tags[i].upos), tags[i].xpos, words[i]};
  return parse_sentence(
      *model_, workspace(),
      [&](std::size_t i) {
        return WordColumns{words[i], to_string(tags[i].upos), tags[i].xpos,
                           tags[i].runner_up ? to_string(*tags[i].runner_up) : std::string_view()};
      },
      repair_tags);
}

std::vector<Arc> DependencyParser::parse_words(std::span<const ConlluWord> words) const {
  if (words.empty()) return {};
  std::vector<detail::RepairTags> repair_tags(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) repair_tags[i] = {words[i].upos, words[i].xpos, words[i].form};
  return parse_sentence(
      *model_, workspace(),
      [&](std::size_t i) { return WordColumns{words[i].form, words[i].upos, words[i].xpos, words[i].runner_up}; },
      repair_tags);
}

const Dependencies& DependencyParser::parse(Document& doc) const {
  const auto& seg = doc.get<Segmentation>();
  const auto& morph = doc.get<Morphology>();
  if (morph.tokens.size() != seg.tokens.size())
    throw std::logic_error("parse: the Morphology layer does not match the Segmentation layer");
  Dependencies deps;
  deps.head.assign(seg.tokens.size(), -1);
  deps.deprel.assign(seg.tokens.size(), std::string(kRootRelation));
  std::vector<std::string_view> words;
  for (const Sentence& sentence : seg.sentences) {
    words.clear();
    for (const Token& t : seg.tokens_of(sentence))
      words.push_back(t.norm.empty() ? doc.text(t.span) : std::string_view(t.norm));
    const auto tags = std::span<const TokenMorph>(morph.tokens).subspan(sentence.first_token, sentence.token_count);
    const std::vector<Arc> arcs = parse_words(words, tags);
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      const std::size_t token = sentence.first_token + i;
      deps.head[token] = arcs[i].head < 0 ? -1 : static_cast<int>(sentence.first_token) + arcs[i].head;
      deps.deprel[token] = arcs[i].deprel;
    }
  }
  return doc.add(std::move(deps));
}

// ---- evaluation -----------------------------------------------------------------

namespace {
std::string_view universal(std::string_view relation) { return relation.substr(0, relation.find(':')); }
}  // namespace

void score_attachments(std::span<const ConlluWord> gold, std::span<const Arc> predicted, AttachmentScores& scores) {
  for (std::size_t i = 0; i < gold.size(); ++i) {
    ++scores.words;
    if (i >= predicted.size()) continue;
    if (predicted[i].head != gold[i].head - 1) continue;
    ++scores.heads_correct;
    if (predicted[i].deprel == gold[i].deprel) ++scores.labels_correct;
    if (universal(predicted[i].deprel) == universal(gold[i].deprel)) ++scores.universal_labels_correct;
  }
}

AttachmentScores DependencyParser::evaluate(const std::vector<ConlluSentence>& gold) const {
  AttachmentScores scores;
  for (const ConlluSentence& s : gold) score_attachments(s.words, parse_words(s.words), scores);
  return scores;
}

// ---- training -------------------------------------------------------------------

DependencyParser DependencyParser::train(const std::vector<ConlluSentence>& train,
                                         const std::vector<ConlluSentence>& dev, const ParserTrainingOptions& options) {
  // Relations in order of first appearance: deterministic class numbering.
  if (options.feature_format < static_cast<int>(kOldestFormat) || options.feature_format > static_cast<int>(kFormatVersion))
    throw std::invalid_argument(fmt::format("parser training: feature format {} unknown", options.feature_format));
  auto model = std::make_unique<detail::ParserModel>();
  model->format = static_cast<std::uint32_t>(options.feature_format);
  for (const ConlluSentence& s : train)
    for (const ConlluWord& w : s.words)
      if (w.deprel != kRootRelation && w.deprel != "_" &&
          std::find(model->relations.begin(), model->relations.end(), w.deprel) == model->relations.end())
        model->relations.push_back(w.deprel);
  if (model->relations.empty() || model->relations.size() > 255)
    throw std::runtime_error("parser training: between 1 and 255 relations needed in the training data");
  finish_model(*model);
  {
    // Ambiguity classes from the training tags: the UPOS a word had at least
    // 5% of the time (so that tagging noise does not enter), for words seen
    // at least three times.
    std::unordered_map<std::uint64_t, std::array<std::uint32_t, 18>> counts;
    for (const ConlluSentence& s : train)
      for (const ConlluWord& w : s.words) {
        auto& c = counts[word_hash(w.form)];
        ++c[static_cast<std::size_t>(parse_upos(w.upos).value_or(Upos::X))];
        ++c[17];
      }
    for (const auto& [word, c] : counts) {
      if (c[17] < 3) continue;
      std::uint32_t set = 0;
      for (std::uint32_t u = 0; u < 17; ++u)
        if (c[u] > 0 && 20 * c[u] >= c[17]) set |= 1u << u;
      model->ambiguity.emplace(word, set);
    }
  }
  model->moves = AveragedPerceptron({"SHIFT", "LEFT", "RIGHT"});
  model->labels = AveragedPerceptron(model->relations);

  // Gold trees, projectivized; sentences that are not single-rooted trees are skipped.
  struct GoldSentence {
    std::size_t source;
    std::vector<int> heads;      // index 0 unused
    std::vector<int> relations;  // relation id per word (index 0 unused)
  };
  std::vector<GoldSentence> gold;
  std::size_t skipped = 0, lifted = 0;
  for (std::size_t k = 0; k < train.size(); ++k) {
    const auto& words = train[k].words;
    GoldSentence g{k, std::vector<int>(words.size() + 1, 0), std::vector<int>(words.size() + 1, 0)};
    for (std::size_t i = 0; i < words.size(); ++i) {
      g.heads[i + 1] = words[i].head;
      const auto it = std::find(model->all_relations.begin(), model->all_relations.end(), words[i].deprel);
      g.relations[i + 1] = it == model->all_relations.end() ? model->root_id()
                                                             : static_cast<int>(it - model->all_relations.begin());
    }
    if (words.empty() || !detail::is_single_rooted_tree(g.heads)) {
      ++skipped;
      continue;
    }
    lifted += static_cast<std::size_t>(detail::projectivize(g.heads));
    gold.push_back(std::move(g));
  }
  if (options.log != nullptr)
    *options.log << fmt::format("parser: {} training sentences ({} skipped, {} non-projective arcs lifted), {} relations\n",
                                gold.size(), skipped, lifted, model->relations.size());

  std::unique_ptr<const detail::ParserModel> best;  // the best epoch's compact model so far (dev selection)
  double best_score = 0.0;
  int best_epoch = 0;
  Random random{options.seed};
  std::vector<std::size_t> order(gold.size());
  std::iota(order.begin(), order.end(), 0);
  Workspace w;
  std::array<float, detail::kMoveCount> scores{};
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
    const bool explore = epoch >= options.explore_from_epoch;
    std::size_t transitions = 0, errors = 0;
    for (const std::size_t index : order) {
      const GoldSentence& g = gold[index];
      const auto& words = train[g.source].words;
      const int n = static_cast<int>(words.size());
      encode_words(*model, w.encoded,
                   [&](std::size_t i) {
                     return WordColumns{words[i].form, words[i].upos, words[i].xpos, words[i].runner_up};
                   },
                   words.size());
      ParseState& st = w.state;
      st.reset(n);
      while (!st.terminal()) {
        transition_features(st, w.encoded, w.features, model->format);
        model->moves.score(w.features, scores);
        int predicted = -1, best_gold = -1, best_cost = 1 << 30;
        std::array<int, detail::kMoveCount> cost{};
        for (int c = 0; c < detail::kMoveCount; ++c) {
          const Move m = static_cast<Move>(c);
          if (!st.valid(m)) continue;
          cost[static_cast<std::size_t>(c)] = detail::transition_cost(st, m, g.heads);
          const float s = scores[static_cast<std::size_t>(c)];
          if (predicted < 0 || s > scores[static_cast<std::size_t>(predicted)]) predicted = c;
          const int k = cost[static_cast<std::size_t>(c)];
          if (k < best_cost || (k == best_cost && s > scores[static_cast<std::size_t>(best_gold)])) {
            best_cost = k;
            best_gold = c;
          }
        }
        ++transitions;
        const bool wrong = cost[static_cast<std::size_t>(predicted)] > best_cost;
        if (wrong) ++errors;
        model->moves.update(best_gold, wrong ? predicted : best_gold, w.features);
        const int chosen = (!wrong || (explore && random.uniform() < options.explore_probability)) ? predicted : best_gold;
        const Move move = static_cast<Move>(chosen);
        int relation = kNone;
        if (move != Move::shift) {
          const int d = st.s(0);
          const int h = move == Move::left ? st.buf(0) : st.s(1);
          const int gold_relation = g.relations[static_cast<std::size_t>(d)];
          if (h == 0) {
            relation = model->root_id();
          } else {
            relation_features(st, w.encoded, h, d, w.features, model->format);
            const int guess = model->labels.predict(w.features);
            if (g.heads[static_cast<std::size_t>(d)] == h && gold_relation != model->root_id()) {
              model->labels.update(gold_relation, guess, w.features);
              relation = gold_relation;
            } else {
              relation = guess;
            }
          }
        }
        st.apply(move, relation);
      }
    }
    std::string line = fmt::format("parser: epoch {:2}: {:.2f}% transitions wrong", epoch + 1,
                                   100.0 * static_cast<double>(errors) / static_cast<double>(std::max<std::size_t>(transitions, 1)));
    if (!dev.empty() && options.select_from_epoch > 0 && epoch + 1 >= options.select_from_epoch) {
      // The averaged weights as they stand, in the compact form parsing
      // uses, scored on dev: the epoch with the best UAS + LAS is kept.
      auto candidate = std::make_unique<detail::ParserModel>();
      compact_copy(*model, options.prune_below, *candidate);
      DependencyParser view(std::unique_ptr<const detail::ParserModel>(candidate.release()));
      const AttachmentScores s = view.evaluate(dev);
      const double score = s.uas() + s.las();
      line += fmt::format(", dev UAS {:.2f} LAS {:.2f}", s.uas(), s.las());
      if (!best || score > best_score) {
        best_score = score;
        best_epoch = epoch + 1;
        best = std::move(view.model_);
      }
    }
    if (options.log != nullptr) *options.log << line << '\n' << std::flush;
  }
  if (!best) {
    compact_copy(*model, options.prune_below, *model);
    model->moves = AveragedPerceptron();
    model->labels = AveragedPerceptron();
    best = std::move(model);
  } else if (options.log != nullptr) {
    *options.log << fmt::format("parser: keeping the weights of epoch {}\n", best_epoch);
  }
  if (options.log != nullptr)
    *options.log << fmt::format("parser: {} transition features, {} relation features kept\n",
                                best->move_weights.size(), best->relation_weights.size());
  return DependencyParser(std::move(best));
}

// ---- model files ------------------------------------------------------------------

namespace {
using detail::write_pod;
template <class T>
T read_pod(std::istream& in) {
  return detail::read_pod<T>(in, "parser model");
}
}  // namespace

void DependencyParser::save(std::ostream& out) const {
  out.write(kMagic, 4);
  write_pod(out, model_->format);
  write_pod(out, static_cast<std::uint32_t>(model_->relations.size()));
  for (const std::string& r : model_->relations) {
    write_pod(out, static_cast<std::uint32_t>(r.size()));
    out.write(r.data(), static_cast<std::streamsize>(r.size()));
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>> lexicon(model_->ambiguity.begin(), model_->ambiguity.end());
  std::sort(lexicon.begin(), lexicon.end());
  write_pod(out, static_cast<std::uint64_t>(lexicon.size()));
  for (const auto& [word, set] : lexicon) {
    write_pod(out, word);
    write_pod(out, set);
  }
  model_->move_weights.save(out);
  model_->relation_weights.save(out);
}

void DependencyParser::save(const std::filesystem::path& model_file) const {
  std::ofstream out(model_file, std::ios::binary);
  if (!out) throw std::runtime_error(fmt::format("cannot write parser model {}", model_file.string()));
  save(out);
  if (!out) throw std::runtime_error(fmt::format("error writing parser model {}", model_file.string()));
}

DependencyParser DependencyParser::load(std::istream& in) {
  char magic[4];
  if (!in.read(magic, 4) || std::memcmp(magic, kMagic, 4) != 0)
    throw std::runtime_error("not a tempora parser model (bad magic)");
  const auto version = read_pod<std::uint32_t>(in);
  if (version < kOldestFormat || version > kFormatVersion)
    throw std::runtime_error(fmt::format("parser model format {} not supported (expected {} to {})", version,
                                         kOldestFormat, kFormatVersion));
  auto model = std::make_unique<detail::ParserModel>();
  model->format = version;
  const auto count = read_pod<std::uint32_t>(in);
  if (count == 0 || count > 255) throw std::runtime_error("parser model: bad relation count");
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto len = read_pod<std::uint32_t>(in);
    if (len > 256) throw std::runtime_error("parser model: bad relation name");
    std::string name(len, '\0');
    if (!in.read(name.data(), len)) throw std::runtime_error("parser model truncated");
    model->relations.push_back(std::move(name));
  }
  finish_model(*model);
  const auto words = read_pod<std::uint64_t>(in);
  if (words > (1u << 24)) throw std::runtime_error("parser model: bad lexicon size");
  for (std::uint64_t i = 0; i < words; ++i) {
    const auto word = read_pod<std::uint64_t>(in);
    model->ambiguity.emplace(word, read_pod<std::uint32_t>(in));
  }
  model->move_weights.load(in);
  model->relation_weights.load(in, model->relations.size());
  model->compact = true;
  return DependencyParser(std::move(model));
}

DependencyParser DependencyParser::load(const std::filesystem::path& model_file) {
  std::ifstream in(model_file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot open parser model {}", model_file.string()));
  try {
    return load(in);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", model_file.string(), e.what()));
  }
}

bool DependencyParser::available() {
  std::error_code ec;
  return std::filesystem::is_regular_file(data_dir() / "models/parser-en-ewt.bin", ec);
}

DependencyParser DependencyParser::load() { return load(data_file("models/parser-en-ewt.bin")); }

}  // namespace tempora

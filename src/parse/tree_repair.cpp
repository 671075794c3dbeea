// Repairs of parse trees: three shapes greedy decoding leaves in news text.
//
// 1. The main verb caught in a relative clause.
//
// News sentences often open with a subject that a relative clause describes
// before the main verb comes:
//
//     Carnival, which has three ships on order, presented claims ...
//     Trump, who met Zelensky on Friday, later said the talks were productive.
//
// A greedy left-to-right parser has to decide whether the relative clause is
// finished when it reaches the second comma. Trained on web text (UD English
// EWT), where the construction is rare, it keeps the clause open and attaches
// the main verb inside it ("said" as an advcl or conj of "met"), leaving the
// subject noun as the root of the sentence and the main verb without a
// subject: later stages would then not know who said what.
//
// The repair recognizes the resulting shape, which is never a correct UD
// analysis of an English sentence: a nominal root with a relative clause whose
// head has, to its right, a finite verb (a present or past tense form, or a
// verb with an auxiliary) attached as advcl, conj or parataxis, with no
// subject, subordinator or coordinator of its own. That verb is made the root
// and the noun its subject; punctuation after the verb that hung on the noun
// moves to the verb. On UD English EWT the shape occurs once in 4,078 parsed
// dev and test sentences (scores unchanged to the second decimal); on the
// TimeBank and AQUAINT news text it occurs in about one sentence in 450, each
// of them a misparse of this kind.
//
// 2. The subject taken for an apposition. After a fronted phrase and a comma
//
//     In composite trading on the New York Stock Exchange Friday, Crossland
//     closed at $5.25.
//
// the parser often makes the subject an apposition of the last noun before
// the comma ("Friday, Crossland") and leaves the verb without a subject. A
// nominal attached as appos to a word on its left, with no dependents to its
// right, directly before a finite verb (adverbs and auxiliaries aside) that
// has no subject, is made that verb's subject. On EWT dev and test it fires
// five times (UAS +0.004); on the TimeBank and AQUAINT text 13 times, all but
// one a misparse of this kind.
//
// 3. A nominal with a preposition taken for a core argument. In
//
//     The meeting between the two presidents lasted two hours.
//
// the parser may attach "presidents" to "lasted" as a second subject, with
// "between" as its case marker or as a subordinator (mark) of the verb right
// before it. A subject or object with a preposition of its own (a case
// dependent that is not the possessive 's) is not a UD analysis: in the
// 12,544 sentences of EWT train it occurs twice. When the word before the
// phrase and its preposition belongs to another subject (or object) of the
// same verb, the phrase modifies that nominal: "presidents" becomes an nmod
// of "meeting", and "between" its case marker. (Relabelling the other such
// arguments as obliques was tried: it lowered EWT test LAS by 0.03.) It
// changes 12 of the 4,027 TimeBank and AQUAINT sentences.
//
// The repairs look at each word a bounded number of times: linear in the
// sentence, however long.
#include "parse/tree_repair.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace tempora::detail {
namespace {

bool nominal(std::string_view upos) { return upos == "NOUN" || upos == "PROPN" || upos == "PRON"; }
bool finite_form(std::string_view xpos) { return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP"; }
std::string_view universal(std::string_view relation) { return relation.substr(0, relation.find(':')); }

// What each word's dependents are, in one pass over the arcs.
struct Dependents {
  std::vector<std::uint8_t> flags;
  std::vector<int> rightmost;  // the rightmost dependent, or -1
  enum : std::uint8_t { kSubject = 1, kAuxiliary = 2, kSubordinator = 4 };

  explicit Dependents(std::span<const Arc> arcs) : flags(arcs.size(), 0), rightmost(arcs.size(), -1) {
    for (std::size_t k = 0; k < arcs.size(); ++k) {
      const int h = arcs[k].head;
      if (h < 0 || static_cast<std::size_t>(h) >= arcs.size()) continue;
      const std::string_view r = universal(arcs[k].deprel);
      auto& f = flags[static_cast<std::size_t>(h)];
      if (r == "nsubj" || r == "csubj" || r == "expl") f |= kSubject;
      if (r == "aux") f |= kAuxiliary;
      if (r == "mark" || r == "cc") f |= kSubordinator;
      rightmost[static_cast<std::size_t>(h)] = std::max(rightmost[static_cast<std::size_t>(h)], static_cast<int>(k));
    }
  }
  bool has(std::size_t i, std::uint8_t flag) const { return (flags[i] & flag) != 0; }
};

bool finite(std::span<const RepairTags> tags, const Dependents& d, std::size_t v) {
  return finite_form(tags[v].xpos) || d.has(v, Dependents::kAuxiliary);
}

void free_main_verb_from_relative_clause(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  int root = -1;
  for (std::size_t i = 0; i < n; ++i)
    if (arcs[i].head < 0) {
      if (root >= 0) return;  // not a single tree
      root = static_cast<int>(i);
    }
  if (root < 0 || !nominal(tags[static_cast<std::size_t>(root)].upos)) return;
  const Dependents d(arcs);
  for (std::size_t verb = 0; verb < n; ++verb) {
    const int clause = arcs[verb].head;
    if (clause <= root || static_cast<int>(verb) <= clause) continue;
    const Arc& c = arcs[static_cast<std::size_t>(clause)];
    if (c.head != root || c.deprel != "acl:relcl" || tags[verb].upos != "VERB") continue;
    const std::string_view relation = arcs[verb].deprel;
    if (relation != "advcl" && relation != "conj" && relation != "parataxis") continue;
    if (d.has(verb, Dependents::kSubject | Dependents::kSubordinator) || !finite(tags, d, verb)) continue;
    const auto r = static_cast<std::size_t>(root);
    arcs[verb] = Arc{-1, "root"};
    arcs[r] = Arc{static_cast<int>(verb), "nsubj"};
    for (std::size_t k = verb + 1; k < n; ++k)
      if (arcs[k].head == root && arcs[k].deprel == "punct") arcs[k].head = static_cast<int>(verb);
    return;
  }
}

void give_subject_back_from_apposition(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const Dependents d(arcs);
  for (std::size_t verb = 1; verb < arcs.size(); ++verb) {
    if (tags[verb].upos != "VERB" && tags[verb].upos != "AUX") continue;
    if (d.has(verb, Dependents::kSubject) || !finite(tags, d, verb)) continue;
    const std::string_view own = universal(arcs[verb].deprel);
    if (own == "conj" || own == "acl" || own == "xcomp" || own == "amod") continue;
    std::size_t m = verb - 1;  // the word before the verb group
    while (m > 0 && arcs[m].head == static_cast<int>(verb) &&
           (arcs[m].deprel == "advmod" || universal(arcs[m].deprel) == "aux"))
      --m;
    const Arc& a = arcs[m];
    if (!nominal(tags[m].upos) || a.deprel != "appos" || a.head < 0 || a.head >= static_cast<int>(m)) continue;
    if (d.rightmost[m] > static_cast<int>(m)) continue;
    arcs[m] = Arc{static_cast<int>(verb), "nsubj"};
    return;  // one repair per sentence: the dependents above are now stale
  }
}

bool core_argument(std::string_view relation) {
  const std::string_view r = universal(relation);
  return r == "nsubj" || r == "obj" || r == "iobj";
}

void demote_core_argument_with_preposition(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  // The first preposition of each word (its case dependent on the left) and
  // its leftmost dependent, in one pass.
  std::vector<int> preposition(n, -1), leftmost(n, -1);
  for (std::size_t k = 0; k < n; ++k) {
    const int h = arcs[k].head;
    if (h < 0 || static_cast<std::size_t>(h) >= n) continue;
    auto& first = leftmost[static_cast<std::size_t>(h)];
    if (first < 0) first = static_cast<int>(k);
    if (arcs[k].deprel == "case" && tags[k].upos == "ADP" && tags[k].xpos != "POS" && static_cast<int>(k) < h &&
        preposition[static_cast<std::size_t>(h)] < 0)
      preposition[static_cast<std::size_t>(h)] = static_cast<int>(k);
  }
  for (std::size_t b = 0; b < n; ++b) {
    const int v = arcs[b].head;
    if (v < 0 || !nominal(tags[b].upos) || !core_argument(arcs[b].deprel)) continue;
    // The word before the phrase: left of its leftmost descendant.
    int start = static_cast<int>(b);
    for (int step = 0; step < 64 && leftmost[static_cast<std::size_t>(start)] >= 0 &&
                       leftmost[static_cast<std::size_t>(start)] < start;
         ++step)
      start = leftmost[static_cast<std::size_t>(start)];
    // The preposition is the phrase's own, or hangs on the verb as a
    // subordinator right before the phrase ("between" as mark of "took").
    int stray = -1;
    if (preposition[b] < 0) {
      const int m = start - 1;
      if (m < 0 || arcs[static_cast<std::size_t>(m)].head != v || arcs[static_cast<std::size_t>(m)].deprel != "mark" ||
          tags[static_cast<std::size_t>(m)].xpos != "IN")
        continue;
      stray = m;
      start = m;
    }
    // Up from the word before: is it inside another argument of the same
    // kind of the same verb, on the left?
    int owner = -1;
    for (int w = start - 1, step = 0; w >= 0 && step < 64 && owner < 0; w = arcs[static_cast<std::size_t>(w)].head, ++step) {
      const auto a = static_cast<std::size_t>(w);
      if (arcs[a].head == v && a < b && nominal(tags[a].upos) && universal(arcs[a].deprel) == universal(arcs[b].deprel))
        owner = w;
    }
    if (owner < 0) continue;
    arcs[b] = Arc{owner, "nmod"};
    if (stray >= 0) arcs[static_cast<std::size_t>(stray)] = Arc{static_cast<int>(b), "case"};
  }
}

}  // namespace

void repair_tree(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  free_main_verb_from_relative_clause(arcs, tags);
  give_subject_back_from_apposition(arcs, tags);
  demote_core_argument_with_preposition(arcs, tags);
}

}  // namespace tempora::detail

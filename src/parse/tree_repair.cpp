// Repairs of parse trees: the main verb caught in a relative clause.
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
#include "parse/tree_repair.hpp"

#include <algorithm>

namespace tempora::detail {
namespace {

bool nominal(std::string_view upos) { return upos == "NOUN" || upos == "PROPN" || upos == "PRON"; }
bool finite_form(std::string_view xpos) { return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP"; }
std::string_view universal(std::string_view relation) { return relation.substr(0, relation.find(':')); }

}  // namespace

void repair_tree(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const int n = static_cast<int>(arcs.size());
  int root = -1;
  for (int i = 0; i < n; ++i)
    if (arcs[static_cast<std::size_t>(i)].head < 0) {
      if (root >= 0) return;  // not a single tree
      root = i;
    }
  if (root < 0 || !nominal(tags[static_cast<std::size_t>(root)].upos)) return;
  const auto arc = [&](int i) -> Arc& { return arcs[static_cast<std::size_t>(i)]; };
  for (int clause = root + 1; clause < n; ++clause) {
    if (arc(clause).head != root || arc(clause).deprel != "acl:relcl") continue;
    for (int verb = clause + 1; verb < n; ++verb) {
      if (arc(verb).head != clause || tags[static_cast<std::size_t>(verb)].upos != "VERB") continue;
      const std::string_view relation = arc(verb).deprel;
      if (relation != "advcl" && relation != "conj" && relation != "parataxis") continue;
      bool has_auxiliary = false, blocked = false;
      for (int k = 0; k < n; ++k) {
        if (arc(k).head != verb) continue;
        const std::string_view r = universal(arc(k).deprel);
        has_auxiliary = has_auxiliary || r == "aux";
        blocked = blocked || r == "nsubj" || r == "csubj" || r == "mark" || r == "cc";
      }
      if (blocked || !(has_auxiliary || finite_form(tags[static_cast<std::size_t>(verb)].xpos))) continue;
      arc(verb) = Arc{-1, "root"};
      arc(root) = Arc{verb, "nsubj"};
      for (int k = verb + 1; k < n; ++k)
        if (arc(k).head == root && arc(k).deprel == "punct") arc(k).head = verb;
      return;
    }
  }
}

}  // namespace tempora::detail

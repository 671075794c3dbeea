// Factuality: which events the text says took place.
//
// A timeline of "what happened" must not show what the text only wishes,
// requests, fears or denies. In "Trump urged Moscow and Kyiv to begin peace
// talks" the urging happened, the beginning did not (yet); in "Washington
// does not want to escalate the situation" nothing was escalated; "Ukraine
// would use every opportunity" is a possibility. Each event mention gets one
// of four values, after the certainty, polarity and time attributes of the
// NewsReader/MEANTIME annotation and the event modality of TimeML/FactBank,
// reduced to what a timeline needs:
//
//   ASSERTED  the text presents the event as having happened or happening;
//   FUTURE    announced or planned: "will meet", "plans to release",
//             "the upcoming update";
//   POSSIBLE  a possibility only: a modal ("would", "could"), a condition
//             ("if they meet"), or the complement of a predicate of wanting,
//             asking, trying or fearing ("urged X to begin", "wants to",
//             "nervous about these weapons reaching Ukraine");
//   NEGATED   denied: "did not meet", "no decision", "without agreement",
//             "refused to comment".
//
// How. First each event's own evidence: its polarity, tense and modality (set
// from the verb group by event_rules.cpp), a conditional subordinator ("if")
// on its clause, and a modifier of an event noun ("upcoming", "possible").
// Then, with a dependency parse, embedding: an event that is the clausal
// complement (xcomp, ccomp) of a predicate, or the to-infinitive modifying a
// noun ("plans to release"), takes the value the predicate's lexical class
// imposes (future-, possible- and negative-governors in
// resources/event/factuality.txt), and inherits doubt from it: whatever a
// possible or negated predicate embeds is at most possible ("did not say
// that X"). An event noun that is the object of a verb is embedded the same
// way when the verb's class says what becomes of its object: a light verb
// ("begin peace talks", "did not hold talks") passes on its own value, a
// verb of intending ("requested a meeting") makes it FUTURE, a verb of
// refusing ("declined immediate delivery") NEGATED; other verbs ("attended
// the meeting", "criticized the attack") leave their object's value alone. Reporting and belief predicates ("said that", "believe that")
// impose nothing: reported events keep their own value. The values are
// ordered ASSERTED < FUTURE < POSSIBLE < NEGATED and combined by taking the
// strongest doubt. Governors are resolved before what they embed (a walk up
// the tree with memoization), so the whole pass is linear in the number of
// tokens.
//
// Measured against MEANTIME's gold attributes by `tempora eval factuality`.
#include "factuality.hpp"

#include <algorithm>

#include "event_rules.hpp"
#include "rule_file.hpp"

namespace tempora::detail {
namespace {

std::string_view universal(std::string_view relation) { return relation.substr(0, relation.find(':')); }

Factuality strongest(Factuality a, Factuality b) { return std::max(a, b); }

}  // namespace

FactualityRules FactualityRules::load(const std::filesystem::path& dir) {
  FactualityRules rules;
  for_each_line(dir / "factuality.txt", [&](std::string_view line) {
    const auto [name, rest] = split_colon(line);
    Category c;
    if (name == "possible-modal") c = kPossibleModal;
    else if (name == "possible-governor") c = kPossibleGovernor;
    else if (name == "implicative-governor") c = kImplicativeGovernor;
    else if (name == "reporting-governor") c = kReportingGovernor;
    else if (name == "negative-governor") c = kNegativeGovernor;
    else if (name == "future-modifier") c = kFutureModifier;
    else if (name == "possible-modifier") c = kPossibleModifier;
    else if (name == "condition-marker") c = kConditionMarker;
    else if (name == "light-verb") c = kLightVerb;
    else if (name == "intention-governor") c = kIntentionGovernor;
    else if (name == "negative-object-governor") c = kNegativeObjectGovernor;
    else if (name == "fear-governor") c = kFearGovernor;
    else throw std::runtime_error(fmt::format("unknown category '{}'", name));
    for (const std::string& w : words_of(rest)) rules.words_[event_lower(w)] |= static_cast<std::uint16_t>(1u << c);
  });
  return rules;
}

bool FactualityRules::is(std::string_view lemma, Category c) const {
  const auto it = words_.find(std::string(lemma));
  return it != words_.end() && (it->second & (1u << c)) != 0;
}

void FactualityRules::assess(Events& events, const Segmentation& seg, const Morphology& morph,
                             const Dependencies* deps) const {
  const std::size_t n = seg.tokens.size();
  // A parse that is not parallel to the tokens (built on another
  // segmentation) is no evidence: only the verb groups count then.
  if (deps != nullptr && (deps->head.size() != n || deps->deprel.size() != n || morph.tokens.size() != n))
    deps = nullptr;
  const auto lemma = [&](std::size_t t) { return event_lower(morph.tokens[t].lemma); };
  // Modifiers are listed as words: "planned" is a modifier, its lemma "plan" is not.
  const auto modifier = [&](std::size_t t, Category c) {
    return is(event_lower(seg.tokens[t].norm), c) || is(lemma(t), c);
  };

  // What each token's dependents say about it (with a parse).
  enum : std::uint16_t {
    kCondition = 1, kFutureMod = 2, kPossibleMod = 4, kNegation = 8, kModal = 16, kWill = 32, kTo = 64,
    kSubject = 128, kSubordinator = 256,
  };
  std::vector<std::uint16_t> marks(deps != nullptr ? n : 0, 0);
  if (deps != nullptr) {
    for (std::size_t t = 0; t < n; ++t) {
      const int h = deps->head[t];
      if (h < 0 || static_cast<std::size_t>(h) >= n) continue;
      const std::string_view rel = universal(deps->deprel[t]);
      const std::string l = lemma(t);
      std::uint16_t& m = marks[static_cast<std::size_t>(h)];
      if (rel == "nsubj" || rel == "csubj" || rel == "expl") m |= kSubject;
      if (rel == "mark" && is(l, kConditionMarker)) m |= kCondition;
      else if (rel == "mark" && l == "to") m |= kTo;
      else if (rel == "mark" && l == "without") m |= kSubordinator | kNegation;  // "left without giving details"
      else if (rel == "mark") m |= kSubordinator;
      else if (rel == "amod" || rel == "compound" || rel == "advmod") {
        if (modifier(t, kFutureModifier)) m |= kFutureMod;
        if (modifier(t, kPossibleModifier)) m |= kPossibleMod;
        if (rel == "advmod" && (l == "not" || l == "n't" || l == "never")) m |= kNegation;
      } else if (rel == "aux") {
        if (is(l, kPossibleModal)) m |= kModal;
        if (l == "will" || l == "shall") m |= kWill;
      } else if ((rel == "det" && l == "no") || (rel == "case" && l == "without")) {
        m |= kNegation;  // "no final decision", "ended without agreement"
      }
    }
  }

  // A clause an "if" or "when" clause conditions: "would buy Activision if
  // regulators agreed", "reception would decrease when holding the phone"
  // (a habit, not a future).
  std::vector<bool> conditioned(marks.size(), false);
  for (std::size_t t = 0; t < marks.size(); ++t) {
    const int h = deps->head[t];
    if (h < 0 || static_cast<std::size_t>(h) >= n) continue;
    const std::string l = lemma(t);
    const bool when = (l == "when" || l == "whenever") && universal(deps->deprel[static_cast<std::size_t>(h)]) == "advcl";
    const int clause = when ? h : static_cast<int>(t);
    if (((marks[t] & kCondition) || when) && universal(deps->deprel[static_cast<std::size_t>(clause)]) == "advcl") {
      const int governor = deps->head[static_cast<std::size_t>(clause)];
      if (governor >= 0 && static_cast<std::size_t>(governor) < n) conditioned[static_cast<std::size_t>(governor)] = true;
    }
  }

  // The event's own evidence.
  const auto local = [&](const EventMention& e) {
    Factuality f = Factuality::ASSERTED;
    if (e.tense == EventTense::FUTURE) f = Factuality::FUTURE;
    if (!e.modality.empty() && is(e.modality, kPossibleModal)) f = strongest(f, Factuality::POSSIBLE);
    // "said it would buy Activision": "would" in what a past saying reports
    // is the future of that past (the report's "will buy"), not a doubt,
    // unless a condition comes with it; also in the second of two reported
    // clauses ("said that he had spoken with Trump and that the two would
    // meet", a conjunct of the first)
    std::size_t clause = e.token;
    for (int steps = 0; deps != nullptr && clause < n && steps < 4 && deps->deprel[clause] == "conj" &&
                        deps->head[clause] >= 0 && static_cast<std::size_t>(deps->head[clause]) < clause;
         ++steps)
      clause = static_cast<std::size_t>(deps->head[clause]);
    if (e.modality == "would" && deps != nullptr && e.token < n && deps->deprel[clause] == "ccomp" &&
        !(marks[e.token] & kCondition) && !conditioned[e.token]) {
      const int h = deps->head[clause];
      if (h >= 0 && static_cast<std::size_t>(h) < n && morph.tokens[static_cast<std::size_t>(h)].xpos == "VBD" &&
          (is(lemma(static_cast<std::size_t>(h)), kReportingGovernor) ||
           lemma(static_cast<std::size_t>(h)) == "announce" || lemma(static_cast<std::size_t>(h)) == "tell"))
        f = Factuality::FUTURE;
    }
    if (e.polarity == EventPolarity::NEG) f = Factuality::NEGATED;
    if (deps != nullptr && e.token < n) {
      const std::uint16_t m = marks[e.token];
      if (m & kFutureMod) f = strongest(f, Factuality::FUTURE);
      if (m & (kCondition | kPossibleMod)) f = strongest(f, Factuality::POSSIBLE);
      if (m & kNegation) f = Factuality::NEGATED;  // "no final decision"
    } else if (e.token > 0 && seg.tokens[e.token - 1].span.end <= e.span.begin) {
      // No parse: the word just before an event noun ("the upcoming update").
      if (modifier(e.token - 1, kFutureModifier)) f = strongest(f, Factuality::FUTURE);
      if (modifier(e.token - 1, kPossibleModifier)) f = strongest(f, Factuality::POSSIBLE);
    }
    return f;
  };
  // A governor that is not an event mention: its dependents only.
  const auto token_factuality = [&](std::size_t t) {
    const std::uint16_t m = marks[t];
    if (m & kNegation) return Factuality::NEGATED;
    if (m & (kModal | kCondition)) return Factuality::POSSIBLE;
    if (m & kWill) return Factuality::FUTURE;
    return Factuality::ASSERTED;
  };

  std::vector<int> event_at(deps != nullptr ? n : 0, -1);
  for (std::size_t i = 0; i < events.events.size(); ++i)
    if (deps != nullptr && events.events[i].token < n) event_at[events.events[i].token] = static_cast<int>(i);

  // The word that embeds token t, or -1: t heads a clausal complement, or a
  // to-infinitive that modifies a noun or a clause ("plans to release", "an
  // event to be held", "negotiations to arrange the deal").
  const auto governor = [&](std::size_t t) -> int {
    const int h = deps->head[t];
    if (h < 0 || static_cast<std::size_t>(h) >= n) return -1;
    const std::string_view rel = universal(deps->deprel[t]);
    if (rel == "xcomp" || rel == "ccomp" || rel == "csubj") return h;
    if ((rel == "acl" || rel == "advcl") && (marks[t] & kTo)) return h;
    const auto hi = static_cast<std::size_t>(h);
    // "denied taking any money", "avoided paying": a gerund right after its
    // verb, parsed as an adverbial clause, is the verb's complement (no
    // subordinator or comma stands between).
    if (rel == "advcl" && morph.tokens[t].xpos == "VBG" && t == hi + 1) return h;
    // "worried about losing his job": the feared event is an adverbial clause.
    if (rel == "advcl" && is(lemma(hi), kFearGovernor)) return h;
    // "nervous about these weapons reaching Ukraine": a gerund clause with
    // its own subject, parsed as a clause modifying that subject.
    if (rel == "acl" && morph.tokens[t].xpos == "VBG" && universal(deps->deprel[hi]) == "obl") {
      const int g = deps->head[hi];
      if (g >= 0 && static_cast<std::size_t>(g) < n && is(lemma(static_cast<std::size_t>(g)), kFearGovernor)) return g;
    }
    return -1;
  };
  // The verb whose object token t is ("begin peace talks", "declined
  // immediate delivery"; "talks will be held" as a passive subject), when
  // that verb's class decides what the object event is, or -1.
  const auto object_governor = [&](std::size_t t) -> int {
    const int h = deps->head[t];
    if (h < 0 || static_cast<std::size_t>(h) >= n) return -1;
    const std::string_view rel = deps->deprel[t];
    if (rel != "obj" && rel != "nsubj:pass") return -1;
    const std::string l = lemma(static_cast<std::size_t>(h));
    const bool decides = is(l, kLightVerb) || is(l, kIntentionGovernor) || is(l, kNegativeObjectGovernor);
    return decides ? h : -1;
  };
  std::vector<std::int8_t> state(events.events.size(), -1);  // -1 unknown, -2 in progress, else the value
  // Token t's value: its event's (resolved first) or, for a word that is not
  // an event or is being resolved (a cycle cannot occur in a tree, but the
  // guard is cheap), what its own dependents say.
  const auto factuality_of_token = [&](auto&& self_event, std::size_t t) {
    const int ge = event_at[t];
    return ge >= 0 && state[static_cast<std::size_t>(ge)] != -2 ? self_event(static_cast<std::size_t>(ge))
                                                                  : token_factuality(t);
  };

  const auto resolve = [&](auto&& self, std::size_t i) -> Factuality {
    if (state[i] >= 0) return static_cast<Factuality>(state[i]);
    EventMention& e = events.events[i];
    Factuality f = local(e);
    state[i] = -2;
    if (deps != nullptr && e.token < n) {
      const auto event_value = [&](std::size_t k) { return self(self, k); };
      const std::size_t t = e.token;
      const bool infinitive = (marks[t] & kTo) != 0 || e.tense == EventTense::INFINITIVE;
      if (const int g = governor(t); g >= 0) {
        const auto gi = static_cast<std::size_t>(g);
        const Factuality above = factuality_of_token(event_value, gi);
        if (above == Factuality::POSSIBLE || above == Factuality::NEGATED) f = strongest(f, Factuality::POSSIBLE);
        else if (above == Factuality::FUTURE) f = strongest(f, Factuality::FUTURE);
        const std::string l = lemma(gi);
        if (is(l, kNegativeGovernor)) f = Factuality::NEGATED;
        else if (is(l, kPossibleGovernor) || is(l, kFearGovernor)) f = strongest(f, Factuality::POSSIBLE);
        else if (infinitive && !is(l, kImplicativeGovernor) && !is(l, kReportingGovernor))
          f = strongest(f, Factuality::FUTURE);
      } else if (const int v = object_governor(t); v >= 0) {
        // A light verb's object is what the verb group says of it, denial
        // included ("did not hold talks"); an intended or refused object
        // did not take place (yet), and shares the verb's doubt.
        const auto vi = static_cast<std::size_t>(v);
        const Factuality above = factuality_of_token(event_value, vi);
        const std::string l = lemma(vi);
        if (is(l, kNegativeObjectGovernor)) f = Factuality::NEGATED;
        else if (is(l, kLightVerb)) f = strongest(f, above);
        else f = strongest(strongest(f, Factuality::FUTURE), above == Factuality::NEGATED ? Factuality::POSSIBLE : above);
      } else if (deps->head[t] < 0 && infinitive) {
        f = strongest(f, Factuality::FUTURE);  // a headline: "Apple to give free cases"
      } else if (deps->head[t] >= 0 && static_cast<std::size_t>(deps->head[t]) < n &&
                 universal(deps->deprel[t]) == "conj" && morph.tokens[t].xpos == "VB") {
        // A bare verb coordinated with another shares its verb group: "will
        // be able to set the price or release them for free".
        const Factuality first = factuality_of_token(event_value, static_cast<std::size_t>(deps->head[t]));
        if (first == Factuality::FUTURE || first == Factuality::POSSIBLE) f = strongest(f, first);
      } else if (deps->head[t] >= 0 && static_cast<std::size_t>(deps->head[t]) < n &&
                 universal(deps->deprel[t]) == "advcl" && !(marks[t] & kSubject) && (marks[t] & kSubordinator) &&
                 (morph.tokens[t].xpos == "VBG" || morph.tokens[t].xpos == "VB")) {
        // A non-finite adverbial clause with a subordinator and without a
        // subject of its own is part of its verb's plan: "is expected to
        // travel to Seoul before returning". (An unmarked one after a comma,
        // "..., making the request", is too often the main verb's.)
        // Not one an adverb places in the past: "would open a center ...,
        // after meeting Kishida earlier in the day" (a look at the dozen
        // words after the verb keeps this linear).
        bool past = false;
        for (std::size_t k = t + 1; k < n && k <= t + 12 && !past; ++k) {
          const std::string w = lemma(k);  // "earlier" is "early"
          past = deps->head[k] == static_cast<int>(t) && universal(deps->deprel[k]) == "advmod" &&
                 ((w == "early" && morph.tokens[k].xpos == "RBR") || w == "already" || w == "previously" ||
                  w == "ago");
        }
        const Factuality verb = factuality_of_token(event_value, static_cast<std::size_t>(deps->head[t]));
        if (!past && (verb == Factuality::FUTURE || verb == Factuality::POSSIBLE)) f = strongest(f, verb);
      }
    }
    state[i] = static_cast<std::int8_t>(f);
    e.factuality = f;
    return f;
  };
  for (std::size_t i = 0; i < events.events.size(); ++i) resolve(resolve, i);
}

}  // namespace tempora::detail

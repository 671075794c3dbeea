// From an analysed Document to a TimelineGraph.
//
// The graph is a summary of the layers, not a new analysis; every node and
// edge comes from one layer:
//
//   event nodes    one per EventMention (Events): id, type, newsworthy, the
//                  trigger's words. The label is headline-like, "Holm writes"
//                  or "Marek gives interview": the mention's proper-noun
//                  subject (Dependencies, when the parser ran), the verb in
//                  the present tense, and a nominal object; a noun trigger
//                  ("talks", "interview") is its own label.
//   actor nodes    the actors (Actors) that take part in an event, with the
//                  roles the actor stage found (Participants): agent,
//                  co-participant, place, ... One node per cross-document
//                  key, unprefixed, so that several articles share it. The
//                  label names a person by surname ("Zelensky meets Trump —
//                  White House"); a place participant ends the label.
//   time nodes     the time expressions (TimeExpressions) an event is
//                  anchored to, with their calendar interval and the parts
//                  that were inferred ("Oct 17 (2025)").
//   anchoring      a kept link event IS_INCLUDED / DURING / SIMULTANEOUS a
//                  dated timex (TemporalLinks): "at" a day or finer, "within"
//                  a coarser time; the strongest such link per event wins.
//                  An event without one keeps the calendar bounds the closure
//                  gives it ("on or after 2026-03-12"), as a bound, never as
//                  a date. An "on or before" bound that only says "before the
//                  article was written" is left out (it holds for every past
//                  event and would say nothing).
//   order          kept event-event links (BEFORE, AFTER, INCLUDES, ...):
//                  stated when a word in the text gave the link (a signal
//                  such as "after"), inferred when a rule did (tense, reported
//                  speech). Start-point links (STARTS_BEFORE) are drawn as
//                  BEFORE, inferred. Narrative-order defaults are not drawn.
//   shown          an event is shown by default (EventNode::newsworthy) when
//                  the event stage calls it newsworthy and it has a type in
//                  the taxonomy, a named participant, or a date the text
//                  gives and a noun or subject to tell it by ("Exchange
//                  files" in November 2022, "Sentencing" on March 28):
//                  "Walked" or "Means" alone tell a reader nothing (--all
//                  shows them).
//   identity       kept IDENTITY links ("the meeting" referring back to
//                  "met") and light-verb links ("gave an interview": the
//                  verb and its noun are one event).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "tempora/actor.hpp"
#include "tempora/event.hpp"
#include "tempora/event_time.hpp"
#include "tempora/parse.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/relation.hpp"
#include "graph/timeline_times.hpp"
#include "tempora/graph.hpp"

namespace tempora {

namespace {

using Vertex = TimelineGraph::Vertex;
using std::chrono::sys_days;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The third person singular of a lemma, for headline labels ("meet" -> "meets").
std::string third_person(const std::string& lemma) {
  static const std::map<std::string, std::string, std::less<>> kIrregular = {
      {"be", "is"}, {"have", "has"}, {"do", "does"}, {"go", "goes"}};
  if (const auto it = kIrregular.find(lemma); it != kIrregular.end()) return it->second;
  if (lemma.empty() || !std::isalpha(static_cast<unsigned char>(lemma.back()))) return lemma;
  const auto ends = [&](std::string_view s) { return lemma.ends_with(s); };
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") || ends("o")) return lemma + "es";
  if (lemma.size() > 1 && lemma.back() == 'y' && std::string_view("aeiou").find(lemma[lemma.size() - 2]) == std::string_view::npos)
    return lemma.substr(0, lemma.size() - 1) + "ies";
  return lemma + "s";
}

// The tokens of a proper-noun phrase around token i: i with its compound /
// flat proper-noun dependents, in text order ("Lidia Marek").
std::vector<int> name_parts(const SyntaxView& syntax, int i) {
  std::vector<int> parts{i};
  for (const int d : syntax.dependents(i))
    if ((syntax.is(d, "compound") || syntax.is(d, "flat")) && syntax.upos(d) == Upos::PROPN) parts.push_back(d);
  std::sort(parts.begin(), parts.end());
  return parts;
}

// The last word of a name ("Marek"): what a headline calls a person.
std::string short_name(const SyntaxView& syntax, int i) { return std::string(syntax.word(name_parts(syntax, i).back())); }

std::string proper_name(const SyntaxView& syntax, int i) {
  std::vector<int> parts{i};
  for (const int d : syntax.dependents(i))
    if ((syntax.is(d, "compound") || syntax.is(d, "flat")) && syntax.upos(d) == Upos::PROPN) parts.push_back(d);
  std::sort(parts.begin(), parts.end());
  std::string name;
  for (const int p : parts) {
    if (!name.empty()) name += ' ';
    name += syntax.word(p);
  }
  return name;
}

std::optional<OrderRelation> order_relation(RelType type) {
  switch (type) {
    case RelType::before: case RelType::starts_before: return OrderRelation::BEFORE;
    case RelType::after: case RelType::starts_after: return OrderRelation::AFTER;
    case RelType::includes: return OrderRelation::INCLUDES;
    case RelType::is_included: return OrderRelation::IS_INCLUDED;
    case RelType::during: return OrderRelation::DURING;
    case RelType::during_inv: return OrderRelation::DURING_INV;
    case RelType::simultaneous: return OrderRelation::SIMULTANEOUS;
    case RelType::begins: return OrderRelation::BEGINS;
    case RelType::begun_by: return OrderRelation::BEGUN_BY;
    case RelType::ends: return OrderRelation::ENDS;
    case RelType::ended_by: return OrderRelation::ENDED_BY;
    case RelType::ibefore: return OrderRelation::IBEFORE;
    case RelType::iafter: return OrderRelation::IAFTER;
    case RelType::identity: break;
  }
  return std::nullopt;
}

class Builder {
 public:
  Builder(TimelineGraph& graph, const Document& doc, const TimelineOptions& options)
      : graph_(graph), doc_(doc), prefix_(options.id_prefix) {}

  void run() {
    if (!doc_.has<Events>()) return;
    const Events& events = doc_.get<Events>();
    if (doc_.has<Dependencies>() && doc_.has<Morphology>()) syntax_.emplace(doc_);
    if (doc_.has<Actors>()) {
      actors_ = &doc_.get<Actors>();
      collect_person_headlines();
    }
    if (doc_.has<Participants>()) participants_ = &doc_.get<Participants>();
    times_ = detail::timeline_times(doc_);
    for (const detail::TimelineTime& t : times_) timexes_.emplace(t.tid, &t);
    for (const EventMention& m : events.events) event_tokens_.insert(m.token);
    if (doc_.has<TemporalLinks>())
      for (const TemporalLinkRecord& l : doc_.get<TemporalLinks>().links)
        if (l.kept && l.type == RelType::is_included && l.b != "t0" && timexes_.contains(l.b)) dated_events_.insert(l.a);
    for (std::size_t i = 0; i < events.events.size(); ++i) add_event(events.events[i], i);
    if (!doc_.has<TemporalLinks>()) return;
    const TemporalLinks& links = doc_.get<TemporalLinks>();
    anchor_events(events);
    add_order(links);
    link_repeated_mentions(events);
    name_the_place_of_merged_mentions();
  }

 private:
  // An event the text dates that a reader can tell without participants: a
  // noun ("Sentencing") or a label with its subject ("Exchange files"); not
  // a bare verb ("Walked").
  bool told_with_date(const EventMention& e, const std::string& label) const {
    return dated_events_.contains(e.id) && (e.pos == EventPos::NOUN || label.find(' ') != std::string::npos);
  }

  std::string id(std::string_view local) const { return prefix_.empty() ? std::string(local) : prefix_ + ":" + std::string(local); }

  bool in_time_expression(int token) const {
    const Span span = doc_.get<Segmentation>().tokens[static_cast<std::size_t>(token)].span;
    for (const detail::TimelineTime& t : times_)
      if (t.span.overlaps(span)) return true;
    return false;
  }

  // The actor node of an actor of the Actors layer. Its id is the actor's
  // cross-document key, unprefixed, so that the same person in several
  // articles is one node of a shared graph.
  Vertex actor_vertex(const Actor& a) {
    const std::string key = "actor:" + (a.key.empty() ? lower(a.name) : a.key);
    if (const auto found = graph_.find(key)) return *found;
    return graph_.add_actor({.id = key, .name = a.name, .type = a.type});
  }

  const Actor* actor_at(int token) const {
    if (actors_ == nullptr || token < 0) return nullptr;
    return actors_->at_token(static_cast<std::uint32_t>(token));
  }

  std::optional<Vertex> actor(int token) {
    if (const Actor* a = actor_at(token)) return actor_vertex(*a);
    return std::nullopt;
  }

  // What a headline calls an actor: anything but a person by its name ("White
  // House", "NBC News"); a person by the short name the actor stage gave
  // (Actor::short_name: "Zelensky", "Wang" for "Wang Yi"); a person this
  // document does not name (a node another article of a merged graph made)
  // by the last word with the lowercase particles before it ("von der Leyen").
  std::string headline_name(const std::string& name, ActorType type) const {
    if (type != ActorType::PERSON) return name;
    if (const auto it = person_headline_.find(name); it != person_headline_.end()) return it->second;
    auto start = name.rfind(' ');
    if (start == std::string::npos) return name;
    while (start > 0) {
      const auto before = name.rfind(' ', start - 1);
      const std::size_t word = before == std::string::npos ? 0 : before + 1;
      if (word == 0 || !std::islower(static_cast<unsigned char>(name[word]))) break;
      start = before;
    }
    return name.substr(start + 1);
  }
  std::string headline_name(const Actor& a) const { return headline_name(a.name, a.type); }
  void collect_person_headlines() {
    for (const Actor& a : actors_->actors)
      if (a.type == ActorType::PERSON && !a.short_name.empty()) person_headline_.emplace(a.name, a.short_name);
  }

  // The actor the participant finder saw in an event's subject: "Apple Inc.
  // co-founder Steve Jobs", parsed as one name headed by "Apple", is Steve
  // Jobs, not Apple Inc.
  // (A subject without an actor of its own, "the two leaders", is named
  // elsewhere.)
  const Actor* actor_of_subject(std::size_t event, int subject) const {
    const Actor* own = actor_at(subject);
    if (own != nullptr && participants_ != nullptr)
      for (const Participant& p : participants_->of(event))
        if (p.head_token == static_cast<std::uint32_t>(subject) && p.actor >= 0 &&
            static_cast<std::size_t>(p.actor) < actors_->actors.size() &&
            (p.role == Role::agent || p.role == Role::speaker || p.role == Role::patient))
          return &actors_->actors[static_cast<std::size_t>(p.actor)];
    return own;
  }

  // The label names of the actor at `first` (given as `first_actor`, named
  // `first_name`) and of the other actors among its conjuncts ("Macron and
  // Scholz meet", "started by Jobs and Wozniak"); a name the parse split
  // into conjuncts is one actor ("Ursula von der Leyen").
  std::vector<std::string> conjunct_names(int first, Vertex first_actor, std::string first_name) {
    std::vector<std::string> names{std::move(first_name)};
    std::vector<Vertex> seen{first_actor};
    for (int c : syntax_->conjuncts(first)) {
      if (c == first) continue;
      // "Baerbock and her Japanese counterpart Yoko Kamikawa": a described
      // conjunct is the person its apposition names
      if (!actor(c))
        if (const int named = syntax_->dependent(c, "appos"); named >= 0 && actor(named)) c = named;
      if (const auto other = actor(c); other && std::find(seen.begin(), seen.end(), *other) == seen.end()) {
        seen.push_back(*other);
        names.push_back(label_name(c));
      }
    }
    return names;
  }

  // "Marek", "Marek and Holm", "Marek, Holm and Lind".
  static std::string listed(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t k = 0; k < names.size(); ++k)
      out += (k == 0 ? "" : k + 1 == names.size() ? " and " : ", ") + names[k];
    return out;
  }

  std::string label_name(int token) const {
    if (const Actor* a = actor_at(token)) return headline_name(*a);
    return syntax_->upos(token) == Upos::PROPN ? short_name(*syntax_, token) : std::string(syntax_->word(token));
  }

  // The participants the actor stage found, as graph roles; the first place
  // becomes the label's " — White House".
  void add_participants(std::size_t event, std::vector<std::pair<Vertex, Role>>& roles, std::string& place) {
    roles.clear();
    for (const Participant& p : participants_->of(event)) {
      if (p.actor < 0 || static_cast<std::size_t>(p.actor) >= actors_->actors.size()) continue;
      const Actor& a = actors_->actors[static_cast<std::size_t>(p.actor)];
      roles.emplace_back(actor_vertex(a), p.role);
      if (p.role == Role::place && place.empty()) place = a.name;
    }
  }

  // A verb whose object is an event mention: a light verb ("held talks").
  bool holds_an_event(const EventMention& e) const {
    if (!syntax_ || e.token >= syntax_->size()) return false;
    const int object = syntax_->object(static_cast<int>(e.token));
    return object >= 0 && event_tokens_.contains(static_cast<std::uint32_t>(object));
  }

  // "Zelensky meets Trump" for a meeting noun with two parties, "Trump's post"
  // for one, the trigger alone for none.
  std::string nominal_label(const EventMention& e, const std::string& trigger,
                            const std::vector<std::pair<Vertex, Role>>& roles) const {
    // Agents and speakers lead ("Marek talks with Holm"), co-participants follow.
    std::string first, second, patient;
    std::vector<std::string> leads;
    for (const auto& [v, role] : roles)
      if (role == Role::patient && patient.empty()) {
        const ActorNode& a = *graph_[v].actor();
        patient = headline_name(a.name, a.type);
      }
    for (const bool leading : {true, false})
      for (const auto& [v, role] : roles) {
        const bool lead = role == Role::agent || role == Role::speaker;
        if (lead != leading || (!lead && role != Role::co_participant)) continue;
        const ActorNode& a = *graph_[v].actor();
        const std::string name = headline_name(a.name, a.type);
        if (lead && std::find(leads.begin(), leads.end(), name) == leads.end()) leads.push_back(name);
        if (first.empty()) first = name;
        else if (second.empty() && name != first) second = name;
      }
    if (first.empty()) return trigger;
    // Only the other party known ("is expected to meet Wang Yi", its subject
    // unresolved): "meet with Wang Yi", not "Wang Yi meets".
    if (leads.empty() && second.empty() && e.pos == EventPos::VERB && !e.lemma.empty())
      return e.lemma + " with " + first;
    if (e.pos == EventPos::VERB && !e.lemma.empty()) {  // "noting", "to meet", "the two leaders met"
      if (!second.empty() && e.type == "MEET") return first + " meets " + second;
      // several doers act together: "brokered by Egypt, Qatar and the United
      // States" is "Egypt, Qatar and United States broker"
      if (leads.size() > 1 && e.type != "TALK") return listed(leads) + " " + (e.lemma == "be" ? "are" : e.lemma);
      // "held talks with Xi": the talks tell what happened, not the holding.
      if (!second.empty() && e.type == "TALK" && holds_an_event(e)) return first + " talks with " + second;
      // the verb's patient follows it: "Norvik Motors to buy Zenith Labs",
      // or its object noun: "who takes office" (not a saying's: what is said
      // is no patient of the label)
      std::string object = patient.empty() || patient == first || e.type == "SAY" ? "" : " " + patient;
      if (patient.empty() && e.type != "SAY" && syntax_ && e.token < syntax_->size())
        if (const int o = syntax_->object(static_cast<int>(e.token)); o >= 0 && syntax_->upos(o) == Upos::NOUN)
          object = " " + std::string(syntax_->word(o));
      return first + " " + third_person(e.lemma) + object + (second.empty() ? "" : " with " + second);
    }
    if (!second.empty() && (e.type == "MEET" || e.type == "TALK")) return first + (e.type == "MEET" ? " meets " : " talks with ") + second;
    return first + "'s " + trigger + (second.empty() ? "" : " with " + second);
  }

  void add_event(const EventMention& e, std::size_t index) {
    std::string trigger(doc_.text(e.span));
    std::string label;
    std::vector<std::pair<Vertex, Role>> roles;
    bool subject_is_actor = false;
    int noun_subject = -1;  // the common noun the label starts with ("government spends")
    if (syntax_ && e.token < syntax_->size()) {
      const int head = static_cast<int>(e.token);
      const int subject = syntax_->subject(head);
      bool coordinated = false;  // "Macron and Scholz meet"
      if (const Actor* agent = actor_of_subject(index, subject)) {
        const Vertex a = actor_vertex(*agent);
        roles.emplace_back(a, Role::agent);
        label = headline_name(*agent);
        subject_is_actor = true;
        if (const std::vector<std::string> names = conjunct_names(subject, a, label); names.size() > 1) {
          coordinated = true;
          label = listed(names);
        }
      } else if (subject >= 0 && e.pos == EventPos::VERB && syntax_->upos(subject) == Upos::NOUN &&
                 !in_time_expression(subject)) {  // not "That afternoon" parsed as a subject
        label = std::string(syntax_->word(subject));  // "leaders meet"
        noun_subject = subject;
      }
      if (e.pos == EventPos::VERB) {
        if (!label.empty()) {
          // Labels are in the present ("Trump posts"); an announced, possible
          // or denied event is too, its factuality prefix says the rest
          // ("Future: Holm decides", "Possibly: Ukraine uses opportunity").
          // ("Speaking to reporters, Kamikawa said": an opening participle
          // clause reads as its own act, "Kamikawa speaks")
          const bool opening_clause = syntax_->is(head, "advcl") && head < syntax_->head(head) &&
                                      syntax_->dependent(head, "mark") < 0 && syntax_->dependent(head, "aux") < 0;
          const bool plain = e.tense == EventTense::PAST || e.tense == EventTense::PRESENT ||
                             e.tense == EventTense::PASTPART || e.tense == EventTense::NONE ||
                             e.factuality != Factuality::ASSERTED || opening_clause;
          label += ' ';
          const int subject_token = syntax_->subject(head);
          const std::string& xpos = doc_.get<Morphology>().tokens[static_cast<std::size_t>(subject_token)].xpos;
          // "leaders meet"; a named company is one ("Norvik Motors releases")
          const bool plural = coordinated || xpos == "NNS" || (xpos == "NNPS" && !subject_is_actor);
          // A passive reads as a headline's passive: "Summit called", not "Summit calls";
          // with an agent, as the active: "was received by Putin" is "Putin receives Modi".
          const Segmentation& seg = doc_.get<Segmentation>();
          const bool bare = seg.headline && e.sentence == 0 && syntax_->bare_passive(head);  // "Apple swamped by orders"
          // (a conjunct shares its subject but has its own auxiliary: "decided
          // to leave or was forced out")
          // (a subject borrowed from a controlling clause keeps that clause's
          // voice: "He is expected to meet Wang Yi" is no passive meeting)
          // ("Born in Lima in 1950, Ruiz studied": an opening participle
          // with no auxiliary tells what was done to the subject)
          const bool opening_participle = opening_clause && doc_.get<Morphology>().tokens[e.token].xpos == "VBN";
          const bool passive = (syntax_->is(subject_token, "nsubj:pass") && syntax_->head(subject_token) == head) ||
                               syntax_->dependent(head, "aux:pass") >= 0 || bare || opening_participle;
          if (opening_participle) trigger = lower(trigger);  // "Born"
          const int by = passive && plain && !e.lemma.empty()
                             ? (bare ? syntax_->oblique(head, "by") : syntax_->dependent(head, "obl:agent"))
                             : -1;
          if (by >= 0 && actor_at(by) && subject_is_actor && !coordinated) {
            if (const auto a = actor(by)) roles.emplace_back(*a, Role::agent);
            label.pop_back();  // the space added for the verb
            // "started by Steve Jobs and Steve Wozniak": "Jobs and Wozniak start"
            const std::vector<std::string> agents = conjunct_names(by, *actor(by), label_name(by));
            label = listed(agents) + " " + (agents.size() > 1 ? e.lemma : third_person(e.lemma)) + " " + label;
          } else if (!plain || passive || e.lemma.empty() || (!e.modality.empty() && e.factuality == Factuality::ASSERTED))
            label += trigger;
          else if (plural) label += e.lemma == "be" ? std::string("are") : e.lemma;
          else label += third_person(e.lemma);
          // a phrasal verb keeps its particle: "Papermaster steps down"
          if (const int particle = phrasal_particle(head); particle >= 0)
            label += " " + std::string(syntax_->word(particle));
        }
        int object = syntax_->object(head);
        // "met his Japanese counterpart Takeshi Iwaya": the name in apposition says who.
        if (const int named = object >= 0 && !actor_at(object) ? syntax_->dependent(object, "appos") : -1;
            named >= 0 && actor_at(named))
          object = named;
        // (a pronoun the actor stage resolved reads as its actor: "convicted him")
        if (object >= 0 && (syntax_->upos(object) == Upos::NOUN || syntax_->upos(object) == Upos::PROPN ||
                            (syntax_->upos(object) == Upos::PRON && actor_at(object)))) {
          if (const auto a = actor(object)) roles.emplace_back(*a, Role::patient);
          if (!label.empty()) {
            label += ' ';
            // "showed no emotion" must not read "shows emotion"
            for (const int d : syntax_->dependents(object, "det"))
              if (lower(syntax_->word(d)) == "no") label += "no ";
            label += actor_at(object) ? label_name(object)
                     : syntax_->upos(object) == Upos::PROPN ? proper_name(*syntax_, object)
                                                            : std::string(syntax_->word(object));
          }
        } else if (object > 0 && syntax_->upos(object) == Upos::NUM && syntax_->head(object - 1) == object &&
                   syntax_->upos(object - 1) == Upos::PROPN && !label.empty()) {
          // a numbered product, which the parse heads by its number: "unveiled iPhone 4"
          label += " " + std::string(syntax_->word(object - 1)) + " " + std::string(syntax_->word(object));
        }
        const int with = syntax_->oblique(head, "with");
        if (const auto a = actor(with)) {
          roles.emplace_back(*a, Role::co_participant);
          if (!label.empty()) label += " with " + label_name(with);
        }
      } else {
        // A nominal event: "Holm's post", "meeting with Trump".
        std::string noun = trigger;
        const int owner = syntax_->dependent(head, "nmod:poss");
        if (label.empty()) {
          if (const auto a = actor(owner)) {
            roles.emplace_back(*a, Role::agent);
            noun = label_name(owner) + "'s " + noun;
          }
        } else {
          noun = label + ": " + noun;
        }
        label = noun;
        const int with = syntax_->oblique(head, "with");
        if (const auto a = actor(with)) {
          roles.emplace_back(*a, Role::co_participant);
          label += " with " + label_name(with);
        }
      }
    }
    if (label.empty()) label = trigger;
    if (participants_ != nullptr && actors_ != nullptr) {
      std::string place;
      add_participants(index, roles, place);
      // "Carvenia's government spends": the actor stage found who the noun
      // stands for; a singular one reads as that actor ("Carvenia spends").
      // "The two men spoke": the pair the actor stage found reads as the
      // two of them ("Blinken and Wang speak").
      if (noun_subject >= 0 && e.pos == EventPos::VERB) {
        const std::string& xpos = doc_.get<Morphology>().tokens[static_cast<std::size_t>(noun_subject)].xpos;
        const std::string noun(syntax_->word(noun_subject));
        std::vector<std::int32_t> who;
        for (const Participant& p : participants_->of(index))
          if (p.head_token == static_cast<std::uint32_t>(noun_subject) && p.actor >= 0 &&
              static_cast<std::size_t>(p.actor) < actors_->actors.size() &&
              std::find(who.begin(), who.end(), p.actor) == who.end())
            who.push_back(p.actor);
        auto name = [&](std::int32_t a) {
          const Actor& actor = actors_->actors[static_cast<std::size_t>(a)];
          return headline_name(actor.name, actor.type);
        };
        if (label.starts_with(noun + " ")) {
          if (xpos == "NN" && !who.empty()) label = name(who.front()) + label.substr(noun.size());
          else if (xpos == "NNS" && who.size() == 2) label = name(who[0]) + " and " + name(who[1]) + label.substr(noun.size());
        }
      }
      // A bare noun ("the meeting") says who through the actor stage's
      // participants ("talks between X and Y", "X's meeting with Y").
      // "Zelensky meets Trump" reads better than "Zelensky's meeting with Trump".
      // So does a meeting verb whose subject is a description ("the two leaders met").
      const bool meeting = e.type == "MEET" || e.type == "TALK";
      if (label == trigger || (meeting && (e.pos == EventPos::NOUN || !subject_is_actor))) {
        const std::string nominal = nominal_label(e, trigger, roles);
        if (label == trigger || nominal.find(e.type == "MEET" ? " meets " : " talks with ") != std::string::npos)
          label = nominal;
      } else if (e.pos == EventPos::NOUN && label.starts_with(trigger + " ")) {
        // "interview with NBC News" whose agent the actor stage found: "Zelensky's interview with NBC News".
        for (const auto& [v, role] : roles)
          if (role == Role::agent) {
            const ActorNode& a = *graph_[v].actor();
            label = headline_name(a.name, a.type) + "'s " + label;
            break;
          }
      }
      if (!place.empty() && label.find(place) == std::string::npos) label += " — " + place;
    }
    // A label starts with a capital, unless its first word is written with
    // a lowercase first letter on purpose ("iPhone", "iOS", "eBay").
    const std::string_view first_word = std::string_view(label).substr(0, label.find(' '));
    const bool camel = std::any_of(first_word.begin() + (first_word.empty() ? 0 : 1), first_word.end(),
                                   [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
    if (!label.empty() && !camel) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    // A reader must tell what happened from what is announced, possible or
    // denied. What the text only thinks possible or denies is not part of
    // what happened, and is hidden by default like reporting verbs; so is a
    // future verb in an infinitive ("asked Nordvall to sell", "urged Moscow
    // to begin talks"): wanted, not announced. Announced events ("will
    // decide", "the planned visit") are shown, marked.
    if (e.polarity == EventPolarity::NEG || e.factuality == Factuality::NEGATED) label = "Not: " + label;
    else if (e.factuality == Factuality::POSSIBLE) label = "Possibly: " + label;
    else if (e.factuality == Factuality::FUTURE) label = "Future: " + label;
    // (so are a reported "would" the factuality stage read as the future of
    // its saying, "said it would buy", and a headline's infinitive, "Microsoft
    // to buy Activision")
    const bool headline_infinitive =
        doc_.get<Segmentation>().headline && e.sentence == 0 && e.tense == EventTense::INFINITIVE;
    // (and an infinitive a schedule governs: "is expected to meet Wang Yi",
    // "is due to arrive", "plans to visit"; not what is urged or wanted)
    bool scheduled = false;
    if (e.tense == EventTense::INFINITIVE && syntax_ && e.token < syntax_->size() &&
        (syntax_->is(static_cast<int>(e.token), "xcomp") || syntax_->is(static_cast<int>(e.token), "advcl"))) {
      static const std::unordered_set<std::string> kScheduling = {"expect", "schedule", "set",   "due",
                                                                  "slate",  "plan",     "intend", "go"};
      const int governor = syntax_->head(static_cast<int>(e.token));
      if (governor >= 0) {
        const std::string& lemma = doc_.get<Morphology>().tokens[static_cast<std::size_t>(governor)].lemma;
        scheduled = kScheduling.contains(lower(lemma));
      }
    }
    const bool announced = e.factuality == Factuality::FUTURE &&
                           (e.tense == EventTense::FUTURE || e.pos == EventPos::NOUN || e.modality == "would" ||
                            headline_infinitive || scheduled);
    const bool happens = e.factuality == Factuality::ASSERTED || announced;
    const Vertex v = graph_.add_event({.id = id(e.id),
                                       .type = e.type,
                                       .trigger = trigger,
                                       .label = label,
                                       .newsworthy = e.newsworthy && happens &&
                                                     (e.type != "OTHER" || !roles.empty() || told_with_date(e, label)),
                                       .documents = {doc_.info().id},
                                       .sentence = e.sentence,
                                       .factuality = e.factuality});
    events_.emplace(e.id, v);
    for (const auto& [a, role] : roles) {
      bool seen = false;
      for (const auto& [b, r] : graph_.participants(v)) seen = seen || b == a;
      if (!seen) graph_.add_participation(v, a, role);
    }
  }

  std::optional<Vertex> time_node(const detail::TimelineTime& t) {
    if (!t.calendar && !t.partial) return std::nullopt;
    if (const auto found = graph_.find(id(t.tid))) return found;
    using U = detail::TimelineTime::Unit;
    TimeNode node;
    node.id = id(t.tid);
    node.value = t.value;
    node.text = std::string(doc_.text(t.span));
    if (t.calendar) {  // else "XXXX-03-12": drawn as "Mar 12", the year unknown
      node.start = t.start;
      node.end = t.end;
    }
    switch (t.unit) {
      case U::day: node.granularity = TimeGranularity::day; break;
      case U::week: node.granularity = TimeGranularity::week; break;
      case U::month: node.granularity = TimeGranularity::month; break;
      case U::quarter: node.granularity = TimeGranularity::quarter; break;
      case U::year: node.granularity = TimeGranularity::year; break;
      case U::decade: node.granularity = TimeGranularity::decade; break;
      case U::unknown: node.granularity = TimeGranularity::unknown; break;
    }
    if (node.granularity == TimeGranularity::day && node.value.size() > 10) node.value.resize(10);  // "2026-03-12T15:30"
    node.inferred = {.year = t.year_inferred, .month = t.month_inferred, .day = t.day_inferred};
    return graph_.add_time(std::move(node));
  }

  Vertex bound_node(sys_days day) {
    const std::chrono::year_month_day ymd{day};
    const std::string key = id(fmt::format("bound:{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()),
                                           static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())));
    if (const auto found = graph_.find(key)) return *found;
    TimeNode node = TimeNode::day(key, ymd);
    return graph_.add_time(std::move(node));
  }

  void anchor_events(const Events& events) {
    const std::vector<EventTime> when = event_times(doc_);
    for (std::size_t i = 0; i < events.events.size(); ++i) {
      const Vertex v = events_.at(events.events[i].id);
      const EventTime& w = when[i];
      if (w.dated()) {
        if (const auto t = timexes_.find(w.tid); t != timexes_.end())
          if (const auto tv = time_node(*t->second)) {
            graph_.add_anchoring(v, *tv, w.anchor, w.evidence, w.confidence, !w.stated);
            continue;
          }
      }
      if (w.not_before) graph_.add_anchoring(v, bound_node(*w.not_before), Anchor::on_or_after, "closure", 1.0, true);
      if (w.not_after) graph_.add_anchoring(v, bound_node(*w.not_after), Anchor::on_or_before, "closure", 1.0, true);
    }
  }

  // ---- the same event told twice --------------------------------------------
  //
  // "his recent meeting with Donald Trump" and, later, "held a closed-door
  // meeting at the White House on October 17" are one meeting. Two mentions of
  // a document are linked as the same event when
  //   - they have the same timeline type and either the same lemma or a type
  //     that names one occasion (MEET, VISIT, INTERVIEW);
  //   - one of them is a definite or possessive noun ("the meeting", "his
  //     trip"): a noun phrase that refers back or forward to a known event;
  //   - their named participants do not disagree: the persons and
  //     organisations of one are among those of the other;
  //   - their dates, when both have one, are the same.
  // The rule is deliberately narrow: an over-merge would put two events on one
  // date, while a missed merge only shows a mention twice.
  bool refers_to_known_event(const EventMention& e) const {
    if (!syntax_ || e.pos != EventPos::NOUN || e.token >= syntax_->size()) return false;
    const int head = static_cast<int>(e.token);
    if (syntax_->dependent(head, "nmod:poss") >= 0) return true;
    for (const int d : syntax_->dependents(head, "det")) {
      std::string w = lower(syntax_->word(d));
      if (w == "the" || w == "this" || w == "that") return true;
    }
    return false;
  }

  // "a similar attack on Dnipro", "another meeting", "a second round of
  // talks": a noun its determiner or adjective says is a new event (a bare
  // "a" is not enough: "met Trump ... held a closed-door meeting").
  bool another_event(const EventMention& e) const {
    if (!syntax_ || e.pos != EventPos::NOUN || e.token >= syntax_->size()) return false;
    static const std::unordered_set<std::string> kNew = {"another", "similar",  "separate", "second",   "new",
                                                         "previous", "other",   "different", "further", "fresh"};
    for (const int d : syntax_->dependents(static_cast<int>(e.token))) {
      const std::string_view rel = syntax_->deprel(d);
      if ((rel == "det" || rel == "amod") && kNew.contains(lower(syntax_->word(d)))) return true;
    }
    return false;
  }

  // "the regional summit in Tarnow", "the talks on trade": a modifier that
  // says which one introduces an event more often than it points back.
  bool restricted(const EventMention& e) const {
    if (!syntax_ || e.token >= syntax_->size()) return false;
    for (const int d : syntax_->dependents(static_cast<int>(e.token))) {
      const std::string_view rel = syntax_->deprel(d);
      if (rel == "amod" || rel == "compound" || rel == "nmod" || rel.starts_with("acl")) return true;
    }
    return false;
  }

  // "his visit to the United States" ... "Zelensky's trip": one person's
  // journey named by two nouns that both point at a known event, with the
  // same named parties and no two different places.
  bool same_journey(std::size_t i, std::size_t j, const std::vector<EventMention>& list) const {
    const EventMention& a = list[i];
    const EventMention& b = list[j];
    if (a.type != "VISIT" || b.type != "VISIT" || a.pos != EventPos::NOUN || b.pos != EventPos::NOUN) return false;
    if (!refers_to_known_event(a) || !refers_to_known_event(b)) return false;
    const std::vector<std::string> pa = parties(i), pb = parties(j);
    if (pa.empty() || pa != pb) return false;
    const std::vector<std::string> la = places(i), lb = places(j);
    if (la.empty() || lb.empty()) return true;
    return std::find_first_of(la.begin(), la.end(), lb.begin(), lb.end()) != la.end();
  }

  // Whether both mentions name places and none in common.
  bool in_different_places(std::size_t i, std::size_t j) const {
    const std::vector<std::string> la = places(i), lb = places(j);
    return !la.empty() && !lb.empty() && std::find_first_of(la.begin(), la.end(), lb.begin(), lb.end()) == la.end();
  }

  // The places an event's participants name (in any role: "visit to Kyiv").
  std::vector<std::string> places(std::size_t event) const {
    return participant_keys(event, [](const Actor& a, Role) {
      return a.type == ActorType::GPE || a.type == ActorType::LOCATION || a.type == ActorType::FACILITY;
    });
  }

  // "that meeting", "this visit".
  bool demonstrative(const EventMention& e) const {
    if (!syntax_ || e.pos != EventPos::NOUN || e.token >= syntax_->size()) return false;
    for (const int d : syntax_->dependents(static_cast<int>(e.token), "det")) {
      const std::string w = lower(syntax_->word(d));
      if (w == "this" || w == "that" || w == "these" || w == "those") return true;
    }
    return false;
  }

  std::vector<std::string> parties(std::size_t event) const {
    return participant_keys(event, [](const Actor& a, Role role) {
      return role != Role::place && (a.type == ActorType::PERSON || a.type == ActorType::ORGANIZATION);
    });
  }

  // The sorted, distinct keys of the actors among an event's participants
  // that `keep(actor, role)` accepts.
  template <typename Keep>
  std::vector<std::string> participant_keys(std::size_t event, Keep keep) const {
    std::vector<std::string> out;
    if (participants_ == nullptr || actors_ == nullptr) return out;
    for (const Participant& p : participants_->of(event)) {
      if (p.actor < 0) continue;
      const Actor& a = actors_->actors[static_cast<std::size_t>(p.actor)];
      if (keep(a, p.role)) out.push_back(a.key);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // "his recent meeting with Trump" is drawn for every mention of the
  // meeting, but only "a meeting at the White House" said where: every
  // mention of one event (identity edges) ends its label with the place the
  // first placed mention names.
  //
  // Only this document's events and their identity edges are looked at: the
  // graph may already hold many other articles.
  void name_the_place_of_merged_mentions() {
    const auto& g = graph_.graph();
    std::vector<Vertex> mine;
    for (const auto& [id, v] : events_) mine.push_back(v);
    std::sort(mine.begin(), mine.end());  // text order: vertices are added as the events are read
    const std::vector<std::size_t> first = graph_.identity_groups(mine);
    std::map<std::size_t, std::string> place_of_group;
    for (std::size_t i = 0; i < mine.size(); ++i)
      for (const auto& [actor, role] : graph_.participants(mine[i]))
        if (role == Role::place) place_of_group.try_emplace(first[i], g[actor].actor()->name);
    for (std::size_t i = 0; i < mine.size(); ++i) {
      const Vertex v = mine[i];
      const auto it = place_of_group.find(first[i]);
      const std::string& label = g[v].event()->label;
      if (it == place_of_group.end() || label.find(it->second) != std::string::npos) continue;
      if (label.find(" — ") != std::string::npos) continue;  // another place already
      graph_.set_label(v, label + " — " + it->second);
    }
  }

  // The particle of a phrasal verb, after the verb: a compound:prt, or one
  // of the adverbs the parser may take it for, right after the verb
  // ("stepping down from his post").
  int phrasal_particle(int verb) const {
    if (const int particle = syntax_->dependent(verb, "compound:prt"); particle > verb) return particle;
    const int next = verb + 1;
    if (static_cast<std::size_t>(next) >= syntax_->size() || syntax_->head(next) != verb ||
        !syntax_->is(next, "advmod"))
      return -1;
    static constexpr std::array<std::string_view, 8> kParticles = {"down", "out",  "up",   "off",
                                                                   "back", "away", "over", "in"};
    const std::string_view word = syntax_->word(next);
    return std::find(kParticles.begin(), kParticles.end(), word) != kParticles.end() ? next : -1;
  }

  bool has_agent(Vertex event) const {
    const auto roles = graph_.participants(event);
    return std::any_of(roles.begin(), roles.end(), [](const auto& p) { return p.second == Role::agent; });
  }

  // A headline tells its lede's news again: "Apple launches 3G iPhone" above
  // "Apple Computer today launched a 3G version of its iPhone device". Each
  // newsworthy event of a headline is the first event with its lemma in the
  // three sentences after it (a date line may come between), when their
  // parties and dates agree; the headline's present tense and its missing
  // date are the headline's style, not another event.
  template <typename Join>
  void link_headline_to_lede(const std::vector<EventMention>& list, Join& join) {
    const Segmentation& seg = doc_.get<Segmentation>();
    if (!seg.headline) return;
    for (std::size_t h = 0; h < list.size() && list[h].sentence == 0; ++h) {
      const EventMention& head = list[h];
      if (!head.newsworthy || head.polarity == EventPolarity::NEG) continue;
      const std::vector<std::string> head_parties = head.type == "MEET" ? parties(h) : std::vector<std::string>{};
      for (std::size_t j = h + 1; j < list.size() && list[j].sentence <= 3; ++j) {
        const EventMention& body = list[j];
        // the same word, or a meeting the headline names by other words
        // with the same people ("hold surprise meeting" above "hosted")
        const bool same_meeting = !head_parties.empty() && body.type == "MEET" && parties(j) == head_parties;
        if (body.sentence == 0 || (body.lemma != head.lemma && !same_meeting) || body.polarity == EventPolarity::NEG)
          continue;
        if (join(h, j, true)) {
          const Vertex hv = events_.at(head.id), bv = events_.at(body.id);
          graph_.add_identity(hv, bv, "headline of the lede", 0.7);
          // "Apple executive leaves company" above "Tony Fadell ... will
          // leave the company": the lede names who the headline describes.
          if (!has_agent(hv) && has_agent(bv)) graph_.set_label(hv, graph_.graph()[bv].event()->label);
        }
        break;
      }
    }
  }

  // "Apple has released an application ... Apple released the program in
  // response to complaints": the same verb with the same named parties and
  // an object with the same head word is the same act told again. Unlike a
  // noun pointing back, a repeated verb says nothing of its own about
  // identity, so all three must agree (and the dates, when both have one).
  template <typename Join>
  void link_retold_acts(const std::vector<EventMention>& list, Join& join) {
    constexpr std::size_t kLookBack = 200;
    std::vector<std::string> object(list.size());
    std::vector<std::vector<std::string>> named(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      object[i] = object_word(list[i]);
      if (!object[i].empty()) named[i] = parties(i);
    }
    for (std::size_t j = 0; j < list.size(); ++j) {
      const EventMention& b = list[j];
      if (object[j].empty() || named[j].empty() || b.polarity == EventPolarity::NEG) continue;
      for (std::size_t i = j; i-- > 0 && j - i <= kLookBack;) {
        const EventMention& a = list[i];
        if (a.lemma != b.lemma || object[i] != object[j] || named[i] != named[j] || a.polarity == EventPolarity::NEG)
          continue;
        if (join(i, j)) graph_.add_identity(events_.at(a.id), events_.at(b.id), "the same act told again", 0.6);
        break;
      }
    }
  }

  // The lemma of a verb event's object noun ("program" in "released the
  // program"), "" for a pronoun, a clause, a noun event or no object.
  std::string object_word(const EventMention& e) const {
    if (!syntax_ || e.pos != EventPos::VERB || e.token >= syntax_->size()) return {};
    const int o = syntax_->object(static_cast<int>(e.token));
    if (o < 0 || (syntax_->upos(o) != Upos::NOUN && syntax_->upos(o) != Upos::PROPN)) return {};
    if (event_tokens_.contains(static_cast<std::uint32_t>(o))) return {};
    return lower(doc_.get<Morphology>().tokens[static_cast<std::size_t>(o)].lemma);
  }

  void link_repeated_mentions(const Events& events) {
    static const std::set<std::string, std::less<>> kOccasions{"MEET", "INTERVIEW"};
    const std::vector<EventTime> when = event_times(doc_);
    const auto& list = events.events;
    // Groups grow by union; a group keeps its one date and all its parties, so
    // that a chain (Mar 12 meeting - "the meeting" - Mar 27 summit) never joins
    // two dates through an undated middle.
    // and the days it can be on (its date's, or the bounds the closure gave
    // an undated mention), so that "the meeting" the speaking came after
    // never takes the June of "would host a regional meeting in June".
    struct Group {
      std::string date;
      std::vector<std::string> parties;
      std::optional<std::chrono::sys_days> first_day, last_day;
    };
    std::vector<std::size_t> parent(list.size());
    std::vector<Group> groups(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      parent[i] = i;
      if (when[i].dated()) groups[i].date = when[i].value;
      groups[i].parties = parties(i);
      if (when[i].dated()) {
        groups[i].first_day = when[i].start;
        groups[i].last_day = when[i].end;
      } else if (doc_.has<TemporalLinks>()) {
        // The closure's own bounds, "before the DCT" included (which
        // event_times() leaves out of what it shows)
        const NodeBounds b = doc_.get<TemporalLinks>().bounds(list[i].id);
        if (b.earliest_start) groups[i].first_day = std::chrono::floor<std::chrono::days>(*b.earliest_start);
        if (b.latest_start)
          groups[i].last_day = std::chrono::floor<std::chrono::days>(*b.latest_start - std::chrono::seconds(1));
      }
    }
    const auto root = [&](std::size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    // `within`: a date may be a coarser form of the other ("2005" and
    // "2005-06-06"), as a headline's year is of its lede's day.
    // `bounded`: the closure's bounds must meet too, which only a reference
    // back by a noun is held to (a headline's present, told as past news,
    // is its lede's "will leave" all the same).
    const auto compatible = [](const Group& x, const Group& y, bool within, bool bounded) {
      if (!x.date.empty() && !y.date.empty() && x.date != y.date) {
        const std::string& coarse = x.date.size() < y.date.size() ? x.date : y.date;
        const std::string& fine = x.date.size() < y.date.size() ? y.date : x.date;
        if (!within || !fine.starts_with(coarse) || fine[coarse.size()] != '-') return false;
      }
      if (bounded && ((x.first_day && y.last_day && *x.first_day > *y.last_day) ||
                      (y.first_day && x.last_day && *y.first_day > *x.last_day)))
        return false;
      const auto& small = x.parties.size() <= y.parties.size() ? x.parties : y.parties;
      const auto& large = x.parties.size() <= y.parties.size() ? y.parties : x.parties;
      return std::includes(large.begin(), large.end(), small.begin(), small.end());
    };
    // Joins the groups of mentions i and j when they can be one event.
    const auto join = [&](std::size_t i, std::size_t j, bool within = false, bool bounded = false) {
      const std::size_t ri = root(i), rj = root(j);
      if (ri == rj || !compatible(groups[ri], groups[rj], within, bounded)) return false;
      Group& ga = groups[ri];
      Group& gb = groups[rj];
      if (ga.date.size() < gb.date.size()) ga.date = gb.date;  // none, or a coarser one
      std::vector<std::string> merged;
      std::set_union(ga.parties.begin(), ga.parties.end(), gb.parties.begin(), gb.parties.end(),
                     std::back_inserter(merged));
      ga.parties = std::move(merged);
      if (gb.first_day && (!ga.first_day || *gb.first_day > *ga.first_day)) ga.first_day = gb.first_day;
      if (gb.last_day && (!ga.last_day || *gb.last_day < *ga.last_day)) ga.last_day = gb.last_day;
      parent[rj] = ri;
      return true;
    };
    // The relation stage's identities ("the summit" ... "the summit") come
    // first, so that a group knows its date before a new mention joins it.
    if (doc_.has<TemporalLinks>()) {
      std::unordered_map<std::string_view, std::size_t> index;
      for (std::size_t i = 0; i < list.size(); ++i) index.emplace(list[i].id, i);
      for (const TemporalLinkRecord& l : doc_.get<TemporalLinks>().links) {
        if (!l.kept || l.type != RelType::identity) continue;
        const auto a = index.find(l.a), b = index.find(l.b);
        if (a != index.end() && b != index.end()) join(a->second, b->second);
      }
    }
    link_headline_to_lede(list, join);
    link_retold_acts(list, join);
    // Earlier mentions looked at per mention: a reference back reaches the
    // last few dozen events, and the bound keeps the pass linear.
    constexpr std::size_t kLookBack = 200;
    for (std::size_t j = 0; j < list.size(); ++j) {
      const EventMention& b = list[j];
      if (b.type == "OTHER" || !b.newsworthy || b.polarity == EventPolarity::NEG || another_event(b)) continue;
      const bool pointing = demonstrative(b);
      for (std::size_t i = j; i-- > 0 && j - i <= kLookBack;) {  // the nearest earlier mention first
        const EventMention& a = list[i];
        if (a.type != b.type || !a.newsworthy || a.polarity == EventPolarity::NEG) continue;
        // "That meeting" points at the last gathering told, whatever word
        // named it ("the summit ... That meeting opens on March 27"), and
        // at no other.
        if (pointing) {
          if (join(i, j)) graph_.add_identity(events_.at(a.id), events_.at(b.id), "same " + a.type + " pointed at", 0.7);
          break;
        }
        // A different word names the same occasion only as a noun that
        // refers back to a verb told before ("met" ... "the meeting"); two
        // nouns ("the meeting", "the summit") are two gatherings, and a verb
        // never refers back to a noun.
        const bool noun_after_verb =
            a.pos == EventPos::VERB && b.pos == EventPos::NOUN && refers_to_known_event(b) && !restricted(b);
        if (b.lemma != a.lemma && !(kOccasions.contains(a.type) && noun_after_verb) && !same_journey(i, j, list))
          continue;
        // Nor does a verb refer back to a noun of its own word, but in the
        // lede under a headline ("Blinken's visit to Beijing" ... "Blinken
        // visited Beijing on Monday"): "the first visit by a pontiff to the
        // Asian country" ... "when he visited Portugal in August" are two.
        if (a.pos == EventPos::NOUN && b.pos == EventPos::VERB && !(a.sentence == 0 && b.sentence <= 2)) continue;
        if (!refers_to_known_event(a) && !refers_to_known_event(b)) continue;
        // "the Group of 20 summit in Rio de Janeiro" ... "their annual summit
        // in New Delhi": held in two places, two events
        if (in_different_places(i, j)) continue;
        if (root(i) == root(j)) break;  // b already is the event its nearest antecedent is
        if (!join(i, j, false, true)) continue;
        graph_.add_identity(events_.at(a.id), events_.at(b.id), "same " + a.type + " told again", 0.7);
        break;
      }
    }
  }

  void add_order(const TemporalLinks& links) {
    for (const TemporalLinkRecord& l : links.links) {
      if (!l.kept) continue;
      const auto a = events_.find(l.a);
      const auto b = events_.find(l.b);
      if (a == events_.end() || b == events_.end() || a->second == b->second) continue;
      // The narrative-order default ("told later, happened later") is too
      // weak to draw: it already shaped the bounds through the closure.
      if (l.evidence.starts_with("narrative order")) continue;
      const bool stated = l.signal.has_value();
      // "gave an interview", "held talks", "the meeting took place": the
      // verb and its event noun are one event told in two words, drawn once.
      if (names_one_event(l)) {
        graph_.add_identity(a->second, b->second, l.evidence, l.confidence);
        continue;
      }
      const auto relation = order_relation(l.type);
      if (!relation) continue;
      const bool start_only = l.type == RelType::starts_before || l.type == RelType::starts_after;
      graph_.add_order(a->second, b->second, *relation, l.evidence, l.confidence, !stated || start_only);
    }
  }

  TimelineGraph& graph_;
  const Document& doc_;
  std::string prefix_;
  std::optional<SyntaxView> syntax_;
  const Actors* actors_ = nullptr;
  std::unordered_map<std::string, std::string> person_headline_;  // canonical name -> the word of it the text uses alone
  const Participants* participants_ = nullptr;
  std::unordered_map<std::string, Vertex> events_;
  std::unordered_set<std::uint32_t> event_tokens_;  // the head token of every event mention
  std::vector<detail::TimelineTime> times_;
  std::unordered_map<std::string, const detail::TimelineTime*> timexes_;
  std::unordered_set<std::string> dated_events_;  // events a time expression of the text dates
};

}  // namespace

void add_to_timeline(TimelineGraph& graph, const Document& doc, const TimelineOptions& options) {
  Builder(graph, doc, options).run();
}

TimelineGraph build_timeline(const Document& doc) {
  TimelineGraph graph;
  add_to_timeline(graph, doc);
  return graph;
}

std::vector<std::size_t> event_mention_groups(const Document& doc, const TimelineGraph& timeline) {
  if (!doc.has<Events>()) return {};
  const auto& events = doc.get<Events>().events;
  std::vector<Vertex> mentions;
  std::vector<std::size_t> event_of;  // mentions[k] is events[event_of[k]]
  for (std::size_t i = 0; i < events.size(); ++i)
    if (const auto v = timeline.find(events[i].id)) mentions.push_back(*v), event_of.push_back(i);
  const std::vector<std::size_t> first = timeline.identity_groups(mentions);
  std::vector<std::size_t> group(events.size());
  std::iota(group.begin(), group.end(), std::size_t{0});
  for (std::size_t k = 0; k < mentions.size(); ++k) group[event_of[k]] = event_of[first[k]];
  return group;
}

}  // namespace tempora

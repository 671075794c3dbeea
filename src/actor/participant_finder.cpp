// ParticipantFinder: who took part in each event, and in which role, read off
// the dependency parse.
//
// For every event trigger the finder looks at the trigger's dependents in
// the UD tree and asks a rule table (resources/actor/roles.txt) what role
// each one plays for this kind of event:
//
//   Zelensky met with Trump at the White House on Friday.
//   nsubj(met)=Zelensky      subject            -> agent
//   obl(met)=Trump  "with"   oblique with, MEET -> co-participant
//   obl(met)=House  "at"     oblique at         -> place (House is a place)
//
// The table is keyed by relation (subject, object, iobj, possessive, clause,
// oblique + preposition) and selects events by timeline type, TimeML class,
// lemma, voice or part of speech; the first matching line wins, so the table
// runs from specific to general ("subject speaker: SAY" before "subject
// agent: *"). What the table cannot say, because it is about tree shape, is
// code here:
//
//  - Voice. A predicate with an aux:pass or nsubj:pass dependent, or a past
//    participle modifying a noun ("the phone released by Apple"), is passive:
//    its subject is looked up as passive-subject (a patient) and its "by"
//    oblique is the agent.
//  - Relative clauses. SyntaxView::subject/object already replace a relative
//    pronoun by the noun it stands for ("Trump, who met Zelensky": Trump). A
//    bare relative clause with a subject and no object ("the phone Apple
//    released") makes the modified noun the object; a present participle
//    modifier ("leaders attending the summit") makes it the subject.
//  - Coordination and apposition. Each conjunct of an argument is a
//    participant of its own ("Zelensky and Trump met": two agents); an
//    apposition is the same participant, and lends it its actor when the
//    head has none ("the Ukrainian leader, Volodymyr Zelensky").
//  - Support verbs. A nominal event that is the object of a light verb
//    ("held talks", "attended the meeting") or the subject of a setting verb
//    ("the meeting took place at the White House") takes the verb's subject
//    as its agent and the verb's obliques as its own; it is not the light
//    verb's own object ("held talks" has no participant "talks").
//  - Reported events. The ccomp or parataxis clause of a reporting event
//    holds what was reported: the event nearest the clause's root becomes a
//    topic participant pointing at that event. When the reporting verb is
//    itself the parataxis ("The deal is done, Trump said"), the event it
//    hangs from is the topic.
//  - Pairs. "The two leaders met", "both men": a plural description with
//    "two" or "both" and no actor of its own stands for the two people the
//    text named last (the two most recent distinct PERSON actors, within
//    the current and two previous sentences); each becomes a participant
//    in the description's role. Anything less clear-cut (three candidates
//    in the same clause, "the leaders") is left unresolved. "The two
//    companies", "both countries" (organisation-noun, country-noun in the
//    table) are the two organisations or countries named last. A plural title
//    of two places ("the presidents of the U.S. and Ukraine") is instead the
//    two people the text gave that title there, one place possibly filled
//    by the only holder of the title it tied to no place. A singular "the
//    company" is the organisation the article has named most.
//  - Occasions. A meeting, talks or an interview that is where a verb's
//    action happened ("asked ... during talks with Holm") has the verb's
//    subject as its agent when it has none of its own.
//  - Places. A place line only yields a participant for a nominal that is a
//    place: its actor is a GPE, LOCATION or FACILITY, its head is a place
//    noun from the table, or it is a proper noun without an actor that names
//    no time ("in March" is not a place).
//
// Participant.actor is the Actors layer's actor at the head token (or at one
// of its appositions); -1 when the argument is a thing, an unresolved
// description, or when no actor stage has run. The span is the argument's
// phrase without its preposition, relative clauses, appositions and
// conjuncts ("the White House", not "at the White House, where ...").
//
// Cost: each event looks at its own dependents and at most a bounded walk
// below them, so the layer is linear in the document for any realistic
// tree; the walks (phrase spans, the reported-clause search) are capped so
// that an adversarial parse cannot make them quadratic.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "actor/name_folding.hpp"
#include "parse/tree_repair.hpp"
#include "tempora/actor.hpp"
#include "tempora/data.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
#include "tempora/timex.hpp"

namespace tempora {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Bounds every walk down the tree (phrase spans, clause search).
constexpr std::size_t kMaxWalk = 256;

}  // namespace

namespace detail {
struct ParticipantRules {
  struct Rule {
    std::string relation;     // subject, passive-subject, object, iobj, possessive, clause, oblique
    std::string preposition;  // for oblique: "with", "according to"
    Role role = Role::other;
    std::vector<std::string> selectors;
  };
  std::vector<Rule> rules;
  std::unordered_set<std::string> light, setting, place_nouns, not_place, government_nouns;
  std::unordered_set<std::string> organisation_nouns, country_nouns;  // "the two companies", "both countries"
  std::unordered_set<std::string> object_control;  // "fined Meta for abusing": Meta abused
  std::unordered_set<std::string> object_infinitive;  // "invited him to visit": he visits
  std::unordered_map<std::string, std::string> demonym_places;  // "russian" -> "Russia" (demonyms.txt)
};
}  // namespace detail

struct ParticipantFinder::Tables : detail::ParticipantRules {};

namespace {

struct EventContext {
  const EventMention* event = nullptr;
  bool passive = false;
  bool nominal = false;
  bool intransitive = false;  // no direct object and no clausal complement
};

bool selector_matches(std::string_view selector, const EventContext& ctx) {
  // "intransitive+close": every part must match.
  if (const std::size_t plus = selector.find('+'); plus != std::string_view::npos)
    return selector_matches(selector.substr(0, plus), ctx) && selector_matches(selector.substr(plus + 1), ctx);
  if (selector == "*") return true;
  if (selector == "intransitive") return ctx.intransitive;
  if (selector == "passive") return ctx.passive;
  if (selector == "nominal") return ctx.nominal;
  const EventMention& e = *ctx.event;
  if (!selector.empty() && std::isupper(static_cast<unsigned char>(selector.front())))
    return e.type == selector || to_string(e.cls) == selector;
  return lower(e.lemma) == selector;
}

}  // namespace

ParticipantFinder::ParticipantFinder(std::unique_ptr<const Tables> tables) : tables_(std::move(tables)) {}
ParticipantFinder::ParticipantFinder(ParticipantFinder&&) noexcept = default;
ParticipantFinder& ParticipantFinder::operator=(ParticipantFinder&&) noexcept = default;
ParticipantFinder::~ParticipantFinder() = default;

ParticipantFinder ParticipantFinder::load() { return load(data_dir() / "resources" / "actor"); }

ParticipantFinder ParticipantFinder::load(const std::filesystem::path& resources_dir) {
  const std::filesystem::path file = resources_dir / "roles.txt";
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", file.string()));
  auto tables = std::make_unique<Tables>();
  static const std::unordered_set<std::string_view> kRelations{"subject", "passive-subject", "object", "iobj",
                                                               "possessive", "clause", "oblique"};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    const auto fail = [&](std::string_view why) {
      throw std::runtime_error(fmt::format("{}:{}: {}", file.string(), number, why));
    };
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos) fail("expected 'KEY ...: VALUES'");
    const std::vector<std::string> key = words_of(t.substr(0, colon));
    std::vector<std::string> values = words_of(t.substr(colon + 1));
    for (std::string& v : values)
      if (!v.empty() && !std::isupper(static_cast<unsigned char>(v.front()))) v = lower(v);
    if (key.size() == 1 && (key[0] == "light" || key[0] == "setting" || key[0] == "place-noun" ||
                            key[0] == "not-place" || key[0] == "government-noun" || key[0] == "organisation-noun" ||
                            key[0] == "country-noun" || key[0] == "object-control" || key[0] == "object-infinitive")) {
      auto& set = key[0] == "light"               ? tables->light
                  : key[0] == "setting"           ? tables->setting
                  : key[0] == "place-noun"        ? tables->place_nouns
                  : key[0] == "government-noun"   ? tables->government_nouns
                  : key[0] == "organisation-noun" ? tables->organisation_nouns
                  : key[0] == "country-noun"      ? tables->country_nouns
                  : key[0] == "object-control"    ? tables->object_control
                  : key[0] == "object-infinitive" ? tables->object_infinitive
                                                  : tables->not_place;
      set.insert(values.begin(), values.end());
      continue;
    }
    if (key.empty() || !kRelations.contains(key[0])) fail("unknown relation");
    detail::ParticipantRules::Rule rule;
    rule.relation = key[0];
    std::size_t role_at = 1;
    if (rule.relation == "oblique") {
      if (key.size() != 3) fail("expected 'oblique PREPOSITION ROLE: ...'");
      rule.preposition = lower(key[1]);
      std::replace(rule.preposition.begin(), rule.preposition.end(), '_', ' ');
      role_at = 2;
    } else if (key.size() != 2) {
      fail("expected 'RELATION ROLE: ...'");
    }
    const auto role = parse_role(key[role_at]);
    if (!role) fail(fmt::format("unknown role '{}'", key[role_at]));
    rule.role = *role;
    if (values.empty()) fail("no selector");
    rule.selectors = std::move(values);
    tables->rules.push_back(std::move(rule));
  }
  const auto demonyms_file = resources_dir / "demonyms.txt";
  detail::read_data_lines(demonyms_file, [&](std::string_view line, int number) {
    const auto f = detail::split_fields(line, '=');
    if (f.size() != 2 || f[0].empty() || f[1].empty())
      throw std::runtime_error(fmt::format("{}:{}: expected '<demonym> = <place>'", demonyms_file.string(), number));
    tables->demonym_places.emplace(lower(f[0]), std::string(f[1]));
  });
  return ParticipantFinder(std::move(tables));
}

namespace {

// One pass over one document.
class Finder {
 public:
  Finder(const detail::ParticipantRules& tables, const Document& doc)
      : tables_(tables), seg_(doc.get<Segmentation>()), morph_(doc.get<Morphology>()), syntax_(doc) {
    if (doc.has<Actors>()) {
      actors_ = &doc.get<Actors>();
      for (std::size_t a = 0; a < actors_->actors.size(); ++a)
        if (actors_->actors[a].type == ActorType::PERSON) {
          for (const ActorMention& m : actors_->actors[a].mentions)
            person_mentions_.push_back({m.head_token, m.sentence, static_cast<std::int32_t>(a)});
          for (const std::string& role : actors_->actors[a].roles)
            persons_by_role_[role].push_back(static_cast<std::int32_t>(a));
        } else if (actors_->actors[a].type == ActorType::ORGANIZATION || actors_->actors[a].type == ActorType::GPE) {
          auto& list = actors_->actors[a].type == ActorType::GPE ? country_mentions_ : organisation_mentions_;
          for (const ActorMention& m : actors_->actors[a].mentions)
            list.push_back({m.head_token, m.sentence, static_cast<std::int32_t>(a), m.kind == MentionKind::name});
        }
      for (auto* list : {&person_mentions_, &organisation_mentions_, &country_mentions_})
        std::sort(list->begin(), list->end(), [](const auto& x, const auto& y) { return x.token < y.token; });
    }
    const std::size_t n = seg_.tokens.size();
    in_time_.assign(n, false);
    if (doc.has<TimeExpressions>()) {
      // Tokens are in text order and so are timexes: one merge-like scan.
      std::size_t k = 0;
      for (const Timex& t : doc.get<TimeExpressions>().timexes) {
        while (k < n && seg_.tokens[k].span.end <= t.span.begin) ++k;
        for (std::size_t j = k; j < n && seg_.tokens[j].span.begin < t.span.end; ++j) in_time_[j] = true;
      }
    }
  }

  std::vector<std::vector<Participant>> run(const Events& events) {
    const int n = static_cast<int>(syntax_.size());
    events_ = &events;
    event_at_.assign(static_cast<std::size_t>(n), -1);
    for (std::size_t i = 0; i < events.events.size(); ++i) {
      const std::uint32_t t = events.events[i].token;
      if (t < event_at_.size() && event_at_[t] < 0) event_at_[t] = static_cast<int>(i);
    }
    std::vector<std::vector<Participant>> out(events.events.size());
    for (std::size_t i = 0; i < events.events.size(); ++i) {
      const EventMention& e = events.events[i];
      if (e.token >= static_cast<std::uint32_t>(n)) continue;
      current_ = &out[i];
      find_for(e, static_cast<int>(e.token));
      drop_unresolved_pronouns_beside_actors();
    }
    return out;
  }

 private:
  // "their first face-to-face meeting", whose agents the support verb
  // names ("Wang Yi and Marco Rubio held ..."): a pronoun no actor stands
  // for says nothing beside actors in the same role.
  void drop_unresolved_pronouns_beside_actors() {
    std::vector<Participant>& ps = *current_;
    std::vector<Role> with_actor;  // decided before erasing: remove_if moves elements as it goes
    for (const Participant& p : ps)
      if (p.actor >= 0) with_actor.push_back(p.role);
    std::erase_if(ps, [&](const Participant& p) {
      return p.actor < 0 && syntax_.upos(static_cast<int>(p.head_token)) == Upos::PRON &&
             std::find(with_actor.begin(), with_actor.end(), p.role) != with_actor.end();
    });
  }

  const TokenMorph* morph(int i) const {
    return static_cast<std::size_t>(i) < morph_.tokens.size() ? &morph_.tokens[static_cast<std::size_t>(i)] : nullptr;
  }
  std::string lemma(int i) const {
    const TokenMorph* m = morph(i);
    return lower(m != nullptr && !m->lemma.empty() ? std::string_view(m->lemma) : syntax_.word(i));
  }
  std::string_view xpos(int i) const {
    const TokenMorph* m = morph(i);
    return m != nullptr ? std::string_view(m->xpos) : std::string_view();
  }
  bool nominal_pos(int i) const {
    const Upos u = syntax_.upos(i);
    return u == Upos::NOUN || u == Upos::PROPN || u == Upos::PRON || u == Upos::NUM || u == Upos::X ||
           u == Upos::SYM;
  }
  std::int32_t actor_at(int i) const {
    if (actors_ == nullptr || i < 0 || static_cast<std::size_t>(i) >= actors_->actor_of_token.size()) return -1;
    const std::int32_t a = actors_->actor_of_token[static_cast<std::size_t>(i)];
    return a >= 0 && static_cast<std::size_t>(a) < actors_->actors.size() ? a : -1;
  }

  // The role of the first rule that matches; with `not_place`, of the first
  // that gives no place (the dependent is none: "visited Trump").
  std::optional<Role> role_for(std::string_view relation, std::string_view preposition, const EventContext& ctx,
                               bool not_place = false) const {
    for (const auto& rule : tables_.rules) {
      if (rule.relation != relation || rule.preposition != preposition) continue;
      if (not_place && rule.role == Role::place) continue;
      for (const std::string& s : rule.selectors)
        if (selector_matches(s, ctx)) return rule.role;
    }
    return std::nullopt;
  }

  bool is_place(int head, std::int32_t actor) const {
    if (actor >= 0) {
      const ActorType t = actors_->actors[static_cast<std::size_t>(actor)].type;
      return t == ActorType::GPE || t == ActorType::LOCATION || t == ActorType::FACILITY;
    }
    const std::string l = lemma(head);
    if (tables_.place_nouns.contains(l)) return true;
    if (syntax_.upos(head) != Upos::PROPN || in_time_[static_cast<std::size_t>(head)]) return false;
    return !tables_.not_place.contains(l) && !tables_.not_place.contains(lower(syntax_.word(head)));
  }

  // The argument phrase of a nominal head: its subtree without the
  // preposition, punctuation, clauses, appositions and conjuncts.
  Span phrase_span(int head) const {
    static constexpr std::string_view kCut[] = {"case", "punct", "acl", "appos", "conj", "cc", "parataxis",
                                                "advcl", "mark", "dep", "cop", "orphan", "list"};
    int lo = head, hi = head;
    std::vector<int> todo;
    for (const int c : syntax_.dependents(head)) {
      const auto rel = syntax_.deprel(c);
      const auto universal = rel.substr(0, rel.find(':'));
      if (std::find(std::begin(kCut), std::end(kCut), universal) != std::end(kCut)) continue;
      // "A federal judge in New York on Friday sentenced": the date the parse
      // hangs on the subject dates the verb, it is no part of who acted.
      if (in_time_[static_cast<std::size_t>(c)] && !in_time_[static_cast<std::size_t>(head)] && c > head) continue;
      todo.push_back(c);
    }
    std::size_t seen = 0;
    while (!todo.empty() && seen < kMaxWalk) {
      const int k = todo.back();
      todo.pop_back();
      ++seen;
      lo = std::min(lo, k);
      hi = std::max(hi, k);
      for (const int c : syntax_.dependents(k))
        if (!syntax_.is(c, "punct") || (c > lo && c < hi)) todo.push_back(c);
    }
    return Span{seg_.tokens[static_cast<std::size_t>(lo)].span.begin, seg_.tokens[static_cast<std::size_t>(hi)].span.end};
  }

  void add(Role role, int head, std::int32_t event = -1) {
    if (head < 0 || static_cast<std::size_t>(head) >= syntax_.size()) return;
    for (const Participant& p : *current_)
      if (p.head_token == static_cast<std::uint32_t>(head) && (p.event == event)) return;  // first role wins
    Participant p;
    p.role = role;
    p.head_token = static_cast<std::uint32_t>(head);
    p.actor = actor_at(head);
    p.event = event;
    // "NATO Secretary-General Mark Rutte" parsed as one flat name headed by
    // NATO: the person the name ends with is who took part; and so is the
    // one after a title that heads it ("President-elect Donald Trump").
    const bool title_head = p.actor < 0 && syntax_.upos(head) == Upos::PROPN;
    if ((p.actor >= 0 && actors_ != nullptr &&
         actors_->actors[static_cast<std::size_t>(p.actor)].type != ActorType::PERSON) ||
        (title_head && actors_ != nullptr))
      for (const int c : syntax_.dependents(head)) {
        if (c < head || !(syntax_.is(c, "flat") || syntax_.is(c, "compound"))) continue;
        const std::int32_t person = actor_at(c);
        if (person >= 0 && person != p.actor && actors_->actors[static_cast<std::size_t>(person)].type == ActorType::PERSON) {
          p.actor = person;
          break;
        }
      }
    if (p.actor < 0)
      for (const int a : syntax_.appositions(head))
        if (const auto actor = actor_at(a); actor >= 0) {
          p.actor = actor;
          break;
        }
    if (p.actor < 0 && role != Role::place) p.actor = country_governed(head);
    if (p.actor < 0 && role != Role::place) p.actor = organisation_named_before(head);
    if (role == Role::place && !is_place(head, p.actor)) return;
    if (event < 0 && in_time_[static_cast<std::size_t>(head)]) return;  // "just one year after launching"
    // A word of a name the parse split off as a conjunct ("Ursula von der
    // Leyen" with "der Leyen" a conjunct of "Ursula") names the same actor
    // again: one participant, not two.
    if (p.actor >= 0)
      for (const Participant& q : *current_)
        if (q.actor == p.actor && q.role == role && q.event == event) return;
    p.span = event >= 0 ? clause_span(head) : phrase_span(head);
    if (p.actor < 0 && event < 0 && role != Role::place)
      if (auto pair = officials_of_two_places(head); pair || (pair = pair_named_before(head))) {
        p.actor = pair->first;
        current_->push_back(p);
        p.actor = pair->second;
      }
    current_->push_back(p);
  }

  // Whether an actor goes by `name`, canonical or alias ("U.S." for United States).
  static bool named(const Actor& a, std::string_view name) {
    return a.name == name || std::find(a.aliases.begin(), a.aliases.end(), name) != a.aliases.end();
  }

  // "Carvenia's government", "the Russian government" acts for the country:
  // a government noun (roles.txt) whose possessor or modifier is a country,
  // or the demonym of a country the document names (demonyms.txt).
  std::int32_t country_governed(int head) const {
    if (!tables_.government_nouns.contains(lemma(head))) return -1;
    for (const int d : syntax_.dependents(head)) {
      if (!syntax_.is(d, "nmod:poss") && !syntax_.is(d, "compound") && !syntax_.is(d, "amod")) continue;
      if (const auto actor = actor_at(d); actor >= 0 && actors_->actors[static_cast<std::size_t>(actor)].type == ActorType::GPE)
        return actor;
      const auto place = tables_.demonym_places.find(lower(syntax_.word(d)));
      if (place == tables_.demonym_places.end() || actors_ == nullptr) continue;
      for (std::size_t a = 0; a < actors_->actors.size(); ++a) {
        const Actor& actor = actors_->actors[a];
        if (actor.type == ActorType::GPE && named(actor, place->second)) return static_cast<std::int32_t>(a);
      }
    }
    return -1;
  }

  // "The company said": a definite singular organisation noun (roles.txt
  // organisation-noun) that names no one itself is the organisation the
  // article is about: the one it has named most so far, at least twice and
  // twice as often as any other, and within the last ten sentences. The
  // nearest organisation is a poor guess in news ("an internal memo at Apple
  // showed the company passed Wal-Mart" after "NPD said"). A possessed or
  // named one ("the Beatles' company", "the record company, Apple Corps") is
  // left alone, and so is one another adjective sets apart ("the combined
  // company"). Names count, not descriptions ("the department" is no
  // company).
  std::int32_t organisation_named_before(int head) const {
    if (actors_ == nullptr || xpos(head) != "NN" || !tables_.organisation_nouns.contains(lemma(head))) return -1;
    const int det = syntax_.dependent(head, "det");
    if (det < 0 || lower(syntax_.word(det)) != "the") return -1;
    // ("the combined company", "the parent company", "the acquired company":
    // another company than the one most named)
    static const std::unordered_set<std::string> kOther = {"combined", "merged", "new",   "former",  "rival",
                                                           "parent",   "other",  "acquired", "target", "future"};
    for (const int d : syntax_.dependents(head))
      if (syntax_.is(d, "nmod:poss") || syntax_.is(d, "nmod") || syntax_.is(d, "appos") ||
          (syntax_.is(d, "compound") && syntax_.upos(d) == Upos::PROPN) ||
          (syntax_.is(d, "amod") && kOther.contains(lower(syntax_.word(d)))))
        return -1;
    const std::size_t sentence = sentence_of(head);
    auto it = std::lower_bound(organisation_mentions_.begin(), organisation_mentions_.end(),
                               static_cast<std::uint32_t>(head),
                               [](const PersonMention& m, std::uint32_t t) { return m.token < t; });
    std::map<std::int32_t, std::pair<int, std::size_t>> seen;  // actor -> (mentions, latest sentence)
    for (std::size_t steps = 0; it != organisation_mentions_.begin() && steps < kMaxWalk; ++steps) {
      --it;
      if (!it->named) continue;
      auto& [count, latest] = seen[it->actor];
      latest = std::max(latest, static_cast<std::size_t>(it->sentence));
      ++count;
    }
    std::int32_t best = -1;
    int first = 0, second = 0;
    for (const auto& [actor, stats] : seen) {
      if (stats.first > first) {
        second = first, first = stats.first, best = actor;
      } else {
        second = std::max(second, stats.first);
      }
    }
    if (best < 0 || first < 2 || first < 2 * second || seen[best].second + 10 < sentence) return -1;
    return best;
  }

  // "the two leaders", "both men": a plural common noun with "two" or "both";
  // "the two" alone (two people: "and that the two would meet").
  bool describes_a_pair(int head) const {
    if (xpos(head) == "CD" && lower(syntax_.word(head)) == "two") {
      // (the parse may hang "the" elsewhere: the word before says it)
      return head > 0 && lower(syntax_.word(head - 1)) == "the" &&
             (syntax_.is(head, "nsubj") || syntax_.is(head, "obj"));
    }
    if (xpos(head) != "NNS") return false;
    for (const int d : syntax_.dependents(head)) {
      const std::string w = lower(syntax_.word(d));
      if ((w == "two" && syntax_.is(d, "nummod")) || (w == "both" && (syntax_.is(d, "det") || syntax_.is(d, "det:predet"))))
        return true;
    }
    return false;
  }

  // "the presidents of the U.S. and Ukraine": a plural title with two places
  // is the two people holding it there. A place's holder is the one person
  // given the role there ("Ukrainian President Volodymyr Zelensky"); one
  // place left over goes to the one holder of the title the text ties to no
  // place ("President Trump"), never to the holder somewhere else (Putin,
  // "president of Russia").
  std::optional<std::pair<std::int32_t, std::int32_t>> officials_of_two_places(int head) const {
    if (actors_ == nullptr || xpos(head) != "NNS") return std::nullopt;
    const std::vector<std::int32_t>* holders = holders_of(lemma(head));
    if (holders == nullptr) return std::nullopt;
    int first_place = -1;
    for (const int d : syntax_.dependents(head))
      if (syntax_.is(d, "nmod") && syntax_.preposition(d) == "of") first_place = d;
    if (first_place < 0) return std::nullopt;
    const std::vector<int> conjuncts = syntax_.dependents(first_place, "conj");
    if (conjuncts.size() != 1) return std::nullopt;
    const std::int32_t places[2] = {actor_at(first_place), actor_at(conjuncts.front())};
    for (const std::int32_t place : places)
      if (place < 0 || actors_->actors[static_cast<std::size_t>(place)].type != ActorType::GPE) return std::nullopt;
    std::int32_t officials[2] = {-1, -1};
    std::vector<std::int32_t> unplaced;
    for (const std::int32_t h : *holders) {
      const Actor& official = actors_->actors[static_cast<std::size_t>(h)];
      if (official.affiliations.empty()) unplaced.push_back(h);
      for (int k = 0; k < 2; ++k) {
        const Actor& place = actors_->actors[static_cast<std::size_t>(places[k])];
        for (const std::string& a : official.affiliations)
          if (named(place, a)) {
            if (officials[k] >= 0 && officials[k] != h) return std::nullopt;  // two holders there
            officials[k] = h;
          }
      }
    }
    if (officials[0] < 0 && officials[1] < 0) return std::nullopt;
    for (std::int32_t& o : officials)
      if (o < 0) {
        if (unplaced.size() != 1) return std::nullopt;
        o = unplaced.front();
      }
    if (officials[0] == officials[1]) return std::nullopt;
    return std::make_pair(officials[0], officials[1]);
  }

  // The two people the text named last before `head`, most recent first
  // in text order (earlier-named first), when exactly two distinct PERSON
  // actors appear in the window.
  // When the description's noun is a role people in the text hold ("the two
  // leaders", "both presidents"), only its holders count, over the four
  // sentences before: a mis-typed "Tarvan drones" in between is no leader.
  std::optional<std::pair<std::int32_t, std::int32_t>> pair_named_before(int head) const {
    if (!describes_a_pair(head)) return std::nullopt;
    // "the two companies", "both countries": the organisations or countries
    // named last; any other noun, people.
    const std::string noun = lemma(head);
    const std::vector<PersonMention>& mentions = tables_.organisation_nouns.contains(noun) ? organisation_mentions_
                                                 : tables_.country_nouns.contains(noun)    ? country_mentions_
                                                                                           : person_mentions_;
    if (mentions.empty()) return std::nullopt;
    const std::vector<std::int32_t>* holders = &mentions == &person_mentions_ ? holders_of(noun) : nullptr;
    if (holders != nullptr && holders->size() < 2) holders = nullptr;
    const auto counts = [&](std::int32_t actor) {
      return holders == nullptr || std::find(holders->begin(), holders->end(), actor) != holders->end();
    };
    const std::size_t sentence = sentence_of(head);
    auto it = std::lower_bound(mentions.begin(), mentions.end(), static_cast<std::uint32_t>(head),
                               [](const PersonMention& m, std::uint32_t t) { return m.token < t; });
    std::int32_t last = -1, before_last = -1;
    std::uint32_t before_last_sentence = 0;
    for (std::size_t steps = 0; it != mentions.begin() && steps < kMaxWalk; ++steps) {
      --it;
      if (it->sentence + (holders != nullptr ? 4 : 2) < sentence) break;  // holders are rarer: look further back
      if (it->actor == last || it->actor == before_last || !counts(it->actor)) continue;
      if (last < 0) {
        last = it->actor;
      } else if (before_last < 0) {
        before_last = it->actor;
        before_last_sentence = it->sentence;
      } else {
        // A third person named alongside: which two is unclear.
        if (it->sentence == before_last_sentence) return std::nullopt;
        break;
      }
    }
    if (before_last < 0) return std::nullopt;
    return std::make_pair(before_last, last);
  }

  // The PERSON actors holding a role, or nullptr: none, or so many (a long
  // text of officials) that scanning them per description would not stay
  // linear.
  const std::vector<std::int32_t>* holders_of(const std::string& role) const {
    constexpr std::size_t kMaxHolders = 64;
    const auto it = persons_by_role_.find(role);
    return it == persons_by_role_.end() || it->second.size() > kMaxHolders ? nullptr : &it->second;
  }

  bool in_headline(int token) const {
    return seg_.headline && !seg_.sentences.empty() &&
           static_cast<std::uint32_t>(token) < seg_.sentences[0].first_token + seg_.sentences[0].token_count;
  }

  std::size_t sentence_of(int token) const {
    const auto& sentences = seg_.sentences;
    const auto it = std::upper_bound(sentences.begin(), sentences.end(), static_cast<std::uint32_t>(token),
                                     [](std::uint32_t t, const Sentence& s) { return t < s.first_token; });
    return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin() - 1);
  }

  Span clause_span(int head) const {
    const auto [lo, hi] = bounded_range(head);
    return Span{seg_.tokens[static_cast<std::size_t>(lo)].span.begin,
                seg_.tokens[static_cast<std::size_t>(hi)].span.end};
  }
  std::pair<int, int> bounded_range(int head) const {
    int lo = head, hi = head;
    std::vector<int> todo{head};
    std::size_t seen = 0;
    while (!todo.empty() && seen < kMaxWalk) {
      const int k = todo.back();
      todo.pop_back();
      ++seen;
      lo = std::min(lo, k);
      hi = std::max(hi, k);
      for (const int c : syntax_.dependents(k))
        if (!syntax_.is(c, "punct")) todo.push_back(c);
    }
    return {lo, hi};
  }

  // "CIA Director William Burns will travel", parsed as "CIA" and "William
  // Burns": a person the parse made a conjunct of an organisation, a
  // country or a nationality ("South Korean President Yoon Suk Yeol"), with
  // nothing but capitalized words (the title) between them, no coordinator
  // and no comma, is the one argument; the first is the person's employer
  // or country.
  bool titled_employee(int employer, int person) const {
    const std::int32_t o = actor_at(employer), p = actor_at(person);
    if (p < 0 || o == p || person <= employer + 1 || person > employer + 4) return false;
    if (actors_->actors[static_cast<std::size_t>(p)].type != ActorType::PERSON) return false;
    const std::string_view first = syntax_.word(employer);
    if (o >= 0 ? actors_->actors[static_cast<std::size_t>(o)].type == ActorType::PERSON
               : first.empty() || first[0] < 'A' || first[0] > 'Z')
      return false;
    for (const int d : syntax_.dependents(person))
      if (d < person && (syntax_.is(d, "cc") || syntax_.is(d, "punct"))) return false;
    for (int k = employer + 1; k < person; ++k) {
      const std::string_view w = syntax_.word(k);
      if ((actor_at(k) >= 0 && actor_at(k) != p) || w.empty() || w[0] < 'A' || w[0] > 'Z' ||
          syntax_.upos(k) == Upos::CCONJ)
        return false;
    }
    return true;
  }

  // Adds every conjunct of a nominal argument under the same role.
  void add_each(Role role, int head) {
    if (head < 0) return;
    std::vector<int> conjuncts = syntax_.conjuncts(head);
    if (conjuncts.size() == 2 && titled_employee(conjuncts[0], conjuncts[1])) conjuncts.erase(conjuncts.begin());
    for (const int c : conjuncts) {
      if (c != head && !nominal_pos(c)) continue;
      // A topic that is a phrase, not a clause ("responded to Zelensky's
      // request"), points at the event it names; one that names no event is
      // who was answered ("replied to reporters").
      if (role == Role::topic) {
        const int event = event_at_[static_cast<std::size_t>(c)];
        if (event >= 0) add(role, c, event);
        else add(Role::addressee, c);
        continue;
      }
      add(role, c);
    }
  }

  void relation(std::string_view rel, int head, const EventContext& ctx) {
    if (head < 0) return;
    auto role = role_for(rel, {}, ctx);
    if (role == Role::place && !is_place(head, actor_at(head))) role = role_for(rel, {}, ctx, true);
    if (role) add_each(*role, head);
  }

  // obl / nmod dependents of `p` (the trigger or its support verb).
  void obliques(int p, const EventContext& ctx) {
    for (const int c : syntax_.dependents(p)) {
      if (!(syntax_.is(c, "obl") || syntax_.is(c, "nmod"))) continue;
      if (syntax_.is(c, "obl:tmod") || syntax_.is(c, "nmod:tmod") || syntax_.is(c, "obl:npmod") ||
          syntax_.is(c, "nmod:npmod"))
        continue;
      if (in_time_[static_cast<std::size_t>(c)]) continue;  // "on Friday", "in March", "Friday's meeting"
      if (syntax_.is(c, "nmod:poss")) {
        // A possessor belongs to a noun; one on a verb is a misparse
        // ("hours after Holm's post, Marek gave ..." with "Holm" on "gave").
        if (syntax_.upos(p) != Upos::VERB && syntax_.upos(p) != Upos::AUX) relation("possessive", c, ctx);
        continue;
      }
      const std::string prep = syntax_.preposition(c);
      if (prep.empty()) continue;
      if (const auto role = role_for("oblique", prep, ctx)) add_each(*role, c);
    }
    lifted_obliques(p, ctx);
    if (ctx.nominal) lowered_destination(p, ctx);
  }

  // The converse for a journey: its destination hung on the verb the
  // journey is an argument of, right after the journey's phrase ("spoke
  // about his visit [to the United States]").
  // A bounded look: the journey's own modifiers before "to" are few.
  void lowered_destination(int p, const EventContext& ctx) {
    const int g = syntax_.head(p);
    if (g < 0) return;
    const auto inside = [&](int k) {  // k hangs (within a few arcs) on p
      for (int h = syntax_.head(k), step = 0; h >= 0 && step < 8; h = syntax_.head(h), ++step)
        if (h == p) return true;
      return false;
    };
    const int end = std::min(static_cast<int>(syntax_.size()), p + 9);
    for (int k = p + 1; k < end; ++k) {
      if (syntax_.is(k, "case") && lower(syntax_.word(k)) == "to") {
        const int c = syntax_.head(k);
        if (c > k && syntax_.head(c) == g && (syntax_.is(c, "obl") || syntax_.is(c, "nmod")) &&
            !syntax_.is(c, "nmod:poss"))
          if (const auto role = role_for("oblique", "to", ctx); role == Role::place) add_each(*role, c);
        return;
      }
      if (!inside(k)) return;  // past the journey's phrase
    }
  }

  // Prepositional phrases the parse hung on an argument instead of the
  // event ("met with Trump [at the White House]", "sent missiles [to
  // Ukraine]"), the parser's most frequent attachment error. Only the roles
  // that an argument's own modifier rarely has are taken over: place,
  // recipient, addressee, co-participant ("the leader of X" stays X's).
  void lifted_obliques(int p, const EventContext& ctx) {
    for (const int a : syntax_.dependents(p)) {
      if (!(syntax_.is(a, "obj") || syntax_.is(a, "iobj") || syntax_.is(a, "obl") || syntax_.is(a, "nmod")) ||
          syntax_.is(a, "nmod:poss"))
        continue;
      for (const int c : syntax_.dependents(a, "nmod")) {
        if (syntax_.is(c, "nmod:poss") || syntax_.is(c, "nmod:tmod") || in_time_[static_cast<std::size_t>(c)]) continue;
        const std::string prep = syntax_.preposition(c);
        if (prep.empty()) continue;
        const auto role = role_for("oblique", prep, ctx);
        if (role && (*role == Role::place || *role == Role::recipient || *role == Role::addressee ||
                     *role == Role::co_participant))
          add_each(*role, c);
      }
    }
  }

  // The event nearest the root of a reported clause (breadth first), not
  // looking into the reporting event `reporter` itself.
  int reported_event(int clause, int reporter) const {
    std::vector<int> queue{clause};
    for (std::size_t k = 0; k < queue.size() && k < kMaxWalk; ++k) {
      const int t = queue[k];
      if (event_at_[static_cast<std::size_t>(t)] >= 0) return t;
      for (const int c : syntax_.dependents(t))
        if (c != reporter && !syntax_.is(c, "punct") && !syntax_.is(c, "ccomp") && !syntax_.is(c, "parataxis"))
          queue.push_back(c);
    }
    return -1;
  }

  bool is_passive(int t, int subject) const {
    if (syntax_.dependent(t, "aux:pass") >= 0 || syntax_.dependent(t, "nsubj:pass") >= 0) return true;
    if (in_headline(t) && syntax_.bare_passive(t)) return true;
    // A subject shared with a passive conjunct is passive too ("was arrested
    // and charged"); one taken from a controlling clause keeps the voice of
    // its own ("Blinken is expected to travel ... before returning": he travels).
    if (subject >= 0 && syntax_.deprel(subject) == "nsubj:pass")
      return syntax_.head(subject) == t || syntax_.is(t, "conj");
    // "Sweden's bid remains blocked by Turkey": a participle completing a
    // verb like "remain", with an agent, tells what is done to the subject
    // (without one it is often the subject's own doing: on MEANTIME every
    // such participle made passive loses 3 of 404 Arg0/Arg1 matches).
    if (syntax_.deprel(t) == "xcomp" && xpos(t) == "VBN" && syntax_.dependent(t, "obl:agent") >= 0) return true;
    // "Born in Lima in 1950, Ruiz ...": a participle opening the sentence
    // with no auxiliary tells what was done to the main clause's subject.
    if (syntax_.deprel(t) == "advcl" && xpos(t) == "VBN" && t < syntax_.head(t) && syntax_.dependent(t, "aux") < 0 &&
        syntax_.dependent(t, "mark") < 0)
      return true;
    return syntax_.deprel(t) == "acl" && xpos(t) == "VBN";
  }

  void find_for(const EventMention& e, int t) {
    EventContext ctx;
    ctx.event = &e;
    ctx.nominal = e.pos == EventPos::NOUN || syntax_.upos(t) == Upos::NOUN || syntax_.upos(t) == Upos::PROPN;
    int subject = antecedent(syntax_.subject(t));
    // "Later that night, hours after Holm's post, Marek gave ...", parsed
    // with three subjects, the first a time: the last one that is no time.
    if (subject >= 0 && in_time_[static_cast<std::size_t>(subject)]) {
      subject = -1;
      for (const int d : syntax_.dependents(t, "nsubj"))
        if (d < t && !in_time_[static_cast<std::size_t>(d)]) subject = d;
    }
    // Headlines drop articles and auxiliaries, and the parse reads them as
    // one noun phrase: "Apple Corps loses court case", "Apple to lower UK
    // iTunes prices" have the verb as a modifier (acl) of the name before it,
    // which is its subject.
    if (subject < 0 && in_headline(t) && syntax_.is(t, "acl") &&
        (xpos(t) == "VBZ" || xpos(t) == "VBP" || (xpos(t) == "VB" && syntax_.dependent(t, "mark") >= 0))) {
      const int h = syntax_.head(t);
      if (h >= 0 && h < t && syntax_.upos(h) == Upos::PROPN) subject = h;
    }
    // A non-finite adverbial clause has its controller's subject ("Jobs
    // started by introducing the iPhone": Jobs introduced it).
    // After a verb of judging, a gerund marked "for" or "with" is what its
    // object did ("fined Meta for abusing its position", "charged Apple
    // with breaching the act").
    if (subject < 0 && syntax_.is(t, "advcl") && xpos(t) == "VBG") {
      const int h = syntax_.head(t);
      const int mark = syntax_.dependent(t, "mark");
      if (h >= 0 && mark >= 0 && (lemma(mark) == "for" || lemma(mark) == "with") &&
          tables_.object_control.contains(lemma(h)) && syntax_.object(h) >= 0)
        subject = syntax_.object(h);
    }
    // An infinitive after the object of a verb of asking does what the object
    // was asked to, though the parse hangs it on the verb as an adverbial
    // clause, not as its complement ("invited him to visit Buenos Aires":
    // he visits).
    if (subject < 0 && syntax_.is(t, "advcl") && xpos(t) == "VB") {
      const int h = syntax_.head(t);
      const int mark = syntax_.dependent(t, "mark");
      if (h >= 0 && mark >= 0 && lemma(mark) == "to" && tables_.object_infinitive.contains(lemma(h)) &&
          syntax_.object(h) >= 0)
        subject = syntax_.object(h);
    }
    if (subject < 0 && syntax_.is(t, "advcl") && (xpos(t) == "VBG" || xpos(t) == "VB"))
      subject = antecedent(syntax_.subject(syntax_.head(t)));
    // "Zelensky told reporters that no statements would be made, explaining
    // that ...": a reporting participle after what a report says is told by
    // the reporter, though the parse hangs it on the reported clause.
    if (const int reporter = reporter_of_participle(e, t); reporter >= 0) subject = reporter;
    // The same clause hung on the object by the parse ("started the keynote
    // [by introducing ...]"): a marked participle is no noun modifier.
    const bool marked_participle = syntax_.is(t, "acl") && xpos(t) == "VBG" && syntax_.dependent(t, "mark") >= 0;
    if (subject < 0 && marked_participle && syntax_.head(t) >= 0)
      subject = antecedent(syntax_.subject(syntax_.head(syntax_.head(t))));
    ctx.passive = is_passive(t, subject);
    // A clausal complement counts as an object: "declined to comment" has an
    // agent as surely as "declined the offer".
    ctx.intransitive = syntax_.object(t) < 0 && syntax_.dependent(t, "xcomp") < 0 && syntax_.dependent(t, "ccomp") < 0;

    // Subject: skip clausal subjects, and the subject of a nominal event,
    // which is a predicate nominal ("it was a historic meeting": no agent
    // "it"); nominal events get their agents from possessives and support
    // verbs below.
    if (subject >= 0 && subject != t && nominal_pos(subject) && !ctx.nominal)
      relation(ctx.passive ? "passive-subject" : "subject", subject, ctx);

    // Participial and bare relative clauses: the modified noun.
    if (syntax_.head(t) >= 0) {
      const int noun = syntax_.head(t);
      // (a present participle before its noun too: "visiting German
      // Chancellor Olaf Scholz" is the one visiting)
      const bool prenominal = syntax_.deprel(t) == "amod" && xpos(t) == "VBG" && t < noun;
      if ((syntax_.deprel(t) == "acl" || prenominal) && nominal_pos(noun)) {
        if (xpos(t) == "VBN") relation("passive-subject", noun, ctx);
        else if (xpos(t) == "VBG" && !marked_participle && subject < 0) relation("subject", noun, ctx);
      } else if (syntax_.deprel(t) == "acl:relcl" && subject >= 0 && subject != noun && syntax_.object(t) < 0 &&
                 !ctx.passive && nominal_pos(noun) && !has_wh_marker(t)) {
        relation("object", noun, ctx);
      }
    }

    // A light verb's nominal event is what the verb carries, not who takes
    // part: "held a closed-door meeting" has no co-participant "meeting"
    // (the meeting gets the verb's subject and obliques below).
    const int object = syntax_.object(t);
    const bool carried = object >= 0 && tables_.light.contains(lemma(t)) && event_at_[static_cast<std::size_t>(object)] >= 0;
    if (!ctx.passive && !carried) relation("object", object, ctx);
    relation("iobj", syntax_.dependent(t, "iobj"), ctx);
    obliques(t, ctx);

    // Support verbs for nominal events.
    if (ctx.nominal && syntax_.head(t) >= 0) {
      const int v = syntax_.head(t);
      const std::string vl = lemma(v);
      const bool as_object = syntax_.deprel(t) == "obj" && tables_.light.contains(vl);
      const bool as_pass_subject = syntax_.deprel(t) == "nsubj:pass" && tables_.light.contains(vl);
      const bool as_subject = syntax_.deprel(t) == "nsubj" && tables_.setting.contains(vl);
      if (as_object || as_pass_subject || as_subject) {
        if (as_object) {
          const int s = syntax_.subject(v);
          if (s >= 0 && nominal_pos(s)) relation("subject", s, ctx);
        }
        EventContext support = ctx;
        support.passive = as_pass_subject;
        obliques(v, support);
      }
    }

    // Occasions: "Marek asked Nordvall for help during talks with Holm":
    // who acts during (in, at) a meeting, talks, an interview or an
    // announcement ("In a July 16 press conference, Jobs said") takes part
    // in it, as its agent when nothing else in the phrase says who.
    if (ctx.nominal && (e.type == "MEET" || e.type == "TALK" || e.type == "INTERVIEW" || e.type == "ANNOUNCE") &&
        syntax_.head(t) >= 0) {
      const std::string prep = syntax_.preposition(t);
      const bool has_agent = std::any_of(current_->begin(), current_->end(),
                                         [](const Participant& p) { return p.role == Role::agent; });
      // "during" names a time, so a noun is never what it modifies: an nmod
      // "during talks" is the parser's misattachment of the verb's oblique;
      // so is "in an interview" on the verb's object ("shared the details
      // in an interview").
      int v = -1;
      if (syntax_.is(t, "obl") && (prep == "during" || prep == "in" || prep == "at")) v = syntax_.head(t);
      else if (syntax_.is(t, "nmod") && prep == "during") v = syntax_.head(t);
      else if (syntax_.is(t, "nmod") && prep == "in" && syntax_.is(syntax_.head(t), "obj")) v = syntax_.head(t);
      for (int steps = 0; v >= 0 && syntax_.upos(v) != Upos::VERB && steps < 8; ++steps) v = syntax_.head(v);
      // "asked Nordvall to sell ... during talks": the asking clause's subject.
      for (int steps = 0; v >= 0 && syntax_.is(v, "xcomp") && steps < 8; ++steps) v = syntax_.head(v);
      if (!has_agent && v >= 0 && syntax_.upos(v) == Upos::VERB) {
        const int s = antecedent(syntax_.subject(v));
        if (s >= 0 && s != t && nominal_pos(s)) add_each(Role::agent, s);
      }
    }

    // Reported events.
    if (const auto topic = role_for("clause", {}, ctx)) {
      bool reports_own_clause = false;
      for (const int c : syntax_.dependents(t)) {
        if (!syntax_.is(c, "ccomp") && !syntax_.is(c, "parataxis")) continue;
        // A clause whose subject is "who" or "which" is a relative clause
        // the parse took for a complement: nothing reported there.
        if (const int s = syntax_.dependent(c, "nsubj"); s >= 0 && relative_pronoun(syntax_.word(s))) continue;
        const int r = reported_event(c, t);
        if (r >= 0) add(*topic, r, event_at_[static_cast<std::size_t>(r)]);
        reports_own_clause = reports_own_clause || r >= 0;
      }
      // "The talks were productive, Trump said": the reporting verb hangs
      // from what it reports (as parataxis, or as an unmarked advcl after it),
      // unless it has a clause of its own ("..., explaining that ...").
      const int h = syntax_.head(t);
      const bool after_unmarked = syntax_.is(t, "advcl") && h < t && syntax_.dependent(t, "mark") < 0;
      if (h >= 0 && !reports_own_clause && (syntax_.is(t, "parataxis") || after_unmarked)) {
        const int r = reported_event(h, t);
        if (r >= 0) add(*topic, r, event_at_[static_cast<std::size_t>(r)]);
      }
    }
  }

  // The subject of the reporting event whose reported clause a reporting
  // participle hangs from ("said [the talks went well], adding ..."), or -1.
  int reporter_of_participle(const EventMention& e, int t) const {
    if (e.cls != EventClass::REPORTING || !syntax_.is(t, "advcl") || xpos(t) != "VBG") return -1;
    const int clause = syntax_.head(t);
    if (clause < 0 || clause > t || !syntax_.is(clause, "ccomp")) return -1;
    const int report = syntax_.head(clause);
    if (report < 0 || event_at_[static_cast<std::size_t>(report)] < 0) return -1;
    if (events_->events[static_cast<std::size_t>(event_at_[static_cast<std::size_t>(report)])].cls != EventClass::REPORTING)
      return -1;
    return antecedent(syntax_.subject(report));
  }

  static bool relative_pronoun(std::string_view w) {
    const std::string l = lower(w);
    return l == "who" || l == "whom" || l == "which";
  }

  // A relative pronoun the parse did not attach as a relative clause
  // ("Trump, who met Zelensky, said ..." parsed with "met" as a ccomp):
  // the nominal just before it, commas skipped, is what it stands for.
  // And a day name between the subject and its verb that the parse took
  // for the subject, the subject its compound ("Apple Computer today
  // launched"): the name before the day is the subject. (Repairing the
  // tree instead, tried on 2026-11-29, changes the parses the entity model
  // is trained on, and its rebuild lost the person of a test sentence.)
  int antecedent(int i) const {
    if (i > 0 && detail::day_name(syntax_.word(i)) && syntax_.head(i - 1) == i &&
        (syntax_.upos(i - 1) == Upos::PROPN || syntax_.upos(i - 1) == Upos::NOUN) &&
        (syntax_.is(i - 1, "compound") || syntax_.is(i - 1, "flat")))
      return i - 1;
    if (i < 0 || !relative_pronoun(syntax_.word(i))) return i;
    int k = i - 1;
    while (k >= 0 && syntax_.upos(k) == Upos::PUNCT && i - k < 3) --k;
    if (k < 0 || !nominal_pos(k)) return i;
    const int h = syntax_.nominal_head(k);
    return h >= 0 && nominal_pos(h) ? h : k;
  }

  // "the place where they met": a wh-adverb relative has no gap to fill.
  bool has_wh_marker(int t) const {
    for (const int c : syntax_.dependents(t)) {
      const std::string w = lower(syntax_.word(c));
      if (w == "where" || w == "when" || w == "why" || w == "how") return true;
    }
    return false;
  }

  const detail::ParticipantRules& tables_;
  const Segmentation& seg_;
  const Morphology& morph_;
  SyntaxView syntax_;
  const Actors* actors_ = nullptr;
  struct PersonMention {
    std::uint32_t token, sentence;
    std::int32_t actor;
    bool named = true;  // a name, not a description or pronoun
  };
  std::vector<PersonMention> person_mentions_;  // of PERSON actors, in text order
  std::vector<PersonMention> organisation_mentions_, country_mentions_;  // of ORGANIZATION and GPE actors
  std::vector<bool> in_time_;
  std::vector<int> event_at_;
  // PERSON actors by each role they hold ("president": Zelensky, Trump, Putin).
  std::unordered_map<std::string, std::vector<std::int32_t>> persons_by_role_;
  const Events* events_ = nullptr;
  std::vector<Participant>* current_ = nullptr;
};

}  // namespace

const Participants& ParticipantFinder::find(Document& doc) const {
  const Events& events = doc.get<Events>();
  Participants layer;
  if (!doc.has<Dependencies>() || events.events.empty()) {
    // Without a parse there is nothing to read roles from: every event is
    // kept, with no participants, so the layer stays parallel to Events.
    layer.by_event.resize(events.events.size());
  } else {
    Finder finder(*tables_, doc);
    layer.by_event = finder.run(events);
  }
  return doc.add(std::move(layer));
}

}  // namespace tempora

// The rule half of the event stage: what a trained tagger should not have to
// learn from 256 documents.
//
// MAKEINSTANCE attributes. TimeML's tense and aspect are properties of the
// verb group, which English marks with a handful of auxiliaries. From the
// event's head the scan walks left over auxiliaries, negation and adverbs
// (never past a content word, so it stays within the clause and is linear
// in the group's length), then reads the attributes off the group:
//   "had requested"  -> have(VBD) + VBN       -> PAST, PERFECTIVE
//   "are still ongoing" is an adjective after a copula -> PRESENT
//   "will reach"     -> future word + VB      -> FUTURE
//   "didn't say"     -> do(VBD) + n't + VB    -> PAST, NEG
//   "to defend"      -> "to" before the group -> INFINITIVE
//   "had arrived ... and visited" -> no group, after "and": the first
//                       conjunct's perfect   -> PAST, PERFECTIVE
// The words are data (resources/event/grammar.txt).
//
// Types. A lemma table plus context rules (types.txt): a context rule looks
// for a cue lemma within a few tokens of the trigger in the same sentence,
// which is how "held talks" becomes TALK and "posted on social media" becomes
// PUBLISH while "posted a loss" stays OTHER.
#include "event_rules.hpp"
#include "rule_file.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace tempora::detail {
namespace {

bool is_adverb(const TokenMorph& m) { return m.xpos.starts_with("RB"); }

}  // namespace

std::string event_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

EventRules EventRules::load(const std::filesystem::path& dir) {
  EventRules rules;
  for_each_line(dir / "grammar.txt", [&](std::string_view line) {
    const auto [name, rest] = split_colon(line);
    std::uint8_t bit = 0;
    if (name == "negation") bit = kNegation;
    else if (name == "future") bit = kFuture;
    else if (name == "modal") bit = kModal;
    else if (name == "be") bit = kBe;
    else if (name == "have") bit = kHave;
    else if (name == "do") bit = kDo;
    else if (name == "infinitive") bit = kInfinitive;
    else throw std::runtime_error(fmt::format("unknown category '{}'", name));
    for (const std::string& w : words_of(rest)) {
      const std::size_t eq = w.find('=');
      const std::string word = w.substr(0, eq);
      rules.grammar_[word] |= bit;
      if (eq != std::string::npos) rules.modal_form_[word] = w.substr(eq + 1);
    }
  });
  for_each_line(dir / "types.txt", [&](std::string_view line) {
    const std::vector<std::string> head = words_of(line.substr(0, line.find(':')));
    if (head.empty()) throw std::runtime_error("empty line head");
    if (head[0] == "type") {
      if (head.size() != 3 || (head[2] != "yes" && head[2] != "no"))
        throw std::runtime_error("expected 'type TYPE yes|no: lemmas'");
      rules.type_newsworthy_[head[1]] = head[2] == "yes";
      for (const std::string& lemma : words_of(split_colon(line).second)) rules.lemma_type_.emplace(lemma, head[1]);
    } else if (head[0] == "context") {
      if (head.size() != 2) throw std::runtime_error("expected 'context TYPE: lemmas / next N: cues'");
      const std::string_view rest = split_colon(line).second;
      const std::size_t slash = rest.find('/');
      if (slash == std::string_view::npos) throw std::runtime_error("context rule without '/'");
      ContextRule rule;
      rule.type = head[1];
      for (const std::string& w : words_of(rest.substr(0, slash))) rule.lemmas.insert(w);
      const auto [where, cues] = split_colon(rest.substr(slash + 1));
      const std::vector<std::string> w = words_of(where);
      if (w.size() != 2 || (w[0] != "next" && w[0] != "prev")) throw std::runtime_error("expected 'next N' or 'prev N'");
      rule.next = w[0] == "next";
      rule.window = std::clamp(std::atoi(w[1].c_str()), 1, 20);
      for (const std::string& c : words_of(cues)) {
        if (c == "@person") rule.person_cue = true;
        else if (c.size() > 1 && c.front() == '=') rule.exact_cues.insert(c.substr(1));
        else rule.cues.insert(c);
      }
      rules.context_rules_.push_back(std::move(rule));
    } else if (head[0] == "spread") {
      if (head.size() != 2) throw std::runtime_error("expected 'spread TYPE: lemmas'");
      for (const std::string& lemma : words_of(split_colon(line).second)) rules.spread_type_.emplace(lemma, head[1]);
    } else if (head[0] == "class") {
      if (head.size() != 3) throw std::runtime_error("expected 'class CLASS TYPE'");
      const auto cls = parse_event_class(head[1]);
      if (!cls) throw std::runtime_error(fmt::format("unknown event class '{}'", head[1]));
      rules.class_type_[static_cast<int>(*cls)] = head[2];
    } else if (head[0] == "hidden_class") {
      for (std::size_t i = 1; i < head.size(); ++i) {
        const auto cls = parse_event_class(head[i]);
        if (!cls) throw std::runtime_error(fmt::format("unknown event class '{}'", head[i]));
        rules.hidden_classes_.insert(static_cast<int>(*cls));
      }
    } else {
      throw std::runtime_error(fmt::format("unknown directive '{}'", head[0]));
    }
  });
  for_each_line(dir / "boilerplate.txt", [&](std::string_view line) {
    const auto [name, rest] = split_colon(line);
    if (name == "max_tokens") rules.boilerplate_max_tokens_ = static_cast<std::size_t>(std::max(0, std::atoi(std::string(rest).c_str())));
    else if (name == "start") for (const std::string& w : words_of(rest)) rules.boilerplate_start_.insert(w);
    else if (name == "platform") for (const std::string& w : words_of(rest)) rules.boilerplate_platform_.insert(w);
    else throw std::runtime_error(fmt::format("unknown field '{}'", name));
  });
  return rules;
}

std::uint8_t EventRules::category(const Token& token, const TokenMorph& morph) const {
  std::uint8_t bits = 0;
  if (const auto it = grammar_.find(event_lower(token.norm)); it != grammar_.end()) bits |= it->second;
  if (const auto it = grammar_.find(event_lower(morph.lemma)); it != grammar_.end()) bits |= it->second;
  return bits;
}

void EventRules::set_attributes(EventMention& e, std::span<const Token> tokens, std::span<const TokenMorph> morph,
                                std::uint32_t sentence_first) const {
  const TokenMorph& head = morph[e.token];
  switch (head.upos) {
    case Upos::VERB: case Upos::AUX: e.pos = EventPos::VERB; break;
    case Upos::NOUN: case Upos::PROPN: e.pos = EventPos::NOUN; break;
    case Upos::ADJ: e.pos = EventPos::ADJECTIVE; break;
    case Upos::ADP: e.pos = EventPos::PREPOSITION; break;
    default: e.pos = EventPos::OTHER; break;
  }
  // The verb group, left to right in `group` (at most 8 words: a group is short).
  struct Aux {
    std::uint32_t token;
    std::uint8_t bits;
  };
  std::vector<Aux> group;
  bool to_marker = false;
  for (std::uint32_t j = e.token; j > sentence_first && group.size() < 8;) {
    --j;
    const std::uint8_t bits = category(tokens[j], morph[j]);
    if (bits & kInfinitive) {
      to_marker = morph[j].xpos == "TO" || morph[j].upos == Upos::PART;
      break;
    }
    // A verb-group word must be tagged as an auxiliary, modal or negation (or
    // be a negation word); "have" as a main verb ends the group.
    const bool aux = (bits & ~kInfinitive) != 0 &&
                     (morph[j].upos == Upos::AUX || morph[j].xpos == "MD" || (bits & kNegation) ||
                      ((bits & (kBe | kHave)) && e.pos != EventPos::VERB));
    if (aux) {
      group.insert(group.begin(), Aux{j, bits});
      continue;
    }
    if (is_adverb(morph[j])) continue;
    break;
  }
  e.polarity = EventPolarity::POS;
  e.modality.clear();
  bool future = false, have = false, be = false, have_been = false;
  std::string finite;  // XPOS of the first finite auxiliary
  for (const Aux& a : group) {
    const std::string lower = event_lower(tokens[a.token].norm);
    if (a.bits & kNegation) {
      e.polarity = EventPolarity::NEG;
      continue;
    }
    if (a.bits & kFuture) future = true;
    else if ((a.bits & kModal) && !(a.bits & (kHave | kBe)) && e.modality.empty()) {
      const auto it = modal_form_.find(lower);
      e.modality = it != modal_form_.end() ? it->second : lower;
    } else if ((a.bits & kModal) && lower == "'d" && morph[a.token].xpos == "MD") {
      e.modality = "would";
    }
    if (a.bits & kHave) have = true;
    if (a.bits & kBe) {
      if (have) have_been = true;
      be = true;
    }
    if (finite.empty()) finite = morph[a.token].xpos;
  }
  // "no decision": a negative determiner right before a noun trigger.
  if (e.pos == EventPos::NOUN && e.token > sentence_first &&
      event_lower(tokens[e.token - 1].norm) == "no")
    e.polarity = EventPolarity::NEG;

  const std::string& x = head.xpos;
  const auto tense_of = [&](std::string_view xpos) {
    if (future) return EventTense::FUTURE;
    if (xpos == "VBD") return EventTense::PAST;
    if (xpos == "VBZ" || xpos == "VBP") return EventTense::PRESENT;
    return EventTense::NONE;
  };
  e.tense = EventTense::NONE;
  e.aspect = EventAspect::NONE;
  // A verb right after "and" with no auxiliary of its own shares the perfect
  // of the verb it is coordinated with: "had arrived in China on Sunday and
  // visited Chongqing" (the tagger reads "visited" as VBD or VBN alike).
  const auto shared_perfect = [&]() -> std::optional<EventTense> {
    if (!group.empty() || (x != "VBD" && x != "VBN") || e.token <= sentence_first ||
        morph[e.token - 1].upos != Upos::CCONJ)
      return std::nullopt;
    for (std::uint32_t j = e.token - 1; j > sentence_first;) {
      --j;
      if (morph[j].upos != Upos::VERB) continue;
      if (morph[j].xpos != "VBN") return std::nullopt;
      std::uint32_t k = j;
      while (k > sentence_first && is_adverb(morph[k - 1])) --k;
      if (k > sentence_first && morph[k - 1].upos == Upos::AUX && morph[k - 1].lemma == "have")
        return morph[k - 1].xpos == "VBD" ? EventTense::PAST : EventTense::PRESENT;
      return std::nullopt;
    }
    return std::nullopt;
  };
  if (e.pos == EventPos::VERB && shared_perfect()) {
    e.tense = *shared_perfect();
    e.aspect = EventAspect::PERFECTIVE;
  } else if (e.pos == EventPos::VERB) {
    if (x == "VBG" && be) e.aspect = have_been ? EventAspect::PERFECTIVE_PROGRESSIVE : EventAspect::PROGRESSIVE;
    else if (x == "VBN" && have) e.aspect = EventAspect::PERFECTIVE;
    else if (x == "VBN" && have_been) e.aspect = EventAspect::PERFECTIVE;
    if (!finite.empty() || future) {
      e.tense = tense_of(finite);
    } else if (to_marker) {
      e.tense = EventTense::INFINITIVE;
    } else if (x == "VBD" || x == "VBZ" || x == "VBP") {
      e.tense = tense_of(x);
    } else if (x == "VBG") {
      e.tense = EventTense::PRESPART;
    } else if (x == "VBN") {
      // A bare past participle is often a finite past verb the POS tagger
      // read as VBN ("He declined immediate delivery"): after a pronoun
      // subject, or after a noun and before its own object, it is PAST. A
      // participle after a noun with no object stays one ("troops deployed
      // in the north"). After "and" with its own object, it takes the form
      // of the verb it is coordinated with.
      std::uint32_t left = e.token;
      while (left > sentence_first && is_adverb(morph[left - 1])) --left;
      const Upos before = left > sentence_first ? morph[left - 1].upos : Upos::PUNCT;
      const Upos after = e.token + 1 < morph.size() ? morph[e.token + 1].upos : Upos::PUNCT;
      const bool object = after == Upos::DET || after == Upos::NUM || after == Upos::PRON || after == Upos::ADJ ||
                          after == Upos::NOUN || after == Upos::PROPN;
      const bool subject_noun = before == Upos::NOUN || before == Upos::PROPN;
      // The second of two coordinated verbs shares the first one's form: "Apple
      // demonstrated Snow Leopard and highlighted the browser".
      bool after_past_verb = false;
      if (before == Upos::CCONJ && object)
        for (std::uint32_t j = left - 1; j > sentence_first;) {
          --j;
          if (morph[j].upos != Upos::VERB) continue;
          after_past_verb = morph[j].xpos == "VBD";
          break;
        }
      e.tense = before == Upos::PRON || (subject_noun && object) || after_past_verb ? EventTense::PAST
                                                                                   : EventTense::PASTPART;
    } else if (x == "VB") {
      // A bare base form right after its subject is a present verb the POS
      // tagger read as VB ("analysts believe"); after a verb it is a bare
      // infinitive ("help reduce").
      std::uint32_t left = e.token;
      while (left > sentence_first && is_adverb(morph[left - 1])) --left;
      const Upos before = left > sentence_first ? morph[left - 1].upos : Upos::PUNCT;
      e.tense = before == Upos::PRON || before == Upos::NOUN || before == Upos::PROPN ? EventTense::PRESENT
                                                                                       : EventTense::INFINITIVE;
    }
    if (!e.modality.empty() && !future && finite == "MD") e.tense = EventTense::NONE;
  } else if (e.pos == EventPos::ADJECTIVE && be && !finite.empty()) {
    // A predicative adjective takes the copula's tense ("was invincible").
    e.tense = tense_of(finite);
  }
}

void EventRules::set_type(EventMention& e, std::span<const Token> tokens, std::span<const TokenMorph> morph,
                          std::uint32_t sentence_first, std::uint32_t sentence_end, std::span<const std::uint8_t> person) const {
  const std::string lemma = event_lower(e.lemma);
  std::string type;
  for (const ContextRule& rule : context_rules_) {
    if (!rule.lemmas.contains(lemma)) continue;
    const auto window = static_cast<std::uint32_t>(rule.window);
    const std::uint32_t from = rule.next ? e.token + 1 : (e.token >= sentence_first + window ? e.token - window : sentence_first);
    const std::uint32_t to = rule.next ? std::min(sentence_end, e.token + 1 + window) : e.token;
    for (std::uint32_t j = from; j < to && type.empty(); ++j)
      if (rule.cues.contains(event_lower(tokens[j].norm)) || rule.cues.contains(event_lower(morph[j].lemma)) ||
          rule.exact_cues.contains(tokens[j].norm) || (rule.person_cue && j < person.size() && person[j] != 0))
        type = rule.type;
    if (!type.empty()) break;
  }
  if (type.empty())
    if (const auto it = lemma_type_.find(lemma); it != lemma_type_.end()) type = it->second;
  if (type.empty())
    if (const auto it = class_type_.find(static_cast<int>(e.cls)); it != class_type_.end()) type = it->second;
  if (type.empty()) type = "OTHER";
  e.type = type;
  if (const auto it = type_newsworthy_.find(type); it != type_newsworthy_.end()) e.newsworthy = it->second;
  else e.newsworthy = !hidden_classes_.contains(static_cast<int>(e.cls));
}

void EventRules::spread_types(std::vector<EventMention>& events) const {
  if (spread_type_.empty()) return;
  std::unordered_set<std::string> typed;  // lemmas one of whose mentions has the type they spread
  for (const EventMention& e : events)
    if (const auto it = spread_type_.find(event_lower(e.lemma)); it != spread_type_.end() && e.type == it->second)
      typed.insert(it->first);
  if (typed.empty()) return;
  for (EventMention& e : events) {
    const std::string lemma = event_lower(e.lemma);
    if (!typed.contains(lemma)) continue;
    e.type = spread_type_.at(lemma);
    if (const auto it = type_newsworthy_.find(e.type); it != type_newsworthy_.end()) e.newsworthy = it->second;
  }
}

bool EventRules::boilerplate(std::span<const Token> sentence_tokens) const {
  if (sentence_tokens.empty() || sentence_tokens.size() > boilerplate_max_tokens_) return false;
  if (!boilerplate_start_.contains(event_lower(sentence_tokens.front().norm))) return false;
  for (const Token& t : sentence_tokens.subspan(1))
    if (boilerplate_platform_.contains(event_lower(t.norm))) return true;
  return false;
}

bool EventRules::names_gathering(const std::string& lemma) const {
  const auto it = lemma_type_.find(lemma);
  return it != lemma_type_.end() && (it->second == "MEET" || it->second == "TALK");
}

}  // namespace tempora::detail

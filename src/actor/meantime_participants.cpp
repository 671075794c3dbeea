// Participants against MEANTIME: who did what in the gold events.
//
// MEANTIME (CAT XML) gives tokens, EVENT_MENTIONs, ENTITY_MENTIONs and
// HAS_PARTICIPANT links from an event mention to an entity mention with a
// PropBank role (Arg0 the doer, Arg1 the thing acted on, Arg2 the
// beneficiary or hearer, Argm-LOC the place). To score the participant
// finder alone, not the event tagger, the document is rebuilt on the gold
// tokens (so token indices agree by construction), tagged and parsed by
// tempora, and given an Events layer made of the gold event mentions; the
// finder then runs and its participants are compared with the gold links by
// head token within role groups (the mapping is in the header).
//
// The gold side has no head token, only a head string, often empty: heads
// are the mention tokens spelling the head string, else the mention's
// syntactic head in our parse with its conjuncts, appositions and flat name
// parts inside the mention ("Macintosh users and the Macintosh-curious":
// both conjuncts; "Steve Jobs": both words, as UD heads names on the first).
#include "meantime_participants.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "../event/event_rules.hpp"
#include "tempora/data.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"

namespace tempora::detail {

std::vector<std::filesystem::path> cat_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".xml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw std::runtime_error(fmt::format("{}: no .xml files", dir.string()));
  return files;
}

CatDocument read_cat(const std::filesystem::path& file) {
  pugi::xml_document xml;
  const pugi::xml_parse_result ok = xml.load_file(file.c_str());
  const pugi::xml_node root = xml.child("Document");
  if (!ok || !root) throw std::runtime_error(fmt::format("{}: not a CAT XML document", file.string()));
  CatDocument cat;
  cat.name = root.attribute("doc_name").as_string(file.stem().string().c_str());
  std::unordered_map<std::string, std::uint32_t> token_index;
  for (const pugi::xml_node t : root.children("token")) {
    token_index[t.attribute("t_id").as_string()] = static_cast<std::uint32_t>(cat.tokens.size());
    cat.tokens.emplace_back(t.child_value());
    cat.sentence_of.push_back(t.attribute("sentence").as_uint());
  }
  std::unordered_map<std::string, std::size_t> mention_index;
  for (const pugi::xml_node m : root.child("Markables").children()) {
    const std::string_view tag = m.name();
    if (tag != "EVENT_MENTION" && tag != "ENTITY_MENTION") continue;
    CatMention mention;
    mention.id = m.attribute("m_id").as_string();
    mention.event = tag == "EVENT_MENTION";
    mention.head = m.attribute("head").as_string();
    mention.syntactic_type = m.attribute("syntactic_type").as_string();
    mention.certainty = m.attribute("certainty").as_string();
    mention.polarity = m.attribute("polarity").as_string();
    mention.time = m.attribute("time").as_string();
    for (const pugi::xml_node a : m.children("token_anchor"))
      if (const auto it = token_index.find(a.attribute("t_id").as_string()); it != token_index.end())
        mention.tokens.push_back(it->second);
    std::sort(mention.tokens.begin(), mention.tokens.end());
    mention.tokens.erase(std::unique(mention.tokens.begin(), mention.tokens.end()), mention.tokens.end());
    if (mention.tokens.empty()) continue;
    mention_index[mention.id] = cat.mentions.size();
    cat.mentions.push_back(std::move(mention));
  }
  for (const pugi::xml_node r : root.child("Relations").children("HAS_PARTICIPANT")) {
    const auto s = mention_index.find(r.child("source").attribute("m_id").as_string());
    const auto t = mention_index.find(r.child("target").attribute("m_id").as_string());
    if (s == mention_index.end() || t == mention_index.end()) continue;  // a VALUE target, or a dangling id
    if (!cat.mentions[s->second].event || cat.mentions[t->second].event) continue;
    cat.participants.push_back({s->second, t->second, r.attribute("sem_role").as_string()});
  }
  return cat;
}

Document cat_document(const CatDocument& cat) {
  std::string text;
  Segmentation seg;
  for (std::size_t i = 0; i < cat.tokens.size(); ++i) {
    const bool new_sentence = i == 0 || cat.sentence_of[i] != cat.sentence_of[i - 1];
    if (i > 0) text += new_sentence ? '\n' : ' ';
    if (new_sentence) {
      if (!seg.sentences.empty()) {
        Sentence& last = seg.sentences.back();
        last.span.end = seg.tokens.back().span.end;
      }
      Sentence s;
      s.span.begin = static_cast<std::uint32_t>(text.size());
      s.first_token = static_cast<std::uint32_t>(i);
      seg.sentences.push_back(s);
    }
    std::string word = cat.tokens[i];
    for (char& c : word)
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') c = '_';
    if (word.empty()) word.assign(1, '_');  // (not = "_": a GCC 12 -Wrestrict false positive)
    Token t;
    t.span = {static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(text.size() + word.size())};
    // The segmenter's normal form folds curly quotes and apostrophes.
    std::string norm = word;
    for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"\u2019", "'"}, {"\u2018", "'"},
                                   {"\u201c", "\""}, {"\u201d", "\""}})
      for (std::size_t at; (at = norm.find(from)) != std::string::npos;) norm.replace(at, from.size(), to);
    t.norm = std::move(norm);
    text += word;
    seg.tokens.push_back(std::move(t));
    ++seg.sentences.back().token_count;
  }
  if (!seg.sentences.empty()) seg.sentences.back().span.end = seg.tokens.back().span.end;
  // A MEANTIME (Wikinews) document's first sentence is its title, the
  // second its date line.
  seg.headline = seg.sentences.size() > 1;
  DocumentInfo info;
  info.id = cat.name;
  Document doc(text, std::move(info));
  if (doc.text() != text) throw std::runtime_error(fmt::format("{}: tokens are not valid UTF-8", cat.name));
  doc.add(std::move(seg));
  return doc;
}

namespace {

// The token of a set whose head lies outside it (the first such), else the last.
int head_of(const SyntaxView& syntax, const std::vector<std::uint32_t>& tokens) {
  for (const std::uint32_t t : tokens) {
    const int h = syntax.head(static_cast<int>(t));
    if (h < 0 || !std::binary_search(tokens.begin(), tokens.end(), static_cast<std::uint32_t>(h)))
      return static_cast<int>(t);
  }
  return static_cast<int>(tokens.back());
}

EventPos event_pos(Upos u) {
  switch (u) {
    case Upos::VERB:
    case Upos::AUX: return EventPos::VERB;
    case Upos::NOUN:
    case Upos::PROPN: return EventPos::NOUN;
    case Upos::ADJ: return EventPos::ADJECTIVE;
    case Upos::ADP: return EventPos::PREPOSITION;
    default: return EventPos::OTHER;
  }
}

}  // namespace

std::vector<std::size_t> add_gold_events(Document& doc, const CatDocument& cat, const Document& predicted) {
  static const EventRules rules = EventRules::load(data_dir() / "resources" / "event");
  const auto& seg = doc.get<Segmentation>();
  const auto& morph = doc.get<Morphology>();
  const SyntaxView syntax(doc);
  std::unordered_map<std::uint32_t, const EventMention*> predicted_at;
  if (predicted.has<Events>())
    for (const EventMention& e : predicted.get<Events>().events) predicted_at.emplace(e.token, &e);
  std::vector<std::uint32_t> sentence_of(seg.tokens.size(), 0);
  for (std::uint32_t s = 0; s < seg.sentences.size(); ++s)
    for (std::uint32_t k = 0; k < seg.sentences[s].token_count; ++k) sentence_of[seg.sentences[s].first_token + k] = s;

  Events events;
  std::vector<std::size_t> mentions;
  for (std::size_t m = 0; m < cat.mentions.size(); ++m) {
    const CatMention& mention = cat.mentions[m];
    if (!mention.event) continue;
    const auto head = static_cast<std::uint32_t>(head_of(syntax, mention.tokens));
    EventMention e;
    e.token = head;
    e.span = seg.tokens[head].span;
    e.sentence = sentence_of[head];
    e.id = fmt::format("e{}", events.events.size() + 1);
    e.eiid = fmt::format("ei{}", events.events.size() + 1);
    e.lemma = morph.tokens[head].lemma;
    e.pos = event_pos(morph.tokens[head].upos);
    const Sentence& s = seg.sentences[e.sentence];
    rules.set_attributes(e, seg.tokens, morph.tokens, s.first_token);
    if (const auto it = predicted_at.find(head); it != predicted_at.end()) {
      e.cls = it->second->cls;
      e.type = it->second->type;
      e.newsworthy = it->second->newsworthy;
    } else {
      rules.set_type(e, seg.tokens, morph.tokens, s.first_token, s.first_token + s.token_count);
    }
    events.events.push_back(std::move(e));
    mentions.push_back(m);
  }
  doc.add(std::move(events));
  return mentions;
}

ParticipantScores& ParticipantScores::operator+=(const ParticipantScores& o) {
  arg0 += o.arg0, arg1 += o.arg1, arg2 += o.arg2, loc += o.loc;
  core_entities += o.core_entities, core_all += o.core_all;
  return *this;
}

namespace {

enum Group { kArg0, kArg1, kArg2, kLoc, kNone };

Group gold_group(std::string_view role) {
  if (role == "Arg0") return kArg0;
  if (role == "Arg1") return kArg1;
  if (role == "Arg2") return kArg2;
  if (role == "Argm-LOC") return kLoc;
  return kNone;
}

Group system_group(Role role) {
  switch (role) {
    case Role::agent:
    case Role::speaker: return kArg0;
    case Role::patient:
    case Role::co_participant: return kArg1;
    case Role::recipient:
    case Role::addressee: return kArg2;
    case Role::place: return kLoc;
    default: return kNone;
  }
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::set<std::uint32_t> gold_heads(const SyntaxView& syntax, const CatDocument& cat, const CatMention& m) {
  std::set<std::uint32_t> heads;
  const std::vector<std::string> head_words = words(m.head);
  for (const std::uint32_t t : m.tokens)
    if (std::find(head_words.begin(), head_words.end(), cat.tokens[t]) != head_words.end()) heads.insert(t);
  if (!heads.empty()) return heads;
  const int h = head_of(syntax, m.tokens);
  heads.insert(static_cast<std::uint32_t>(h));
  for (const int c : syntax.dependents(h))
    if ((syntax.is(c, "conj") || syntax.is(c, "appos") || syntax.is(c, "flat")) &&
        std::binary_search(m.tokens.begin(), m.tokens.end(), static_cast<std::uint32_t>(c)))
      heads.insert(static_cast<std::uint32_t>(c));
  return heads;
}

}  // namespace

ParticipantScores score_participants(const Document& doc, const CatDocument& cat,
                                     const std::vector<std::size_t>& event_mentions) {
  const SyntaxView syntax(doc);
  const Participants& participants = doc.get<Participants>();
  std::vector<bool> in_entity(cat.tokens.size(), false);
  for (const CatMention& m : cat.mentions)
    if (!m.event)
      for (const std::uint32_t t : m.tokens) in_entity[t] = true;
  std::unordered_map<std::size_t, std::size_t> event_of_mention;
  for (std::size_t i = 0; i < event_mentions.size(); ++i) event_of_mention[event_mentions[i]] = i;

  struct Gold {
    std::set<std::uint32_t> heads;
    bool matched = false;
  };
  // (event, group) -> gold arguments, each target mention once.
  std::map<std::pair<std::size_t, int>, std::vector<Gold>> gold;
  std::set<std::tuple<std::size_t, int, std::size_t>> seen;
  for (const CatParticipant& p : cat.participants) {
    const Group g = gold_group(p.role);
    const auto e = event_of_mention.find(p.event);
    if (g == kNone || e == event_of_mention.end() || !seen.insert({e->second, g, p.target}).second) continue;
    gold[{e->second, g}].push_back({gold_heads(syntax, cat, cat.mentions[p.target])});
  }

  ParticipantScores scores;
  LinkCounts* by_group[] = {&scores.arg0, &scores.arg1, &scores.arg2, &scores.loc};
  for (const auto& [key, list] : gold) by_group[key.second]->gold += list.size();
  for (std::size_t e = 0; e < participants.by_event.size(); ++e) {
    for (const Participant& p : participants.by_event[e]) {
      const Group g = system_group(p.role);
      if (g == kNone || p.event >= 0) continue;
      ++by_group[g]->system;
      const bool core = g == kArg0 || g == kArg1;
      const bool entity = p.head_token < in_entity.size() && in_entity[p.head_token];
      // An unmatched gold argument first; else one already matched by a
      // conjunct ("both consumers and the media" is one gold mention and
      // two of our agents, both right).
      bool correct = false, first_match = false;
      if (const auto it = gold.find({e, g}); it != gold.end()) {
        for (Gold& candidate : it->second)
          if (!candidate.matched && candidate.heads.contains(p.head_token)) {
            candidate.matched = correct = first_match = true;
            break;
          }
        for (const Gold& candidate : it->second)
          if (!correct && candidate.heads.size() > 1 && candidate.heads.contains(p.head_token)) correct = true;
      }
      if (correct) ++by_group[g]->correct_system;
      if (first_match) ++by_group[g]->correct_gold;
      if (core) {
        ++scores.core_all.system;
        if (correct) ++scores.core_all.correct_system;
        if (first_match) ++scores.core_all.correct_gold;
        if (entity) {
          ++scores.core_entities.system;
          if (correct) ++scores.core_entities.correct_system;
          if (first_match) ++scores.core_entities.correct_gold;
        }
      }
    }
  }
  scores.core_all.gold = scores.core_entities.gold = scores.arg0.gold + scores.arg1.gold;
  return scores;
}

}  // namespace tempora::detail

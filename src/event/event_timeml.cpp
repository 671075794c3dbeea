// TimeML EVENT and MAKEINSTANCE for the event layer, and event scoring in the
// TempEval-3 style: a system event matches a gold event when the spans are
// identical (strict); its class counts when it also has the gold class. Each
// gold and system event is matched at most once, so P and R are exact.
#include "event_timeml.hpp"

#include <algorithm>
#include <map>

namespace tempora::timeml {

std::vector<Annotation> event_annotations(const Events& events) {
  std::vector<Annotation> out;
  out.reserve(events.events.size());
  for (const EventMention& e : events.events)
    out.push_back(Annotation{e.span, "EVENT", {{"eid", e.id}, {"class", std::string(to_string(e.cls))}}});
  return out;
}

std::vector<Element> event_instances(const Events& events) {
  std::vector<Element> out;
  out.reserve(events.events.size());
  for (const EventMention& e : events.events) {
    Element m;
    m.name = "MAKEINSTANCE";
    m.attributes = {{"eventID", e.id},
                    {"eiid", e.eiid},
                    {"tense", std::string(to_string(e.tense))},
                    {"aspect", std::string(to_string(e.aspect))},
                    {"polarity", std::string(to_string(e.polarity))},
                    {"pos", std::string(to_string(e.pos))}};
    if (!e.modality.empty()) m.attributes.emplace_back("modality", e.modality);
    out.push_back(std::move(m));
  }
  return out;
}

nlohmann::json events_json(const Document& doc, const Events& events) {
  nlohmann::json out = nlohmann::json::array();
  for (const EventMention& e : events.events)
    out.push_back({{"id", e.id},
                   {"eiid", e.eiid},
                   {"text", doc.text(e.span)},
                   {"start", e.span.begin},
                   {"end", e.span.end},
                   {"sentence", e.sentence},
                   {"class", to_string(e.cls)},
                   {"tense", to_string(e.tense)},
                   {"aspect", to_string(e.aspect)},
                   {"polarity", to_string(e.polarity)},
                   {"modality", e.modality},
                   {"pos", to_string(e.pos)},
                   {"lemma", e.lemma},
                   {"type", e.type},
                   {"newsworthy", e.newsworthy},
                   {"confidence", e.confidence}});
  return out;
}

std::vector<EventTrainingDocument::Gold> gold_events(const TimemlDocument& doc) {
  std::vector<EventTrainingDocument::Gold> out;
  for (const Element* e : doc.elements("EVENT"))
    if (e->span && !e->span->empty())
      out.push_back({*e->span, parse_event_class(e->attr("class")).value_or(EventClass::OCCURRENCE)});
  return out;
}

EventScores score_events(const std::vector<EventTrainingDocument::Gold>& gold,
                         const std::vector<EventTrainingDocument::Gold>& system) {
  EventScores s;
  for (Counts* c : {&s.strict, &s.relaxed, &s.cls}) c->gold = gold.size(), c->system = system.size();
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> unpaired_gold;
  for (const auto& g : gold) ++unpaired_gold[{g.span.begin, g.span.end}];
  for (const auto& e : system) {
    const auto it = unpaired_gold.find({e.span.begin, e.span.end});
    if (it == unpaired_gold.end() || it->second == 0) continue;
    --it->second;
    ++s.strict.system_matched;
    ++s.strict.gold_matched;
  }
  // Events are a word or two and a document holds hundreds: the quadratic
  // pairing costs less than sorting would save.
  const auto tally = [](const auto& from, const auto& to, std::size_t Counts::*field, EventScores& sc) {
    for (const auto& a : from) {
      bool overlap = false, same_class = false;
      for (const auto& b : to) {
        if (!a.span.overlaps(b.span)) continue;
        overlap = true;
        same_class = same_class || a.cls == b.cls;
      }
      sc.relaxed.*field += overlap;
      sc.cls.*field += same_class;
    }
  };
  tally(system, gold, &Counts::system_matched, s);
  tally(gold, system, &Counts::gold_matched, s);
  return s;
}

EventScores score_events(const TimemlDocument& gold, const TimemlDocument& system) {
  return score_events(gold_events(gold), gold_events(system));
}

}  // namespace tempora::timeml

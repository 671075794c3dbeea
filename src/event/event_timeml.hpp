// The event stage and TimeML: EVENT/MAKEINSTANCE output, gold events from a
// TimeML document, and the TempEval-3 event measures. Used by the command
// line (annotate, eval timeml, train events).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "tempora/event.hpp"
#include "tempora/timeml.hpp"

namespace tempora::timeml {

// <EVENT eid class> annotations for the text, and the MAKEINSTANCE elements
// (eiid, eventID, tense, aspect, polarity, pos, modality when set).
std::vector<Annotation> event_annotations(const Events& events);
std::vector<Element> event_instances(const Events& events);

// The events as a JSON array: id, eiid, text, start, end (bytes), class,
// tense, aspect, polarity, modality, pos, lemma, type, newsworthy, confidence.
nlohmann::json events_json(const Document& doc, const Events& events);

// The EVENTs of a TimeML document with their classes (unknown classes are
// read as OCCURRENCE).
std::vector<EventTrainingDocument::Gold> gold_events(const TimemlDocument& doc);

// TempEval-3 Task B, as for timexes: strict pairs identical spans one to one;
// relaxed counts an event that overlaps one of the other side; class counts
// an event that overlaps one of the other side with the same class (P over
// system events, R over gold events).
struct EventScores {
  Counts strict;
  Counts relaxed;
  Counts cls;
  EventScores& operator+=(const EventScores& o) {
    strict += o.strict;
    relaxed += o.relaxed;
    cls += o.cls;
    return *this;
  }
};

EventScores score_events(const std::vector<EventTrainingDocument::Gold>& gold,
                         const std::vector<EventTrainingDocument::Gold>& system);
EventScores score_events(const TimemlDocument& gold, const TimemlDocument& system);

}  // namespace tempora::timeml

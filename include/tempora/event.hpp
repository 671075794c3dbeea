// Event mentions (the `event` stage): what happened, as TimeML EVENTs.
//
// EventTagger finds event triggers (verbs, event nouns such as "meeting",
// "talks", "visit", event adjectives where TimeML marks them) with a greedy
// averaged-perceptron sequence tagger trained by tempora on TempEval-3
// (`tempora train events`; model in models/event-tbaq.bin). Each mention gets
//   - its TimeML class (OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE,
//     ASPECTUAL, PERCEPTION), predicted jointly with the span;
//   - the TimeML MAKEINSTANCE attributes (tense, aspect, polarity, modality,
//     pos), derived by rules from the predicted POS tags, auxiliaries,
//     negation and modals (resources/event/grammar.txt);
//   - a timeline type (MEET, TALK, SAY, REQUEST, ... or OTHER) from the small
//     taxonomy in resources/event/types.txt, and a `newsworthy` flag that is
//     false for reporting verbs ("said") and states ("believe"), so a
//     timeline can hide them by default.
//
//   Document doc{text};
//   segmenter.segment(doc);   // Segmentation
//   pos.tag(doc);             // Morphology
//   parser.parse(doc);        // Dependencies (optional: class features)
//   events.tag(doc);          // Events
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/document.hpp"

namespace tempora {

// TimeML EVENT class.
enum class EventClass : std::uint8_t { OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION };
std::string_view to_string(EventClass cls);
std::optional<EventClass> parse_event_class(std::string_view name);

// TimeML MAKEINSTANCE attributes.
enum class EventTense : std::uint8_t { NONE, PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART };
enum class EventAspect : std::uint8_t { NONE, PROGRESSIVE, PERFECTIVE, PERFECTIVE_PROGRESSIVE };
enum class EventPolarity : std::uint8_t { POS, NEG };
enum class EventPos : std::uint8_t { VERB, NOUN, ADJECTIVE, PREPOSITION, OTHER };
// Whether the text says the event took place (src/event/factuality.cpp):
// ordered from asserted to denied.
enum class Factuality : std::uint8_t { ASSERTED, FUTURE, POSSIBLE, NEGATED };
std::string_view to_string(EventTense tense);
std::string_view to_string(EventAspect aspect);
std::string_view to_string(EventPolarity polarity);
std::string_view to_string(EventPos pos);
std::string_view to_string(Factuality factuality);

struct EventMention {
  Span span;                  // the trigger's bytes (usually one token)
  std::uint32_t token = 0;    // head token index in Segmentation::tokens (the last token of the span)
  std::uint32_t sentence = 0; // index in Segmentation::sentences
  std::string id;             // "e1", "e2", ... in document order
  std::string eiid;           // "ei1", ... (the MAKEINSTANCE id)
  EventClass cls = EventClass::OCCURRENCE;
  EventTense tense = EventTense::NONE;
  EventAspect aspect = EventAspect::NONE;
  EventPolarity polarity = EventPolarity::POS;
  std::string modality;       // the modal word lowercased ("would", "can", ...) or ""
  EventPos pos = EventPos::OTHER;
  std::string lemma;          // lemma of the head token ("meet", "talk")
  std::string type;           // timeline type from resources/event/types.txt: "MEET", "SAY", ..., "OTHER"
  Factuality factuality = Factuality::ASSERTED;  // timelines show ASSERTED and FUTURE events by default
  bool newsworthy = true;     // false for reporting verbs and states
  double confidence = 1.0;    // in (0, 1]: softmax margin of the tagger's decision
};

struct Events {
  static constexpr std::string_view kStage = "event (tempora::EventTagger)";
  std::vector<EventMention> events;  // in text order
};

struct EventTrainingOptions {
  int epochs = 6;
  std::uint64_t seed = 20251017;  // deterministic shuffling
  int models = 3;                  // perceptrons on different shuffles, merged into their mean
  float prune_below = 0.3f;        // drop averaged weights smaller than this: a smaller file, the same scores
  std::filesystem::path wordnet_dir = "/usr/share/wordnet";  // event-noun lexicon (noun.act/event/process/state)
  std::ostream* log = nullptr;
};

// One training document: TimeML text and its gold EVENTs (byte spans into text, class).
struct EventTrainingDocument {
  std::string text;
  struct Gold {
    Span span;
    EventClass cls;
  };
  std::vector<Gold> events;
};

class DependencyParser;
class PosTagger;
class Segmenter;

class EventTagger {
 public:
  // Loads models/event-tbaq.bin and resources/event/ under data_dir().
  static EventTagger load();
  static EventTagger load(const std::filesystem::path& model_file, const std::filesystem::path& resources_dir);
  // True when models/event-tbaq.bin exists under data_dir().
  static bool available();

  EventTagger(EventTagger&&) noexcept;
  EventTagger& operator=(EventTagger&&) noexcept;
  ~EventTagger();

  // Adds the Events layer (needs Segmentation and Morphology) and returns it.
  // A Dependencies layer, when the document has one, adds the syntactic
  // features the model was trained with (the class of "offered" in "offered
  // to help" vs "offered a plan"); without it those features are absent and
  // the tagger still works, a little less well.
  const Events& tag(Document& doc) const;

  // Trains on documents, segmenting each with `segmenter`, tagging it with
  // `pos` (always predicted tags, as at run time) and parsing it with
  // `parser` (null: no parse features).
  static EventTagger train(const std::vector<EventTrainingDocument>& docs, const Segmenter& segmenter,
                           const PosTagger& pos, const DependencyParser* parser, const EventTrainingOptions& options,
                           const std::filesystem::path& resources_dir);
  void save(const std::filesystem::path& model_file) const;

 private:
  struct Model;
  explicit EventTagger(std::unique_ptr<const Model> model);
  std::unique_ptr<const Model> model_;
};

}  // namespace tempora

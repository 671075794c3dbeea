// Temporal links (the `relation` stage): which event happened before which,
// and when.
//
// RelationExtractor reads the Segmentation and Morphology layers, the
// TimeExpressions layer when present, and a list of event mentions, and
// states TimeML TLINKs with their evidence and a confidence:
//
//   event-DCT     from tense and aspect ("had met" BEFORE the DCT, "will
//                 meet" AFTER it);
//   event-time    a date or time in the same clause ("met on October 17"
//                 IS_INCLUDED October 17; "before Friday", "after May");
//   event-event   signals ("after", "before", "following", "prior to",
//                 "then", "while", ... from resources/relation/signals.txt),
//                 reported speech (the saying follows what it reports as
//                 past and precedes what it reports as future), intentions
//                 ("tried to hasten": the trying starts first), the past
//                 perfect against the simple past, and narrative order as a
//                 weak default;
//   anchors       "after the meeting", "during his visit": a signal whose
//                 object names an event links to the earlier mention with
//                 the same head (IDENTITY), or to a new implicit event node.
//   counted dates "two days after Li visited Seoul": when one of the two
//                 events has a date, the other gets the date the measure
//                 counts to (a DerivedTime node).
//
// The links then go through TemporalGraph (tempora/reasoning.hpp), which
// computes the closure, drops the weakest links of any contradiction and
// gives every event the calendar bounds it inherits ("on or after
// 2025-10-17"). The closed graph is part of the layer.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tempora/document.hpp"
#include "tempora/reasoning.hpp"

namespace tempora {

// An event mention as the relation stage needs it. TimeML attributes may be
// left empty: tense, aspect and class are then read from the POS tags and the
// auxiliaries before the event ("had met": PAST PERFECTIVE).
struct EventInput {
  std::string id;           // "e1" (or a MAKEINSTANCE eiid)
  Span span;                // the mention's bytes
  std::string event_class;  // OCCURRENCE, REPORTING, I_ACTION, I_STATE, STATE, ASPECTUAL, PERCEPTION or ""
  std::string tense;        // PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART, NONE or ""
  std::string aspect;       // PERFECTIVE, PROGRESSIVE, PERFECTIVE_PROGRESSIVE, NONE or ""
  std::string lemma;        // "" = from Morphology
};

// A link as stated by one rule, before the closure.
struct TemporalLinkRecord {
  std::string a, b;  // node ids: event ids, timex tids, "t0" (DCT), implicit "x1", ...
  RelType type = RelType::before;
  double confidence = 0.5;
  std::string evidence;        // "signal 'after'", "tense PAST vs DCT", "reported speech", ...
  std::optional<Span> signal;  // the signal's bytes when a word gave the link
  bool kept = false;           // after the closure: false when dropped as contradictory (or left out at the work cap)
};

// Whether a link says its two mentions are one event told twice: an
// identity, or a verb with the event noun it only carries ("held talks",
// "the meeting took place"). Timelines draw such mentions once.
bool names_one_event(const TemporalLinkRecord& link);

// An event the text refers to without stating it as a mention of its own.
struct ImplicitEvent {
  std::string id;    // "x1", ...
  Span phrase;       // "the summit" in "a day after the summit"
  std::string head;  // "summit"
};

// A date the text gives by counting from another event's: in "met on Monday,
// two days after Li visited Seoul" the visit is the Saturday before. Made
// only when the event counted from is pinned to a day (a month, a year) by
// the closure; the other event is then IS_INCLUDED in this node.
struct DerivedTime {
  std::string id;       // "d1"
  Span phrase;          // the measure and its signal: "two days after"
  std::string value;    // TIMEX3 value: "2026-02-28", "2026-05" ("two months after"), "2027"
  TimeBounds interval;  // [start, end)
  std::string from;     // the node counted from: "e1"
};

struct TemporalLinks {
  static constexpr std::string_view kStage = "relation (tempora::RelationExtractor)";
  std::vector<TemporalLinkRecord> links;   // as stated, in text order
  std::vector<ImplicitEvent> implicit_events;
  std::vector<DerivedTime> derived_times;
  TemporalGraph graph;                     // closed: nodes are the DCT, timexes, events, implicit events and derived times
  std::vector<std::string> diagnostics;    // conflicts and the work cap, as readable lines
  std::unordered_map<std::string, std::size_t> index;  // node id -> graph node

  // The graph node of an id, or TemporalGraph::npos.
  std::size_t node(std::string_view id) const;
  // start(a) vs start(b) from the closure (VAGUE for unknown ids).
  StartOrder start_order(std::string_view a, std::string_view b) const;
  std::optional<RelType> rel_type(std::string_view a, std::string_view b) const;
  NodeBounds bounds(std::string_view id) const;
};

class RelationExtractor {
 public:
  // Loads resources/relation/ under data_dir().
  static RelationExtractor load();
  static RelationExtractor load(const std::filesystem::path& resources_dir);
  RelationExtractor(RelationExtractor&&) noexcept;
  RelationExtractor& operator=(RelationExtractor&&) noexcept;
  ~RelationExtractor();

  // Finds and closes the links of a document (needs Segmentation and
  // Morphology; uses TimeExpressions when present).
  TemporalLinks extract(const Document& doc, std::vector<EventInput> events) const;
  // The same, added as the document's TemporalLinks layer (with one note
  // diagnostic counting the links dropped as contradictory; the conflicts
  // themselves are in TemporalLinks::diagnostics).
  const TemporalLinks& link(Document& doc, std::vector<EventInput> events) const;
  // The same over the document's Events layer (tempora/event.hpp); node ids are EventMention::id.
  const TemporalLinks& link(Document& doc) const;

  struct Lexicon;

 private:
  explicit RelationExtractor(std::unique_ptr<const Lexicon> lexicon);
  std::unique_ptr<const Lexicon> lexicon_;
};

}  // namespace tempora

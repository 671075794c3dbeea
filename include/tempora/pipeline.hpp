// The whole pipeline, from raw text to a timeline graph.
//
// Pipeline loads every model that is installed once and runs the stages in
// their fixed order on a Document:
//
//   text      Segmenter          Segmentation (sentences, tokens, dateline)
//   tag       PosTagger          Morphology
//   parse     DependencyParser   Dependencies       (when models/parser-en-ewt.bin is there)
//   time      TimeTagger         TimeExpressions (and the DCT from a dateline)
//   actor     EntityRecognizer   Entities           (when models/ner-en.bin is there)
//             ActorResolver      Actors             (with the entities)
//   event     EventTagger        Events             (when models/event-tbaq.bin is there)
//   relation  RelationExtractor  TemporalLinks      (with the events)
//   actor     ParticipantFinder  Participants       (with events, parse and actors)
//
// The time stage runs after the parser: the tagger's verbs are tense cues
// for bare weekdays and months, and a month the parse attaches to a past
// verb is the last one ("released a new bus in May"). `tempora annotate
// --time-only` runs it on the bare text with word cues alone, which may
// read a few such dates differently. A loaded Pipeline is immutable: analyze()
// is const and may be called from several threads at once on different
// documents. Extraction is a pure function of (text, DCT, models): the system
// clock is never read.
//
// build_timeline() then turns the analysed document into a TimelineGraph
// (tempora/graph.hpp) that place() and the renderers read:
//
//   const Pipeline pipeline = Pipeline::load();
//   Document doc = read_document("article.txt", parse_dct("2025-10-20", "cli"));
//   pipeline.analyze(doc);
//   TimelineGraph graph = build_timeline(doc);
//   render_to_file(graph, place(graph), "timeline.svg");
#pragma once

#include <filesystem>
#include <memory>
#include <exception>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/document.hpp"
#include "tempora/graph.hpp"

namespace tempora {

class Pipeline {
 public:
  // Loads the models and resources under data_dir(). The segmenter, time
  // tagger and POS tagger are required; the parser and the event tagger (with
  // the relation stage that needs its events) are loaded when their model
  // files exist.
  static Pipeline load();

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  // Runs every loaded stage whose layer the document does not have yet.
  void analyze(Document& doc) const;
  // The same for each document of a batch, with the same results, but faster
  // (each stage runs over the whole batch before the next one starts). A
  // document whose analysis throws gets its exception at its index and no
  // later stage; the others go on.
  std::vector<std::exception_ptr> analyze(std::span<Document> docs) const;

  bool has_parser() const;
  bool has_events() const;
  bool has_actors() const;

 private:
  struct Stages;
  struct StageList;
  explicit Pipeline(std::unique_ptr<const Stages> stages);
  std::unique_ptr<const Stages> stages_;
};

// Reads a document from a file: plain text, TimeML (.tml, .TE3input, .xml, or
// XML with a <TEXT> element; the DCT from <DCT>) or JSON ({"text": ...,
// "dct": "YYYY-MM-DD", "id": ...}). `dct`, when given, overrides the file's
// own. The id is the file name without its extension unless the file names
// one. Throws std::runtime_error naming the file when it cannot be read, is
// malformed TimeML/JSON, or is a JSON Lines corpus (.jsonl: many articles).
Document read_document(const std::filesystem::path& path, const std::optional<CreationTime>& dct = std::nullopt);

struct TimelineOptions {
  // Prefixed to every node id ("meridian:e3") so that several documents can
  // share one graph; empty for a single document.
  std::string id_prefix;
};

// Adds the events, times, participants and order of an analysed document to
// `graph` (see src/graph/from_document.cpp for what becomes what). Needs the
// Segmentation layer; uses Events, TimeExpressions, TemporalLinks and
// Dependencies when present.
void add_to_timeline(TimelineGraph& graph, const Document& doc, const TimelineOptions& options = {});

// A timeline graph of one analysed document.
TimelineGraph build_timeline(const Document& doc);

// Mentions of one real-world event, as the timeline joins them ("his meeting
// with Trump" ... "held a closed-door meeting ... on October 17"): for each
// event of the document's Events layer, the index of the first mention of
// its event (its own index when it is the first or the only one).
// `timeline` is build_timeline(doc) (node ids without a prefix).
std::vector<std::size_t> event_mention_groups(const Document& doc, const TimelineGraph& timeline);

}  // namespace tempora

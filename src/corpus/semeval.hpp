// SemEval-2015 Task 4 (TimeLine: cross-document event ordering): the timeline
// format, the task's scorer, the CAT XML reader, and the system timelines.
//
// Internal to the library and the `tempora` program (tempora::semeval): the
// public surface of cross-article work is tempora/compare.hpp.
//
// A timeline file (one per target entity) reads
//
//   Steve Jobs                                  <- the target entity
//   1	1955-02-24	18355-5-born                 <- ORDER TAB DATE TAB DOCID-SENTENCE-TOKEN [TAB ...]
//   8	2004	17677-5-fought	18315-7-fighting   <- coreferent mentions on one line
//
// ORDER 0 holds the events the annotators could neither date nor order;
// DATE is XXXX-XX-XX (possibly partly X: 2008-03-XX) when unknown.
//
// See semeval_score.cpp for how two timelines are compared (temporal
// awareness, UzZaman & Allen 2011) and semeval_timeline.cpp for how tempora
// builds a target's timeline from raw text.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/document.hpp"

namespace tempora {
class Pipeline;
}

namespace tempora::semeval {

// ---- the timeline format --------------------------------------------------------

struct TimelineEntry {
  int order = 0;
  std::string date;                   // "2010-06-07", "2008-03-XX", "XXXX-XX-XX"
  std::vector<std::string> mentions;  // "16844-2-unveiled", coreferent mentions of one event
};

struct Timeline {
  std::string target;                 // first line: "Steve Jobs"
  std::vector<TimelineEntry> entries;  // in file order
  std::vector<std::string> problems;  // malformed lines, skipped ("line 7: ...")
};

// Parses a timeline file's text. Malformed lines are skipped and listed in
// Timeline::problems with their line number; never throws.
Timeline parse_timeline(std::string_view text);
std::string write_timeline(const Timeline& timeline);

// True when a date carries no calendar information ("XXXX-XX-XX", "XXX-XX-XX").
bool unknown_date(std::string_view date);

// ---- the task's scorer --------------------------------------------------------------

// A TLINK of the graph a timeline turns into. Nodes are event mentions
// ("16844-2-unveiled") and one time node per distinct date ("date:2010-06-07").
struct Relation {
  enum class Type : std::uint8_t { before, simultaneous };
  std::string a, b;
  Type type = Type::before;
  friend bool operator==(const Relation&, const Relation&) = default;
};

// The task's transformation of a timeline into TLINKs, in the order the
// scorer inserts them (see semeval_score.cpp).
std::vector<Relation> timeline_relations(const Timeline& timeline);

// Temporal-awareness counts of one system timeline against its gold one.
struct AwarenessCounts {
  std::size_t system_matched = 0;  // reduced system relations the gold closure verifies
  std::size_t system_total = 0;    // reduced system relations
  std::size_t gold_matched = 0;    // reduced gold relations the system closure verifies
  std::size_t gold_total = 0;      // reduced gold relations

  AwarenessCounts& operator+=(const AwarenessCounts& o);
  double precision() const;  // 0..1 (0 when there is nothing to measure)
  double recall() const;
  double f1() const;
};

AwarenessCounts temporal_awareness(const std::vector<Relation>& gold, const std::vector<Relation>& system);

struct TargetScore {
  std::string file;    // "steve_jobs.txt"
  std::string target;  // "Steve Jobs"
  bool system_missing = false;
  AwarenessCounts counts;
};

struct Evaluation {
  std::vector<TargetScore> targets;  // by file name
  AwarenessCounts micro;             // the counts summed over targets
  std::vector<std::string> problems;
};

// Scores every timeline file of gold_dir against the same-named file of
// system_dir (a missing system file scores as an empty timeline). Throws
// std::runtime_error when gold_dir is not a readable directory.
Evaluation evaluate(const std::filesystem::path& gold_dir, const std::filesystem::path& system_dir);

// ---- CAT XML (MEANTIME, SemEval-2015 trial data) -----------------------------------------

struct CatToken {
  std::uint32_t sentence = 0;
  std::string word;
  Span span;  // in CatDocument::text
};

struct CatDocument {
  std::string doc_id;  // "1664" (Document/@doc_id)
  std::string name;    // "1664-Apple_Computer_CEO"
  std::string url;
  std::optional<CreationTime> dct;  // the TIMEX3 with functionInDocument="CREATION_TIME"
  std::vector<CatToken> tokens;     // in file order
  // The tokens put back together as running text: one line per sentence,
  // spaces only where English writes them ("Apple's", "(WWDC)", "5,000.").
  std::string text;
};

// Reads the tokens and the DCT of a CAT file (the markables, gold events
// included, are not read: the system works from raw text). Throws
// std::runtime_error naming the file when it is not CAT XML.
CatDocument read_cat(const std::filesystem::path& path);
CatDocument parse_cat(std::string_view xml, std::string_view name);

// ---- system timelines --------------------------------------------------------------------

// One CAT document after the pipeline ran on its text.
struct AnalyzedCat {
  CatDocument cat;
  Document doc;
};

AnalyzedCat analyze_cat(const Pipeline& pipeline, CatDocument cat);

struct TargetTimelineOptions {
  bool include_reporting = true;  // also reporting verbs ("said") and states, as the task's timelines do
  // An event without a date of its own that is told in the past tense (or a
  // noun) and that the closure does not keep away from the DCT is dated on
  // the story's reference day: the day of the latest event told before it
  // that has one (no later than the DCT, within the event's bounds), else
  // the DCT's day. News tells a story after dating it once. Off: such
  // events go to ORDER 0.
  bool undated_at_dct = false;
  // An event without a date of its own takes the one calendar date its
  // sentence names, if it names exactly one ("Yesterday, ... Jobs unveiled").
  bool sentence_dates = true;
};

// The timeline of the events the target takes part in, across documents:
// events whose participants (actor stage) or, without it, whose clause
// (the parse subtree of the event's predicate, or the sentence for nominal
// events) name the target; dated from the time and relation layers, ordered
// by date, then within a document by the closure's order and text order.
Timeline target_timeline(const std::vector<AnalyzedCat>& docs, std::string_view target,
                         const TargetTimelineOptions& options = {});

// "Steve Jobs" -> "steve_jobs.txt", as the task names timeline files.
std::string timeline_file_name(std::string_view target);

}  // namespace tempora::semeval

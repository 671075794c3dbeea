// TimeML in and out (.tml, .TE3input), and the TempEval-3 timex measures.
//
// read_timeml() parses a file with pugixml and returns the characters of
// <TEXT> exactly (entities decoded, nothing trimmed), the DCT from
// <DCT><TIMEX3 functionInDocument="CREATION_TIME">, and every annotation
// element inside <TEXT> (TIMEX3, EVENT, SIGNAL, ...) with its byte span in
// that text and all of its attributes. Elements outside <TEXT> that link
// annotations (MAKEINSTANCE, TLINK, SLINK, ALINK) are kept as attribute
// lists, so the events stage reads EVENT/MAKEINSTANCE/TLINK from the same
// structures the time stage reads TIMEX3 from.
//
// write_timeml() writes a TimeML document whose <TEXT> characters are exactly
// the given text, with only tags added (and &, <, >, CR escaped).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/document.hpp"
#include "tempora/timex.hpp"

namespace tempora::timeml {

// An element with its attributes in document order.
struct Element {
  std::string name;  // "TIMEX3", "EVENT", "SIGNAL", "MAKEINSTANCE", "TLINK", ...
  std::vector<std::pair<std::string, std::string>> attributes;
  std::optional<Span> span;  // byte span in TimemlDocument::text, for elements inside <TEXT>

  // The value of an attribute, or "" when absent.
  std::string_view attr(std::string_view key) const;
};

struct TimemlDocument {
  std::string docid;
  std::string text;                           // the characters of <TEXT>, exactly
  std::optional<Element> dct;                 // the TIMEX3 with functionInDocument="CREATION_TIME"
  std::optional<CreationTime> creation_time;  // parsed from dct's value
  std::vector<Element> spans;                 // annotations inside <TEXT>, in document order
  std::vector<Element> links;                 // MAKEINSTANCE, TLINK, SLINK, ALINK after <TEXT>

  // The annotations inside <TEXT> of one element name ("TIMEX3", "EVENT").
  std::vector<const Element*> elements(std::string_view name) const;
};

// Throws std::runtime_error when the file cannot be read or parsed, or has no <TEXT>.
TimemlDocument read_timeml(const std::filesystem::path& file);
TimemlDocument parse_timeml(std::string_view xml, std::string_view name = "<memory>");

// What to write inside <TEXT>. Annotations must nest properly; crossing ones
// are dropped (and counted in the return value of write_timeml).
struct Annotation {
  Span span;
  std::string name;  // element name
  std::vector<std::pair<std::string, std::string>> attributes;
};

// The TIMEX3 annotations of a list of timexes.
std::vector<Annotation> timex_annotations(const std::vector<Timex>& timexes);

struct WriteOptions {
  std::string docid;
  std::optional<CreationTime> creation_time;
  std::vector<Element> links;  // written after </TEXT>
};

// Writes the TimeML document; returns it as a string.
std::string write_timeml(std::string_view text, std::vector<Annotation> annotations, const WriteOptions& options);

// Escapes &, <, > and CR (and " in attributes), so that a reader gets the
// characters back exactly.
std::string escape(std::string_view text, bool attribute = false);

// ---- TempEval-3 Task A, timex part ----------------------------------------

struct Counts {
  std::size_t system = 0, gold = 0;
  std::size_t system_matched = 0, gold_matched = 0;  // numerators of P and R
  double precision() const { return system ? double(system_matched) / double(system) : 0.0; }
  double recall() const { return gold ? double(gold_matched) / double(gold) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  Counts& operator+=(const Counts& o);
};

struct TimexScores {
  Counts strict, relaxed, type, value;
};

// Scores the TIMEX3 annotations of one system document against gold: strict
// (identical span) and relaxed (overlapping span) matching; type and value
// count when the spans overlap and the attribute is identical. Timexes with
// functionInDocument="CREATION_TIME" are not counted.
TimexScores score_timexes(const TimemlDocument& gold, const TimemlDocument& system);

}  // namespace tempora::timeml

// The whole analysis of one document, for programs and for people.
//
// `tempora extract` prints it; the corpus store and mappers under a batch
// engine (one JSON object per input line with --jsonl) consume it. The JSON
// schema, "tempora-extract/1", is documented field by field in
// docs/extract-json.md: actors, events (type, trigger, participants with
// roles, date or bounds, place), time expressions and temporal links, every
// fact with its byte span and sentence as provenance. Layers a document does
// not have are empty arrays, so the same reader works for every model set.
//
//   pipeline.analyze(doc);
//   std::string json = extract_json(doc);            // one line, no trailing newline
//   std::string table = extract_table(doc);          // aligned text for a terminal
#pragma once

#include <string>

#include "tempora/document.hpp"

namespace tempora {

struct ExtractOptions {
  int indent = -1;        // -1: one line (JSON Lines); >= 0: pretty-printed with that indent
  bool text = false;      // include the document's text
};

// The schema name written in every object's "schema" field.
inline constexpr const char* kExtractSchema = "tempora-extract/1";

std::string extract_json(const Document& doc, const ExtractOptions& options = {});

// A table view for people: actors (name, type, roles, mentions), then events
// in text order (date, type, trigger, participants), then time expressions.
std::string extract_table(const Document& doc);

}  // namespace tempora

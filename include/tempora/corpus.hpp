// Corpus input: many articles from files, directories and JSON Lines.
//
// A corpus is given as a list of paths. Each is
//   - a file: read with read_document() (plain text, TimeML, one JSON object),
//     unless its name ends in .jsonl or .ndjson;
//   - a JSON Lines file (.jsonl, .ndjson, or "-" for standard input): one
//     article per line, {"id", "dct", "title", "text", "source", "url"}, of
//     which only "text" is required;
//   - a directory: every such file below it, in path order (hidden files and
//     directories are skipped).
//
// CorpusReader hands out one Document at a time, in input order, and keeps
// nothing else in memory: a JSON Lines file is read line by line, so memory is
// bounded by the longest article, not by the size of the corpus. A malformed
// line (bad JSON, no "text", a "dct" that is no date) or an unreadable file is
// reported with its file and line number through the problem callback and
// skipped; the rest of the corpus is still read.
//
//   CorpusReader reader({"articles/", "wire.jsonl"}, {.on_problem = print});
//   while (auto doc = reader.next()) pipeline.analyze(*doc);
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/document.hpp"

namespace tempora {

// Something in the input that could not be read as an article.
struct CorpusProblem {
  std::string file;        // the input path ("-" for standard input)
  std::uint64_t line = 0;  // 1-based line of a JSON Lines record, 0 for a whole file
  std::string message;
};

struct CorpusReaderOptions {
  // Replaces every document's own DCT when set.
  std::optional<CreationTime> dct;
  // Articles (files or lines) longer than this are reported and skipped.
  std::size_t max_article_bytes = std::size_t{64} << 20;
  // Called for each problem, in input order. Without it problems are only counted.
  std::function<void(const CorpusProblem&)> on_problem;
};

class CorpusReader {
 public:
  // Expands directories at once (and throws std::runtime_error when a path
  // does not exist); files are opened as they are reached.
  explicit CorpusReader(const std::vector<std::filesystem::path>& inputs, CorpusReaderOptions options = {});
  CorpusReader(CorpusReader&&) noexcept;
  CorpusReader& operator=(CorpusReader&&) noexcept;
  ~CorpusReader();

  // The next article, or nullopt at the end of the corpus.
  std::optional<Document> next();

  // The files the inputs expanded to, in reading order.
  const std::vector<std::filesystem::path>& files() const;
  // The sum of the files' sizes, or nullopt when standard input is read.
  std::optional<std::uint64_t> total_bytes() const;
  // Bytes consumed so far (whole files and JSON Lines lines, with their newline).
  std::uint64_t bytes_read() const;
  std::uint64_t documents_read() const;
  std::uint64_t problems() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// True for the names read as JSON Lines: *.jsonl, *.ndjson and "-".
bool is_json_lines(const std::filesystem::path& path);

// One JSON Lines record as a Document. `fallback_id` names the document when
// the record has no "id" (a string or a number). `dct`, when set, replaces the
// record's "dct". Throws std::runtime_error saying what is wrong.
Document parse_json_lines_record(std::string_view line, std::string fallback_id,
                                 const std::optional<CreationTime>& dct = std::nullopt);

}  // namespace tempora

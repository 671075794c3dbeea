// Reading a corpus one article at a time.
//
// The inputs are expanded into a flat list of files before reading starts
// (directories walked recursively and sorted, so two runs read the same
// corpus in the same order; hidden entries skipped). Only paths are kept for
// that list; the articles themselves are read lazily by next().
//
// A JSON Lines file is read through a fixed 64 KiB buffer and split at '\n'
// by hand rather than with std::getline, so that one enormous line cannot
// take unbounded memory: once a line passes max_article_bytes its bytes are
// dropped until the next newline, and the line is reported as too long. A
// plain file larger than the cap is reported before it is opened. Every
// other problem (bad JSON, a record without "text", a "dct" that is no date,
// an unreadable file) is reported with its file and line and the record is
// skipped: one bad line must not cost the rest of a corpus.
//
// Byte counts (total_bytes, bytes_read) feed the progress bar of `tempora
// index`; the total is only known when no input is standard input.
#include "tempora/corpus.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "tempora/pipeline.hpp"
#include "tempora/timex.hpp"

namespace tempora {

namespace fs = std::filesystem;

bool is_json_lines(const fs::path& path) {
  if (path == "-") return true;
  const std::string ext = path.extension().string();
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".JSONL" || ext == ".NDJSON";
}

namespace {

bool readable_extension(const fs::path& path) {
  static const std::vector<std::string> kExtensions = {".txt", ".json", ".jsonl", ".ndjson",
                                                       ".tml", ".xml",  ".TE3input"};
  return std::find(kExtensions.begin(), kExtensions.end(), path.extension().string()) != kExtensions.end();
}

bool hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

void expand_directory(const fs::path& dir, std::vector<fs::path>& out) {
  std::vector<fs::path> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot read directory {}: {}", dir.string(), ec.message()));
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) break;
    if (hidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && readable_extension(it->path())) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
}

}  // namespace

Document parse_json_lines_record(std::string_view line, std::string fallback_id,
                                 const std::optional<CreationTime>& dct) {
  const auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded()) throw std::runtime_error("not valid JSON");
  if (!j.is_object()) throw std::runtime_error("expected a JSON object");
  const auto text = j.find("text");
  if (text == j.end() || !text->is_string()) throw std::runtime_error("no \"text\" string");
  DocumentInfo info;
  info.id = std::move(fallback_id);
  if (const auto id = j.find("id"); id != j.end()) {
    if (id->is_string() && !id->get_ref<const std::string&>().empty()) info.id = id->get<std::string>();
    else if (id->is_number_integer()) info.id = std::to_string(id->get<long long>());
    else if (!id->is_null()) throw std::runtime_error("\"id\" is neither a string nor an integer");
  }
  const auto string_field = [&](const char* key) -> std::string {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string()) throw std::runtime_error(fmt::format("\"{}\" is not a string", key));
    return it->get<std::string>();
  };
  info.title = string_field("title");
  info.source = string_field("source");
  info.url = string_field("url");
  const std::string dct_text = string_field("dct");
  if (dct) {
    info.creation_time = dct;
  } else if (!dct_text.empty()) {
    info.creation_time = parse_dct(dct_text, "json");
    if (!info.creation_time) throw std::runtime_error(fmt::format("\"dct\" \"{}\" is not a date (use YYYY-MM-DD)", dct_text));
  }
  return Document(text->get<std::string>(), std::move(info));
}

struct CorpusReader::State {
  CorpusReaderOptions options;
  std::vector<fs::path> files;
  std::optional<std::uint64_t> total;
  std::size_t next_file = 0;

  // The JSON Lines file being read.
  std::FILE* lines = nullptr;
  std::string lines_name;
  std::uint64_t line_number = 0;
  std::vector<char> buffer = std::vector<char>(64 * 1024);
  std::size_t buffer_pos = 0, buffer_end = 0;
  bool lines_eof = false;

  std::uint64_t bytes = 0, documents = 0, problems = 0;

  ~State() { close_lines(); }

  void close_lines() {
    if (lines != nullptr && lines != stdin) std::fclose(lines);
    lines = nullptr;
  }

  void problem(const std::string& file, std::uint64_t line, std::string message) {
    ++problems;
    if (options.on_problem) options.on_problem(CorpusProblem{file, line, std::move(message)});
  }

  // Reads the next line of `lines` into `out` (without the newline). Returns
  // false at the end of the file; sets `too_long` when the line was cut.
  bool read_line(std::string& out, bool& too_long) {
    out.clear();
    too_long = false;
    bool any = false;
    while (true) {
      if (buffer_pos == buffer_end) {
        if (lines_eof) return any;
        buffer_end = std::fread(buffer.data(), 1, buffer.size(), lines);
        buffer_pos = 0;
        if (buffer_end == 0) {
          lines_eof = true;
          return any;
        }
      }
      any = true;
      const char* start = buffer.data() + buffer_pos;
      const char* stop = buffer.data() + buffer_end;
      const char* newline = static_cast<const char*>(std::memchr(start, '\n', static_cast<std::size_t>(stop - start)));
      const char* piece_end = newline != nullptr ? newline : stop;
      const auto piece = static_cast<std::size_t>(piece_end - start);
      bytes += piece + (newline != nullptr ? 1 : 0);
      if (!too_long) {
        if (out.size() + piece > options.max_article_bytes) {
          too_long = true;
          out.clear();
          out.shrink_to_fit();
        } else {
          out.append(start, piece);
        }
      }
      buffer_pos += piece + (newline != nullptr ? 1 : 0);
      if (newline != nullptr) return true;
    }
  }

  std::optional<Document> next_record() {
    std::string line;
    bool too_long = false;
    while (read_line(line, too_long)) {
      ++line_number;
      if (too_long) {
        problem(lines_name, line_number, fmt::format("line longer than {} bytes; skipped", options.max_article_bytes));
        continue;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines separate nothing
      try {
        const std::string stem = lines_name == "-" ? std::string("stdin") : fs::path(lines_name).stem().string();
        Document doc = parse_json_lines_record(line, fmt::format("{}:{}", stem, line_number), options.dct);
        if (doc.info().source.empty()) doc.info().source = lines_name;
        ++documents;
        return doc;
      } catch (const std::exception& e) {
        problem(lines_name, line_number, fmt::format("{}; line skipped", e.what()));
      }
    }
    if (lines != stdin && std::ferror(lines) != 0) problem(lines_name, line_number, "read error; rest of file skipped");
    close_lines();
    return std::nullopt;
  }

  std::optional<Document> next() {
    while (true) {
      if (lines != nullptr) {
        if (auto doc = next_record()) return doc;
        continue;
      }
      if (next_file == files.size()) return std::nullopt;
      const fs::path& path = files[next_file++];
      if (is_json_lines(path)) {
        lines_name = path.string();
        line_number = 0;
        buffer_pos = buffer_end = 0;
        lines_eof = false;
        if (path == "-") {
          lines = stdin;
        } else {
          lines = std::fopen(path.c_str(), "rb");
          if (lines == nullptr) problem(lines_name, 0, fmt::format("cannot open: {}", std::strerror(errno)));
        }
        continue;
      }
      std::error_code ec;
      const auto size = fs::file_size(path, ec);
      if (!ec && size > options.max_article_bytes) {
        bytes += size;
        problem(path.string(), 0, fmt::format("larger than {} bytes; skipped", options.max_article_bytes));
        continue;
      }
      try {
        Document doc = read_document(path, options.dct);
        bytes += ec ? doc.text().size() : size;
        ++documents;
        return doc;
      } catch (const std::exception& e) {
        if (!ec) bytes += size;
        problem(path.string(), 0, fmt::format("{}; skipped", e.what()));
      }
    }
  }
};

CorpusReader::CorpusReader(const std::vector<fs::path>& inputs, CorpusReaderOptions options)
    : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  std::uint64_t total = 0;
  bool known = true;
  for (const fs::path& input : inputs) {
    if (input == "-") {
      state_->files.push_back(input);
      known = false;
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) throw std::runtime_error(fmt::format("{}: no such file or directory", input.string()));
    if (fs::is_directory(status)) expand_directory(input, state_->files);
    else state_->files.push_back(input);
  }
  for (const fs::path& file : state_->files) {
    if (file == "-") continue;
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (!ec) total += size;
  }
  if (known) state_->total = total;
}

CorpusReader::CorpusReader(CorpusReader&&) noexcept = default;
CorpusReader& CorpusReader::operator=(CorpusReader&&) noexcept = default;
CorpusReader::~CorpusReader() = default;

std::optional<Document> CorpusReader::next() { return state_->next(); }
const std::vector<fs::path>& CorpusReader::files() const { return state_->files; }
std::optional<std::uint64_t> CorpusReader::total_bytes() const { return state_->total; }
std::uint64_t CorpusReader::bytes_read() const { return state_->bytes; }
std::uint64_t CorpusReader::documents_read() const { return state_->documents; }
std::uint64_t CorpusReader::problems() const { return state_->problems; }

}  // namespace tempora

// libFuzzer target: the JSON Lines corpus reader (tempora/corpus.hpp). Any
// bytes are
//   - one record for parse_json_lines_record, which returns a Document or
//     throws std::runtime_error saying what is wrong, and
//   - a whole .jsonl file for CorpusReader, which must read it to the end,
//     handing out documents and reporting bad lines (with their 1-based line
//     number, never beyond the file's last line) without stopping.
// Anything else escaping, a crash, or a sanitizer report aborts.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target jsonl_fuzz
//   build/fuzz/fuzz/jsonl_fuzz -max_total_time=60 fuzz/corpus/jsonl_fuzz
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "tempora/corpus.hpp"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "jsonl_fuzz: invariant violated: %s\n", what);
    std::abort();
  }
}

const std::filesystem::path& scratch_file() {
  static const struct File {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("tempora-jsonl-fuzz-" + std::to_string(::getpid()) + ".jsonl");
    ~File() {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
  } file;
  return file.path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    (void)tempora::parse_json_lines_record(bytes, "fuzz");
  } catch (const std::runtime_error&) {
  }
  {
    std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  const auto lines = static_cast<std::uint64_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
  std::uint64_t problems = 0;
  tempora::CorpusReader reader({scratch_file()}, {.on_problem = [&](const tempora::CorpusProblem& p) {
                                  ++problems;
                                  check(p.line <= lines, "problem reported beyond the last line");
                                  check(!p.message.empty(), "problem without a message");
                                }});
  std::uint64_t documents = 0;
  while (auto doc = reader.next()) ++documents;
  check(documents + problems <= lines, "more records than lines");
  check(reader.documents_read() == documents, "documents_read() disagrees");
  check(reader.bytes_read() <= bytes.size(), "read more bytes than the file has");
  return 0;
}

// libFuzzer target: the document readers. Any bytes are read
//   - as TimeML by timeml::parse_timeml (pugixml underneath: unclosed,
//     deeply nested, entity-laden or binary XML), and
//   - as a file by read_document, which decides by extension and content
//     between TimeML, JSON ({"text", "dct", "id"}) and plain text; the
//     bytes go to a temporary .tml, .json and .txt file in turn.
// Either reader may reject the input, but only with std::runtime_error (the
// message names the file); anything else escaping, a crash, or an element
// span outside the decoded <TEXT> aborts.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target timeml_fuzz
//   build/fuzz/fuzz/timeml_fuzz -max_total_time=60 fuzz/corpus/timeml_fuzz
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "tempora/pipeline.hpp"
#include "tempora/timeml.hpp"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "timeml_fuzz: invariant violated: %s\n", what);
    std::abort();
  }
}

// One scratch folder per fuzzing process, removed at exit.
const std::filesystem::path& scratch() {
  static const struct Dir {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("tempora-timeml-fuzz-" + std::to_string(::getpid()));
    Dir() { std::filesystem::create_directories(path); }
    ~Dir() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  } dir;
  return dir.path;
}

void check_spans(const tempora::timeml::TimemlDocument& tml) {
  for (const auto& e : tml.spans) {
    check(e.span.has_value(), "element inside <TEXT> without a span");
    check(e.span->begin <= e.span->end && e.span->end <= tml.text.size(), "element span outside <TEXT>");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    check_spans(tempora::timeml::parse_timeml(bytes));
  } catch (const std::runtime_error&) {
  }
  for (const char* extension : {".tml", ".json", ".txt"}) {
    const std::filesystem::path file = scratch() / (std::string("input") + extension);
    {
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    try {
      const tempora::Document doc = tempora::read_document(file);
      check(doc.text().size() <= bytes.size() * 3 + 3, "document text larger than the repaired input");
    } catch (const std::runtime_error& e) {
      check(std::string(e.what()).find(file.string()) != std::string::npos, "reader error does not name the file");
    }
  }
  return 0;
}

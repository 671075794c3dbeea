// libFuzzer target: the document readers. Any bytes are read
//   - as TimeML by timeml::parse_timeml (pugixml underneath: unclosed,
//     deeply nested, entity-laden or binary XML), and
//   - as a file by read_document, which decides by extension and content
//     between TimeML, JSON ({"text", "dct", "id"}) and plain text; the
//     bytes go to a temporary .tml, .json and .txt file in turn.
// Either reader may reject the input, but only with std::runtime_error (the
// message names the file); anything else escaping, a crash, or an element
// span outside the decoded <TEXT> aborts. A document that parses also goes
// through what `eval timeml --matres` does with it: every TIMEX3 value to
// value_interval (any text an annotator or another system wrote) and the
// TLINKs to timeml_graph, whose closure must bound no interval to end
// before it starts (std::length_error past the node cap is the one refusal).
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

#include "relation/relation_timeml.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/timeml.hpp"
#include "tempora/timex.hpp"

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

void check_graph(const tempora::timeml::TimemlDocument& tml) {
  for (const tempora::timeml::Element* timex : tml.elements("TIMEX3"))
    if (const auto interval = tempora::value_interval(timex->attr("value")))
      check(interval->start < interval->end, "value_interval ends before it starts");
  try {
    const tempora::timeml::TimemlGraph g = tempora::timeml::timeml_graph(tml);
    std::size_t tlinks = 0;
    for (const auto& e : tml.links) tlinks += e.name == "TLINK";
    check(g.links + g.skipped == tlinks, "a TLINK neither added nor skipped");
    for (std::size_t v = 0; v < g.graph.nodes().size(); ++v) {
      const tempora::NodeBounds b = g.graph.bounds(v);
      check(!b.earliest_start || !b.latest_end || *b.earliest_start < *b.latest_end,
            "closure bounds an interval to end before it starts");
    }
  } catch (const std::length_error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    const tempora::timeml::TimemlDocument tml = tempora::timeml::parse_timeml(bytes);
    check_spans(tml);
    check_graph(tml);
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

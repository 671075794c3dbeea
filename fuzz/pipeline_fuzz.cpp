// libFuzzer target: the whole text pipeline. Any bytes become a Document
// (invalid UTF-8 repaired), Pipeline::analyze runs every installed stage
// (segment, time, tag, parse, events, relations), and the result goes on to
// the timeline graph, placement and every text renderer. The first byte
// chooses the DCT: none, an ordinary day, or an extreme one, so that the
// anchoring code meets the ends of the calendar too. Aborts when
//   - a layer's span leaves the text or is empty (timexes, events),
//   - the DOT of the timeline does not parse with Graphviz (agmemread),
// and, through ASan/UBSan, on any memory error or undefined behaviour.
// Exceptions are bugs here: analyze() must accept any text.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target pipeline_fuzz
//   build/fuzz/fuzz/pipeline_fuzz -max_len=4096 -max_total_time=60 fuzz/corpus/pipeline_fuzz
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <graphviz/cgraph.h>

#include "tempora/event.hpp"
#include "tempora/graph.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/render.hpp"
#include "tempora/timex.hpp"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "pipeline_fuzz: invariant violated: %s\n", what);
    std::abort();
  }
}

const tempora::Pipeline& pipeline() {
  static const tempora::Pipeline p = tempora::Pipeline::load();
  return p;
}

std::optional<tempora::CreationTime> dct_of(std::uint8_t selector) {
  using namespace std::chrono;
  switch (selector % 4) {
    case 0: return std::nullopt;
    case 1: return tempora::CreationTime{sys_days{year{2026} / 3 / 14}, std::nullopt, "fuzz"};
    case 2: return tempora::CreationTime{sys_days{year{0} / 1 / 1}, minutes{0}, "fuzz"};
    default: return tempora::CreationTime{sys_days{year{9999} / 12 / 31}, minutes{23 * 60 + 59}, "fuzz"};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  tempora::DocumentInfo info{.id = "fuzz", .creation_time = dct_of(data[0])};
  tempora::Document doc(std::string(reinterpret_cast<const char*>(data) + 1, size - 1), std::move(info));
  pipeline().analyze(doc);
  const auto text_size = doc.text().size();
  for (const tempora::Timex& t : doc.get<tempora::TimeExpressions>().timexes)
    check(t.span.begin < t.span.end && t.span.end <= text_size, "timex span empty or outside the text");
  if (doc.has<tempora::Events>())
    for (const auto& e : doc.get<tempora::Events>().events)
      check(e.span.begin < e.span.end && e.span.end <= text_size, "event span empty or outside the text");

  const tempora::TimelineGraph graph = tempora::build_timeline(doc);
  const tempora::Placement placement = tempora::place(graph, {.all = true});
  (void)tempora::to_text(graph, placement);
  (void)tempora::to_json(graph, placement);
  const std::string dot = tempora::to_dot(graph, placement, {.title = std::string(doc.text().substr(0, 80))});
  agreseterrors();
  Agraph_t* parsed = agmemread(dot.c_str());
  if (parsed == nullptr || agerrors() > 0) {
    std::fprintf(stderr, "pipeline_fuzz: Graphviz could not parse:\n%s\n", dot.c_str());
    std::abort();
  }
  agclose(parsed);
  return 0;
}

// Speed of the event stage: event tagging alone (given Segmentation,
// Morphology and Dependencies, as in the pipeline), and the whole "segment +
// tag + events" path on the sample articles, in tokens/s and bytes/s on one
// core.
//
//   build/release/event_bench
#include <filesystem>
#include <fstream>
#include <string>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "tempora/document.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"

namespace {

struct Stages {
  tempora::Segmenter segmenter = tempora::Segmenter::load();
  tempora::PosTagger pos = tempora::PosTagger::load();
  tempora::DependencyParser parser = tempora::DependencyParser::load();
  tempora::EventTagger events = tempora::EventTagger::load();
};

const Stages& stages() {
  static const Stages instance;
  return instance;
}

void BM_EventTag(benchmark::State& state) {
  const std::string text = tempora::bench::sample_text();
  tempora::Document base(text);
  const auto& seg = stages().segmenter.segment(base);
  const auto& morph = stages().pos.tag(base);
  const auto& deps = stages().parser.parse(base);
  tempora::bench::time_stage_after(state, text, seg, morph, &deps,
                                   [](tempora::Document& doc) -> const auto& { return stages().events.tag(doc); });
}
BENCHMARK(BM_EventTag)->Unit(benchmark::kMillisecond);

void BM_SegmentTagEvents(benchmark::State& state) {
  const std::string text = tempora::bench::sample_text();
  for (auto _ : state) {
    tempora::Document doc(text);
    stages().segmenter.segment(doc);
    stages().pos.tag(doc);
    benchmark::DoNotOptimize(&stages().events.tag(doc));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SegmentTagEvents)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

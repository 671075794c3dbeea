// Speed of the event stage: event tagging alone (given Segmentation and
// Morphology), and the whole "segment + tag + events" path on the sample
// articles, in tokens/s and bytes/s on one core.
//
//   build/release/event_bench
#include <filesystem>
#include <fstream>
#include <string>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "tempora/document.hpp"
#include "tempora/event.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"

namespace {

struct Stages {
  tempora::Segmenter segmenter = tempora::Segmenter::load();
  tempora::PosTagger pos = tempora::PosTagger::load();
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
  std::size_t tokens = 0;
  for (auto _ : state) {
    state.PauseTiming();
    tempora::Document doc(text);
    doc.add(seg);
    doc.add(morph);
    state.ResumeTiming();
    benchmark::DoNotOptimize(&stages().events.tag(doc));
    tokens += seg.tokens.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
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

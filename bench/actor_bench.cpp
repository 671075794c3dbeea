// Speed of the entity recognizer: named-entity tagging alone (given
// Segmentation and Morphology) on the sample articles, in tokens/s and
// bytes/s on one core.
//
//   build/release/bench/actor_bench
#include <string>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "tempora/actor.hpp"
#include "tempora/document.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"

namespace {

struct Stages {
  tempora::Segmenter segmenter = tempora::Segmenter::load();
  tempora::PosTagger pos = tempora::PosTagger::load();
  tempora::EntityRecognizer ner = tempora::EntityRecognizer::load();
};

const Stages& stages() {
  static const Stages instance;
  return instance;
}

void BM_EntityRecognizer(benchmark::State& state) {
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
    benchmark::DoNotOptimize(&stages().ner.tag(doc));
    tokens += seg.tokens.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EntityRecognizer)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

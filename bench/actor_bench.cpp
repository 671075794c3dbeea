// Speed of the entity recognizer: named-entity tagging alone (given
// Segmentation, Morphology and, as in the pipeline, Dependencies) on the
// sample articles, in tokens/s and bytes/s on one core.
//
//   build/release/bench/actor_bench
#include <string>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "tempora/actor.hpp"
#include "tempora/document.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"

namespace {

struct Stages {
  tempora::Segmenter segmenter = tempora::Segmenter::load();
  tempora::PosTagger pos = tempora::PosTagger::load();
  tempora::DependencyParser parser = tempora::DependencyParser::load();
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
  const auto& deps = stages().parser.parse(base);
  tempora::bench::time_stage_after(state, text, seg, morph, &deps,
                                   [](tempora::Document& doc) -> const auto& { return stages().ner.tag(doc); });
}
BENCHMARK(BM_EntityRecognizer)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

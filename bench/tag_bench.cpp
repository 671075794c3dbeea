// Speed of the tag stage: POS tagging with lemmatization, and the whole
// "segment + tag" path on the sample articles. Targets: tagging >= 500,000
// tokens/s on one core; the whole text path >= 3 MB/s.
//
//   build/release/bench/tag_bench
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "tempora/document.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"

namespace {

std::string sample_text() { return tempora::bench::sample_articles(); }

const tempora::PosTagger& tagger() {
  static const tempora::PosTagger instance = tempora::PosTagger::load();
  return instance;
}

const tempora::Segmenter& segmenter() {
  static const tempora::Segmenter instance = tempora::Segmenter::load();
  return instance;
}

void BM_TagWords(benchmark::State& state) {
  tempora::Document doc(sample_text());
  const auto& seg = segmenter().segment(doc);
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& s : seg.sentences) {
    sentences.emplace_back();
    for (const auto& t : seg.tokens_of(s)) sentences.back().push_back(t.norm);
  }
  std::size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& words : sentences) {
      auto tags = tagger().tag_words(words);
      benchmark::DoNotOptimize(tags.data());
      tokens += words.size();
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(tokens));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagWords)->Unit(benchmark::kMillisecond);

void BM_SegmentAndTag(benchmark::State& state) {
  const std::string text = sample_text();
  for (auto _ : state) {
    tempora::Document doc(text);
    segmenter().segment(doc);
    benchmark::DoNotOptimize(&tagger().tag(doc));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SegmentAndTag)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

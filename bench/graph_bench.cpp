// The graph stage: turning analysed articles into a TimelineGraph
// (build_timeline) and placing it on the calendar (place), and, for scale,
// the whole Pipeline::analyze that produces the layers it reads.
//
// Input: the three sample articles (samples/*.txt) with their DCTs, analysed
// once outside the timed loop for the graph benchmarks.
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "tempora/graph.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/timex.hpp"

namespace {

using namespace tempora;

const Pipeline& pipeline() {
  static const Pipeline p = Pipeline::load();
  return p;
}

std::vector<Document> analysed_samples() {
  std::vector<Document> docs;
  const std::filesystem::path samples = std::filesystem::path(TEMPORA_BENCH_SOURCE_DIR) / "samples";
  for (const auto& [name, dct] : {std::pair{"meeting-meridian.txt", "2026-03-14"},
                                  std::pair{"meeting-harbor-times.txt", "2026-03-13"},
                                  std::pair{"meeting-civic-wire.txt", "2026-03-16"}}) {
    docs.push_back(read_document(samples / name, parse_dct(dct, "bench")));
    pipeline().analyze(docs.back());
  }
  return docs;
}

void BM_BuildTimeline(benchmark::State& state) {
  const std::vector<Document> docs = analysed_samples();
  std::size_t vertices = 0;
  for (auto _ : state) {
    TimelineGraph graph;
    for (const Document& doc : docs) add_to_timeline(graph, doc, {.id_prefix = doc.info().id});
    vertices = boost::num_vertices(graph.graph());
    benchmark::DoNotOptimize(vertices);
  }
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(docs.size()), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["vertices"] = static_cast<double>(vertices);
}
BENCHMARK(BM_BuildTimeline)->Unit(benchmark::kMicrosecond);

void BM_BuildAndPlace(benchmark::State& state) {
  const std::vector<Document> docs = analysed_samples();
  for (auto _ : state) {
    TimelineGraph graph;
    for (const Document& doc : docs) add_to_timeline(graph, doc, {.id_prefix = doc.info().id});
    benchmark::DoNotOptimize(place(graph).events.size());
  }
}
BENCHMARK(BM_BuildAndPlace)->Unit(benchmark::kMicrosecond);

// The whole pipeline on one article after another (models loaded once).
void BM_PipelineAnalyze(benchmark::State& state) {
  const std::filesystem::path samples = std::filesystem::path(TEMPORA_BENCH_SOURCE_DIR) / "samples";
  std::vector<Document> inputs;
  std::size_t bytes = 0;
  for (const char* name : {"meeting-meridian.txt", "meeting-harbor-times.txt", "meeting-civic-wire.txt"}) {
    inputs.push_back(read_document(samples / name, parse_dct("2026-03-14", "bench")));
    bytes += inputs.back().text().size();
  }
  pipeline();
  for (auto _ : state) {
    for (const Document& input : inputs) {
      Document doc(std::string(input.text()), input.info());
      pipeline().analyze(doc);
      benchmark::DoNotOptimize(doc.diagnostics().size());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(inputs.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_PipelineAnalyze)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

// Work on hostile inputs at two sizes or more: linear time is the claim, so
// each case runs at sizes a factor of 4 or 8 apart and Google Benchmark fits
// the complexity (->Complexity(benchmark::oN)): bytes_per_second that stays
// flat across sizes, and an O(N) fit with small RMS, mean linear time. The
// tests never time anything; this file is where "a 100 MB line does not
// explode" is measured (TEMPORA_BENCH_HUGE=1 bench/hostile_bench adds the
// full 100 MB and 50 MB sizes, which need about 2 GB of memory).
//
// Inputs (all one line, no newline anywhere):
//   prose   the sample articles' paragraphs joined by spaces, repeated;
//   words   words and no punctuation at all, so no sentence ever ends;
//   digits  only digits and slashes ("12/3/2026/7/..."), date-like throughout.
// Stages: time-only (Document + Segmenter + TimeTagger, what `annotate
// --time-only` runs) and the full Pipeline (every installed model).
#include <cstdint>
#include <cstdlib>
#include <string>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/segment.hpp"
#include "tempora/timex.hpp"

namespace {

using namespace tempora;

enum Kind : int { kProse, kWords, kDigits };

std::string one_line(int kind, std::size_t bytes) {
  std::string unit;
  if (kind == kProse) {
    unit = bench::sample_articles();
    for (char& c : unit)
      if (c == '\n' || c == '\r') c = ' ';
  } else if (kind == kWords) {
    unit = "the leaders met in the palace on Thursday and talked about air defense and trade for hours ";
  } else {
    std::uint32_t seed = 7;
    for (int i = 0; i < 4096; ++i) {
      seed = seed * 1103515245u + 12345u;
      unit += std::to_string((seed >> 16) % (i % 3 == 0 ? 2100 : 32));
      unit += '/';
    }
  }
  std::string text;
  text.reserve(bytes + unit.size());
  while (text.size() < bytes) text += unit;
  text.resize(bytes);
  return text;
}

const char* kind_name(int kind) { return kind == kProse ? "prose" : kind == kWords ? "words" : "digits"; }

void BM_TimeOnlyLine(benchmark::State& state) {
  static const Segmenter segmenter = Segmenter::load();
  static const TimeTagger tagger = TimeTagger::load();
  const auto bytes = static_cast<std::size_t>(state.range(1));
  const std::string text = one_line(static_cast<int>(state.range(0)), bytes);
  std::size_t timexes = 0;
  for (auto _ : state) {
    Document doc(text, {.creation_time = parse_dct("2026-03-14", "bench")});
    segmenter.segment(doc);
    timexes = tagger.tag(doc).timexes.size();
  }
  state.SetLabel(kind_name(static_cast<int>(state.range(0))));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetComplexityN(static_cast<std::int64_t>(bytes));
  state.counters["timexes"] = static_cast<double>(timexes);
}

void BM_PipelineLine(benchmark::State& state) {
  static const Pipeline pipeline = Pipeline::load();
  const auto bytes = static_cast<std::size_t>(state.range(1));
  const std::string text = one_line(static_cast<int>(state.range(0)), bytes);
  for (auto _ : state) {
    Document doc(text, {.creation_time = parse_dct("2026-03-14", "bench")});
    pipeline.analyze(doc);
    benchmark::DoNotOptimize(doc.get<Segmentation>().tokens.size());
  }
  state.SetLabel(kind_name(static_cast<int>(state.range(0))));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetComplexityN(static_cast<std::int64_t>(bytes));
}

constexpr std::int64_t kMB = 1 << 20;

// Two sizes 8x apart per input kind (each kind fitted on its own).
BENCHMARK(BM_TimeOnlyLine)->Args({kProse, 2 * kMB})->Args({kProse, 16 * kMB})->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(1);
BENCHMARK(BM_TimeOnlyLine)->Args({kWords, 2 * kMB})->Args({kWords, 16 * kMB})->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(1);
BENCHMARK(BM_TimeOnlyLine)->Args({kDigits, 2 * kMB})->Args({kDigits, 16 * kMB})->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(1);
BENCHMARK(BM_PipelineLine)->Args({kProse, kMB / 4})->Args({kProse, 2 * kMB})->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(1);
BENCHMARK(BM_PipelineLine)->Args({kWords, kMB / 4})->Args({kWords, 2 * kMB})->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(1);
BENCHMARK(BM_PipelineLine)->Args({kDigits, kMB / 4})->Args({kDigits, 2 * kMB})->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(1);

}  // namespace

// The sizes, a 100 MB line and 50 MB of digits and slashes (time-only,
// about 2 GB of memory), only when TEMPORA_BENCH_HUGE=1 is set.
int main(int argc, char** argv) {
  if (const char* huge = std::getenv("TEMPORA_BENCH_HUGE"); huge != nullptr && std::string(huge) == "1") {
    benchmark::RegisterBenchmark("BM_TimeOnlyLine_100MB", BM_TimeOnlyLine)
        ->Args({kProse, 100 * kMB})->Unit(benchmark::kMillisecond)->Iterations(1);
    benchmark::RegisterBenchmark("BM_TimeOnlyLine_50MB", BM_TimeOnlyLine)
        ->Args({kDigits, 50 * kMB})->Unit(benchmark::kMillisecond)->Iterations(1);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

// Speed of the time stage in time-expression-only mode (TimeTagger::find: no
// segmentation or tagging), on synthetic news text built from sample sentences
// dense in time expressions. Target: >= 20 MB/s on one core, linear in size
// (compare bytes_per_second across the 1, 10 and 100 MB runs).
//
//   build/release/time_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "tempora/timex.hpp"

namespace {

constexpr std::array<std::string_view, 10> kSentences = {
    "KYIV, Oct. 20 (Reuters) - Ukrainian President Volodymyr Zelensky spoke on Friday about his meeting with Donald "
    "Trump during his visit to the United States last week.\n",
    "The presidents held a closed-door meeting at the White House on October 17, 2025, at 3:30 p.m., two days after "
    "the talks in Geneva.\n",
    "Third-quarter profit rose 12% from a year earlier, the company said, and it expects sales to grow in the fourth "
    "quarter and in fiscal 2026.\n",
    "The war, now in its fourth year, has killed thousands; the front has barely moved in the past two months.\n",
    "Negotiators will meet again next Tuesday and every Monday after that until mid-2026, officials said yesterday.\n",
    "Shares fell 3.5% to $20.15 on 10/17/2025, wiping out gains made since the 1990s, analysts at Goldman Sachs "
    "said.\n",
    "The next day the minister resigned; three weeks later parliament approved a successor for a term of four years.\n",
    "Readers can find the full statement on the ministry's website, which is updated daily and archived weekly.\n",
    "Officials in Zürich and São Paulo reported that tourism recovered this summer after a difficult winter.\n",
    "\"We are sure he will come back,\" the spokesman told reporters at noon on Thursday.\n\n",
};

std::string news_text(std::size_t target_bytes) {
  std::string text;
  text.reserve(target_bytes + 512);
  for (std::size_t i = 0; text.size() < target_bytes; ++i) text += kSentences[i % kSentences.size()];
  return text;
}

const tempora::TimeTagger& tagger() {
  static const tempora::TimeTagger t =
      tempora::TimeTagger::load(std::filesystem::path(TEMPORA_BENCH_SOURCE_DIR) / "resources" / "time");
  return t;
}

void BM_TimeFind(benchmark::State& state) {
  const std::string text = news_text(static_cast<std::size_t>(state.range(0)) << 20);
  const auto dct = tempora::parse_dct("2025-10-20", "bench");
  std::size_t timexes = 0;
  for (auto _ : state) {
    const auto found = tagger().find(text, dct);
    timexes = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
  state.counters["timexes"] = static_cast<double>(timexes);
}
BENCHMARK(BM_TimeFind)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(1);
BENCHMARK(BM_TimeFind)->Arg(1)->Unit(benchmark::kMillisecond);

// The seed article (real news, ordinary density of time expressions),
// repeated to 10 MB; skipped when ../shared is not there.
void BM_TimeFindSeedArticle(benchmark::State& state) {
  std::ifstream in(std::filesystem::path(TEMPORA_BENCH_SOURCE_DIR) / ".." / "shared" / "seeds" /
                   "zelensky-trump-nbc.txt");
  if (!in) {
    state.SkipWithError("../shared/seeds/zelensky-trump-nbc.txt not found");
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string article = buffer.str() + "\n\n";
  std::string text;
  while (text.size() < (10u << 20)) text += article;
  const auto dct = tempora::parse_dct("2025-10-20", "bench");
  for (auto _ : state) {
    const auto found = tagger().find(text, dct);
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_TimeFindSeedArticle)->Unit(benchmark::kMillisecond);

void BM_TimeLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto t = tempora::TimeTagger::load(std::filesystem::path(TEMPORA_BENCH_SOURCE_DIR) / "resources" / "time");
    benchmark::DoNotOptimize(&t);
  }
}
BENCHMARK(BM_TimeLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

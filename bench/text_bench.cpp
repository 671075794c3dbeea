// Speed of the text stage: Document construction (UTF-8 check) and
// segmentation, on a synthetic news text built from repeated sample sentences.
// Target: segmentation >= 30 MB/s on one core.
//
//   build/release/text_bench --benchmark_counters_tabular=true
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "tempora/document.hpp"
#include "tempora/segment.hpp"

namespace {

// Sample sentences with the things the segmenter handles specially:
// abbreviations, initials, curly quotes, clitics, numbers, times, URLs.
constexpr std::array<std::string_view, 12> kSentences = {
    "KYIV, Oct. 20 (Reuters) - Ukrainian President Volodymyr Zelensky spoke about his recent meeting with Donald "
    "Trump during his visit to the United States.",
    "According to Zelensky, the discussions mainly focused on strengthening Ukraine’s defense capabilities and the "
    "issue of long-range weapons.",
    "“President Trump didn’t say ‘no,’ and that’s a good thing. But he hasn’t said ‘yes’ either,” Zelensky said.",
    "The presidents of the U.S. and Ukraine held a closed-door meeting at the White House on Oct. 17 at 3:30 p.m.",
    "Gov. Greg Abbott and Sen. John Cornyn said George W. Bush had met Dr. Smith, the head of Acme Inc. in 2025.",
    "Shares fell 3.5% to $20.15 on 10/17/2025, wiping out 1,000 jobs -- or so analysts at Goldman Sachs & Co. said.",
    "Read more at https://www.nbcnews.com/politics/zelensky-trump or write to press@example.org for details.",
    "Analysts believe that Trump’s cautious approach reflects broader U.S. strategic interests in the region...",
    "We're sure he'll come back; I can't say when, but it won't be long—maybe next week.",
    "Zelensky says doors remain open\n",
    "The Ukrainian public has supported Zelensky’s trip, expecting that relations with Washington will reach a new "
    "stage.\n",
    "Café owners in Zürich and São Paulo reported a 20% drop in tourists, the Associated Press reported.\n\n",
};

std::string news_text(std::size_t target_bytes) {
  std::string text;
  text.reserve(target_bytes + 512);
  for (std::size_t i = 0; text.size() < target_bytes; ++i) {
    text += kSentences[i % kSentences.size()];
    text += ' ';
  }
  return text;
}

const tempora::Segmenter& segmenter() {
  static const tempora::Segmenter instance = tempora::Segmenter::load();
  return instance;
}

void BM_DocumentConstruction(benchmark::State& state) {
  const std::string text = news_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    tempora::Document doc(text);
    benchmark::DoNotOptimize(doc.text().data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DocumentConstruction)->Arg(1 << 20);

// Segmentation alone: the Document is built outside the timed region.
void BM_Segment(benchmark::State& state) {
  const std::string text = news_text(static_cast<std::size_t>(state.range(0)));
  std::size_t tokens = 0;
  std::size_t sentences = 0;
  for (auto _ : state) {
    state.PauseTiming();
    tempora::Document doc(text);
    state.ResumeTiming();
    const tempora::Segmentation& seg = segmenter().segment(doc);
    tokens = seg.tokens.size();
    sentences = seg.sentences.size();
    state.PauseTiming();
    {
      tempora::Document discard(std::move(doc));  // destroy the layers outside the timed region
    }
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["sentences"] = static_cast<double>(sentences);
}
BENCHMARK(BM_Segment)->Arg(64 << 10)->Arg(1 << 20)->Arg(8 << 20)->Unit(benchmark::kMillisecond);

// Hostile shapes, at two sizes: equal bytes/s at both shows linear time.
enum Shape : std::int64_t { kNoSpaces, kDotted, kNewlines, kPunctuation, kRandomBytes };

std::string hostile_text(Shape shape, std::size_t size) {
  std::string text;
  text.reserve(size + 64);
  std::uint64_t state = 88172645463325252ULL;  // xorshift: a fixed pseudo-random sequence
  while (text.size() < size) {
    switch (shape) {
      case kNoSpaces: text += 'x'; break;
      case kDotted: text += "a.b-c'd"; break;
      case kNewlines: text += '\n'; break;
      case kPunctuation: text += "U.S.'s n't“’-2@a@b.c...--http://x."; break;
      case kRandomBytes:
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        text += static_cast<char>(state & 0xFF);
        break;
    }
  }
  return text;
}

void BM_SegmentHostile(benchmark::State& state) {
  const std::string text = hostile_text(static_cast<Shape>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  for (auto _ : state) {
    state.PauseTiming();
    tempora::Document doc(text);
    state.ResumeTiming();
    benchmark::DoNotOptimize(segmenter().segment(doc).tokens.size());
    state.PauseTiming();
    {
      tempora::Document discard(std::move(doc));
    }
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SegmentHostile)
    ->ArgNames({"shape", "bytes"})
    ->ArgsProduct({{kNoSpaces, kDotted, kNewlines, kPunctuation, kRandomBytes}, {1 << 20, 4 << 20}})
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

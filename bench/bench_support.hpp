// Inputs shared by the benchmark programs.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <benchmark/benchmark.h>

#include "tempora/document.hpp"
#include "tempora/parse.hpp"

namespace tempora::bench {

// The sample articles (samples/*.txt) one after another, blank-line separated.
inline std::string sample_articles() {
  std::string text;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(TEMPORA_BENCH_SOURCE_DIR) / "samples")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    text.append(std::istreambuf_iterator<char>(in), {});
    text += "\n\n";
  }
  return text;
}

// The sample articles repeated to at least `min_bytes` (a few hundred
// kilobytes by default), so that per-document costs do not dominate a
// per-token benchmark.
inline std::string sample_text(std::size_t min_bytes = 200'000) {
  const std::string text = sample_articles();
  std::string out;
  while (out.size() < min_bytes) out += text;
  return out;
}

// Times `stage(doc)` on fresh documents of `text` that already hold its
// segmentation, tags and, when `deps` is given, its parse (copied in outside
// the timing), and reports bytes/s and tokens/s: the cost of one stage
// after the tagger (or the parser).
template <class Stage>
void time_stage_after(benchmark::State& state, const std::string& text, const Segmentation& seg,
                      const Morphology& morph, const Dependencies* deps, Stage stage) {
  std::size_t tokens = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Document doc(text);
    doc.add(seg);
    doc.add(morph);
    if (deps != nullptr) doc.add(*deps);
    state.ResumeTiming();
    benchmark::DoNotOptimize(&stage(doc));
    tokens += seg.tokens.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}

template <class Stage>
void time_stage_after_tagging(benchmark::State& state, const std::string& text, const Segmentation& seg,
                              const Morphology& morph, Stage stage) {
  time_stage_after(state, text, seg, morph, nullptr, stage);
}

}  // namespace tempora::bench

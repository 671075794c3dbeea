// Dependency parser speed and model memory.
//
//   build/bench/parse_bench                       (needs models/parser-en-ewt.bin
//                                                   and ../shared/data/ud-ewt)
//
// BM_ParseSentences parses the UD EWT dev set (gold tokens and tags, so the
// tagger's time is not counted) and reports words per second on one core.
// BM_LoadModel reports the heap memory the loaded model holds (model_MB).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>
#include <malloc.h>

#include "tempora/conllu.hpp"
#include "tempora/parse.hpp"

namespace {

const std::filesystem::path kSource = TEMPORA_BENCH_SOURCE_DIR;
const std::filesystem::path kModel = kSource / "models/parser-en-ewt.bin";
const std::filesystem::path kDev = kSource / "../shared/data/ud-ewt/en_ewt-ud-dev.conllu";

struct Corpus {
  std::vector<std::vector<std::string_view>> words;
  std::vector<std::vector<tempora::TokenMorph>> tags;
  std::vector<tempora::ConlluSentence> sentences;
  std::size_t word_count = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    c.sentences = tempora::read_conllu(kDev);
    for (const auto& s : c.sentences) {
      auto& words = c.words.emplace_back();
      auto& tags = c.tags.emplace_back();
      for (const auto& w : s.words) {
        words.push_back(w.form);
        tags.push_back({tempora::parse_upos(w.upos).value_or(tempora::Upos::X), w.xpos, w.lemma, {}});
      }
      c.word_count += s.words.size();
    }
    return c;
  }();
  return c;
}

bool inputs_present(benchmark::State& state) {
  if (!std::filesystem::exists(kModel) || !std::filesystem::exists(kDev)) {
    state.SkipWithError("needs models/parser-en-ewt.bin and ../shared/data/ud-ewt");
    return false;
  }
  return true;
}

void BM_ParseSentences(benchmark::State& state) {
  if (!inputs_present(state)) return;
  const tempora::DependencyParser parser = tempora::DependencyParser::load(kModel);
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (std::size_t i = 0; i < c.words.size(); ++i) benchmark::DoNotOptimize(parser.parse_words(c.words[i], c.tags[i]));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.word_count));
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * c.word_count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseSentences)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Heap bytes in use (glibc's allocator statistics).
double heap_bytes() { return static_cast<double>(mallinfo2().uordblks); }

void BM_LoadModel(benchmark::State& state) {
  if (!inputs_present(state)) return;
  double added = 0;
  for (auto _ : state) {
    const double before = heap_bytes();
    auto parser = tempora::DependencyParser::load(kModel);
    added = heap_bytes() - before;
    benchmark::DoNotOptimize(parser);
  }
  state.counters["model_MB"] = added / (1024.0 * 1024.0);
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

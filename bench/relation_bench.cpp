// Speed of the relation stage.
//
//   BM_Closure/N        the reasoning engine alone on N events with the links
//                       a news document gives (a narrative chain, reported
//                       speech, dates, some contradictions), so the cost of
//                       the bit-matrix path consistency shows as N grows.
//   BM_Extract/bytes    link extraction and closure on synthetic news text
//                       (segmented and tagged once outside the timing loop;
//                       every verb is an event), in bytes per second.
//
//   build/release/relation_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "tempora/pos.hpp"
#include "tempora/relation.hpp"
#include "tempora/segment.hpp"
#include "tempora/timex.hpp"

namespace {

using namespace tempora;

void BM_Closure(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::mt19937 rng(7);
  std::vector<TemporalLink> links;
  const std::size_t dates = n / 10 + 1;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    links.push_back({i, i + 1, RelType::starts_before, 0.25, "narrative"});
    if (i + 3 < n && rng() % 3 == 0) links.push_back({i + 3, i, RelType::starts_after, 0.5, "reported"});
    if (rng() % 8 == 0) links.push_back({i, n + rng() % dates, RelType::is_included, 0.7, "date"});
    if (rng() % 20 == 0) links.push_back({i + 1, i, RelType::before, 0.3, "contradiction"});
  }
  std::size_t conflicts = 0;
  for (auto _ : state) {
    TemporalGraph g;
    for (std::size_t i = 0; i < n; ++i) g.add_node({"e" + std::to_string(i), std::nullopt});
    const std::chrono::sys_seconds base{std::chrono::hours(24 * 20000)};
    for (std::size_t d = 0; d < dates; ++d)
      g.add_node({"t" + std::to_string(d), TimeBounds{base + std::chrono::hours(24 * d), base + std::chrono::hours(24 * d + 24)}});
    for (const TemporalLink& l : links) g.add_link(l);
    g.close();
    conflicts = g.conflicts().size();
    benchmark::DoNotOptimize(g.start_order(0, n - 1));
  }
  state.counters["events"] = static_cast<double>(n);
  state.counters["links"] = static_cast<double>(links.size());
  state.counters["conflicts"] = static_cast<double>(conflicts);
}
BENCHMARK(BM_Closure)->Arg(50)->Arg(200)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond);

constexpr const char* kStory[] = {
    "The presidents held a closed-door meeting at the White House on October 17, officials said. ",
    "After the meeting, Trump posted on social media, urging both sides to begin talks. ",
    "Zelensky told reporters that no statements would be made, explaining that Washington had declined. ",
    "Analysts believe the cautious approach reflects interests that emerged after the summit. ",
    "The minister resigned on Friday; two days later parliament approved a successor. ",
};

void BM_Extract(benchmark::State& state) {
  static const Segmenter segmenter = Segmenter::load();
  static const PosTagger pos = PosTagger::load();
  static const TimeTagger time = TimeTagger::load();
  static const RelationExtractor relation = RelationExtractor::load();
  std::string text;
  for (std::size_t i = 0; text.size() < static_cast<std::size_t>(state.range(0)); ++i) text += kStory[i % 5];
  DocumentInfo info;
  info.creation_time = parse_dct("2025-10-20", "bench");
  Document doc(text, info);
  segmenter.segment(doc);
  pos.tag(doc);
  time.tag(doc);
  std::vector<EventInput> events;
  const auto& seg = doc.get<Segmentation>();
  const auto& morph = doc.get<Morphology>();
  for (std::size_t t = 0; t < seg.tokens.size(); ++t)
    if (morph.tokens[t].upos == Upos::VERB) events.push_back({"e" + std::to_string(events.size() + 1), seg.tokens[t].span, "", "", "", ""});
  std::size_t links = 0;
  for (auto _ : state) {
    TemporalLinks out = relation.extract(doc, events);
    links = out.links.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
  state.counters["events"] = static_cast<double>(events.size());
  state.counters["links"] = static_cast<double>(links);
}
// A news article is 2-10 KB; 30 KB is a long one (about 300 events).
BENCHMARK(BM_Extract)->Arg(3000)->Arg(10000)->Arg(30000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

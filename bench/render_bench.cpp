// Rendering speed of the timeline: placement, DOT writing and Graphviz layout
// + SVG for a generated news-like graph. Target: 1,000 events to SVG < 2 s.
//
// The generated story: events over 60 days (70% dated, the rest undated but
// ordered after an earlier event), 25 actors with two participants per event,
// one identity edge per 20 events, one reporting verb per 10.
#include <chrono>
#include <string>

#include <benchmark/benchmark.h>

#include "tempora/graph.hpp"
#include "tempora/render.hpp"

namespace {

using namespace tempora;

TimelineGraph news_graph(int events) {
  TimelineGraph g;
  std::vector<TimelineGraph::Vertex> actors, times, ev;
  for (int a = 0; a < 25; ++a)
    actors.push_back(g.add_actor({.name = "Actor " + std::to_string(a),
                                  .type = a % 5 == 0 ? ActorType::ORGANIZATION : ActorType::PERSON}));
  const std::chrono::sys_days first = std::chrono::year{2025} / 9 / 1;
  for (int d = 0; d < 60; ++d) times.push_back(g.add_time(TimeNode::day("", std::chrono::year_month_day{first + std::chrono::days{d}}, {.year = d % 2 == 0})));
  unsigned seed = 12345;
  const auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  for (int i = 0; i < events; ++i) {
    const auto e = g.add_event({.type = i % 3 ? "MEET" : "SAY",
                                .label = "Actor " + std::to_string(i % 25) + " meets someone — place " + std::to_string(i),
                                .newsworthy = i % 10 != 0});
    ev.push_back(e);
    g.add_participation(e, actors[next() % actors.size()], Role::agent);
    g.add_participation(e, actors[next() % actors.size()], Role::co_participant);
    if (next() % 10 < 7) g.add_anchoring(e, times[next() % times.size()], Anchor::at);
    else if (i > 0) g.add_order(e, ev[next() % static_cast<unsigned>(i)], OrderRelation::AFTER, "after", 0.8, next() % 2);
    if (i % 20 == 19) g.add_identity(e, ev[static_cast<std::size_t>(i) - 1]);
  }
  return g;
}

void BM_PlaceAndDot(benchmark::State& state) {
  const TimelineGraph g = news_graph(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const Placement p = place(g);
    benchmark::DoNotOptimize(to_dot(g, p));
  }
}
BENCHMARK(BM_PlaceAndDot)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_RenderSvg(benchmark::State& state) {
  const TimelineGraph g = news_graph(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const Placement p = place(g);
    bytes = render_dot(to_dot(g, p), OutputFormat::svg).size();
  }
  state.counters["svg_bytes"] = static_cast<double>(bytes);
}
// 60 events: actors drawn as nodes with lines; 1,000: actors named in the boxes.
BENCHMARK(BM_RenderSvg)->Arg(60)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

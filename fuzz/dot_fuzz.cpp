// libFuzzer target: any bytes as the text of a timeline graph (event labels,
// types, triggers, actor names, evidence) -> place -> to_dot -> Graphviz.
// Aborts when Graphviz reports any error parsing the DOT or laying it out
// (which is when the HTML-like labels are parsed), i.e. when some input text
// escapes the escaping.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target dot_fuzz
//   build/fuzz/fuzz/dot_fuzz -max_total_time=60
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <graphviz/cgraph.h>

#include "tempora/graph.hpp"
#include "tempora/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tempora;
  // Pieces separated by NUL bytes; at most 12 events to keep layouts fast.
  std::vector<std::string> pieces(1);
  for (std::size_t i = 0; i < size && i < 4096; ++i) {
    if (data[i] == 0) pieces.emplace_back();
    else pieces.back() += static_cast<char>(data[i]);
  }
  TimelineGraph g;
  const auto actor = g.add_actor({.name = pieces[0], .type = ActorType::PERSON});
  const auto time = g.add_time(TimeNode::day("t", std::chrono::year{2025} / 10 / 17, {.year = true}));
  std::vector<TimelineGraph::Vertex> ev;
  for (std::size_t i = 0; i < pieces.size() && i < 12; ++i) {
    ev.push_back(g.add_event({.type = pieces[i], .trigger = pieces[i], .label = pieces[i]}));
    g.add_participation(ev.back(), actor, static_cast<Role>(i % 9));
    if (i % 3 == 0) g.add_anchoring(ev.back(), time, Anchor::at);
    if (i > 0) g.add_order(ev[i - 1], ev[i], static_cast<OrderRelation>(i % 15), pieces[i], 0.5, i % 2);
  }
  const std::string dot = to_dot(g, place(g, {.all = true}), {.title = pieces.back()});
  agreseterrors();
  Agraph_t* parsed = agmemread(dot.c_str());
  if (parsed == nullptr || agerrors() > 0) {
    std::fprintf(stderr, "dot_fuzz: Graphviz could not parse:\n%s\n", dot.c_str());
    std::abort();
  }
  agclose(parsed);
  try {
    (void)render_dot(dot, OutputFormat::svg);  // layout parses the HTML-like labels
  } catch (const RenderError& e) {
    std::fprintf(stderr, "dot_fuzz: %s\n%s\n", e.what(), dot.c_str());
    std::abort();
  }
  return 0;
}

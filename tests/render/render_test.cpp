#include "tempora/render.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <graphviz/cgraph.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "graph/meeting_fixture.hpp"

namespace tempora {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

// ---- helpers ------------------------------------------------------------------

// Parses DOT with the Graphviz library; returns the error count (0 = fine).
int library_parse_errors(const std::string& dot, int* nodes = nullptr) {
  agreseterrors();
  Agraph_t* g = agmemread(dot.c_str());
  if (g == nullptr) return std::max(1, agerrors());
  if (nodes) *nodes = agnnodes(g);
  agclose(g);
  return agerrors();
}

struct ProgramRun {
  int status = -1;
  std::string err;
};

// Runs a Graphviz program on DOT text (test only; the library never shells out).
ProgramRun run_graphviz_program(const std::string& program_and_args, const std::string& dot, const std::string& tag) {
  const fs::path dir = fs::temp_directory_path() / ("tempora-render-test-" + tag);
  fs::create_directories(dir);
  std::ofstream(dir / "in.dot", std::ios::binary) << dot;
  const std::string cmd = program_and_args + " '" + (dir / "in.dot").string() + "' > '" + (dir / "out").string() +
                          "' 2> '" + (dir / "err.txt").string() + "'";
  ProgramRun run;
  run.status = std::system(cmd.c_str());
  std::ifstream err(dir / "err.txt");
  std::stringstream ss;
  ss << err.rdbuf();
  run.err = ss.str();
  fs::remove_all(dir);
  return run;
}

bool have_program(const std::string& name) { return std::system(("command -v " + name + " > /dev/null 2>&1").c_str()) == 0; }

// All text of an SVG's <text> elements, and each node's first text x position.
struct Svg {
  std::string text;
  std::map<std::string, double> node_x;  // by DOT node name
};

Svg read_svg(const std::string& svg) {
  pugi::xml_document doc;
  const auto result = doc.load_buffer(svg.data(), svg.size());
  EXPECT_TRUE(result) << result.description();
  Svg out;
  for (const auto& t : doc.select_nodes("//text")) out.text += std::string(t.node().text().get()) + "\n";
  // dot_html_text puts an invisible WORD JOINER after a backslash that
  // precedes a letter (Graphviz would read \N as the node name); a reader
  // sees the original text, so compare without it.
  for (std::size_t pos; (pos = out.text.find("\u2060")) != std::string::npos;) out.text.erase(pos, 3);
  for (const auto& n : doc.select_nodes("//g[@class='node']")) {
    const std::string name = n.node().child("title").text().get();
    const auto text = n.node().select_node(".//text");
    if (text) out.node_x[name] = text.node().attribute("x").as_double();
  }
  return out;
}

std::string meeting_dot(const RenderOptions& options = {}) {
  auto t = testing::meeting_timeline();
  return to_dot(t.graph, place(t.graph), options);
}

// A graph whose every text field is hostile.
TimelineGraph hostile_graph(int events) {
  static const std::vector<std::string> nasty = {
      "say \"hello\" and \"goodbye\"",
      "back\\slash \\N \\G \\l \\n and a trailing backslash\\",
      "<html><b>bold</b></html> <TABLE> & &amp; &#x41; &bogus;",
      "{braces} [brackets] <ports> | record|fields {a|{b|c}}",
      "line one\nline two\r\nline three\n\n",
      "controls \x01\x02\x07\x1b\x7f tab\there",
      "invalid \xff\xfe utf8 \xc3 \xe2\x82 repaired",
      "noncharacter \xef\xbf\xbf and \xef\xbf\xbe",
      "]]> <![CDATA[ x ]]> <!-- comment --> /* c */ // c # c",
      "digraph { a -> b } subgraph cluster_x { } ; = ,",
      "",
      std::string(300, 'W'),
      "emoji 🤝 and Cyrillic Зеленський and RTL שלום",
  };
  TimelineGraph g;
  const auto actor = g.add_actor({.name = nasty[0] + nasty[1], .type = ActorType::PERSON});
  const auto org = g.add_actor({.name = nasty[2], .type = ActorType::ORGANIZATION});
  TimeNode t = TimeNode::day("\"t\\1", std::chrono::year{2025} / 10 / 17, {.year = true});
  t.text = nasty[3];
  const auto time = g.add_time(t);
  std::vector<TimelineGraph::Vertex> ev;
  for (int i = 0; i < events; ++i) {
    const std::string& s = nasty[static_cast<std::size_t>(i) % nasty.size()];
    ev.push_back(g.add_event({.id = s + "#" + std::to_string(i), .type = s, .trigger = s, .label = s,
                              .newsworthy = i % 7 != 3, .documents = {s}}));
    if (i % 4 == 0) g.add_participation(ev.back(), actor, Role::agent);
    if (i % 5 == 0) g.add_participation(ev.back(), org, Role::place);
    if (i % 6 == 0) g.add_anchoring(ev.back(), time, Anchor::at, s);
    if (i > 0 && i % 3 != 0) g.add_order(ev[static_cast<std::size_t>(i) - 1], ev.back(), OrderRelation::BEFORE, s, 0.5, i % 2);
    if (i > 1 && i % 11 == 0) g.add_order(ev.back(), ev[static_cast<std::size_t>(i) - 2], OrderRelation::INCLUDES, s);
  }
  return g;
}

// ---- escaping -------------------------------------------------------------------

TEST(DotEscape, QuotedStrings) {
  EXPECT_EQ(dot_quoted("plain"), "\"plain\"");
  EXPECT_EQ(dot_quoted("say \"hi\""), R"("say \"hi\"")");
  EXPECT_EQ(dot_quoted("a\\b"), R"("a\\b")");
  EXPECT_EQ(dot_quoted("trailing\\"), R"("trailing\\")");
  EXPECT_EQ(dot_quoted("\\N"), R"("\\N")");
  EXPECT_EQ(dot_quoted("l1\nl2\r"), R"("l1\nl2")");
  EXPECT_EQ(dot_quoted("\x01tab\t"), "\" tab \"");
  EXPECT_EQ(dot_quoted("AT&T"), "\"AT&amp;T\"");
  EXPECT_EQ(dot_quoted("\xff"), "\"\xEF\xBF\xBD\"");
  EXPECT_EQ(dot_quoted(""), "\"\"");
  EXPECT_EQ(dot_quoted("Зеленський — 🤝"), "\"Зеленський — 🤝\"");
}

TEST(DotEscape, HtmlText) {
  EXPECT_EQ(dot_html_text("<html> & \"x\"\nnext"), "&lt;html&gt; &amp; &quot;x&quot;<BR/>next");
  EXPECT_EQ(dot_html_text("]]>"), "&#93;&#93;&gt;");
  EXPECT_EQ(dot_html_text("\xEF\xBF\xBF"), "\xEF\xBF\xBD");
  EXPECT_EQ(dot_html_text("a\x02" "b\r"), "a b");
  EXPECT_EQ(dot_html_text("{b|c}"), "{b|c}");
  EXPECT_EQ(dot_html_text("a\\Nb \\1 \\\\"), "a\\\u2060Nb \\1 \\\\");
}

// ---- hostile input gives valid DOT ---------------------------------------------------

TEST(HostileDot, LibraryParsesAndRendersValidSvg) {
  const TimelineGraph g = hostile_graph(40);
  const Placement p = place(g, {.all = true});
  const std::string dot = to_dot(g, p, {.title = "\"title\" <with> {braces}\\"});
  int nodes = 0;
  EXPECT_EQ(library_parse_errors(dot, &nodes), 0);
  EXPECT_GT(nodes, 40);
  // Layout parses the HTML-like labels too; any error there throws.
  std::string svg;
  ASSERT_NO_THROW(svg = render_dot(dot, OutputFormat::svg));
  const Svg parsed = read_svg(svg);
  EXPECT_THAT(parsed.text, HasSubstr("<html><b>bold</b></html>"));
  EXPECT_THAT(parsed.text, HasSubstr("say \"hello\""));
  EXPECT_THAT(parsed.text, HasSubstr("back\\slash \\N \\G"));
  EXPECT_THAT(parsed.text, HasSubstr("{braces} [brackets]"));
  EXPECT_THAT(parsed.text, HasSubstr("Зеленський"));
  EXPECT_THAT(parsed.text, HasSubstr("\"title\" <with> {braces}\\"));
}

TEST(HostileDot, DotProgramRendersWithoutComplaint) {
  if (!have_program("dot")) GTEST_SKIP() << "Graphviz dot program not installed";
  // 1,000 events: past the "large graph" switch of the writer (straight
  // edges, capped network simplex), small enough to lay out in about a second.
  const TimelineGraph g = hostile_graph(1000);
  const std::string dot = to_dot(g, place(g, {.all = true}));
  const ProgramRun run = run_graphviz_program("dot -Tsvg", dot, "dot1000");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "");
}

TEST(HostileDot, TenThousandEventsParseWithTheLibraryAndRenderWithDot) {
  const TimelineGraph g = hostile_graph(10000);
  const Placement p = place(g, {.all = true});
  ASSERT_EQ(p.events.size(), 10000u);
  const std::string dot = to_dot(g, p);
  int nodes = 0;
  EXPECT_EQ(library_parse_errors(dot, &nodes), 0);
  EXPECT_GE(nodes, 10000);
  // The dot program lays the 10,000 events out and renders them (a few
  // seconds: the writer skips crossing minimisation at that size).
  if (!have_program("dot")) GTEST_SKIP() << "Graphviz dot program not installed";
  const ProgramRun run = run_graphviz_program("dot -Tsvg", dot, "dot10k");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "");
  if (!have_program("nop")) return;
  const ProgramRun nop = run_graphviz_program("nop", dot, "nop10k");
  EXPECT_EQ(nop.status, 0);
  EXPECT_EQ(nop.err, "");
}

// Order edges inside one column (simultaneous, contradictory, "during")
// once made Graphviz free memory twice; they must lay out and render.
TEST(HostileDot, EdgesWithinOneColumnRender) {
  TimelineGraph g;
  const auto day = g.add_time(TimeNode::day("t", std::chrono::year{2025} / 10 / 17));
  const auto a = g.add_event({.label = "a"}), b = g.add_event({.label = "b"}), c = g.add_event({.label = "c"});
  const auto d = g.add_event({.label = "d"}), e = g.add_event({.label = "e"});
  g.add_anchoring(a, day, Anchor::at);
  g.add_anchoring(b, day, Anchor::at);
  g.add_order(a, b, OrderRelation::SIMULTANEOUS, "at the same time");
  g.add_order(c, a, OrderRelation::IS_INCLUDED, "during");
  g.add_order(d, e, OrderRelation::BEFORE, "first");
  g.add_order(e, d, OrderRelation::BEFORE, "then");
  const Placement p = place(g);
  EXPECT_EQ(p.events[2].column, p.events[0].column);
  const std::string dot = to_dot(g, p);
  for (const auto format : {OutputFormat::svg, OutputFormat::png})
    EXPECT_NO_THROW(render_dot(dot, format));
}

// Empty text (or text that escaping empties, like a lone CR) must not leave
// an empty <B></B>, which Graphviz rejects at layout.
TEST(HostileDot, EmptyTextStillLaysOut) {
  for (const std::string text : {"", "\r", "\r\r", "]", "]]", "a]]b"}) {
    TimelineGraph g;
    const auto e = g.add_event({.id = "x", .label = text});
    const auto a = g.add_actor({.name = text});
    g.add_participation(e, a, Role::agent);
    g.add_anchoring(e, g.add_time(TimeNode::day("t", std::chrono::year{2025} / 10 / 17)), Anchor::at);
    const std::string dot = to_dot(g, place(g), {.title = text});
    EXPECT_THAT(dot, Not(HasSubstr("<B></B>")));
    EXPECT_NO_THROW(render_dot(dot, OutputFormat::svg)) << dot;
  }
}

// ---- the meeting timeline ---------------------------------------------------------------

TEST(MeetingRender, SvgShowsTheMeetingBothLeadersAndTheInferredYear) {
  const std::string svg = render_dot(meeting_dot(), OutputFormat::svg);
  const Svg parsed = read_svg(svg);
  EXPECT_THAT(parsed.text, HasSubstr("Zelensky meets Trump — White House"));
  EXPECT_THAT(parsed.text, HasSubstr("Volodymyr Zelensky"));
  EXPECT_THAT(parsed.text, HasSubstr("Donald Trump"));
  EXPECT_THAT(parsed.text, HasSubstr("Oct 17 (2025)"));
  EXPECT_THAT(parsed.text, HasSubstr("Trump posts on social media"));
  EXPECT_THAT(parsed.text, HasSubstr("on or before Oct 20, 2025"));
  // The reporting verb is hidden by default.
  EXPECT_THAT(parsed.text, Not(HasSubstr("talks are ongoing")));
}

TEST(MeetingRender, TimeFlowsLeftToRight) {
  auto t = testing::meeting_timeline();
  const Placement p = place(t.graph);
  const Svg svg = read_svg(render_dot(to_dot(t.graph, p), OutputFormat::svg));
  // Placement order: meeting (e0), then post / interview, then the undated request.
  ASSERT_EQ(p.events.size(), 4u);
  ASSERT_EQ(p.events[0].event, t.meet);
  ASSERT_EQ(p.events[3].event, t.request);
  ASSERT_TRUE(svg.node_x.contains("e0") && svg.node_x.contains("e1") && svg.node_x.contains("e3"));
  EXPECT_LT(svg.node_x.at("c0"), svg.node_x.at("c1"));
  EXPECT_LT(svg.node_x.at("c1"), svg.node_x.at("c2"));
  EXPECT_LT(svg.node_x.at("e0"), svg.node_x.at("e1"));
  EXPECT_LT(svg.node_x.at("e0"), svg.node_x.at("e2"));
  EXPECT_LT(svg.node_x.at("e1"), svg.node_x.at("e3"));
  // Actors stand left of every event.
  EXPECT_LT(svg.node_x.at("a0"), svg.node_x.at("e0"));
  // The date header sits in the same column as its events: closer to them
  // than to the next column.
  EXPECT_LT(std::abs(svg.node_x.at("c0") - svg.node_x.at("e0")), (svg.node_x.at("c1") - svg.node_x.at("c0")) / 2);
}

TEST(MeetingRender, StatedOrderSolidInferredDashedAndALegend) {
  const std::string dot = meeting_dot();
  // e0 = meeting, e1 = post (stated "After the meeting"), e2 = interview (inferred).
  EXPECT_THAT(dot, HasSubstr("e0 -> e1 [style=solid"));
  EXPECT_THAT(dot, HasSubstr("e0 -> e2 [style=dashed"));
  EXPECT_THAT(dot, HasSubstr("subgraph cluster_legend"));
  EXPECT_THAT(dot, HasSubstr("rankdir=LR"));
  EXPECT_THAT(dot, HasSubstr("{ rank=same; c0; e0; }"));
  EXPECT_THAT(meeting_dot({.legend = false}), Not(HasSubstr("cluster_legend")));
  EXPECT_THAT(meeting_dot({.actors = false}), Not(HasSubstr("a0 ->")));
}

TEST(MeetingRender, PngAndPdfComeFromTheLibrary) {
  const std::string dot = meeting_dot({.title = "Zelensky meets Trump"});
  const std::string png = render_dot(dot, OutputFormat::png);
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  const std::string pdf = render_dot(dot, OutputFormat::pdf);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
}

// The picture in the README (docs/timeline-example.png). Regenerate with
//   TEMPORA_EXAMPLE_PNG=docs/timeline-example.png render_tests --gtest_filter=*ExamplePicture
TEST(MeetingRender, ExamplePictureStaysSmall) {
  auto t = testing::meeting_timeline();
  const Placement p = place(t.graph);
  const RenderOptions options{.title = "Zelensky meets Trump at the White House (article of Oct 20, 2025)"};
  const std::string png = render_dot(to_dot(t.graph, p, options), OutputFormat::png);
  EXPECT_LT(png.size(), 300u * 1024u);
  if (const char* path = std::getenv("TEMPORA_EXAMPLE_PNG"); path != nullptr && *path != '\0')
    render_to_file(t.graph, p, path, OutputFormat::png, options);
}

TEST(MeetingRender, RenderToFileByExtension) {
  auto t = testing::meeting_timeline();
  const Placement p = place(t.graph);
  const fs::path dir = fs::temp_directory_path() / "tempora-render-files";
  fs::create_directories(dir);
  for (const char* name : {"t.svg", "t.png", "t.pdf", "t.dot", "t.json"}) {
    ASSERT_NO_THROW(render_to_file(t.graph, p, dir / name)) << name;
    EXPECT_GT(fs::file_size(dir / name), 100u) << name;
  }
  EXPECT_THROW(render_to_file(t.graph, p, dir / "t.txt"), std::invalid_argument);
  ASSERT_NO_THROW(render_to_file(t.graph, p, dir / "t.txt", OutputFormat::dot));
  fs::remove_all(dir);
}

TEST(MeetingRender, JsonExportFollowsTheSchema) {
  auto t = testing::meeting_timeline();
  const Placement p = place(t.graph);
  const auto j = nlohmann::json::parse(to_json(t.graph, p));
  EXPECT_EQ(j["schema"], "tempora-timeline/1");
  EXPECT_EQ(j["nodes"].size(), 12u);
  const auto& time = j["nodes"][4];
  EXPECT_EQ(time["kind"], "time");
  EXPECT_EQ(time["value"], "2025-10-17");
  EXPECT_EQ(time["start"], "2025-10-17");
  EXPECT_EQ(time["inferred"]["year"], true);
  EXPECT_EQ(time["label"], "Oct 17 (2025)");
  bool saw_order = false;
  for (const auto& e : j["edges"])
    if (e["kind"] == "order" && e["source"] == "e3") {
      saw_order = true;
      EXPECT_EQ(e["relation"], "AFTER");
      EXPECT_EQ(e["evidence"], "After the meeting");
    }
  EXPECT_TRUE(saw_order);
  const auto& placement = j["placement"];
  EXPECT_EQ(placement["columns"][0]["label"], "Oct 17 (2025)");
  EXPECT_EQ(placement["columns"][0]["kind"], "date");
  EXPECT_EQ(placement["events"][0]["id"], "e1");
  EXPECT_EQ(placement["events"][0]["mentions"], nlohmann::json::array({"e1", "e2"}));
  EXPECT_EQ(placement["order"][0]["from"], "e1");
  EXPECT_EQ(placement["hidden"], 1);
}

TEST(Render, FormatsAndErrors) {
  EXPECT_EQ(format_from_path("x/timeline.svg"), OutputFormat::svg);
  EXPECT_EQ(format_from_path("T.PNG"), OutputFormat::png);
  EXPECT_EQ(format_from_path("t.gv"), OutputFormat::dot);
  EXPECT_FALSE(format_from_path("t").has_value());
  EXPECT_EQ(parse_output_format("PDF"), OutputFormat::pdf);
  EXPECT_THROW(render_dot("digraph {", OutputFormat::svg), RenderError);
  EXPECT_THROW(render_dot("digraph { a [label=<<B>unclosed>]; }", OutputFormat::svg), RenderError);
  EXPECT_THROW(render_dot("digraph {}", OutputFormat::json), std::invalid_argument);
  // After an error the library still works.
  EXPECT_NO_THROW(render_dot("digraph { a -> b }", OutputFormat::svg));
  // An empty timeline still draws (just the legend).
  TimelineGraph empty;
  EXPECT_NO_THROW(render_dot(to_dot(empty, place(empty)), OutputFormat::svg));
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

// Random small graphs (every relation, identity, anchors, contradictions,
// actors) lay out and render: guards against Graphviz crashing on a shape of
// graph the writer produces (it once did, on labelled edges inside a rank).
TEST(Render, RandomGraphsLayOut) {
  unsigned seed = 11;
  const auto next = [&](unsigned n) { return seed = seed * 1103515245u + 12345u, ((seed >> 16) & 0x7fff) % n; };
  for (int round = 0; round < 40; ++round) {
    TimelineGraph g;
    std::vector<TimelineGraph::Vertex> ev, times, actors;
    const unsigned n_events = 1 + next(14);
    for (unsigned i = 0; i < n_events; ++i)
      ev.push_back(g.add_event({.type = "T", .label = "event " + std::to_string(i), .newsworthy = next(4) != 0}));
    for (unsigned i = 0; i < 1 + next(4); ++i)
      times.push_back(g.add_time(TimeNode::day("", std::chrono::year{2025} / 1 / (1 + next(5)), {.year = next(2) == 0})));
    for (unsigned i = 0; i < 1 + next(4); ++i) actors.push_back(g.add_actor({.name = "actor " + std::to_string(i)}));
    for (unsigned i = 0; i < n_events * 2; ++i) {
      const auto a = ev[next(n_events)], b = ev[next(n_events)];
      const unsigned what = next(10);
      if (what < 4) g.add_order(a, b, static_cast<OrderRelation>(next(15)), "why", 0.5, next(2));
      else if (what < 5) g.add_identity(a, b);
      else if (what < 7) g.add_anchoring(a, times[next(static_cast<unsigned>(times.size()))], static_cast<Anchor>(next(4)));
      else g.add_participation(a, actors[next(static_cast<unsigned>(actors.size()))], static_cast<Role>(next(9)));
    }
    const Placement p = place(g, {.all = next(2) == 0});
    const std::string dot = to_dot(g, p, {.title = "round " + std::to_string(round)});
    ASSERT_EQ(library_parse_errors(dot), 0) << dot;
    ASSERT_NO_THROW(render_dot(dot, OutputFormat::svg)) << dot;
  }
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

TEST(TextSummary, OneLinePerEventInOrder) {
  auto t = testing::meeting_timeline();
  const std::string text = to_text(t.graph, place(t.graph));
  EXPECT_EQ(text,
            "Oct 17 (2025)              Zelensky meets Trump — White House  [MEET; Volodymyr Zelensky (agent), "
            "Donald Trump (co-participant), White House (place); 2 reports]\n"
            "after Oct 17 (2025)        Trump posts on social media  [POST; Donald Trump (agent)]\n"
            "on or before Oct 20, 2025  Zelensky gives NBC News interview  [INTERVIEW; Volodymyr Zelensky (speaker), "
            "NBC News (recipient)]\n"
            "undated                    Ukraine requests Tomahawk missiles  [REQUEST]\n"
            "(1 more event hidden: reporting verbs, states, possibilities, denials or filters; --all shows them)\n");
}

TEST(TextSummary, ControlCharactersCannotReachTheTerminal) {
  TimelineGraph g;
  const auto a = g.add_event({.label = "evil\x1b[31mred\nnext\xc2\x9b" "2J\xff"});
  const auto b = g.add_event({.label = "b"});
  g.add_order(a, b, OrderRelation::BEFORE);
  g.add_order(b, a, OrderRelation::BEFORE);
  const std::string text = to_text(g, place(g));
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find("\xc2\x9b"), std::string::npos);
  EXPECT_THAT(text, HasSubstr("evil [31mred next 2J\xEF\xBF\xBD"));
  EXPECT_THAT(text, HasSubstr("contradiction: the order of"));
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
}

}  // namespace
}  // namespace tempora

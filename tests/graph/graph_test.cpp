#include "tempora/graph.hpp"

#include <algorithm>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "graph/meeting_fixture.hpp"

namespace tempora {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;
using Vertex = TimelineGraph::Vertex;

const PlacedEvent* placed(const Placement& p, Vertex v) {
  for (const auto& e : p.events)
    if (std::find(e.mentions.begin(), e.mentions.end(), v) != e.mentions.end()) return &e;
  return nullptr;
}

std::vector<std::string> column_labels(const Placement& p) {
  std::vector<std::string> out;
  for (const auto& c : p.columns) out.push_back(c.label);
  return out;
}

// ---- builder --------------------------------------------------------------------

TEST(TimelineGraph, BuilderKeepsIdsAndBundledProperties) {
  auto t = testing::meeting_timeline();
  const auto& g = t.graph;
  ASSERT_EQ(g.find("e1"), t.meet);
  EXPECT_FALSE(g.find("nope").has_value());
  EXPECT_EQ(g[t.meet].kind(), NodeKind::event);
  EXPECT_EQ(g[t.meet].event()->type, "MEET");
  EXPECT_EQ(g[t.trump].actor()->name, "Donald Trump");
  EXPECT_EQ(g[t.oct17].time()->value, "2025-10-17");
  EXPECT_TRUE(g[t.oct17].time()->inferred.year);
  EXPECT_EQ(g.events().size(), 6u);
  EXPECT_EQ(g.actors().size(), 4u);
  const auto parts = g.participants(t.meet);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0], std::make_pair(t.zelensky, Role::agent));
  EXPECT_EQ(parts[2], std::make_pair(t.white_house, Role::place));
}

TEST(TimelineGraph, RejectsDuplicateIdsAndWrongNodeKinds) {
  TimelineGraph g;
  const auto e = g.add_event({.id = "e1"});
  const auto a = g.add_actor({.id = "a1", .name = "X"});
  const auto t = g.add_time(TimeNode::day("t1", 2025y / 1 / 1d));
  EXPECT_THROW(g.add_event({.id = "e1"}), std::invalid_argument);
  EXPECT_THROW(g.add_actor({.id = "t1"}), std::invalid_argument);
  EXPECT_THROW(g.add_participation(a, e, Role::agent), std::invalid_argument);
  EXPECT_THROW(g.add_anchoring(e, a, Anchor::at), std::invalid_argument);
  EXPECT_THROW(g.add_order(e, a, OrderRelation::BEFORE), std::invalid_argument);
  EXPECT_THROW(g.add_identity(e, 99), std::invalid_argument);
  EXPECT_NO_THROW(g.add_anchoring(e, t, Anchor::within));
}

TEST(TimelineGraph, EmptyIdsGetFreshOnes) {
  TimelineGraph g;
  g.add_event({.id = "e2"});
  const auto v = g.add_event({});
  EXPECT_FALSE(g[v].id().empty());
  EXPECT_NE(g[v].id(), "e2");
  EXPECT_EQ(g.find(g[v].id()), v);
}

TEST(TimelineGraph, IdentityGroupsPointAtTheFirstListedMention) {
  TimelineGraph g;
  std::vector<Vertex> e;
  for (int i = 0; i < 6; ++i) e.push_back(g.add_event({}));
  g.add_identity(e[4], e[1]);  // "the meeting" (e4) is the one of e1
  g.add_identity(e[1], e[3]);
  g.add_identity(e[2], e[5]);  // e5 is outside the list below: e2 stays alone
  EXPECT_THAT(g.identity_groups({e[0], e[1], e[2], e[3], e[4]}), ElementsAre(0u, 1u, 2u, 1u, 1u));
  // Positions follow the list given, not the vertices.
  EXPECT_THAT(g.identity_groups({e[3], e[4], e[1]}), ElementsAre(0u, 0u, 0u));
  EXPECT_THAT(g.identity_groups({e[2], e[5]}), ElementsAre(0u, 0u));
  EXPECT_TRUE(g.identity_groups({}).empty());
}

TEST(TimelineGraph, EnumNamesRoundTrip) {
  EXPECT_EQ(to_string(Role::co_participant), "co-participant");
  EXPECT_EQ(parse_role("co-participant"), Role::co_participant);
  EXPECT_EQ(parse_anchor("on-or-after"), Anchor::on_or_after);
  EXPECT_EQ(parse_order_relation("IS_INCLUDED"), OrderRelation::IS_INCLUDED);
  EXPECT_EQ(parse_actor_type("FACILITY"), ActorType::FACILITY);
  EXPECT_FALSE(parse_role("boss").has_value());
}

// ---- date labels -------------------------------------------------------------------

TEST(DateLabel, MarksInferredParts) {
  EXPECT_EQ(date_label(TimeNode::day("t", 2025y / 10 / 17d, {.year = true})), "Oct 17 (2025)");
  EXPECT_EQ(date_label(TimeNode::day("t", 2025y / 10 / 17d)), "Oct 17, 2025");
  EXPECT_EQ(date_label(TimeNode::day("t", 2025y / 10 / 17d, {.year = true, .month = true, .day = true})),
            "(Oct 17, 2025)");
  EXPECT_EQ(date_label(TimeNode::day("t", 2025y / 10 / 17d, {.month = true, .day = true})), "(Oct 17) 2025");
  EXPECT_EQ(date_label(TimeNode::month("t", 2025y / 10)), "Oct 2025");
  TimeNode no_year{.id = "t", .value = "XXXX-10-17"};
  EXPECT_EQ(date_label(no_year), "Oct 17");
  TimeNode odd{.id = "t", .value = "PRESENT_REF"};
  EXPECT_EQ(date_label(odd), "PRESENT_REF");
}

// ---- placement ----------------------------------------------------------------------

TEST(Placement, MeetingTimelineReadsInOrder) {
  auto t = testing::meeting_timeline();
  const Placement p = place(t.graph);
  EXPECT_THAT(column_labels(p), ElementsAre("Oct 17 (2025)", "after Oct 17 (2025)", "undated"));

  const PlacedEvent* meet = placed(p, t.meet);
  const PlacedEvent* post = placed(p, t.post);
  const PlacedEvent* interview = placed(p, t.interview);
  const PlacedEvent* request = placed(p, t.request);
  ASSERT_TRUE(meet && post && interview && request);
  EXPECT_EQ(meet->column, 0);
  EXPECT_TRUE(meet->dated);
  EXPECT_EQ(meet->date_label, "Oct 17 (2025)");
  EXPECT_GT(post->column, meet->column);
  EXPECT_GT(interview->column, meet->column);
  EXPECT_EQ(post->date_label, "after Oct 17 (2025)");
  // The bound stays a bound: nothing says the interview was on a given day.
  EXPECT_FALSE(interview->dated);
  EXPECT_EQ(interview->date_label, "on or before Oct 20, 2025");
  EXPECT_EQ(request->date_label, "undated");
  EXPECT_EQ(p.columns[static_cast<std::size_t>(request->column)].kind, TimelineColumn::Kind::undated);
  EXPECT_TRUE(p.contradictions.empty());
  // Rows are numbered within a column.
  EXPECT_EQ(post->row + interview->row, 1);
}

TEST(Placement, DefaultFilterHidesReportingVerbsAndMergesMentions) {
  auto t = testing::meeting_timeline();
  const Placement p = place(t.graph);
  EXPECT_EQ(placed(p, t.said), nullptr);
  EXPECT_EQ(p.hidden, 1u);
  ASSERT_EQ(p.events.size(), 4u);
  const PlacedEvent* meet = placed(p, t.meet);
  EXPECT_EQ(meet, placed(p, t.meet_again));
  EXPECT_EQ(meet->event, t.meet);
  EXPECT_THAT(meet->mentions, ElementsAre(t.meet, t.meet_again));

  const Placement all = place(t.graph, {.all = true});
  EXPECT_NE(placed(all, t.said), nullptr);
  EXPECT_EQ(all.events.size(), 5u);

  // "said in the interview": no date, no precedence, but it sits with the interview.
  EXPECT_EQ(placed(all, t.said)->column, placed(all, t.interview)->column);
  EXPECT_EQ(placed(all, t.said)->date_label, "after Oct 17 (2025)");

  const Placement separate = place(t.graph, {.merge_identity = false});
  EXPECT_EQ(separate.events.size(), 5u);
  EXPECT_NE(placed(separate, t.meet), placed(separate, t.meet_again));
}

TEST(Placement, AnUndatedEventWithADatedOneSaysHowItsDateRelates) {
  auto t = testing::meeting_timeline();
  TimelineGraph& g = t.graph;
  // "his meeting with Trump during his visit": the visit spans the meeting's
  // day, no more; "spoke during the meeting" is within it; "the talks
  // overlapped the meeting" says only that.
  const Vertex visit = g.add_event({.id = "e7", .type = "VISIT", .trigger = "visit", .label = "Zelensky's visit",
                                    .newsworthy = true, .documents = {"zelensky-trump-nbc"}, .sentence = 0});
  const Vertex spoke = g.add_event({.id = "e8", .type = "SAY", .trigger = "spoke", .label = "Trump speaks",
                                    .newsworthy = true, .documents = {"zelensky-trump-nbc"}, .sentence = 7});
  const Vertex talks = g.add_event({.id = "e9", .type = "TALK", .trigger = "talks", .label = "Talks",
                                    .newsworthy = true, .documents = {"zelensky-trump-nbc"}, .sentence = 9});
  g.add_order(t.meet, visit, OrderRelation::IS_INCLUDED, "signal 'during'");
  g.add_order(spoke, t.meet_again, OrderRelation::DURING, "signal 'during'");
  g.add_order(talks, t.meet, OrderRelation::OVERLAP, "overlapped");
  const Placement p = place(g);
  const PlacedEvent* meet = placed(p, t.meet);
  ASSERT_TRUE(meet && placed(p, visit) && placed(p, spoke) && placed(p, talks));
  for (const Vertex v : {visit, spoke, talks}) {
    EXPECT_EQ(placed(p, v)->column, meet->column);
    EXPECT_FALSE(placed(p, v)->dated);
  }
  EXPECT_EQ(placed(p, visit)->date_label, "spanning Oct 17 (2025)");
  EXPECT_EQ(placed(p, spoke)->date_label, "within Oct 17 (2025)");
  EXPECT_EQ(placed(p, talks)->date_label, "overlapping Oct 17 (2025)");

  // Something inside the visit may lie on another day of it: the column,
  // but no claim about the day.
  const Vertex toured = g.add_event({.id = "e10", .type = "VISIT", .trigger = "toured", .label = "Zelensky tours",
                                     .newsworthy = true, .documents = {"zelensky-trump-nbc"}, .sentence = 1});
  g.add_order(toured, visit, OrderRelation::IS_INCLUDED, "signal 'during'");
  const Placement q = place(g);
  ASSERT_NE(placed(q, toured), nullptr);
  EXPECT_EQ(placed(q, toured)->column, placed(q, t.meet)->column);
  EXPECT_EQ(placed(q, toured)->date_label, "undated");
}

TEST(Placement, FiltersByActorTypeAndDateRange) {
  auto t = testing::meeting_timeline();
  const Placement trump = place(t.graph, {.actors = {"trump"}});
  std::vector<Vertex> shown;
  for (const auto& e : trump.events) shown.push_back(e.event);
  EXPECT_THAT(shown, UnorderedElementsAre(t.meet, t.post));
  EXPECT_THAT(column_labels(trump), ElementsAre("Oct 17 (2025)", "after Oct 17 (2025)"));

  const Placement meetings = place(t.graph, {.types = {"meet", "VISIT"}});
  ASSERT_EQ(meetings.events.size(), 1u);
  EXPECT_EQ(meetings.events[0].event, t.meet);
  EXPECT_EQ(meetings.events[0].column, 0);

  // After Oct 18: the meeting is out, the post (after Oct 17, open-ended) may
  // fall in the range, the undated request too.
  const Placement late = place(t.graph, {.from = sys_days(2025y / 10 / 18d)});
  EXPECT_EQ(placed(late, t.meet), nullptr);
  EXPECT_NE(placed(late, t.post), nullptr);
  EXPECT_NE(placed(late, t.request), nullptr);
  EXPECT_EQ(late.columns.front().label, "after Oct 17 (2025)");

  const Placement early = place(t.graph, {.to = sys_days(2025y / 10 / 16d)});
  EXPECT_EQ(placed(early, t.meet), nullptr);
  EXPECT_EQ(placed(early, t.post), nullptr);
  EXPECT_NE(placed(early, t.request), nullptr);
}

TEST(Placement, StatedOrderIsDrawnTransitivelyReduced) {
  TimelineGraph g;
  const auto a = g.add_event({.id = "a"}), b = g.add_event({.id = "b", .type = "LATE"});
  const auto c = g.add_event({.id = "c", .type = "LATE"});
  g.add_order(a, b, OrderRelation::BEFORE);
  g.add_order(c, b, OrderRelation::AFTER, "then", 0.6, true);
  g.add_order(a, c, OrderRelation::BEFORE);  // implied by the two above
  const Placement p = place(g);
  // No dates at all: one column per ordered step.
  EXPECT_THAT(column_labels(p), ElementsAre("step 1", "step 2", "step 3"));
  EXPECT_EQ(placed(p, a)->column, 0);
  EXPECT_EQ(placed(p, b)->column, 1);
  EXPECT_EQ(placed(p, c)->column, 2);
  // Steps are numbered among the shown ones.
  EXPECT_THAT(column_labels(place(g, {.types = {"late"}})), ElementsAre("step 1", "step 2"));
  ASSERT_EQ(p.order.size(), 2u);
  EXPECT_EQ(p.order[0].from, 0);
  EXPECT_EQ(p.order[0].to, 1);
  EXPECT_FALSE(p.order[0].inferred);
  // The AFTER edge is flipped to read earlier -> later and keeps its flag.
  EXPECT_EQ(p.order[1].from, 1);
  EXPECT_EQ(p.order[1].to, 2);
  EXPECT_EQ(p.order[1].relation, OrderRelation::BEFORE);
  EXPECT_TRUE(p.order[1].inferred);
}

TEST(Placement, UndatedEventsGoBetweenTheDatedOnes) {
  TimelineGraph g;
  const auto d1 = g.add_time(TimeNode::day("t1", 2025y / 10 / 1d));
  const auto d2 = g.add_time(TimeNode::day("t2", 2025y / 10 / 9d));
  const auto first = g.add_event({.id = "first"}), last = g.add_event({.id = "last"});
  const auto mid = g.add_event({.id = "mid"}), early = g.add_event({.id = "early"});
  const auto bounded = g.add_event({.id = "bounded"});
  g.add_anchoring(first, d1, Anchor::at);
  g.add_anchoring(last, d2, Anchor::at);
  g.add_order(mid, first, OrderRelation::AFTER);
  g.add_order(mid, last, OrderRelation::BEFORE);
  g.add_order(early, last, OrderRelation::BEFORE);  // only known to precede Oct 9
  g.add_anchoring(bounded, d2, Anchor::on_or_after);
  const Placement p = place(g);
  EXPECT_THAT(column_labels(p),
              ElementsAre("Oct 1, 2025", "after Oct 1, 2025", "before Oct 9, 2025", "Oct 9, 2025", "after Oct 9, 2025"));
  EXPECT_EQ(placed(p, mid)->column, 1);
  EXPECT_EQ(placed(p, early)->column, 2);
  EXPECT_EQ(placed(p, bounded)->column, 4);
  EXPECT_EQ(placed(p, bounded)->date_label, "on or after Oct 9, 2025");
  EXPECT_EQ(p.columns[1].earliest, sys_days(2025y / 10 / 1d));
  EXPECT_EQ(p.columns[1].latest, sys_days(2025y / 10 / 9d));
}

// ---- contradictions -------------------------------------------------------------------

TEST(Contradictions, CycleOfBeforeEdgesIsOneStrongComponent) {
  TimelineGraph g;
  const auto a = g.add_event({.id = "a"}), b = g.add_event({.id = "b"}), c = g.add_event({.id = "c"});
  const auto d = g.add_event({.id = "d"});
  g.add_order(a, b, OrderRelation::BEFORE);
  g.add_order(b, c, OrderRelation::BEFORE);
  g.add_order(a, c, OrderRelation::AFTER);  // c before a: closes the cycle
  g.add_order(c, d, OrderRelation::BEFORE);
  EXPECT_THAT(contradiction_cycles(g), ElementsAre(ElementsAre(a, b, c)));
  const Placement p = place(g);
  EXPECT_TRUE(placed(p, a)->in_contradiction);
  EXPECT_FALSE(placed(p, d)->in_contradiction);
  // The cycle is one step, d still after it.
  EXPECT_EQ(placed(p, a)->column, placed(p, c)->column);
  EXPECT_GT(placed(p, d)->column, placed(p, a)->column);
  EXPECT_TRUE(std::any_of(p.order.begin(), p.order.end(), [](const PlacedOrder& o) { return o.contradiction; }));
}

TEST(Contradictions, BeforeBetweenSimultaneousEventsAndAgainstDates) {
  TimelineGraph g;
  const auto a = g.add_event({.id = "a"}), b = g.add_event({.id = "b"});
  g.add_order(a, b, OrderRelation::SIMULTANEOUS);
  g.add_order(a, b, OrderRelation::BEFORE);
  const auto x = g.add_event({.id = "x"}), y = g.add_event({.id = "y"});
  g.add_anchoring(x, g.add_time(TimeNode::day("t20", 2025y / 10 / 20d)), Anchor::at);
  g.add_anchoring(y, g.add_time(TimeNode::day("t17", 2025y / 10 / 17d)), Anchor::at);
  g.add_order(x, y, OrderRelation::BEFORE);  // Oct 20 before Oct 17?
  EXPECT_THAT(contradiction_cycles(g), ElementsAre(ElementsAre(a, b), ElementsAre(x, y)));
}

TEST(Contradictions, ConsistentOrderHasNone) {
  auto t = testing::meeting_timeline();
  EXPECT_TRUE(contradiction_cycles(t.graph).empty());
  TimelineGraph empty;
  EXPECT_TRUE(contradiction_cycles(empty).empty());
  EXPECT_TRUE(place(empty).events.empty());
}

TEST(Placement, TenThousandEventsInALongChain) {
  TimelineGraph g;
  std::vector<Vertex> events;
  for (int i = 0; i < 10000; ++i) events.push_back(g.add_event({.label = "event " + std::to_string(i)}));
  for (std::size_t i = 0; i + 1 < events.size(); ++i)
    g.add_order(events[i], events[i + 1], i % 2 ? OrderRelation::BEFORE : OrderRelation::SIMULTANEOUS);
  g.add_anchoring(events[5000], g.add_time(TimeNode::day("t", 2025y / 1 / 1d)), Anchor::at);
  const Placement p = place(g);
  EXPECT_EQ(p.events.size(), 10000u);
  EXPECT_TRUE(p.contradictions.empty());
  for (std::size_t i = 0; i + 2 < events.size(); i += 2)
    ASSERT_LT(placed(p, events[i])->column, placed(p, events[i + 2])->column) << i;
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

// Random graphs with every relation, anchor and odd interval: placement
// places each event exactly once, in a valid column, and never throws.
TEST(Placement, RandomGraphsPlaceEveryEventOnce) {
  unsigned seed = 7;
  const auto next = [&](unsigned n) { return seed = seed * 1103515245u + 12345u, ((seed >> 16) & 0x7fff) % n; };
  for (int round = 0; round < 300; ++round) {
    TimelineGraph g;
    std::vector<TimelineGraph::Vertex> ev, times;
    const unsigned n_events = 1 + next(30);
    for (unsigned i = 0; i < n_events; ++i) ev.push_back(g.add_event({.newsworthy = next(4) != 0}));
    for (unsigned i = 0; i < next(6); ++i) {
      TimeNode t = TimeNode::day("", std::chrono::year{2025} / 1 / 1);
      t.start = sys_days(2025y / 1 / 1d) + days(next(20));
      t.end = *t.start + days(static_cast<int>(next(5)) - 1);  // sometimes end < start
      if (next(5) == 0) t.start.reset();
      times.push_back(g.add_time(t));
    }
    for (unsigned i = 0; i < n_events * 2; ++i) {
      const auto a = ev[next(n_events)], b = ev[next(n_events)];
      const unsigned what = next(10);
      if (what < 6) g.add_order(a, b, static_cast<OrderRelation>(next(15)), "", 0.5, next(2));
      else if (what < 7) g.add_identity(a, b);
      else if (!times.empty()) g.add_anchoring(a, times[next(static_cast<unsigned>(times.size()))], static_cast<Anchor>(next(4)));
    }
    for (const bool merge : {true, false}) {
      const Placement p = place(g, {.all = true, .merge_identity = merge});
      std::vector<int> seen(boost::num_vertices(g.graph()), 0);
      for (std::size_t i = 0; i < p.events.size(); ++i) {
        const auto& e = p.events[i];
        ASSERT_GE(e.column, 0);
        ASSERT_LT(e.column, static_cast<int>(p.columns.size()));
        if (i > 0) ASSERT_LE(p.events[i - 1].column, e.column);
        for (const auto m : e.mentions) ++seen[m];
      }
      for (const auto v : ev) ASSERT_EQ(seen[v], 1) << "round " << round;
      for (const auto& o : p.order) {
        ASSERT_LT(static_cast<std::size_t>(o.from), p.events.size());
        ASSERT_LT(static_cast<std::size_t>(o.to), p.events.size());
      }
      std::vector<bool> used(p.columns.size(), false);
      for (const auto& e : p.events) used[static_cast<std::size_t>(e.column)] = true;
      for (const bool u : used) ASSERT_TRUE(u);  // no empty column
    }
  }
}

}  // namespace
}  // namespace tempora

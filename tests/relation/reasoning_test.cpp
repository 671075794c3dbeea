// The temporal reasoning engine: point algebra, closure, contradictions and
// weakest-link removal, calendar bounds, relType mapping, the work cap.
#include <chrono>
#include <random>

#include <date/date.h>
#include <gtest/gtest.h>

#include "tempora/reasoning.hpp"

namespace tempora {
namespace {

using namespace std::chrono;

TimeBounds day(int y, unsigned m, unsigned d) {
  const sys_seconds start{date::sys_days{date::year{y} / date::month{m} / date::day{d}}};
  return {start, start + hours{24}};
}
sys_seconds midnight(int y, unsigned m, unsigned d) {
  return sys_seconds{date::sys_days{date::year{y} / date::month{m} / date::day{d}}};
}

TEST(PointAlgebra, ComposeAndInverse) {
  EXPECT_EQ(compose(PointRel::lt, PointRel::lt), PointRel::lt);
  EXPECT_EQ(compose(PointRel::lt, PointRel::eq), PointRel::lt);
  EXPECT_EQ(compose(PointRel::lt, PointRel::gt), PointRel::any);
  EXPECT_EQ(compose(PointRel::le, PointRel::le), PointRel::le);
  EXPECT_EQ(compose(PointRel::le, PointRel::lt), PointRel::lt);
  EXPECT_EQ(compose(PointRel::eq, PointRel::ge), PointRel::ge);
  EXPECT_EQ(inverse(PointRel::lt), PointRel::gt);
  EXPECT_EQ(inverse(PointRel::le), PointRel::ge);
  EXPECT_EQ(inverse(PointRel::eq), PointRel::eq);
  EXPECT_EQ(to_string(PointRel::le), "<=");
}

TEST(RelTypes, NamesRoundTripAndInverses) {
  for (const char* name : {"BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "DURING", "DURING_INV", "SIMULTANEOUS",
                           "IDENTITY", "BEGINS", "BEGUN_BY", "ENDS", "ENDED_BY", "IBEFORE", "IAFTER"}) {
    const auto type = parse_rel_type(name);
    ASSERT_TRUE(type) << name;
    EXPECT_EQ(to_string(*type), name);
    EXPECT_EQ(inverse(inverse(*type)), *type);
  }
  EXPECT_FALSE(parse_rel_type("SOMETIME"));
}

// Each TimeML relType, stated between two fresh intervals, is read back from the closure.
TEST(RelTypes, EveryRelTypeIsReadBackFromTheClosure) {
  for (const RelType type : {RelType::before, RelType::after, RelType::includes, RelType::is_included,
                             RelType::simultaneous, RelType::begins, RelType::begun_by, RelType::ends,
                             RelType::ended_by, RelType::ibefore, RelType::iafter}) {
    TemporalGraph g;
    const auto a = g.add_node({"a", {}}), b = g.add_node({"b", {}});
    g.add_link({a, b, type, 0.9, "test"});
    g.close();
    ASSERT_TRUE(g.rel_type(a, b)) << to_string(type);
    EXPECT_EQ(*g.rel_type(a, b), type);
    EXPECT_EQ(*g.rel_type(b, a), inverse(type));
  }
}

TEST(Closure, BeforeIsTransitive) {
  TemporalGraph g;
  const auto a = g.add_node({"a", {}}), b = g.add_node({"b", {}}), c = g.add_node({"c", {}}),
             d = g.add_node({"d", {}});
  g.add_link({a, b, RelType::before, 0.9, "1"});
  g.add_link({c, b, RelType::after, 0.9, "2"});
  g.add_link({c, d, RelType::before, 0.9, "3"});
  g.close();
  EXPECT_EQ(g.rel_type(a, d), RelType::before);
  EXPECT_EQ(g.start_order(a, d), StartOrder::before);
  EXPECT_EQ(g.start_order(d, a), StartOrder::after);
  EXPECT_EQ(g.relation(a, Endpoint::end, d, Endpoint::start), PointRel::lt);
  EXPECT_TRUE(g.conflicts().empty());
}

TEST(Closure, InclusionAndSimultaneityChain) {
  TemporalGraph g;
  const auto visit = g.add_node({"visit", {}}), meeting = g.add_node({"meeting", {}}),
             talks = g.add_node({"talks", {}}), later = g.add_node({"later", {}});
  g.add_link({meeting, visit, RelType::is_included, 0.8, "during"});
  g.add_link({talks, meeting, RelType::simultaneous, 0.8, "while"});
  g.add_link({visit, later, RelType::before, 0.8, "after"});
  g.close();
  EXPECT_EQ(g.rel_type(talks, later), RelType::before);
  EXPECT_EQ(g.rel_type(talks, visit), RelType::is_included);
  // Nothing orders the starts of talks and visit strictly.
  EXPECT_EQ(g.start_order(talks, visit), StartOrder::vague);
  EXPECT_EQ(g.relation(visit, Endpoint::start, talks, Endpoint::start), PointRel::le);
}

TEST(Closure, StartPointLinksOnlyOrderStarts) {
  TemporalGraph g;
  const auto report = g.add_node({"said", {}}), event = g.add_node({"resigned", {}}),
             other = g.add_node({"x", {}});
  g.add_link({report, event, RelType::starts_after, 0.7, "reported speech"});
  g.add_link({event, other, RelType::ibefore, 0.7, "then"});
  g.close();
  EXPECT_EQ(g.start_order(report, event), StartOrder::after);
  EXPECT_EQ(g.start_order(event, other), StartOrder::before);
  EXPECT_EQ(g.start_order(report, other), StartOrder::vague);
  EXPECT_EQ(g.rel_type(report, event), RelType::starts_after);
}

TEST(Contradiction, WeakestLinkOfACycleIsDroppedAndExplained) {
  TemporalGraph g;
  const auto a = g.add_node({"a", {}}), b = g.add_node({"b", {}}), c = g.add_node({"c", {}});
  const auto ab = g.add_link({a, b, RelType::before, 0.9, "after"});
  const auto bc = g.add_link({b, c, RelType::before, 0.8, "then"});
  const auto ca = g.add_link({c, a, RelType::before, 0.3, "narrative order"});
  g.close();
  EXPECT_TRUE(g.accepted(ab));
  EXPECT_TRUE(g.accepted(bc));
  EXPECT_FALSE(g.accepted(ca));
  ASSERT_EQ(g.conflicts().size(), 1u);
  const Conflict& conflict = g.conflicts()[0];
  EXPECT_EQ(conflict.dropped, ca);
  EXPECT_EQ(conflict.against, (std::vector<std::size_t>{bc, ab}));
  EXPECT_NE(conflict.message.find("narrative order"), std::string::npos);
  EXPECT_NE(conflict.message.find("then"), std::string::npos);
  // The closure is that of the accepted links.
  EXPECT_EQ(g.rel_type(a, c), RelType::before);
}

TEST(Contradiction, TheWeakLinkLosesWhateverItsInputPosition) {
  TemporalGraph g;
  const auto a = g.add_node({"a", {}}), b = g.add_node({"b", {}});
  const auto weak = g.add_link({a, b, RelType::after, 0.2, "weak"});
  const auto strong = g.add_link({a, b, RelType::before, 0.95, "strong"});
  g.close();
  EXPECT_FALSE(g.accepted(weak));
  EXPECT_TRUE(g.accepted(strong));
  EXPECT_EQ(g.start_order(a, b), StartOrder::before);
}

TEST(Contradiction, ARolledBackLinkLeavesNoTrace) {
  TemporalGraph g;
  const auto a = g.add_node({"a", {}}), b = g.add_node({"b", {}}), c = g.add_node({"c", {}}),
             d = g.add_node({"d", {}});
  g.add_link({a, b, RelType::simultaneous, 0.9, "s"});
  // Orders c and d before it contradicts on (a, b): if it were half applied,
  // c < d would survive.
  const auto bad = g.add_link({c, d, RelType::before, 0.5, "bad"});
  g.add_link({a, c, RelType::simultaneous, 0.95, "s2"});
  g.add_link({b, d, RelType::simultaneous, 0.95, "s3"});
  g.close();
  EXPECT_FALSE(g.accepted(bad));
  EXPECT_EQ(g.rel_type(c, d), RelType::simultaneous);
}

TEST(Contradiction, CalendarBeatsAWeakLink) {
  TemporalGraph g;
  const auto oct17 = g.add_node({"t1", day(2025, 10, 17)}), oct20 = g.add_node({"t0", day(2025, 10, 20)});
  const auto meeting = g.add_node({"meeting", {}}), post = g.add_node({"post", {}});
  g.add_link({meeting, oct17, RelType::is_included, 0.9, "on October 17"});
  g.add_link({post, oct20, RelType::is_included, 0.9, "today"});
  const auto wrong = g.add_link({post, meeting, RelType::before, 0.4, "narrative order"});
  g.close();
  EXPECT_FALSE(g.accepted(wrong));
  ASSERT_EQ(g.conflicts().size(), 1u);
  EXPECT_NE(g.conflicts()[0].message.find("calendar"), std::string::npos);
  EXPECT_EQ(g.start_order(post, meeting), StartOrder::after);
}

TEST(Bounds, DatesPropagateAlongTheOrder) {
  TemporalGraph g;
  const auto oct17 = g.add_node({"t1", day(2025, 10, 17)}), dct = g.add_node({"t0", day(2025, 10, 20)});
  const auto meeting = g.add_node({"meeting", {}}), posted = g.add_node({"posted", {}}),
             reply = g.add_node({"reply", {}});
  g.add_link({meeting, oct17, RelType::is_included, 0.9, "on October 17"});
  g.add_link({posted, meeting, RelType::after, 0.8, "after"});
  g.add_link({reply, posted, RelType::after, 0.6, "then"});
  g.add_link({reply, dct, RelType::before, 0.6, "past tense"});
  g.close();
  const NodeBounds m = g.bounds(meeting);
  EXPECT_EQ(m.earliest_start, midnight(2025, 10, 17));
  EXPECT_EQ(m.latest_end, midnight(2025, 10, 18));
  const NodeBounds r = g.bounds(reply);
  EXPECT_EQ(r.earliest_start, midnight(2025, 10, 17));  // "on or after 2025-10-17", two links away
  EXPECT_EQ(r.latest_end, midnight(2025, 10, 20));      // before the DCT's day
  const NodeBounds p = g.bounds(posted);
  EXPECT_EQ(p.earliest_start, midnight(2025, 10, 17));
  EXPECT_EQ(p.latest_end, midnight(2025, 10, 20));
  // An unconnected event has no bounds.
  const auto lone = g.add_node({"lone", {}});
  g.close();
  EXPECT_FALSE(g.bounds(lone).earliest_start);
  EXPECT_FALSE(g.bounds(lone).latest_end);
}

TEST(Bounds, DatedNodesOrderEachOther) {
  TemporalGraph g;
  const auto a = g.add_node({"a", {}}), b = g.add_node({"b", {}});
  const auto t1 = g.add_node({"t1", day(2025, 3, 1)}), t2 = g.add_node({"t2", day(2025, 3, 2)});
  g.add_link({a, t2, RelType::is_included, 0.9, "on March 2"});
  g.add_link({b, t1, RelType::is_included, 0.9, "on March 1"});
  g.close();
  EXPECT_EQ(g.start_order(b, a), StartOrder::before);
  EXPECT_EQ(g.rel_type(t1, t2), RelType::ibefore);  // [Mar 1, Mar 2) meets [Mar 2, Mar 3)
}

TEST(Graph, BadInputIsHarmless) {
  TemporalGraph g;
  const auto a = g.add_node({"a", {}});
  EXPECT_EQ(g.add_link({a, a, RelType::before, 1.0, "self"}), TemporalGraph::npos);
  EXPECT_EQ(g.add_link({a, 7, RelType::before, 1.0, "dangling"}), TemporalGraph::npos);
  // A reversed calendar interval still gets start < end.
  const auto t = g.add_node({"t", TimeBounds{midnight(2025, 1, 2), midnight(2025, 1, 1)}});
  g.close();
  EXPECT_EQ(g.relation(t, Endpoint::start, t, Endpoint::end), PointRel::lt);
  EXPECT_EQ(g.start_order(a, 99), StartOrder::vague);
  TemporalGraph empty;
  empty.close();
  EXPECT_TRUE(empty.conflicts().empty());
  ReasoningOptions small;
  small.max_nodes = 2;
  TemporalGraph capped(small);
  capped.add_node({"x", {}});
  capped.add_node({"y", {}});
  EXPECT_THROW(capped.add_node({"z", {}}), std::length_error);
}

// A long chain closes completely; a tiny work cap stops early but stays sound.
TEST(Graph, LongChainAndWorkCap) {
  constexpr std::size_t kEvents = 300;
  TemporalGraph g;
  for (std::size_t i = 0; i < kEvents; ++i) g.add_node({"e" + std::to_string(i), {}});
  for (std::size_t i = 0; i + 1 < kEvents; ++i) g.add_link({i, i + 1, RelType::before, 0.5, "chain"});
  g.close();
  EXPECT_FALSE(g.cap_reached());
  EXPECT_EQ(g.start_order(0, kEvents - 1), StartOrder::before);
  EXPECT_EQ(g.rel_type(kEvents - 1, 0), RelType::after);

  ReasoningOptions options;
  options.max_work = 30000;  // the hard facts (start < end) take about a third of it
  TemporalGraph capped(options);
  for (std::size_t i = 0; i < kEvents; ++i) capped.add_node({"e" + std::to_string(i), {}});
  for (std::size_t i = 0; i + 1 < kEvents; ++i) capped.add_link({i, i + 1, RelType::before, 0.5, "chain"});
  capped.close();
  EXPECT_TRUE(capped.cap_reached());
  // Sound but incomplete: the first (strongest) links are in, the rest are left out.
  EXPECT_EQ(capped.relation(0, Endpoint::end, 1, Endpoint::start), PointRel::lt);
  EXPECT_TRUE(capped.accepted(0));
  EXPECT_FALSE(capped.accepted(kEvents - 2));
  EXPECT_EQ(capped.relation(kEvents - 2, Endpoint::end, kEvents - 1, Endpoint::start), PointRel::any);
  EXPECT_NE(capped.start_order(kEvents - 1, 0), StartOrder::before);
}

// Random links over a small graph: the closure never contradicts an accepted
// link, and every dropped link really contradicts the accepted ones.
TEST(Graph, RandomGraphsStayConsistent) {
  std::mt19937 rng(17);
  const RelType types[] = {RelType::before, RelType::after, RelType::includes, RelType::is_included,
                           RelType::simultaneous, RelType::ibefore, RelType::starts_before};
  for (int round = 0; round < 40; ++round) {
    TemporalGraph g;
    const std::size_t n = 8;
    for (std::size_t i = 0; i < n; ++i) g.add_node({"n" + std::to_string(i), {}});
    for (int l = 0; l < 14; ++l) {
      const std::size_t a = rng() % n, b = rng() % n;
      g.add_link({a, b, types[rng() % std::size(types)], (rng() % 100 + 1) / 100.0, "r"});
    }
    g.close();
    for (std::size_t li = 0; li < g.links().size(); ++li) {
      const TemporalLink& link = g.links()[li];
      bool holds = true, possible = true;
      for (const PointConstraint& pc : endpoint_constraints(link.type)) {
        const PointRel r = g.relation(link.a, pc.a_end, link.b, pc.b_end);
        if ((r & pc.rel) != r) holds = false;
        if ((r & pc.rel) == PointRel::none) possible = false;
      }
      if (g.accepted(li)) EXPECT_TRUE(holds) << "round " << round << " link " << li;
      // A dropped single-constraint link is impossible in the final closure.
      if (!g.accepted(li) && endpoint_constraints(link.type).size() == 1)
        EXPECT_FALSE(possible) << "round " << round << " link " << li;
    }
  }
}

}  // namespace
}  // namespace tempora

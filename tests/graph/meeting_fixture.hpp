// A hand-made timeline of the seed article (Zelensky's meeting with Trump,
// reported on 2025-10-20), built with the plain builder API the event and
// actor stages will call. Shared by the graph and render tests.
#pragma once

#include <chrono>

#include "tempora/graph.hpp"

namespace tempora::testing {

struct MeetingTimeline {
  TimelineGraph graph;
  TimelineGraph::Vertex zelensky, trump, white_house, nbc;
  TimelineGraph::Vertex oct17, dct;
  TimelineGraph::Vertex meet, meet_again, post, interview, said, request;
};

inline MeetingTimeline meeting_timeline() {
  using namespace std::chrono;
  MeetingTimeline t;
  TimelineGraph& g = t.graph;
  t.zelensky = g.add_actor({.id = "a1", .name = "Volodymyr Zelensky", .type = ActorType::PERSON});
  t.trump = g.add_actor({.id = "a2", .name = "Donald Trump", .type = ActorType::PERSON});
  t.white_house = g.add_actor({.id = "a3", .name = "White House", .type = ActorType::FACILITY});
  t.nbc = g.add_actor({.id = "a4", .name = "NBC News", .type = ActorType::ORGANIZATION});

  // "on October 17" in an article dated 2025-10-20: the year is inferred.
  TimeNode oct17 = TimeNode::day("t1", 2025y / October / 17d, {.year = true});
  oct17.text = "October 17";
  t.oct17 = g.add_time(oct17);
  TimeNode dct = TimeNode::day("t0", 2025y / October / 20d);
  dct.text = "document creation time";
  t.dct = g.add_time(dct);

  t.meet = g.add_event({.id = "e1", .type = "MEET", .trigger = "meeting",
                        .label = "Zelensky meets Trump — White House", .newsworthy = true,
                        .documents = {"zelensky-trump-nbc"}, .sentence = 0});
  t.meet_again = g.add_event({.id = "e2", .type = "MEET", .trigger = "held a closed-door meeting",
                              .label = "Presidents hold closed-door meeting — White House", .newsworthy = true,
                              .documents = {"zelensky-trump-nbc"}, .sentence = 6});
  t.post = g.add_event({.id = "e3", .type = "POST", .trigger = "posted",
                        .label = "Trump posts on social media", .newsworthy = true,
                        .documents = {"zelensky-trump-nbc"}, .sentence = 8});
  t.interview = g.add_event({.id = "e4", .type = "INTERVIEW", .trigger = "interview",
                             .label = "Zelensky gives NBC News interview", .newsworthy = true,
                             .documents = {"zelensky-trump-nbc"}, .sentence = 0});
  t.said = g.add_event({.id = "e5", .type = "SAY", .trigger = "said",
                        .label = "Zelensky says talks are ongoing", .newsworthy = false,
                        .documents = {"zelensky-trump-nbc"}, .sentence = 3});
  t.request = g.add_event({.id = "e6", .type = "REQUEST", .trigger = "had requested",
                           .label = "Ukraine requests Tomahawk missiles", .newsworthy = true,
                           .documents = {"zelensky-trump-nbc"}, .sentence = 2});

  g.add_participation(t.meet, t.zelensky, Role::agent);
  g.add_participation(t.meet, t.trump, Role::co_participant);
  g.add_participation(t.meet, t.white_house, Role::place);
  g.add_participation(t.meet_again, t.zelensky, Role::agent);
  g.add_participation(t.meet_again, t.trump, Role::co_participant);
  g.add_participation(t.post, t.trump, Role::agent);
  g.add_participation(t.interview, t.zelensky, Role::speaker);
  g.add_participation(t.interview, t.nbc, Role::recipient);
  g.add_participation(t.said, t.zelensky, Role::speaker);

  g.add_anchoring(t.meet_again, t.oct17, Anchor::at, "on October 17");
  g.add_anchoring(t.meet, t.oct17, Anchor::at, "identity with e2", 0.9, true);
  g.add_anchoring(t.interview, t.dct, Anchor::on_or_before, "reported in the article", 1.0, true);
  g.add_identity(t.meet, t.meet_again, "same participants, same place");
  g.add_order(t.post, t.meet, OrderRelation::AFTER, "After the meeting");
  g.add_order(t.interview, t.meet, OrderRelation::AFTER, "his recent meeting", 0.8, true);
  g.add_order(t.said, t.interview, OrderRelation::IS_INCLUDED, "said in the interview", 0.7, true);
  return t;
}

}  // namespace tempora::testing

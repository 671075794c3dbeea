// TLINKs written and read back: the TimeML reader's graph against the
// pipeline's own closure (two engines over the same links must agree), and
// hand-written TimeML (another system's or an annotator's) read as TimeML
// defines its relTypes.
#include "relation/relation_timeml.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "event/event_timeml.hpp"
#include "tempora/pipeline.hpp"
#include "test_support.hpp"

namespace tempora::timeml {
namespace {

// A fictional wire story, annotated by hand.
constexpr const char* kAnnotated = R"(<?xml version="1.0"?>
<TimeML>
<DOCID>hand-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-03-14" functionInDocument="CREATION_TIME">2025-03-14</TIMEX3></DCT>
<TEXT>The ministers <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2025-03-12">Wednesday</TIMEX3> and <EVENT eid="e2" class="OCCURRENCE">signed</EVENT> a pact <TIMEX3 tid="t2" type="DATE" value="2025-03-13">the next day</TIMEX3>. They <EVENT eid="e3" class="REPORTING">said</EVENT> talks would <EVENT eid="e4" class="OCCURRENCE">resume</EVENT> <TIMEX3 tid="t3" type="DATE" value="FUTURE_REF">soon</TIMEX3>.</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eiid="ei2" eventID="e2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eiid="ei3" eventID="e3" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eiid="ei4" eventID="e4" tense="NONE" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2"/>
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei3" relatedToEventInstance="ei4"/>
<TLINK lid="l4" relType="OVERLAPS" eventInstanceID="ei3" relatedToTime="t0"/>
<TLINK lid="l5" relType="AFTER" eventInstanceID="ei3" relatedToEventInstance="ei9"/>
<TLINK lid="l6" relType="AFTER" eventInstanceID="ei1" relatedToEventInstance="ei2"/>
</TimeML>
)";

TEST(TimemlGraph, ReadsTlinksAsTimeMLDefinesThem) {
  const TimemlDocument doc = parse_timeml(kAnnotated);
  const TimemlGraph g = timeml_graph(doc);
  ASSERT_TRUE(g.node_of.contains("ei1") && g.node_of.contains("t0") && g.node_of.contains("t3"));
  auto order = [&](const char* a, const char* b) { return g.graph.start_order(g.node_of.at(a), g.node_of.at(b)); };
  // Dated by the values of the times they are included in.
  EXPECT_EQ(order("ei1", "ei2"), StartOrder::before);
  EXPECT_EQ(order("ei2", "t0"), StartOrder::before);
  EXPECT_EQ(order("ei3", "ei4"), StartOrder::before);
  EXPECT_EQ(order("ei1", "ei3"), StartOrder::vague);  // nothing relates the saying to the meeting
  // "OVERLAPS" is no TimeML 1.2.1 relType and ei9 is no instance; l6 contradicts l1 and l2.
  EXPECT_EQ(g.skipped, 2u);
  EXPECT_EQ(g.links, 4u);
  ASSERT_EQ(g.graph.conflicts().size(), 1u);
  EXPECT_EQ(g.graph.links()[g.graph.conflicts()[0].dropped].evidence, "l6");
}

TEST(TimemlGraph, FileWithoutLinksGivesUnrelatedNodes) {
  const TimemlDocument doc = parse_timeml("<TimeML><TEXT>Nothing <EVENT eid=\"e1\">happened</EVENT>.</TEXT></TimeML>");
  const TimemlGraph g = timeml_graph(doc);
  EXPECT_EQ(g.links, 0u);
  EXPECT_TRUE(g.node_of.empty());  // an EVENT without MAKEINSTANCE has no instance to order
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The pipeline's closure and the closure of the TLINKs it writes, read back
// by timeml_graph(): the read-back graph can know less (links to implicit
// events are not written), never the opposite.
TEST(TimemlGraph, ReadBackAgreesWithThePipelinesOwnClosure) {
  const Pipeline pipeline = Pipeline::load();
  if (!pipeline.has_parser()) GTEST_SKIP() << "no parser model";
  int ordered = 0, compared = 0;
  for (const char* sample : {"meeting-meridian.txt", "meeting-civic-wire.txt", "meeting-harbor-times.txt"}) {
    DocumentInfo info;
    info.creation_time = parse_dct("2025-03-14", "test");
    Document doc(read(testing::source_dir() / "samples" / sample), info);
    pipeline.analyze(doc);
    const Events& events = doc.get<Events>();
    const TemporalLinks& links = doc.get<TemporalLinks>();
    for (bool start_points : {false, true}) {
      WriteOptions w;
      w.creation_time = doc.info().creation_time;
      w.links = event_instances(events);
      std::vector<Element> tlinks = tlink_elements(links, events, start_points);
      for (const Element& l : tlinks) {
        const auto type = parse_rel_type(l.attr("relType"));
        ASSERT_TRUE(type.has_value()) << l.attr("relType");
        if (!start_points) EXPECT_TRUE(*type != RelType::starts_before && *type != RelType::starts_after);
      }
      w.links.insert(w.links.end(), tlinks.begin(), tlinks.end());
      std::vector<Annotation> annotations = timex_annotations(doc.get<TimeExpressions>().timexes);
      for (Annotation& a : event_annotations(events)) annotations.push_back(std::move(a));
      const TimemlGraph g = timeml_graph(parse_timeml(write_timeml(doc.text(), std::move(annotations), w)));
      EXPECT_TRUE(g.graph.conflicts().empty()) << sample;
      EXPECT_EQ(g.skipped, 0u) << sample;
      for (const EventMention& a : events.events)
        for (const EventMention& b : events.events) {
          if (a.id >= b.id) continue;
          const StartOrder read_back = g.graph.start_order(g.node_of.at(a.eiid), g.node_of.at(b.eiid));
          ++compared;
          if (read_back == StartOrder::vague) continue;
          ++ordered;
          EXPECT_EQ(read_back, links.start_order(a.id, b.id)) << sample << " " << a.id << " " << b.id;
        }
    }
  }
  EXPECT_GT(ordered, compared / 4);
}

}  // namespace
}  // namespace tempora::timeml

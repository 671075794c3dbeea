// The event layer on news sentences: triggers, classes, MAKEINSTANCE
// attributes, timeline types and the newsworthy flag; boilerplate lines; the
// seed article; TimeML output and scoring; hostile input.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "event/event_timeml.hpp"
#include "tempora/actor.hpp"
#include "tempora/event.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"
#include "tempora/timeml.hpp"
#include "tempora/timex.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

struct Pipeline {
  Segmenter segmenter = Segmenter::load();
  PosTagger pos = PosTagger::load();
  DependencyParser parser = DependencyParser::load();
  EventTagger events = EventTagger::load();

  // As in the pipeline: the event tagger reads the parse; `parse` false
  // leaves the Dependencies layer out.
  Events run(std::string text, bool parse = true) const {
    Document doc(std::move(text));
    segmenter.segment(doc);
    pos.tag(doc);
    if (parse) parser.parse(doc);
    return events.tag(doc);
  }
};

const Pipeline& pipeline() {
  static const Pipeline p;
  return p;
}

const tempora::Pipeline& whole_pipeline() {
  static const tempora::Pipeline p = tempora::Pipeline::load();
  return p;
}

// The mention whose trigger text is `word`, or nullptr.
const EventMention* find(const Events& events, std::string_view text, std::string_view word) {
  for (const EventMention& e : events.events)
    if (text.substr(e.span.begin, e.span.size()) == word) return &e;
  return nullptr;
}

// The event that starts at byte `begin`, for a word the text has twice.
const EventMention* starting_at(const Events& events, std::size_t begin) {
  for (const EventMention& e : events.events)
    if (e.span.begin == begin) return &e;
  return nullptr;
}

TEST(EventTagger, MeetingAndTalks) {
  const std::string text = "Zelensky met Trump at the White House on Friday, and they held talks.";
  const Events events = pipeline().run(text);
  const EventMention* met = find(events, text, "met");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->type, "MEET");
  EXPECT_EQ(met->cls, EventClass::OCCURRENCE);
  EXPECT_EQ(met->tense, EventTense::PAST);
  EXPECT_EQ(met->pos, EventPos::VERB);
  EXPECT_EQ(met->lemma, "meet");
  EXPECT_TRUE(met->newsworthy);
  EXPECT_GT(met->confidence, 0.5);
  EXPECT_LE(met->confidence, 1.0);
  const EventMention* talks = find(events, text, "talks");
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(talks->type, "TALK");
  EXPECT_EQ(talks->pos, EventPos::NOUN);
  // Ids follow text order.
  for (std::size_t i = 0; i < events.events.size(); ++i) {
    EXPECT_EQ(events.events[i].id, "e" + std::to_string(i + 1));
    EXPECT_EQ(events.events[i].eiid, "ei" + std::to_string(i + 1));
    if (i > 0) EXPECT_LT(events.events[i - 1].span.begin, events.events[i].span.begin);
  }
  EXPECT_EQ(find(events, text, "Trump"), nullptr);
  EXPECT_EQ(find(events, text, "Friday"), nullptr);
}

TEST(EventTagger, APersonsNameIsNoEvent) {
  const std::string text = "He left current chief operating officer Timothy D. Cook in charge of operations.";
  const auto tag = [&](bool with_names) {
    Document doc(text);
    pipeline().segmenter.segment(doc);
    pipeline().pos.tag(doc);
    pipeline().parser.parse(doc);
    if (with_names) {
      const auto& tokens = doc.get<Segmentation>().tokens;
      Entities names;
      for (std::uint32_t i = 0; i + 2 < tokens.size(); ++i)
        if (doc.text(tokens[i].span) == "Timothy")
          names.mentions.push_back({{tokens[i].span.begin, tokens[i + 2].span.end}, i, 3, 0, EntityType::PERSON, 1.0});
      doc.add(std::move(names));
    }
    return pipeline().events.tag(doc);
  };
  // The tagger alone reads "Cook" as a verb; a recognized name is not one.
  EXPECT_NE(find(tag(false), text, "Cook"), nullptr);
  const Events events = tag(true);
  EXPECT_EQ(find(events, text, "Cook"), nullptr);
  EXPECT_NE(find(events, text, "left"), nullptr);
}

TEST(EventTagger, HeldTalksIsTalk) {
  const std::string text = "The two presidents held talks in Geneva.";
  const Events events = pipeline().run(text);
  const EventMention* talks = find(events, text, "talks");
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(talks->type, "TALK");
  if (const EventMention* held = find(events, text, "held")) EXPECT_EQ(held->type, "TALK");
}

// A press or news conference is an announcement, not a meeting of parties;
// so is a keynote given.
TEST(EventTagger, APressConferenceAndAKeynoteAreAnnouncements) {
  const std::string text = "In a July 16 press conference, Jobs said buyers would get a free case. "
                           "Holm held a news conference on Friday. Jobs gave the keynote in San Francisco.";
  const Events events = pipeline().run(text);
  const EventMention* conference = find(events, text, "conference");
  ASSERT_NE(conference, nullptr);
  EXPECT_EQ(conference->type, "ANNOUNCE");
  if (const EventMention* held = find(events, text, "held")) EXPECT_EQ(held->type, "ANNOUNCE");
  if (const EventMention* gave = find(events, text, "gave")) EXPECT_EQ(gave->type, "ANNOUNCE");
}

// "call" is a request only with what is asked for; naming is none.
TEST(EventTagger, CallingForSomethingIsARequestAndNamingIsNot) {
  const std::string text = "Marek called for talks with Holm. The feature is called FaceTime.";
  const Events events = pipeline().run(text);
  const EventMention* asked = find(events, text, "called");
  ASSERT_NE(asked, nullptr);
  EXPECT_EQ(asked->type, "REQUEST");
  if (const EventMention* naming = starting_at(events, text.rfind("called"))) EXPECT_NE(naming->type, "REQUEST");
}

// Calling on someone to act asks; calling someone on a day to congratulate
// them is a conversation.
TEST(EventTagger, CallingSomeoneToCongratulateThemIsATalk) {
  const std::string text = "Marek called on Holm to release the prisoners. Holm called Marek on Monday to congratulate him.";
  const Events events = pipeline().run(text);
  const EventMention* asked = find(events, text, "called");
  ASSERT_NE(asked, nullptr);
  EXPECT_EQ(asked->type, "REQUEST");
  const EventMention* phoned = starting_at(events, text.rfind("called"));
  ASSERT_NE(phoned, nullptr);
  EXPECT_EQ(phoned->type, "TALK");
}

// Seeking to do something is an aim; seeking something of someone a request.
TEST(EventTagger, SeekingToDoSomethingIsNoRequest) {
  const std::string text = "Berlin seeks to balance its ties with Carvenia. Marek sought talks with Holm.";
  const Events events = pipeline().run(text);
  if (const EventMention* aim = find(events, text, "seeks")) EXPECT_NE(aim->type, "REQUEST");
  const EventMention* sought = find(events, text, "sought");
  ASSERT_NE(sought, nullptr);
  EXPECT_EQ(sought->type, "REQUEST");
}

// A participle opening a sentence with a dated phrase is an event (one
// with no date is left to the model).
TEST(EventTagger, ADatedOpeningParticipleIsAnEvent) {
  const tempora::Pipeline& full = whole_pipeline();
  if (!full.has_events()) GTEST_SKIP() << "event model missing";
  const std::string text = "Born in Lima in 1950, Ruiz studied economics.";
  Document doc(text);
  full.analyze(doc);  // the rule needs the time expressions
  EXPECT_NE(find(doc.get<Events>(), text, "Born"), nullptr);
}

// What a flood or a quake does is a disaster, what gunmen do an attack.
TEST(EventTagger, AFloodKillingIsADisasterNotAnAttack) {
  const std::string text =
      "Flash floods killed at least 40 people. Gunmen opened fire and killed 12 people. A powerful quake struck "
      "the region on Friday.";
  const Events events = pipeline().run(text);
  const EventMention* flood = find(events, text, "killed");
  ASSERT_NE(flood, nullptr);
  EXPECT_EQ(flood->type, "DISASTER");
  const EventMention* shooting = starting_at(events, text.rfind("killed"));
  ASSERT_NE(shooting, nullptr);
  EXPECT_EQ(shooting->type, "ATTACK");
  const EventMention* quake = find(events, text, "struck");
  ASSERT_NE(quake, nullptr);
  EXPECT_EQ(quake->type, "DISASTER");
}

// A plea in court is no appeal to anyone.
TEST(EventTagger, PleadingGuiltyIsNoRequest) {
  const std::string text = "Ruiz pleaded guilty last year. Lind pleaded not guilty to fraud. Marek pleaded for calm.";
  const Events events = pipeline().run(text);
  for (const std::size_t at : {text.find("pleaded"), text.find("pleaded not")})
    if (const EventMention* plea = starting_at(events, at)) EXPECT_NE(plea->type, "REQUEST");
  const EventMention* appeal = starting_at(events, text.rfind("pleaded"));
  ASSERT_NE(appeal, nullptr);
  EXPECT_EQ(appeal->type, "REQUEST");
}

TEST(EventTagger, FightingAnIllnessOrBeingFiredIsNoAttack) {
  const std::string fired = "One year later he was fired from the company.";
  const Events dismissal = pipeline().run(fired);
  if (const EventMention* e = find(dismissal, fired, "fired")) EXPECT_NE(e->type, "ATTACK");
  const std::string board = "The board fired him on Friday. Troops fired rockets at the town.";
  const Events both = pipeline().run(board);
  if (const EventMention* e = find(both, board, "fired")) EXPECT_NE(e->type, "ATTACK");
  if (const EventMention* e = starting_at(both, board.rfind("fired"))) EXPECT_EQ(e->type, "ATTACK");
  const std::string text = "Jobs has been fighting pancreatic cancer since 2004. Rebels were fighting the army.";
  const Events events = pipeline().run(text);
  const EventMention* cancer = find(events, text, "fighting");
  ASSERT_NE(cancer, nullptr);
  EXPECT_EQ(cancer->type, "OTHER");
  if (const EventMention* war = starting_at(events, text.find("fighting the army"))) EXPECT_EQ(war->type, "ATTACK");
}

// A person fired is dismissed, whoever the entity stage found: the whole
// pipeline, as the cue needs the names.
TEST(EventTagger, FiringAPersonIsNoAttack) {
  const tempora::Pipeline& full = whole_pipeline();
  if (!full.has_events() || !full.has_actors()) GTEST_SKIP() << "event or entity model missing";
  const std::string text = "The board fired Marek Holm on Friday. Troops fired rockets at Norvik.";
  Document doc(text);
  full.analyze(doc);
  const Events& events = doc.get<Events>();
  const EventMention* dismissal = find(events, text, "fired");
  ASSERT_NE(dismissal, nullptr);
  EXPECT_EQ(dismissal->type, "OTHER");
  if (const EventMention* e = starting_at(events, text.rfind("fired"))) EXPECT_EQ(e->type, "ATTACK");
}

// A strike by workers or a union is a protest, and the story's other
// mentions of the strike are too; a missile strike stays an attack, also
// beside the European Union.
TEST(EventTagger, ALabourStrikeIsAProtestAndSpreadsThroughTheStory) {
  const std::string text = "The machinists went on strike in September. The union said members would vote on any "
                           "offer. Talks resumed before the strike ended.";
  const Events events = pipeline().run(text);
  int strikes = 0;
  for (const EventMention& e : events.events)
    if (e.lemma == "strike") {
      ++strikes;
      EXPECT_EQ(e.type, "PROTEST") << text.substr(e.span.begin);
    }
  EXPECT_GE(strikes, 1);
  const std::string war = "The European Union condemned the missile strike on Kyiv, which killed 12 workers.";
  const Events attack = pipeline().run(war);
  const EventMention* strike = find(attack, war, "strike");
  ASSERT_NE(strike, nullptr);
  EXPECT_EQ(strike->type, "ATTACK");
}

TEST(EventTagger, SpeakingWithSomeoneIsTalkingAndReaffirmingIsSaying) {
  const std::string text = "Holm spoke with Marek by phone, and Marek reaffirmed that Carvenia will stay neutral.";
  const Events events = pipeline().run(text);
  const EventMention* spoke = find(events, text, "spoke");
  ASSERT_NE(spoke, nullptr);
  EXPECT_EQ(spoke->type, "TALK");
  EXPECT_TRUE(spoke->newsworthy);
  const EventMention* reaffirmed = find(events, text, "reaffirmed");
  ASSERT_NE(reaffirmed, nullptr);
  EXPECT_EQ(reaffirmed->type, "SAY");
  EXPECT_FALSE(reaffirmed->newsworthy);
  // A call is a conversation too.
  const std::string call = "The two men had previously spoken by phone in January.";
  const Events called = pipeline().run(call);
  const EventMention* spoken = find(called, call, "spoken");
  ASSERT_NE(spoken, nullptr);
  EXPECT_EQ(spoken->type, "TALK");
  // So are a call held and a sit-down with someone.
  const std::string held = "Ursula von der Leyen held a phone call with Xi Jinping on Sunday. "
                           "Antony Blinken sat down with Wang Yi for talks in Geneva.";
  const Events calls = pipeline().run(held);
  for (const char* word : {"held", "sat"}) {
    const EventMention* e = find(calls, held, word);
    ASSERT_NE(e, nullptr) << word;
    EXPECT_EQ(e->type, "TALK") << word;
  }
  // Receiving a leader is meeting them; receiving a letter is not.
  const std::string received = "Vladimir Putin received Indian Prime Minister Narendra Modi in the Kremlin. "
                               "The company received a letter from the ministry.";
  const Events receptions = pipeline().run(received);
  const EventMention* leader = find(receptions, received, "received");
  ASSERT_NE(leader, nullptr);
  EXPECT_EQ(leader->type, "MEET");
  for (const EventMention& e : receptions.events)
    if (e.span.begin > received.find("company")) EXPECT_NE(e.type, "MEET") << received.substr(e.span.begin, e.span.end - e.span.begin);
}

TEST(EventTagger, GivingAnInterviewIsAnInterviewNotASupply) {
  const std::string text = "Marek gave an interview to Polaris TV, and Holm gave Carvenia two batteries.";
  const Events events = pipeline().run(text);
  const EventMention* interview_verb = find(events, text, "gave");
  ASSERT_NE(interview_verb, nullptr);
  EXPECT_EQ(interview_verb->type, "INTERVIEW");
  const std::size_t second = text.find("gave", text.find("gave") + 1);
  for (const EventMention& e : events.events)
    if (e.span.begin == second) EXPECT_EQ(e.type, "SUPPLY");
}

TEST(EventTagger, ASecondCoordinatedVerbSharesTheFirstOnesTense) {
  // The POS tagger reads "highlighted" as a participle (VBN); coordinated
  // with a past verb and with its own object, it is a past verb too.
  const std::string text =
      "Apple also demonstrated some of the features of its new desktop operating system, Snow Leopard, and "
      "highlighted the new Safari 4.0 web browser.";
  const Events events = pipeline().run(text);
  const EventMention* highlighted = find(events, text, "highlighted");
  ASSERT_NE(highlighted, nullptr);
  EXPECT_EQ(highlighted->tense, EventTense::PAST);
}

// A verb after "and" without an auxiliary shares the perfect of its first conjunct.
TEST(EventTagger, ACoordinatedVerbSharesThePerfect) {
  const std::string text = "Scholz had arrived in China on Sunday and visited Chongqing before travelling to Beijing.";
  const Events events = pipeline().run(text);
  const EventMention* visited = find(events, text, "visited");
  ASSERT_NE(visited, nullptr);
  EXPECT_EQ(visited->tense, EventTense::PAST);
  EXPECT_EQ(visited->aspect, EventAspect::PERFECTIVE);
  // no perfect to share: the simple past stays one
  const std::string simple = "Scholz arrived in China on Sunday and visited Chongqing.";
  const Events plain = pipeline().run(simple);
  const EventMention* visited_plain = find(plain, simple, "visited");
  ASSERT_NE(visited_plain, nullptr);
  EXPECT_EQ(visited_plain->aspect, EventAspect::NONE);
}

TEST(EventTagger, RequestVerbAndNoun) {
  const std::string text = "Ukraine had requested Tomahawk missiles.";
  const Events events = pipeline().run(text);
  const EventMention* requested = find(events, text, "requested");
  ASSERT_NE(requested, nullptr);
  EXPECT_EQ(requested->type, "REQUEST");
  EXPECT_EQ(requested->tense, EventTense::PAST);
  EXPECT_EQ(requested->aspect, EventAspect::PERFECTIVE);
  EXPECT_EQ(requested->polarity, EventPolarity::POS);
  EXPECT_TRUE(requested->newsworthy);

  const std::string noun = "Trump responded cautiously to the request.";
  const Events noun_events = pipeline().run(noun);
  const EventMention* request = find(noun_events, noun, "request");
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->type, "REQUEST");
  EXPECT_EQ(request->pos, EventPos::NOUN);
}

TEST(EventTagger, SayingIsNotNewsworthy) {
  const std::string text = "He said the weapons would arrive next year.";
  const Events events = pipeline().run(text);
  const EventMention* said = find(events, text, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->cls, EventClass::REPORTING);
  EXPECT_EQ(said->type, "SAY");
  EXPECT_FALSE(said->newsworthy);
  const EventMention* arrive = find(events, text, "arrive");
  ASSERT_NE(arrive, nullptr);
  EXPECT_EQ(arrive->modality, "would");
  EXPECT_TRUE(arrive->newsworthy);
}

TEST(EventTagger, BeliefIsAStateAndHidden) {
  const std::string text = "Analysts believe that the approach reflects broader interests.";
  const Events events = pipeline().run(text);
  const EventMention* believe = find(events, text, "believe");
  ASSERT_NE(believe, nullptr);
  EXPECT_EQ(believe->cls, EventClass::I_STATE);
  EXPECT_FALSE(believe->newsworthy);
  EXPECT_EQ(believe->tense, EventTense::PRESENT);
}

TEST(EventTagger, NegationFutureAndProgressive) {
  const std::string text = "Trump didn't say no. Relations will reach a new stage. Talks are continuing.";
  const Events events = pipeline().run(text);
  const EventMention* say = find(events, text, "say");
  ASSERT_NE(say, nullptr);
  EXPECT_EQ(say->polarity, EventPolarity::NEG);
  EXPECT_EQ(say->tense, EventTense::PAST);
  const EventMention* reach = find(events, text, "reach");
  ASSERT_NE(reach, nullptr);
  EXPECT_EQ(reach->tense, EventTense::FUTURE);
  const EventMention* continuing = find(events, text, "continuing");
  ASSERT_NE(continuing, nullptr);
  EXPECT_EQ(continuing->tense, EventTense::PRESENT);
  EXPECT_EQ(continuing->aspect, EventAspect::PROGRESSIVE);
}

TEST(EventTagger, PostedOnSocialMediaIsPublish) {
  const std::string text = "After the meeting, Trump posted on his social media accounts.";
  const Events events = pipeline().run(text);
  const EventMention* posted = find(events, text, "posted");
  ASSERT_NE(posted, nullptr);
  EXPECT_EQ(posted->type, "PUBLISH");
  const EventMention* meeting = find(events, text, "meeting");
  ASSERT_NE(meeting, nullptr);
  EXPECT_EQ(meeting->type, "MEET");
}

TEST(EventTagger, AccordingToIsAReportNotAnAgreement) {
  const std::string text = "The two men spoke for five hours, according to a State Department spokesman.";
  const Events events = pipeline().run(text);
  const EventMention* according = find(events, text, "according");
  ASSERT_NE(according, nullptr);  // TimeBank marks "according" as a REPORTING event
  EXPECT_EQ(according->type, "SAY");
  // The lemma alone still names an agreement.
  const std::string accord = "The two countries signed an accord on Monday.";
  const Events signed_events = pipeline().run(accord);
  const EventMention* signed_accord = find(signed_events, accord, "accord");
  if (signed_accord != nullptr) EXPECT_EQ(signed_accord->type, "AGREE");
}

TEST(EventTagger, NoEventInsideATimeExpression) {
  // TimeML never nests them: "end" in "at the end of the week" is part of the date.
  static const TimeTagger time = TimeTagger::load();
  const std::string text = "Blinken will return to Washington at the end of the week.";
  const Events without_times = pipeline().run(text);
  ASSERT_NE(find(without_times, text, "end"), nullptr);  // what the tagger alone finds
  Document doc(text, DocumentInfo{.creation_time = parse_dct("2024-02-20", "test")});
  pipeline().segmenter.segment(doc);
  time.tag(doc);
  pipeline().pos.tag(doc);
  pipeline().parser.parse(doc);
  const Events events = pipeline().events.tag(doc);
  EXPECT_EQ(find(events, text, "end"), nullptr);
  EXPECT_NE(find(events, text, "return"), nullptr);
}

TEST(EventTagger, BoilerplateLineHasNoEvents) {
  const std::string text = "Read “Zamin” on Telegram!";
  EXPECT_TRUE(pipeline().run(text).events.empty());
  // A news sentence that starts the same way is kept.
  const std::string news = "Read the statement the ministry published on Monday after the attack on the port.";
  EXPECT_FALSE(pipeline().run(news).events.empty());
}

TEST(EventTagger, SeedArticle) {
  TEMPORA_REQUIRE_SHARED(shared);
  std::ifstream in(shared / "seeds" / "zelensky-trump-nbc.txt", std::ios::binary);
  ASSERT_TRUE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const Events events = pipeline().run(text);
  const auto count_type = [&](std::string_view type) {
    return std::count_if(events.events.begin(), events.events.end(), [&](const auto& e) { return e.type == type; });
  };
  EXPECT_GE(count_type("MEET"), 2);  // "meeting" (twice or more)
  const EventMention* posted = find(events, text, "posted");
  ASSERT_NE(posted, nullptr);
  EXPECT_EQ(posted->type, "PUBLISH");
  EXPECT_TRUE(posted->newsworthy);
  EXPECT_GE(count_type("REQUEST"), 1);
  EXPECT_GE(count_type("SAY"), 2);
  // The closing call to action yields nothing.
  const auto last_line = static_cast<std::uint32_t>(text.rfind("Read"));
  for (const EventMention& e : events.events) EXPECT_LT(e.span.begin, last_line) << text.substr(e.span.begin, e.span.size());
}

TEST(EventTagger, HostileInputDoesNotCrash) {
  for (const std::string& text : {std::string(), std::string("\xff\xfe\x00\x01 met", 7), std::string(5000, 'a'),
                                  std::string(3000, '.'), std::string("not not not not not never said"),
                                  std::string(200, '\n')}) {
    const Events events = pipeline().run(text);
    for (const EventMention& e : events.events) EXPECT_FALSE(e.span.empty());
  }
}

// The parse feeds the class model only: without a Dependencies layer the
// tagger finds the same triggers, and names every class it can.
TEST(EventTagger, WorksWithoutAParse) {
  const std::string text =
      "The company offered to buy the plant, and the board approved the merger after talks that lasted a week. "
      "Officials said the loss was a blow; they hope to hold a meeting and decided to appeal.";
  const Events parsed = pipeline().run(text);
  const Events unparsed = pipeline().run(text, false);
  ASSERT_EQ(parsed.events.size(), unparsed.events.size());
  ASSERT_GE(parsed.events.size(), 10u);
  for (std::size_t i = 0; i < parsed.events.size(); ++i) EXPECT_EQ(parsed.events[i].span, unparsed.events[i].span);
  const EventMention* said = find(unparsed, text, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->cls, EventClass::REPORTING);
}

TEST(EventTagger, NeedsTheEarlierLayers) {
  Document doc("They met.");
  EXPECT_THROW(pipeline().events.tag(doc), std::logic_error);
}

TEST(EventTagger, CorruptModelIsAnError) {
  const auto path = std::filesystem::temp_directory_path() / "tempora-event-corrupt.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << "TEVT\x01\x00\x00\x00garbage";
  }
  EXPECT_THROW(EventTagger::load(path, testing::source_dir() / "resources/event"), std::runtime_error);
  std::filesystem::remove(path);
}

TEST(EventTimeml, WritesEventsAndInstances) {
  const std::string text = "Zelensky met Trump on Friday and said talks were continuing.";
  Document doc(text);
  pipeline().segmenter.segment(doc);
  pipeline().pos.tag(doc);
  const Events& events = pipeline().events.tag(doc);
  ASSERT_FALSE(events.events.empty());
  timeml::WriteOptions w;
  w.docid = "test";
  w.links = timeml::event_instances(events);
  const std::string xml = timeml::write_timeml(text, timeml::event_annotations(events), w);
  const timeml::TimemlDocument back = timeml::parse_timeml(xml);
  EXPECT_EQ(back.text, text);
  ASSERT_EQ(back.elements("EVENT").size(), events.events.size());
  EXPECT_EQ(back.elements("EVENT")[0]->attr("class"), to_string(events.events[0].cls));
  std::size_t instances = 0;
  for (const auto& link : back.links)
    if (link.name == "MAKEINSTANCE") {
      ++instances;
      EXPECT_FALSE(link.attr("tense").empty());
      EXPECT_FALSE(link.attr("eiid").empty());
    }
  EXPECT_EQ(instances, events.events.size());
  // The system scored against itself is perfect.
  const timeml::EventScores self = timeml::score_events(back, back);
  EXPECT_DOUBLE_EQ(self.strict.f1(), 1.0);
  EXPECT_DOUBLE_EQ(self.cls.f1(), 1.0);
}

// TempEval-3 Task B: strict pairs identical spans; relaxed and class count
// overlapping events, as the timex attributes do.
TEST(EventTimeml, ScoresStrictSpansAndClassesOverOverlappingSpans) {
  using G = EventTrainingDocument::Gold;
  const std::vector<G> gold = {{{0, 3}, EventClass::OCCURRENCE}, {{10, 14}, EventClass::REPORTING},
                               {{20, 25}, EventClass::STATE}};
  const std::vector<G> system = {{{0, 3}, EventClass::OCCURRENCE}, {{10, 14}, EventClass::OCCURRENCE},
                                 {{20, 24}, EventClass::STATE}, {{30, 33}, EventClass::OCCURRENCE}};
  const timeml::EventScores s = timeml::score_events(gold, system);
  EXPECT_EQ(s.strict.system_matched, 2u);
  EXPECT_EQ(s.strict.gold, 3u);
  EXPECT_EQ(s.strict.system, 4u);
  EXPECT_DOUBLE_EQ(s.strict.precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.strict.recall(), 2.0 / 3.0);
  EXPECT_EQ(s.relaxed.system_matched, 3u);  // not {30, 33}
  EXPECT_EQ(s.relaxed.gold_matched, 3u);
  // {0, 3} and the overlapping {20, 24}; {10, 14} has the wrong class.
  EXPECT_EQ(s.cls.system_matched, 2u);
  EXPECT_EQ(s.cls.gold_matched, 2u);
}

TEST(EventNames, RoundTrip) {
  for (int c = 0; c <= static_cast<int>(EventClass::PERCEPTION); ++c)
    EXPECT_EQ(parse_event_class(to_string(static_cast<EventClass>(c))), static_cast<EventClass>(c));
  EXPECT_FALSE(parse_event_class("MEETING").has_value());
  EXPECT_EQ(to_string(EventAspect::PERFECTIVE_PROGRESSIVE), "PERFECTIVE_PROGRESSIVE");
}

}  // namespace
}  // namespace tempora

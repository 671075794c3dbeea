// ParticipantFinder on real parses: the roles of the rule table (agent,
// co-participant, place, patient, recipient, speaker, topic), passive voice,
// relative clauses, coordination, appositions, nominal and support-verb
// events; the seed article's meetings; the MEANTIME reader and scorer.
//
// Events and actors are laid by hand on the parsed text, so the tests
// exercise the finder, not the event tagger or the actor resolver.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "actor/meantime_participants.hpp"
#include "tempora/actor.hpp"
#include "tempora/data.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"
#include "tempora/timex.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

bool have_models() {
  std::error_code ec;
  return std::filesystem::is_regular_file(data_dir() / "models" / "parser-en-ewt.bin", ec) &&
         EventTagger::available();
}

struct Stages {
  Segmenter segmenter = Segmenter::load();
  PosTagger pos = PosTagger::load();
  TimeTagger time = TimeTagger::load();
  DependencyParser parser = DependencyParser::load();
  ParticipantFinder finder = ParticipantFinder::load();
};

const Stages& stages() {
  static const Stages s;
  return s;
}

struct EventSpec {
  std::string word;
  std::string type;
  EventClass cls = EventClass::OCCURRENCE;
};

struct ActorSpec {
  std::string name;
  ActorType type;
  std::vector<std::string> words;  // every token spelled so belongs to the actor
};

// Segments, tags and parses `text`, lays the events on the first token
// spelled like each word and the actors on every token spelled like theirs.
Document analyzed(const std::string& text, const std::vector<EventSpec>& event_specs,
                  const std::vector<ActorSpec>& actor_specs, bool with_actors = true) {
  Document doc(text);
  stages().segmenter.segment(doc);
  stages().pos.tag(doc);
  stages().time.tag(doc);
  stages().parser.parse(doc);
  const auto& seg = doc.get<Segmentation>();
  const auto& morph = doc.get<Morphology>();
  Events events;
  for (const EventSpec& spec : event_specs) {
    for (std::uint32_t i = 0; i < seg.tokens.size(); ++i) {
      if (doc.text(seg.tokens[i].span) != spec.word) continue;
      EventMention e;
      e.span = seg.tokens[i].span;
      e.token = i;
      e.lemma = morph.tokens[i].lemma;
      e.type = spec.type;
      e.cls = spec.cls;
      e.pos = morph.tokens[i].upos == Upos::NOUN ? EventPos::NOUN : EventPos::VERB;
      events.events.push_back(e);
      break;
    }
    EXPECT_FALSE(events.events.empty() || events.events.back().lemma.empty()) << spec.word;
  }
  std::sort(events.events.begin(), events.events.end(),
            [](const EventMention& a, const EventMention& b) { return a.token < b.token; });
  doc.add(std::move(events));
  if (with_actors) {
    Actors actors;
    actors.actor_of_token.assign(seg.tokens.size(), -1);
    for (const ActorSpec& spec : actor_specs) {
      Actor a;
      a.id = "a" + std::to_string(actors.actors.size() + 1);
      a.name = spec.name;
      a.type = spec.type;
      for (std::uint32_t i = 0; i < seg.tokens.size(); ++i)
        if (std::find(spec.words.begin(), spec.words.end(), doc.text(seg.tokens[i].span)) != spec.words.end()) {
          actors.actor_of_token[i] = static_cast<std::int32_t>(actors.actors.size());
          std::uint32_t sentence = 0;
          while (sentence + 1 < seg.sentences.size() && seg.sentences[sentence + 1].first_token <= i) ++sentence;
          a.mentions.push_back({seg.tokens[i].span, i, sentence, MentionKind::name});
        }
      actors.actors.push_back(a);
    }
    doc.add(std::move(actors));
  }
  stages().finder.find(doc);
  return doc;
}

std::size_t event_index(const Document& doc, std::string_view word) {
  const auto& events = doc.get<Events>().events;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (doc.text(events[i].span) == word) return i;
  ADD_FAILURE() << "no event " << word;
  return events.size();
}

// The head words of the event's participants in a role.
std::vector<std::string> heads(const Document& doc, std::string_view event, Role role) {
  std::vector<std::string> out;
  const auto& tokens = doc.get<Segmentation>().tokens;
  for (const Participant& p : doc.get<Participants>().of(event_index(doc, event)))
    if (p.role == role) out.emplace_back(doc.text(tokens[p.head_token].span));
  return out;
}

const Participant* first(const Document& doc, std::string_view event, Role role) {
  for (const Participant& p : doc.get<Participants>().of(event_index(doc, event)))
    if (p.role == role) return &p;
  return nullptr;
}

using Strings = std::vector<std::string>;

const std::vector<ActorSpec> kLeaders = {{"Volodymyr Zelensky", ActorType::PERSON, {"Volodymyr", "Zelensky"}},
                                         {"Donald Trump", ActorType::PERSON, {"Donald", "Trump"}},
                                         {"the White House", ActorType::FACILITY, {"White", "House"}}};

TEST(ParticipantFinder, MeetingWithAgentCoParticipantAndPlace) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Zelensky met with Trump at the White House on Friday.", {{"met", "MEET"}}, kLeaders);
  EXPECT_EQ(heads(doc, "met", Role::agent), Strings{"Zelensky"});
  EXPECT_EQ(heads(doc, "met", Role::co_participant), Strings{"Trump"});
  const Participant* place = first(doc, "met", Role::place);
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(doc.text(place->span), "the White House");
  EXPECT_EQ(place->actor, 2);
  EXPECT_EQ(first(doc, "met", Role::agent)->actor, 0);
  EXPECT_EQ(first(doc, "met", Role::co_participant)->actor, 1);
  EXPECT_EQ(doc.get<Participants>().of(0).size(), 3u) << "'on Friday' is a time, no participant";
}

// The parse may split a name into conjuncts ("der Leyen" a conjunct of
// "Ursula"): the actor is one agent, not two.
TEST(ParticipantFinder, OneActorIsOneParticipantInARole) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("European Commission President Ursula von der Leyen met Mark Carney in Brussels.",
                                {{"met", "MEET"}},
                                {{"Ursula von der Leyen", ActorType::PERSON, {"Ursula", "von", "der", "Leyen"}},
                                 {"Mark Carney", ActorType::PERSON, {"Mark", "Carney"}}});
  int agents = 0;
  for (const Participant& p : doc.get<Participants>().of(0)) agents += p.role == Role::agent;
  EXPECT_EQ(agents, 1);
  ASSERT_NE(first(doc, "met", Role::agent), nullptr);
  EXPECT_EQ(first(doc, "met", Role::agent)->actor, 0);
}

// A name phrase that opens with an organisation and ends with a person is
// the person, however the parse headed it.
TEST(ParticipantFinder, TheOrganisationsOfficialIsThePerson) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Volodymyr Zelenskyy met with NATO Secretary-General Mark Rutte in Kyiv on Thursday.",
                                {{"met", "MEET"}},
                                {{"Volodymyr Zelenskyy", ActorType::PERSON, {"Volodymyr", "Zelenskyy"}},
                                 {"NATO", ActorType::ORGANIZATION, {"NATO"}},
                                 {"Mark Rutte", ActorType::PERSON, {"Mark", "Rutte"}}});
  const Participant* with = first(doc, "met", Role::co_participant);
  ASSERT_NE(with, nullptr);
  EXPECT_EQ(with->actor, 2);
}

// "CIA Director William Burns", which the parse splits into "CIA" and a
// conjunct "William Burns": the person is the one agent; so is "South
// Korean President Yoon Suk Yeol".
TEST(ParticipantFinder, ATitledOfficialParsedAsAConjunctIsTheOneAgent) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("CIA Director William Burns will travel to Doha later this week.",
                                {{"travel", "VISIT"}},
                                {{"CIA", ActorType::ORGANIZATION, {"CIA"}},
                                 {"William Burns", ActorType::PERSON, {"Director", "William", "Burns"}},
                                 {"Doha", ActorType::GPE, {"Doha"}}});
  const auto agents = heads(doc, "travel", Role::agent);
  EXPECT_EQ(agents.size(), 1u) << ::testing::PrintToString(agents);
  const Participant* agent = first(doc, "travel", Role::agent);
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(agent->actor, 1);
  // the same after a nationality no actor stands for
  const Document korea = analyzed("South Korean President Yoon Suk Yeol lifted martial law early on Wednesday.",
                                  {{"lifted", "OTHER"}},
                                  {{"Yoon Suk Yeol", ActorType::PERSON, {"President", "Yoon", "Suk", "Yeol"}}});
  const auto lifted = heads(korea, "lifted", Role::agent);
  EXPECT_EQ(lifted.size(), 1u) << ::testing::PrintToString(lifted);
}

// "their" that no actor stands for says nothing beside the actors the
// support verb lends the meeting.
TEST(ParticipantFinder, AnUnresolvedPronounGivesWayToActorsInItsRole) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Wang Yi and Marco Rubio held their first face-to-face meeting on Friday.",
                                {{"held", "MEET"}, {"meeting", "MEET"}},
                                {{"Wang Yi", ActorType::PERSON, {"Wang", "Yi"}},
                                 {"Marco Rubio", ActorType::PERSON, {"Marco", "Rubio"}}});
  const auto agents = heads(doc, "meeting", Role::agent);
  EXPECT_EQ(std::count(agents.begin(), agents.end(), "their"), 0) << ::testing::PrintToString(agents);
  EXPECT_FALSE(agents.empty());
}

// A date the parse hangs on the subject dates the verb; it is no part of who acted.
TEST(ParticipantFinder, TheAgentsPhraseLeavesOutADate) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("A federal judge in New York on Friday sentenced the former executive to 25 years.",
                                {{"sentenced", "OTHER"}}, {});
  const Participant* agent = first(doc, "sentenced", Role::agent);
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(doc.text(agent->span), "A federal judge in New York");
}

// "today" between the subject and its verb, which the parse made the subject.
TEST(ParticipantFinder, ADayBeforeTheVerbIsNotItsAgent) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Apple Computer today launched a 3G version of its iPhone device.",
                                {{"launched", "ANNOUNCE"}},
                                {{"Apple Computer", ActorType::ORGANIZATION, {"Apple", "Computer"}}});
  const Participant* agent = first(doc, "launched", Role::agent);
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(agent->actor, 0);
}

TEST(ParticipantFinder, ACountrysGovernmentActsForTheCountry) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const std::vector<ActorSpec> countries = {{"Ukraine", ActorType::GPE, {"Ukraine"}},
                                            {"Acme", ActorType::ORGANIZATION, {"Acme"}}};
  const Document doc = analyzed("Ukraine's government asked for help.", {{"asked", "REQUEST"}}, countries);
  ASSERT_NE(first(doc, "asked", Role::agent), nullptr);
  EXPECT_EQ(first(doc, "asked", Role::agent)->actor, 0);
  // by its demonym, when the document names the country
  const Document demonym =
      analyzed("Ukraine needs help. The Ukrainian government asked for more.", {{"asked", "REQUEST"}}, countries);
  ASSERT_NE(first(demonym, "asked", Role::agent), nullptr);
  EXPECT_EQ(first(demonym, "asked", Role::agent)->actor, 0);
  // only a country's: a company's "government" stays unresolved
  const Document company = analyzed("Acme's government asked for help.", {{"asked", "REQUEST"}}, countries);
  ASSERT_NE(first(company, "asked", Role::agent), nullptr);
  EXPECT_EQ(first(company, "asked", Role::agent)->actor, -1);
}

TEST(ParticipantFinder, CoordinatedSubjectsAreAllAgentsAndProperNounPlaceWithoutActors) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Zelensky and Trump met in Kyiv in March.", {{"met", "MEET"}}, {});
  EXPECT_EQ(heads(doc, "met", Role::agent), (Strings{"Zelensky", "Trump"}));
  EXPECT_EQ(heads(doc, "met", Role::place), Strings{"Kyiv"}) << "'in March' is no place";
  for (const Participant& p : doc.get<Participants>().of(0)) EXPECT_EQ(p.actor, -1);
}

TEST(ParticipantFinder, PassiveByAgentAndSubjectPatient) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("The deal was signed by Trump in Washington on Friday.", {{"signed", "AGREE"}}, kLeaders);
  EXPECT_EQ(heads(doc, "signed", Role::patient), Strings{"deal"});
  EXPECT_EQ(heads(doc, "signed", Role::agent), Strings{"Trump"});
  EXPECT_EQ(heads(doc, "signed", Role::place), Strings{"Washington"});
  // a participle completing "remains", with its agent
  const Document blocked = analyzed("The deal remains blocked by Trump.", {{"blocked", "OTHER"}}, kLeaders);
  EXPECT_EQ(heads(blocked, "blocked", Role::patient), Strings{"deal"});
  EXPECT_EQ(heads(blocked, "blocked", Role::agent), Strings{"Trump"});
}

// A headline drops the auxiliary: "Apple swamped by iPhone 4 pre-orders" is
// a passive; the same words in the body are not read so ("He traveled by
// train" is active).
TEST(ParticipantFinder, AHeadlinePassiveWithoutAuxiliary) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Apple swamped by iPhone 4 pre-orders\n\nApple said demand was strong.",
                                {{"swamped", "OTHER"}}, {{"Apple", ActorType::ORGANIZATION, {"Apple"}}});
  ASSERT_TRUE(doc.get<Segmentation>().headline);
  EXPECT_EQ(heads(doc, "swamped", Role::patient), Strings{"Apple"});
  EXPECT_TRUE(heads(doc, "swamped", Role::agent) != Strings{"Apple"});
  const Document body = analyzed("Holm traveled by train to Brennick.", {{"traveled", "VISIT"}}, {});
  EXPECT_TRUE(heads(body, "traveled", Role::patient).empty());
}

// "Later that night, hours after Holm's post, Marek gave an interview" is
// parsed with three subjects (the first a time) and "Holm" as the possessor
// of "gave": Marek gives the interview, Holm takes no part in it.
TEST(ParticipantFinder, ATimeSubjectAndAPossessorOfAVerbAreMisparses) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Later that night, hours after Holm's post, Marek gave an interview to the broadcaster.",
                                {{"gave", "INTERVIEW", EventClass::REPORTING}},
                                {{"Lidia Marek", ActorType::PERSON, {"Marek"}}, {"Anders Holm", ActorType::PERSON, {"Holm"}}});
  const Participant* speaker = first(doc, "gave", Role::speaker);
  ASSERT_NE(speaker, nullptr);
  EXPECT_EQ(speaker->actor, 0);
  for (const Participant& p : doc.get<Participants>().of(event_index(doc, "gave"))) EXPECT_NE(p.actor, 1);
}

// A headline the parse reads as one noun phrase, the verb a modifier of the
// name before it: the name is the subject.
TEST(ParticipantFinder, TheNameBeforeAHeadlinesVerbIsItsSubject) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const std::vector<ActorSpec> companies = {{"Apple Corps", ActorType::ORGANIZATION, {"Apple", "Corps"}}};
  const Document loses = analyzed("Apple Corps loses court case against rival\n\nThe court ruled on Monday.",
                                  {{"loses", "OTHER"}}, companies);
  ASSERT_NE(first(loses, "loses", Role::agent), nullptr);
  EXPECT_EQ(first(loses, "loses", Role::agent)->actor, 0);
  const Document lower = analyzed("Apple Corps to lower UK prices\n\nThe company said so on Monday.",
                                  {{"lower", "OTHER"}}, companies);
  ASSERT_NE(first(lower, "lower", Role::agent), nullptr);
  EXPECT_EQ(first(lower, "lower", Role::agent)->actor, 0);
}

TEST(ParticipantFinder, RelativeClauseSubjectAndReportedEvent) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc =
      analyzed("Trump, who met Zelensky on Friday, said the talks were productive.",
               {{"met", "MEET"}, {"said", "SAY", EventClass::REPORTING}, {"talks", "TALK"}}, kLeaders);
  EXPECT_EQ(heads(doc, "met", Role::agent), Strings{"Trump"});
  EXPECT_EQ(heads(doc, "met", Role::co_participant), Strings{"Zelensky"});
  EXPECT_EQ(heads(doc, "said", Role::speaker), Strings{"Trump"});
  const Participant* topic = first(doc, "said", Role::topic);
  ASSERT_NE(topic, nullptr);
  EXPECT_EQ(topic->event, static_cast<std::int32_t>(event_index(doc, "talks")));
  EXPECT_EQ(topic->actor, -1);
}

TEST(ParticipantFinder, NominalEventsOwnerAndWithBetween) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document meeting = analyzed("Zelensky's meeting with Trump lasted two hours.", {{"meeting", "MEET"}}, kLeaders);
  EXPECT_EQ(heads(meeting, "meeting", Role::agent), Strings{"Zelensky"});
  EXPECT_EQ(heads(meeting, "meeting", Role::co_participant), Strings{"Trump"});
  const Document talks = analyzed("Talks between Ukraine and Russia resumed in Istanbul.", {{"Talks", "TALK"}}, {});
  EXPECT_EQ(heads(talks, "Talks", Role::co_participant), (Strings{"Ukraine", "Russia"}));
}

TEST(ParticipantFinder, SupportVerbLendsSubjectAndObliques) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  // The parse hangs "at the White House" on "talks": the place still counts.
  const Document doc = analyzed("Zelensky and Trump held talks at the White House.", {{"talks", "TALK"}}, kLeaders);
  EXPECT_EQ(heads(doc, "talks", Role::agent), (Strings{"Zelensky", "Trump"}));
  EXPECT_EQ(heads(doc, "talks", Role::place), Strings{"House"});
  // The event the light verb carries is not its participant.
  const Document held = analyzed("The presidents held a closed-door meeting at the White House.",
                                 {{"held", "MEET"}, {"meeting", "MEET"}}, {});
  EXPECT_TRUE(heads(held, "held", Role::co_participant).empty());
  EXPECT_TRUE(heads(held, "held", Role::patient).empty());
}

TEST(ParticipantFinder, RecipientAddresseeAndReportedEvents) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Zelensky told reporters that the United States sent missiles to Ukraine.",
                                {{"told", "SAY", EventClass::REPORTING}, {"sent", "SUPPLY"}}, kLeaders);
  EXPECT_EQ(heads(doc, "sent", Role::agent), Strings{"States"});
  EXPECT_EQ(heads(doc, "sent", Role::patient), Strings{"missiles"});
  EXPECT_EQ(heads(doc, "sent", Role::recipient), Strings{"Ukraine"});
  EXPECT_EQ(heads(doc, "told", Role::speaker), Strings{"Zelensky"});
  EXPECT_EQ(heads(doc, "told", Role::addressee), Strings{"reporters"});
  const Participant* topic = first(doc, "told", Role::topic);
  ASSERT_NE(topic, nullptr);
  EXPECT_EQ(topic->event, static_cast<std::int32_t>(event_index(doc, "sent")));
  EXPECT_EQ(doc.text(topic->span), "that the United States sent missiles to Ukraine");

  // The reporting verb after what it reports.
  const Document after = analyzed("The talks were productive, Trump said.",
                                  {{"talks", "TALK"}, {"said", "SAY", EventClass::REPORTING}}, kLeaders);
  EXPECT_EQ(heads(after, "said", Role::speaker), Strings{"Trump"});
  const Participant* reported = first(after, "said", Role::topic);
  ASSERT_NE(reported, nullptr);
  EXPECT_EQ(reported->event, static_cast<std::int32_t>(event_index(after, "talks")));
}

TEST(ParticipantFinder, AReportingParticipleAfterAReportIsTheReporters) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  // The parse hangs "explaining" on "made", inside what Zelensky told: the
  // statements explain nothing, Zelensky does, and what he explains is his
  // own clause, not "made".
  const Document doc = analyzed(
      "Zelensky told reporters that no public statements would be made, explaining that Washington does not "
      "want to escalate the situation.",
      {{"told", "SAY", EventClass::REPORTING}, {"made", "OTHER"}, {"explaining", "SAY", EventClass::REPORTING},
       {"want", "OTHER", EventClass::I_STATE}},
      kLeaders);
  ASSERT_EQ(heads(doc, "told", Role::speaker), Strings{"Zelensky"});
  EXPECT_EQ(heads(doc, "explaining", Role::speaker), Strings{"Zelensky"});
  const Participant* topic = first(doc, "explaining", Role::topic);
  ASSERT_NE(topic, nullptr);
  EXPECT_EQ(topic->event, static_cast<std::int32_t>(event_index(doc, "want")));
  // Not a reporting participle: the clause's own subject stays.
  const Document plain = analyzed("Officials said the army withdrew, leaving the town empty.",
                                  {{"said", "SAY", EventClass::REPORTING}, {"withdrew", "OTHER"}, {"leaving", "OTHER"}},
                                  {});
  EXPECT_EQ(heads(plain, "leaving", Role::agent), Strings{"army"});
}

TEST(ParticipantFinder, WhatAResponseAnswers) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  // An answered event is the topic, pointing at it; an answered party is addressed.
  const Document doc = analyzed("Trump responded cautiously to Zelensky's request.",
                                {{"responded", "SAY"}, {"request", "REQUEST"}}, kLeaders);
  EXPECT_EQ(heads(doc, "responded", Role::speaker), Strings{"Trump"});
  const Participant* topic = first(doc, "responded", Role::topic);
  ASSERT_NE(topic, nullptr);
  EXPECT_EQ(topic->event, static_cast<std::int32_t>(event_index(doc, "request")));
  const Document reply = analyzed("Holm replied to reporters.", {{"replied", "SAY"}}, {});
  EXPECT_EQ(heads(reply, "replied", Role::addressee), Strings{"reporters"});
  EXPECT_EQ(first(reply, "replied", Role::topic), nullptr);
}

TEST(ParticipantFinder, UndergoersAndControlledClauses) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  // Without an object "close" has a theme, with one an agent.
  EXPECT_EQ(heads(analyzed("US markets closed early.", {{"closed", "OTHER"}}, {}), "closed", Role::patient),
            Strings{"markets"});
  const Document store = analyzed("Apple closed the store.", {{"closed", "OTHER"}}, {});
  EXPECT_EQ(heads(store, "closed", Role::agent), Strings{"Apple"});
  EXPECT_EQ(heads(store, "closed", Role::patient), Strings{"store"});
  // "by introducing" is Jobs's doing, though the parse hangs it on "keynote".
  const Document keynote = analyzed("Jobs started the keynote by introducing the iPhone.",
                                    {{"started", "OTHER"}, {"introducing", "ANNOUNCE"}}, {});
  EXPECT_EQ(heads(keynote, "introducing", Role::agent), Strings{"Jobs"});
  EXPECT_EQ(heads(keynote, "introducing", Role::patient), Strings{"iPhone"});
  // A passive controller does not make the controlled clause passive.
  const Document expected = analyzed("Blinken is expected to travel to Seoul before returning to Washington.",
                                     {{"travel", "VISIT"}, {"returning", "VISIT"}}, {});
  EXPECT_EQ(heads(expected, "travel", Role::agent), Strings{"Blinken"});
  EXPECT_EQ(heads(expected, "returning", Role::agent), Strings{"Blinken"});
  EXPECT_TRUE(heads(expected, "travel", Role::patient).empty());
}

// After a verb of judging, the gerund's doer is the verb's object.
TEST(ParticipantFinder, WhatSomeoneIsFinedForIsTheirDoing) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document fine = analyzed("The regulator fined Norvik for abusing its position.",
                                 {{"fined", "OTHER"}, {"abusing", "OTHER"}}, {});
  EXPECT_EQ(heads(fine, "abusing", Role::agent), Strings{"Norvik"});
  const Document charge = analyzed("The commission charged Apple with breaching the law.",
                                   {{"charged", "OTHER"}, {"breaching", "OTHER"}}, {});
  EXPECT_EQ(heads(charge, "breaching", Role::agent), Strings{"Apple"});
  // other verbs keep their own subject as the gerund's ("left for meeting").
  const Document thanked = analyzed("Marek left the hall after thanking Holm.",
                                    {{"left", "OTHER"}, {"thanking", "OTHER"}}, {});
  EXPECT_EQ(heads(thanked, "thanking", Role::agent), Strings{"Marek"});
}

TEST(ParticipantFinder, AppositionLendsItsActor) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc =
      analyzed("The Ukrainian leader, Volodymyr Zelensky, met Trump.", {{"met", "MEET"}}, kLeaders);
  const Participant* agent = first(doc, "met", Role::agent);
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(doc.text(agent->span), "The Ukrainian leader");
  EXPECT_EQ(agent->actor, 0);
  EXPECT_EQ(heads(doc, "met", Role::co_participant), Strings{"Trump"});
}

// "visiting German Chancellor Olaf Scholz": the guest is the one visiting.
TEST(ParticipantFinder, AVisitingGuestIsTheVisitor) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const std::vector<ActorSpec> actors = {{"Xi Jinping", ActorType::PERSON, {"Xi", "Jinping"}},
                                         {"Olaf Scholz", ActorType::PERSON, {"Olaf", "Scholz"}}};
  const Document doc = analyzed("Xi Jinping told visiting German Chancellor Olaf Scholz on Tuesday that they were partners.",
                                {{"told", "SAY", EventClass::REPORTING}, {"visiting", "VISIT"}}, actors);
  const Participant* visitor = first(doc, "visiting", Role::agent);
  ASSERT_NE(visitor, nullptr);
  EXPECT_EQ(visitor->actor, 1);
  const Participant* addressee = first(doc, "told", Role::addressee);
  ASSERT_NE(addressee, nullptr);
  EXPECT_EQ(addressee->actor, 1);
}

// What a visit takes in is its place when it is one, else its patient.
TEST(ParticipantFinder, AVisitedPlaceIsThePlace) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const std::vector<ActorSpec> actors = {{"Anders Holm", ActorType::PERSON, {"Holm"}},
                                         {"Chongqing", ActorType::GPE, {"Chongqing"}},
                                         {"Lidia Marek", ActorType::PERSON, {"Marek"}}};
  const Document city = analyzed("Holm visited Chongqing on Sunday.", {{"visited", "VISIT"}}, actors);
  EXPECT_EQ(heads(city, "visited", Role::place), Strings{"Chongqing"});
  EXPECT_TRUE(heads(city, "visited", Role::patient).empty());
  const Document person = analyzed("Holm visited Marek on Sunday.", {{"visited", "VISIT"}}, actors);
  EXPECT_EQ(heads(person, "visited", Role::patient), Strings{"Marek"});
}

// A title the parse made the head of a name leaves the person to the name.
TEST(ParticipantFinder, ATitleHeadingANameLeavesThePersonToIt) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("President-elect Donald Trump, who takes office on Monday, claimed credit for it.",
                                {{"claimed", "SAY", EventClass::REPORTING}}, kLeaders);
  const Participant* speaker = first(doc, "claimed", Role::speaker);
  ASSERT_NE(speaker, nullptr);
  EXPECT_EQ(speaker->actor, 1);
}

const std::vector<ActorSpec> kPair = {{"Lidia Marek", ActorType::PERSON, {"Marek"}},
                                      {"Anders Holm", ActorType::PERSON, {"Holm"}},
                                      {"Ilse Brandt", ActorType::PERSON, {"Brandt"}}};

TEST(ParticipantFinder, TheTwoLeadersAreTheTwoPeopleNamedLast) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Marek asked Holm for help on Thursday. Marek arrived on Wednesday. The two leaders met for hours.",
                                {{"met", "MEET"}}, kPair);
  std::vector<std::int32_t> agents;
  for (const Participant& p : doc.get<Participants>().of(0))
    if (p.role == Role::agent) agents.push_back(p.actor);
  EXPECT_EQ(agents, (std::vector<std::int32_t>{1, 0})) << "Holm, then Marek (named last)";
}

TEST(ParticipantFinder, ThreePeopleNamedTogetherLeaveThePairUnresolved) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Marek asked Holm and Brandt for help. The two leaders met for hours.", {{"met", "MEET"}}, kPair);
  const Participant* agent = first(doc, "met", Role::agent);
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(agent->actor, -1);
  EXPECT_EQ(doc.get<Participants>().of(0).size(), 1u);
}

TEST(ParticipantFinder, WhoActsDuringTalksTakesPartInThem) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Marek asked Nordvall to sell air-defense systems during talks with Holm on Thursday.",
                                {{"asked", "REQUEST"}, {"talks", "TALK"}}, kPair);
  EXPECT_EQ(heads(doc, "talks", Role::agent), Strings{"Marek"});
  EXPECT_EQ(heads(doc, "talks", Role::co_participant), Strings{"Holm"});
}

TEST(ParticipantFinder, WhoSharesDetailsInAnInterviewGivesIt) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Zelensky shared the details in an interview with NBC News.",
                                {{"shared", "OTHER"}, {"interview", "INTERVIEW"}}, kLeaders);
  EXPECT_EQ(heads(doc, "interview", Role::agent), Strings{"Zelensky"});
}

TEST(ParticipantFinder, WhoSpeaksAtAPressConferenceGivesIt) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("In a press conference on Friday, Zelensky said the talks were productive.",
                                {{"conference", "ANNOUNCE"}, {"said", "SAY"}}, kLeaders);
  EXPECT_EQ(heads(doc, "conference", Role::agent), Strings{"Zelensky"});
}

// The parser may hang a journey's destination on the verb the journey is
// an argument of; right after the journey's phrase, it is still the place.
TEST(ParticipantFinder, AJourneysDestinationHungOnTheVerbIsItsPlace) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Zelensky spoke about his visit to the United States in an interview on Sunday.",
                                {{"spoke", "OTHER"}, {"visit", "VISIT"}, {"interview", "INTERVIEW"}}, kLeaders);
  EXPECT_EQ(heads(doc, "visit", Role::place), Strings{"States"});
  EXPECT_TRUE(heads(doc, "interview", Role::place).empty());
}

TEST(ParticipantFinder, WorksWithoutActorsLayer) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const Document doc = analyzed("Zelensky met with Trump at the White House.", {{"met", "MEET"}}, {}, false);
  EXPECT_EQ(heads(doc, "met", Role::agent), Strings{"Zelensky"});
  EXPECT_EQ(heads(doc, "met", Role::place), Strings{"House"}) << "a place noun makes a place without actors";
}

TEST(ParticipantFinder, EmptyBadAndUnparsedInputGiveParallelLayers) {
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  {
    Document doc("");
    stages().segmenter.segment(doc);
    stages().pos.tag(doc);
    stages().parser.parse(doc);
    doc.add(Events{});
    EXPECT_TRUE(stages().finder.find(doc).by_event.empty());
  }
  {
    // Events whose tokens lie outside the document, and no parse at all.
    Document doc("\xff\xfe met \x01 with");
    stages().segmenter.segment(doc);
    stages().pos.tag(doc);
    Events events;
    events.events.resize(2);
    events.events[1].token = 1000;
    doc.add(std::move(events));
    EXPECT_EQ(stages().finder.find(doc).by_event.size(), 2u);
  }
  {
    Document doc("met with with with at in to by , , .");
    stages().segmenter.segment(doc);
    stages().pos.tag(doc);
    stages().parser.parse(doc);
    Events events;
    for (std::uint32_t i = 0; i < doc.get<Segmentation>().tokens.size(); ++i) {
      EventMention e;
      e.token = i;
      e.type = "SAY";
      e.cls = EventClass::REPORTING;
      events.events.push_back(e);
    }
    events.events.push_back(EventMention{.token = 99999});
    doc.add(std::move(events));
    const auto& layer = stages().finder.find(doc);
    EXPECT_EQ(layer.by_event.size(), doc.get<Events>().events.size());
    for (const auto& list : layer.by_event)
      for (const Participant& p : list) EXPECT_LE(p.span.end, doc.text().size());
  }
}

TEST(ParticipantFinder, MalformedRuleTableNamesFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / "tempora-participant-roles-test";
  std::filesystem::create_directories(dir);
  for (const char* bad : {"subject agent *\n", "oblique with friend: MEET\n", "subjekt agent: *\n",
                          "# fine\noblique with: MEET\n", "subject agent:\n"}) {
    std::ofstream(dir / "roles.txt") << bad;
    try {
      ParticipantFinder::load(dir);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("roles.txt:"), std::string::npos) << e.what();
    }
  }
  std::filesystem::remove_all(dir);
  EXPECT_THROW(ParticipantFinder::load(dir), std::runtime_error);
}

// ---- the seed article ------------------------------------------------------

TEST(ParticipantFinder, SeedMeetingHasZelenskyTrumpAndTheWhiteHouse) {
  TEMPORA_REQUIRE_SHARED(shared);
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  static const Pipeline pipeline = Pipeline::load();
  Document doc = read_document(shared / "seeds" / "zelensky-trump-nbc.txt", parse_dct("2025-10-20", "test"));
  pipeline.analyze(doc);
  const auto& seg = doc.get<Segmentation>();
  if (!doc.has<Actors>()) {
    // What the actor resolver gives: names, and "his" of the first sentence
    // (Zelensky's meeting, Zelensky's visit) resolved to Zelensky.
    Actors actors;
    actors.actor_of_token.assign(seg.tokens.size(), -1);
    actors.actors = {Actor{.id = "a1", .type = ActorType::PERSON, .name = "Volodymyr Zelensky"},
                     Actor{.id = "a2", .type = ActorType::PERSON, .name = "Donald Trump"},
                     Actor{.id = "a3", .type = ActorType::FACILITY, .name = "the White House"}};
    for (std::uint32_t i = 0; i < seg.tokens.size(); ++i) {
      const std::string_view w = doc.text(seg.tokens[i].span);
      if (w == "Zelensky" || w == "Volodymyr" || (w == "his" && i < seg.sentences[0].token_count))
        actors.actor_of_token[i] = 0;
      if (w == "Trump" || w == "Donald") actors.actor_of_token[i] = 1;
      if ((w == "White" || w == "House") && i > 0 && doc.text(seg.tokens[i - 1].span) != "Read")
        actors.actor_of_token[i] = 2;
    }
    doc.add(std::move(actors));
  }
  if (!doc.has<Participants>()) stages().finder.find(doc);
  const auto& actors = doc.get<Actors>().actors;
  const auto actor_name = [&](std::int32_t a) { return a < 0 ? std::string() : actors[static_cast<std::size_t>(a)].name; };

  // "his recent meeting with Donald Trump" and "held a closed-door meeting at
  // the White House": the two MEET mentions of the one meeting.
  bool zelensky = false, trump = false, white_house = false;
  const auto& events = doc.get<Events>().events;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (events[i].type != "MEET") continue;
    for (const Participant& p : doc.get<Participants>().of(i)) {
      const std::string name = actor_name(p.actor);
      if (name.find("Zelensky") != std::string::npos && p.role == Role::agent) zelensky = true;
      if (name.find("Trump") != std::string::npos && p.role == Role::co_participant) trump = true;
      if (p.role == Role::place && doc.text(p.span) == "the White House") white_house = true;
    }
  }
  EXPECT_TRUE(zelensky);
  EXPECT_TRUE(trump);
  EXPECT_TRUE(white_house);
}

// The same with the actor stage's own recognizer and resolver in place of
// hand-made actors: names, and "his" of "his recent meeting" resolved.
TEST(ParticipantFinder, SeedMeetingWithRecognizedActors) {
  TEMPORA_REQUIRE_SHARED(shared);
  if (!have_models() || !EntityRecognizer::available()) GTEST_SKIP() << "parser, event or entity model missing";
  static const Pipeline pipeline = Pipeline::load();
  static const EntityRecognizer recognizer = EntityRecognizer::load();
  static const ActorResolver resolver = ActorResolver::load();
  Document doc = read_document(shared / "seeds" / "zelensky-trump-nbc.txt", parse_dct("2025-10-20", "test"));
  pipeline.analyze(doc);
  if (!doc.has<Entities>()) recognizer.tag(doc);
  if (!doc.has<Actors>()) resolver.resolve(doc);
  if (!doc.has<Participants>()) stages().finder.find(doc);
  const auto& actors = doc.get<Actors>().actors;
  std::set<std::string> with_meeting;
  bool white_house = false;
  const auto& events = doc.get<Events>().events;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (events[i].type != "MEET") continue;
    for (const Participant& p : doc.get<Participants>().of(i)) {
      if (p.actor >= 0) with_meeting.insert(actors[static_cast<std::size_t>(p.actor)].name);
      if (p.role == Role::place && doc.text(p.span) == "the White House") white_house = true;
    }
  }
  std::string names;
  for (const auto& n : with_meeting) names += n + "; ";
  EXPECT_TRUE(with_meeting.contains("Donald Trump")) << names;
  EXPECT_TRUE(with_meeting.contains("Volodymyr Zelensky")) << names;
  EXPECT_TRUE(white_house);
}

// The whole pipeline (recognizer and resolver included) on `text`: the
// names of the actors in `role` of the event whose trigger is `trigger`.
std::set<std::string> actors_in_role(const std::string& text, const char* dct, std::string_view trigger, Role role) {
  static const Pipeline pipeline = Pipeline::load();
  Document doc(text, {.creation_time = parse_dct(dct, "test")});
  pipeline.analyze(doc);
  std::set<std::string> names;
  if (!doc.has<Participants>()) return names;
  const auto& actors = doc.get<Actors>().actors;
  const auto& events = doc.get<Events>().events;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (doc.text(events[i].span) == trigger)
      for (const Participant& p : doc.get<Participants>().of(i))
        if (p.role == role && p.actor >= 0) names.insert(actors[static_cast<std::size_t>(p.actor)].name);
  return names;
}

// "The presidents of Portugal and Poland": the president of Poland the text
// named, and for Portugal the one president it tied to no country, not the
// president of Hungary.
TEST(ParticipantFinder, APluralTitleOfTwoPlacesIsItsTwoHolders) {
  if (!have_models() || !EntityRecognizer::available()) GTEST_SKIP() << "parser, event or entity model missing";
  EXPECT_EQ(actors_in_role("Polish President Anna Marek arrived in Lisbon on Monday, where President Joao Holm welcomed "
                           "her. Hungarian President Piet Varga spoke to reporters in Budapest. The presidents of "
                           "Portugal and Poland later held talks at the palace.\n",
                           "2026-03-14", "talks", Role::agent),
            (std::set<std::string>{"Anna Marek", "Joao Holm"}));
}

// "The company" is the organisation the article is about, not the one
// named last; two organisations named as often leave it unresolved.
TEST(ParticipantFinder, TheCompanyIsTheOrganisationTheArticleIsAbout) {
  if (!have_models() || !EntityRecognizer::available()) GTEST_SKIP() << "parser, event or entity model missing";
  EXPECT_EQ(actors_in_role("Norvik Motors launched an electric truck on Monday. Norvik Motors said orders were "
                           "strong. An analyst at Kestrel Group said demand was high. The company also announced "
                           "a new bus.\n",
                           "2026-03-10", "announced", Role::speaker),
            (std::set<std::string>{"Norvik Motors"}));
  EXPECT_TRUE(actors_in_role("Norvik Motors sued Kestrel Group on Monday. Kestrel Group denied the claims, and "
                             "Norvik Motors said it would appeal. The company also announced a new bus.\n",
                             "2026-03-10", "announced", Role::speaker)
                  .empty());
  // "the combined company" is another than the one most named
  EXPECT_TRUE(actors_in_role("Norvik Motors launched an electric truck on Monday. Norvik Motors said orders were "
                             "strong. Norvik Motors agreed to buy Kestrel Group. The combined company will cut costs.\n",
                             "2026-03-10", "cut", Role::agent)
                  .empty());
}

// "The two leaders" are the two people the text made leaders, though another
// name (here a fictional country's adjective, which the recognizer may take
// for a person) comes between, and though one was last named four sentences
// before.
TEST(ParticipantFinder, TheTwoLeadersAreTheTwoWhoLead) {
  if (!have_models() || !EntityRecognizer::available()) GTEST_SKIP() << "parser, event or entity model missing";
  EXPECT_EQ(actors_in_role("President Lidia Marek of Carvenia pressed Prime Minister Anders Holm on Thursday to supply "
                           "air-defense systems. The talks were the centrepiece of Marek's visit. Last week, Tarvan "
                           "drones hit a power station near Solvara. At a press conference, the two leaders described "
                           "the meeting in different tones.\n",
                           "2026-03-13", "described", Role::speaker),
            (std::set<std::string>{"Lidia Marek", "Anders Holm"}));
}

// "The two companies" are the two organisations named last, as "the two
// leaders" are two people.
TEST(ParticipantFinder, TheTwoCompaniesAreTheTwoNamedLast) {
  if (!have_models() || !EntityRecognizer::available()) GTEST_SKIP() << "parser, event or entity model missing";
  EXPECT_EQ(actors_in_role("Norvik Motors and Halberg Steel announced a new deal on Monday. Under the deal, Norvik "
                           "Motors will buy steel for ten years. The two companies will also share a plant in Oslo.\n",
                           "2026-03-14", "share", Role::agent),
            (std::set<std::string>{"Norvik Motors", "Halberg Steel"}));
}

// "The two sides" are countries, never the two people named last; "the
// two" alone, the two people.
TEST(ParticipantFinder, TheTwoSidesAreNoTwoPeopleAndTheTwoAre) {
  if (!have_models() || !EntityRecognizer::available()) GTEST_SKIP() << "parser, event or entity model missing";
  EXPECT_EQ(actors_in_role("Antony Blinken spoke with Michel Aoun by phone on Tuesday. Earlier this month, the two "
                           "sides agreed on a framework for the negotiations.\n",
                           "2024-10-15", "agreed", Role::agent),
            (std::set<std::string>{}));
  EXPECT_EQ(actors_in_role("Javier Milei said he had spoken with Donald Trump, and that the two would meet in "
                           "Florida.\n",
                           "2024-11-07", "meet", Role::agent),
            (std::set<std::string>{"Javier Milei", "Donald Trump"}));
}

// ---- MEANTIME ------------------------------------------------------------------

TEST(MeantimeParticipants, ReadsOneFileAndScoresIt) {
  TEMPORA_REQUIRE_SHARED(shared);
  if (!have_models()) GTEST_SKIP() << "parser or event model missing";
  const auto file = shared / "data/meantime/intra-doc/apple/107785_Apple_launches_3G.xml";
  const detail::CatDocument cat = detail::read_cat(file);
  EXPECT_EQ(cat.name, "107785_Apple_launches_3G");
  ASSERT_GT(cat.tokens.size(), 100u);
  EXPECT_EQ(cat.tokens[0], "Apple");
  EXPECT_EQ(cat.tokens[11], "launched");
  // HAS_PARTICIPANT 361801: "launches" (title) Arg0 "Apple".
  bool launches_apple = false;
  for (const auto& p : cat.participants) {
    EXPECT_TRUE(cat.mentions[p.event].event);
    EXPECT_FALSE(cat.mentions[p.target].event);
    if (cat.tokens[cat.mentions[p.event].tokens[0]] == "launches" && p.role == "Arg0" &&
        cat.tokens[cat.mentions[p.target].tokens[0]] == "Apple")
      launches_apple = true;
  }
  EXPECT_TRUE(launches_apple);

  Document doc = detail::cat_document(cat);
  const auto& seg = doc.get<Segmentation>();
  ASSERT_EQ(seg.tokens.size(), cat.tokens.size());
  EXPECT_EQ(doc.text(seg.tokens[11].span), "launched");
  EXPECT_EQ(seg.sentences.size(), cat.sentence_of.back() + 1);
  stages().pos.tag(doc);
  stages().parser.parse(doc);
  stages().time.tag(doc);
  const auto mentions = detail::add_gold_events(doc, cat, doc);
  std::size_t gold_events = 0;
  for (const auto& m : cat.mentions) gold_events += m.event ? 1 : 0;
  EXPECT_EQ(mentions.size(), gold_events);
  stages().finder.find(doc);
  const auto scores = detail::score_participants(doc, cat, mentions);
  EXPECT_GT(scores.arg0.gold, 5u);
  EXPECT_GT(scores.arg0.correct_gold, 2u) << "'Apple Computer today launched': agent Apple Computer";
  EXPECT_LE(scores.core_entities.system, scores.core_all.system);
}

}  // namespace
}  // namespace tempora

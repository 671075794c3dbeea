// SqliteStore and the cross-document queries, on hand-built records and layers.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/temp_dir.hpp"
#include "tempora/actor.hpp"
#include "tempora/event.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/segment.hpp"
#include "tempora/store.hpp"
#include "tempora/timex.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

namespace fs = std::filesystem;
using std::chrono::sys_days;
using testing::TempDir;

sys_days day(int y, unsigned m, unsigned d) { return sys_days(std::chrono::year(y) / m / d); }

StoredActor person(std::string name, std::string type = "PERSON") {
  StoredActor a;
  a.local_id = "a" + std::to_string(name.size());
  a.key = name_key(name);
  a.name = std::move(name);
  a.type = std::move(type);
  a.mentions.push_back({Provenance{0, Span{0, static_cast<std::uint32_t>(a.name.size())}}, "name", a.name});
  return a;
}

StoredEvent event(std::string id, std::string type, std::string trigger, EventDate date,
                  std::vector<std::pair<std::string, std::int32_t>> participants, std::uint32_t sentence = 0) {
  StoredEvent e;
  e.local_id = std::move(id);
  e.type = std::move(type);
  e.trigger = trigger;
  e.lemma = trigger;
  e.event_class = "OCCURRENCE";
  e.label = trigger;
  e.where = Provenance{sentence, Span{10, 10 + static_cast<std::uint32_t>(trigger.size())}};
  e.date = std::move(date);
  for (auto& [role, actor] : participants)
    e.participants.push_back({role, actor, Provenance{sentence, Span{0, 5}}, role == "place" ? "Vestholm Palace" : "x"});
  return e;
}

// Who met `actor`, from a fresh store holding only `record`.
std::vector<Meeting> meetings_in(const DocumentRecord& record, std::string actor) {
  TempDir dir;
  auto store = SqliteStore::open(dir.path() / "s.db");
  store->put(record);
  return who_met_whom(*store, {.actor = std::move(actor)});
}

EventDate on(sys_days d) { return {"at", iso_date(d), d, d, {}, {}}; }
EventDate after(sys_days d) { return {"bounds", "", {}, {}, d, {}}; }

// Four articles about one meeting: two date it March 12 and one says "on or
// after March 11" (all three agree), one says March 13. A country (GPE)
// takes part too, and there are SAY and VISIT events.
std::vector<DocumentRecord> story() {
  std::vector<DocumentRecord> docs(4);
  docs[0].id = "meridian";
  docs[0].dct = "2026-03-14";
  docs[0].actors = {person("Lidia Marek"), person("Anders Holm"), person("Vestholm Palace", "FACILITY")};
  docs[0].events = {event("e1", "MEET", "met", on(day(2026, 3, 12)), {{"agent", 0}, {"patient", 1}, {"place", 2}}),
                    event("e2", "SAY", "said", {}, {{"speaker", 0}}, 1),
                    event("e3", "VISIT", "tour", on(day(2026, 3, 13)), {{"agent", 0}}, 2)};
  docs[1].id = "harbor";
  docs[1].dct = "2026-03-13";
  docs[1].actors = {person("Holm"), person("Marek")};
  docs[1].events = {event("e1", "TALK", "talks", after(day(2026, 3, 11)), {{"co-participant", 1}, {"agent", 0}})};
  docs[2].id = "civic";
  docs[2].dct = "2026-03-16";
  docs[2].actors = {person("Lidia Marek"), person("Anders Holm")};
  docs[2].events = {event("e1", "MEET", "meeting", on(day(2026, 3, 13)), {{"agent", 0}, {"co-participant", 1}})};
  docs[3].id = "other";
  docs[3].actors = {person("Lidia Marek"), person("Nordvall", "GPE"), person("Anders Holm")};
  docs[3].events = {event("e1", "MEET", "met", on(day(2026, 3, 12)), {{"agent", 0}, {"patient", 2}, {"co-participant", 1}}),
                    event("e2", "SAY", "told", on(day(2026, 3, 12)), {{"speaker", 0}, {"addressee", 2}})};
  for (DocumentRecord& d : docs) d.text_hash = text_hash(d.id);
  return docs;
}

TEST(SqliteStore, RecordsRoundTripWhole) {
  TempDir dir;
  auto store = SqliteStore::open(dir.path() / "s.db");
  EXPECT_EQ(store->schema_version(), SqliteStore::kSchemaVersion);
  DocumentRecord r = story()[0];
  r.title = "Marek asks Holm for air defense";
  r.source = "Meridian News";
  r.url = "https://example.org/m";
  r.bytes = 2470;
  r.sentences = 9;
  r.times = {{"t1", "DATE", "2026-03-12", "", "March 12", Provenance{1, Span{20, 28}}, day(2026, 3, 12), day(2026, 3, 12)},
             {"t2", "DURATION", "P1W", "", "a week", Provenance{2, Span{40, 46}}, {}, {}}};
  r.links = {{"e1", "t1", "IS_INCLUDED", 0.9, "on", true, Provenance{1, Span{17, 19}}},
             {"e2", "e1", "AFTER", 0.4, "narrative order", false, Provenance{1, Span{0, 0}}}};
  store->put(r);
  EXPECT_EQ(store->document_count(), 1u);
  const auto back = store->get("meridian");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->title, r.title);
  EXPECT_EQ(back->url, r.url);
  EXPECT_EQ(back->bytes, 2470u);
  EXPECT_EQ(back->sentences, 9u);
  ASSERT_EQ(back->actors.size(), 3u);
  EXPECT_EQ(back->actors[1].key, "anders holm");
  EXPECT_EQ(back->actors[1].mentions.size(), 1u);
  ASSERT_EQ(back->events.size(), 3u);
  EXPECT_EQ(back->events[0].date.start, day(2026, 3, 12));
  EXPECT_EQ(back->events[0].date.anchor, "at");
  ASSERT_EQ(back->events[0].participants.size(), 3u);
  EXPECT_EQ(back->events[0].participants[1].role, "patient");
  EXPECT_EQ(back->events[0].participants[1].actor, 1);
  EXPECT_EQ(back->events[1].where.sentence, 1u);
  ASSERT_EQ(back->times.size(), 2u);
  EXPECT_EQ(back->times[0].start, day(2026, 3, 12));
  EXPECT_FALSE(back->times[1].start.has_value());
  ASSERT_EQ(back->links.size(), 2u);
  EXPECT_EQ(back->links[0].where.span, (Span{17, 19}));
  EXPECT_FALSE(back->links[1].kept);
  EXPECT_TRUE(store->incomplete_documents().empty());
  EXPECT_FALSE(store->get("nothing").has_value());
}

TEST(SqliteStore, PuttingAnIdAgainReplacesTheDocumentAndLeavesNoRows) {
  TempDir dir;
  auto store = SqliteStore::open(dir.path() / "s.db");
  const auto docs = story();
  for (const auto& d : docs) store->put(d);
  DocumentRecord changed = docs[0];
  changed.events.resize(1);
  changed.actors.resize(2);
  changed.events[0].participants.resize(2);
  changed.text_hash = "0000000000000001";
  store->put(changed);
  EXPECT_EQ(store->document_count(), 4u);
  const auto back = store->get("meridian");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->events.size(), 1u);
  EXPECT_EQ(back->actors.size(), 2u);
  EXPECT_EQ(store->version("meridian")->text_hash, "0000000000000001");
  EXPECT_TRUE(store->incomplete_documents().empty());
  // No rows of the old version are left: counted straight in SQLite.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir.path() / "s.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM actors)", -1, &s, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(s, 0), 1 + 1 + 1 + 2);
  EXPECT_EQ(sqlite3_column_int(s, 1), 2 + 2 + 2 + 3);
  sqlite3_finalize(s);
  sqlite3_close(db);
  EXPECT_TRUE(store->remove("meridian"));
  EXPECT_FALSE(store->remove("meridian"));
  EXPECT_EQ(store->document_count(), 3u);
}

TEST(SqliteStore, SchemaVersionIsCheckedOnOpen) {
  TempDir dir;
  const fs::path path = dir.path() / "s.db";
  { auto store = SqliteStore::open(path); }
  { EXPECT_EQ(SqliteStore::open(path, true)->schema_version(), SqliteStore::kSchemaVersion); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  try {
    SqliteStore::open(path);
    FAIL() << "a newer schema must be refused";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
  // A SQLite file of something else, a file that is no database, a missing store.
  const fs::path other = dir.path() / "other.db";
  ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_THROW(SqliteStore::open(other), std::runtime_error);
  EXPECT_THROW(SqliteStore::open(dir.write("text.db", "just some text, not a database at all........"
                                                      "................................................")),
               std::runtime_error);
  EXPECT_THROW(SqliteStore::open(dir.path() / "missing.db", true), std::runtime_error);
}

TEST(StoreQueries, WhoMetWhomMergesCompatibleDatesAndKeepsDisagreements) {
  TempDir dir;
  auto store = SqliteStore::open(dir.path() / "s.db");
  for (const auto& d : story()) store->put(d);
  const auto meetings = who_met_whom(*store, {.actor = "Holm"});
  ASSERT_EQ(meetings.size(), 2u);
  // March 12: meridian and other say so, harbor's "on or after March 11" agrees.
  EXPECT_EQ(meetings[0].date_label, "2026-03-12");
  EXPECT_EQ(meetings[0].a.name, "Anders Holm");  // the queried actor first, longest name
  EXPECT_EQ(meetings[0].b.name, "Lidia Marek");
  EXPECT_EQ(meetings[0].sources, (std::vector<std::string>{"meridian", "harbor", "other"}));
  EXPECT_EQ(meetings[0].places, (std::vector<std::string>{"Vestholm Palace"}));
  // March 13: civic alone, a disagreement kept apart.
  EXPECT_EQ(meetings[1].date_label, "2026-03-13");
  EXPECT_EQ(meetings[1].sources, (std::vector<std::string>{"civic"}));
  // No pair with the country (GPE), none from the SAY event.
  EXPECT_TRUE(who_met_whom(*store, {.actor = "Nordvall"}).empty());
  EXPECT_EQ(who_met_whom(*store, {}).size(), 2u);
  EXPECT_EQ(who_met_whom(*store, {.actor = "marek", .with = "ANDERS HOLM"}).size(), 2u);
  EXPECT_TRUE(who_met_whom(*store, {.actor = "Marek", .with = "Brandt"}).empty());
  const auto late = who_met_whom(*store, {.actor = "Marek", .from = day(2026, 3, 13), .to = day(2026, 3, 20)});
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].sources, (std::vector<std::string>{"civic"}));
  EXPECT_EQ(late[0].a.name, "Lidia Marek");
}

TEST(StoreQueries, OnlyMeetingsTheTextAssertsArePairs) {
  // "Holm will meet Brandt", "Holm did not meet Varga", "Holm wants to meet
  // Olsen": none of them met.
  DocumentRecord d;
  d.id = "plans";
  d.actors = {person("Anders Holm"), person("Ilse Brandt"), person("Eva Varga"), person("Nils Olsen")};
  d.events = {event("e1", "MEET", "meet", {}, {{"agent", 0}, {"patient", 1}}),
              event("e2", "MEET", "meet", {}, {{"agent", 0}, {"patient", 2}}),
              event("e3", "MEET", "meet", {}, {{"agent", 0}, {"patient", 3}})};
  d.events[0].factuality = "FUTURE";
  d.events[1].factuality = "NEGATED";
  d.events[1].negated = true;
  d.events[2].factuality = "POSSIBLE";
  TempDir dir;
  auto store = SqliteStore::open(dir.path() / "s.db");
  store->put(d);
  EXPECT_TRUE(who_met_whom(*store, {.actor = "Holm"}).empty());
  // The events themselves are stored, with their factuality.
  const auto back = store->get("plans");
  ASSERT_TRUE(back.has_value());
  ASSERT_EQ(back->events.size(), 3u);
  EXPECT_EQ(back->events[0].factuality, "FUTURE");
  EXPECT_EQ(back->events[2].factuality, "POSSIBLE");
}

TEST(SqliteStore, AVersionOneStoreIsMigratedWhenOpenedForWriting) {
  TempDir dir;
  const fs::path path = dir.path() / "s.db";
  { SqliteStore::open(path)->put(story()[0]); }
  // Make it the version 1 schema: no events.factuality.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "ALTER TABLE events DROP COLUMN factuality; PRAGMA user_version = 1", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_THROW(SqliteStore::open(path, true), std::runtime_error) << "reading needs the migration first";
  auto store = SqliteStore::open(path);
  EXPECT_EQ(store->schema_version(), 2);
  const auto back = store->get("meridian");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->events[0].factuality, "ASSERTED");
  store->put(story()[1]);
  EXPECT_EQ(who_met_whom(*store, {.actor = "Holm"}).size(), 1u);
}

TEST(StoreQueries, EventsAndTimelineOfAnActor) {
  TempDir dir;
  auto store = SqliteStore::open(dir.path() / "s.db");
  for (const auto& d : story()) store->put(d);
  const auto hits = store->events({.actor = "Marek"});
  ASSERT_EQ(hits.size(), 7u);
  EXPECT_EQ(hits[0].document, "meridian");
  EXPECT_EQ(hits[0].role, "agent");
  ASSERT_EQ(hits[0].actors.size(), 3u);
  EXPECT_EQ(hits[0].actors[1].name, "Anders Holm");
  EXPECT_EQ(store->events({.actor = "Marek", .types = {"say"}}).size(), 2u);
  EXPECT_EQ(store->events({.actor = "Brandt"}).size(), 0u);

  const auto timeline = actor_timeline(*store, {.actor = "Lidia Marek", .newsworthy_only = true});
  // Meeting on March 12 (meridian, other), SAY told March 12 (other), the
  // tour (seen first) and the meeting (civic) on March 13, the undated SAY
  // last. Harbor's "Marek" is not "Lidia Marek" for a query by the full name.
  std::vector<std::string> rows;
  for (const auto& e : timeline) rows.push_back(e.date_label + " " + e.type + " " + std::to_string(e.sources.size()));
  EXPECT_EQ(rows, (std::vector<std::string>{"2026-03-12 MEET 2", "2026-03-12 SAY 1", "2026-03-13 VISIT 1",
                                            "2026-03-13 MEET 1", "undated SAY 1"}));
}

TEST(MakeRecord, ActorAndParticipantLayersAreStoredWithProvenance) {
  Document doc("Marek met Holm in Brennick. He said little.", DocumentInfo{.id = "hand", .title = "t"});
  Segmenter::load().segment(doc);
  const auto& seg = doc.get<Segmentation>();
  ASSERT_EQ(seg.sentences.size(), 2u);
  EventMention met;
  met.span = {6, 9};
  met.token = 1;
  met.id = "e1";
  met.type = "MEET";
  met.lemma = "meet";
  EventMention said;
  said.span = {31, 35};
  said.token = 7;
  said.sentence = 1;
  said.id = "e2";
  said.type = "SAY";
  said.cls = EventClass::REPORTING;
  said.newsworthy = false;
  doc.add(Events{{met, said}});
  Actors actors;
  actors.actors.push_back({"a1", ActorType::PERSON, "Marek", "", "Marek", {}, {}, {}, {{{0, 5}, 0, 0, MentionKind::name}, {{28, 30}, 6, 1, MentionKind::pronoun}}});
  actors.actors.push_back({"a2", ActorType::PERSON, "Holm", "holm", "Holm", {}, {}, {}, {{{10, 14}, 2, 0, MentionKind::name}}});
  actors.actors.push_back({"a3", ActorType::GPE, "Brennick", "brennick", "Brennick", {}, {}, {}, {{{18, 26}, 4, 0, MentionKind::name}}});
  doc.add(std::move(actors));
  Participants participants;
  participants.by_event = {{{Role::agent, {0, 5}, 0, 0}, {Role::patient, {10, 14}, 2, 1}, {Role::place, {18, 26}, 4, 2}},
                           {{Role::speaker, {28, 30}, 6, 0}}};
  doc.add(std::move(participants));

  const DocumentRecord r = make_record(doc);
  EXPECT_EQ(r.id, "hand");
  EXPECT_EQ(r.sentences, 2u);
  EXPECT_EQ(r.text_hash, text_hash(doc.text()));
  ASSERT_EQ(r.actors.size(), 3u);
  EXPECT_EQ(r.actors[0].key, "marek");  // filled in from the name when the resolver left it empty
  ASSERT_EQ(r.actors[0].mentions.size(), 2u);
  EXPECT_EQ(r.actors[0].mentions[1].kind, "pronoun");
  EXPECT_EQ(r.actors[0].mentions[1].text, "He");
  EXPECT_EQ(r.actors[0].mentions[1].where.sentence, 1u);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].trigger, "met");
  EXPECT_EQ(r.events[1].event_class, "REPORTING");
  EXPECT_FALSE(r.events[1].newsworthy);
  ASSERT_EQ(r.events[0].participants.size(), 3u);
  EXPECT_EQ(r.events[0].participants[2].role, "place");
  EXPECT_EQ(r.events[0].participants[2].text, "Brennick");
  EXPECT_EQ(r.events[1].participants[0].where.sentence, 1u);

  const auto meetings = meetings_in(r, "Marek");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].b.name, "Holm");
  EXPECT_EQ(meetings[0].places, (std::vector<std::string>{"Brennick"}));
  EXPECT_EQ(meetings[0].date_label, "undated");
}

TEST(Store, AMeetingTakesThePlaceAnotherMentionOfItNames) {
  DocumentRecord r;
  r.id = "two-mentions";
  r.actors = {person("Marek"), person("Holm"), person("Vestholm Palace", "FACILITY")};
  // "held a meeting at Vestholm Palace on March 12" ... "his meeting with Holm"
  r.events.push_back(event("e1", "MEET", "meeting", on(day(2026, 3, 12)), {{"place", 2}}));
  r.events.push_back(event("e2", "MEET", "meeting", on(day(2026, 3, 12)), {{"agent", 0}, {"co-participant", 1}}, 1));
  r.events[1].same_event = 0;
  const auto meetings = meetings_in(r, "Marek");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].places, (std::vector<std::string>{"Vestholm Palace"}));
}

TEST(Store, AMeetingDatedWithoutAYearShowsTheUnderspecifiedDate) {
  DocumentRecord r;
  r.id = "no-dct";
  r.actors = {person("Marek"), person("Holm")};
  r.events.push_back(event("e1", "MEET", "met", EventDate{"at", "XXXX-03-12", {}, {}, {}, {}}, {{"agent", 0}, {"agent", 1}}));
  const auto meetings = meetings_in(r, "Marek");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].date_label, "XXXX-03-12") << "dated, the year unknown: not 'undated'";
}

// "Who met whom, and when?" is answered as the timeline draws it: the mention
// that names both leaders has no date of its own, another mention of the same
// meeting has the date and the place.
TEST(MakeRecord, MentionsOfOneMeetingShareItsDateAndPlace) {
  static const Pipeline pipeline = Pipeline::load();
  if (!pipeline.has_events() || !pipeline.has_parser() || !pipeline.has_actors())
    GTEST_SKIP() << "event, parser or actor model missing";
  DocumentInfo info;
  info.id = "seedlike";
  info.creation_time = parse_dct("2025-10-20", "test");
  Document doc(
      "Ukrainian President Volodymyr Zelensky spoke about his recent meeting with Donald Trump. "
      "The presidents of the U.S. and Ukraine held a closed-door meeting at the White House on October 17.",
      info);
  pipeline.analyze(doc);
  const DocumentRecord r = make_record(doc);
  int linked = 0;
  for (const StoredEvent& e : r.events) linked += e.same_event >= 0;
  EXPECT_GT(linked, 0) << "the two meetings are one event";

  const auto meetings = meetings_in(r, "Zelensky");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].b.name, "Donald Trump");
  EXPECT_EQ(meetings[0].date_label, "2025-10-17");
  EXPECT_EQ(meetings[0].places, (std::vector<std::string>{"White House"}));
}

TEST(NameKey, IsTheActorKeyOfTheActorStage) {
  EXPECT_EQ(name_key("Lidia  Márek"), "lidia marek");
  EXPECT_EQ(name_key("ZELENSKYY"), name_key("Zelensky"));  // transliterations (resources/actor/aliases.txt)
  EXPECT_EQ(name_key("President Anders Holm"), "anders holm");  // titles dropped
  EXPECT_EQ(name_key(""), "");
  EXPECT_EQ(name_key("\xff\xfe"), "");
}

TEST(Dates, IsoAndIntervalLabels) {
  EXPECT_EQ(parse_iso_date("2026-03-12"), day(2026, 3, 12));
  EXPECT_FALSE(parse_iso_date("2026-02-30").has_value());
  EXPECT_FALSE(parse_iso_date("March 12").has_value());
  EXPECT_EQ(interval_label(day(2026, 3, 12), day(2026, 3, 12)), "2026-03-12");
  EXPECT_EQ(interval_label(day(2026, 3, 9), day(2026, 3, 15)), "2026-03-09..2026-03-15");
  EXPECT_EQ(interval_label(day(2026, 3, 9), {}), "on or after 2026-03-09");
  EXPECT_EQ(interval_label({}, day(2026, 3, 9)), "on or before 2026-03-09");
  EXPECT_EQ(interval_label({}, {}), "undated");
}

}  // namespace
}  // namespace tempora

// The corpus store: what tempora found in many articles, kept and queried.
//
// An analysed Document is first turned into a DocumentRecord, plain data with
// no reference to the Document (make_record). The record is what a Store
// keeps: the document's metadata, its actors (with cross-document keys) and
// their mentions, its events (type, trigger, class, date or calendar bounds)
// and their participants, its time expressions and its temporal links, each
// with its provenance (document, sentence, byte span of the text).
//
// Store is the interface the pipeline writes to and the queries read from;
// SqliteStore (one file, the default) implements it, and a server database
// can be added as another implementation without touching either side.
//
//   auto store = SqliteStore::open("corpus.db");
//   store->put(make_record(doc));          // one transaction; replaces doc's old version
//   for (const Meeting& m : who_met_whom(*store, {.actor = "Marek"})) ...
//
// Names in queries are compared by their actor keys (case and punctuation
// folded): "Marek" matches an actor whose key is "marek" or ends in the word
// "marek" ("lidia marek").
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/actor.hpp"
#include "tempora/document.hpp"

namespace tempora {

// ---- what is stored -------------------------------------------------------------

// Where a fact was found: sentence index and byte span in its document.
struct Provenance {
  std::uint32_t sentence = 0;
  Span span;
};

struct StoredMention {
  Provenance where;
  std::string kind;  // "name", "description", "pronoun"
  std::string text;
};

struct StoredActor {
  std::string local_id;  // "a1"
  std::string key;       // cross-document key
  std::string name;
  std::string type;      // "PERSON", "ORGANIZATION", "GPE", ...
  std::vector<StoredMention> mentions;
};

struct StoredParticipant {
  std::string role;        // "agent", "co-participant", "place", ...
  std::int32_t actor = -1; // index into DocumentRecord::actors, or -1
  Provenance where;
  std::string text;        // the argument phrase
};

// When an event happened, as far as the document says: a date (`anchor` "at"
// a day or "within" a coarser time: value, start and end days), or calendar
// bounds from the temporal closure (earliest, latest), or nothing.
struct EventDate {
  std::string anchor;  // "at", "within", "bounds" or "" (undated)
  std::string value;   // TIMEX3 value of the anchoring time ("2026-03-12")
  std::optional<std::chrono::sys_days> start, end;        // both days included
  std::optional<std::chrono::sys_days> earliest, latest;  // bounds
  // The interval the event may lie in: [start, end], or the bounds (open
  // sides unset). Empty on both sides when undated.
  std::optional<std::chrono::sys_days> from() const { return start ? start : earliest; }
  std::optional<std::chrono::sys_days> to() const { return end ? end : latest; }
};

struct StoredEvent {
  std::string local_id;  // "e1"
  std::string type;      // MEET, TALK, SAY, ..., OTHER
  std::string trigger;
  std::string lemma;
  std::string event_class;  // OCCURRENCE, REPORTING, ...
  std::string label;        // "Marek meets Holm"
  bool newsworthy = true;
  bool negated = false;
  std::string factuality = "ASSERTED";  // ASSERTED, FUTURE, POSSIBLE, NEGATED (EventMention::factuality)
  Provenance where;
  EventDate date;
  std::vector<StoredParticipant> participants;
  // Another mention of the same event earlier in the document ("his recent
  // meeting with Trump" ... "held a meeting at the White House"): the index
  // in DocumentRecord::events of the first mention, or -1 for a first or only
  // mention. make_record() sets it from the timeline's identity links and
  // gives an undated mention the date another mention of the event has.
  int same_event = -1;
};

struct StoredTime {
  std::string tid;  // "t1"
  std::string type; // DATE, TIME, DURATION, SET
  std::string value;
  std::string mod;
  std::string text;
  Provenance where;
  std::optional<std::chrono::sys_days> start, end;  // both days included, when calendar
};

struct StoredLink {
  std::string a, b;  // event ids, tids, "t0" (the DCT), implicit "x1"
  std::string relation;  // BEFORE, IS_INCLUDED, ...
  double confidence = 0.5;
  std::string evidence;
  bool kept = true;
  Provenance where;  // the signal's bytes when a word gave the link, else the first node's
};

struct DocumentRecord {
  std::string id;
  std::string dct;  // "2026-03-14" or ""
  std::string title, source, url;
  std::string text_hash;  // 16 hex digits (64-bit FNV-1a of the text)
  std::uint64_t bytes = 0;
  std::uint32_t sentences = 0;
  std::vector<StoredActor> actors;
  std::vector<StoredEvent> events;
  std::vector<StoredTime> times;
  std::vector<StoredLink> links;
};

// The record of an analysed document (reads Segmentation; Events,
// TimeExpressions, TemporalLinks, Actors and Participants when present).
DocumentRecord make_record(const Document& doc);

// 64-bit FNV-1a of the text as 16 hex digits.
std::string text_hash(std::string_view text);

// The key a name is compared by: case folded, diacritics and apostrophes
// dropped, other punctuation a space ("Lidia  Márek" -> "lidia marek",
// "O’Brien-Smith" -> "obrien smith").
std::string name_key(std::string_view name);

// ---- queries --------------------------------------------------------------------

struct ActorRef {
  std::string key;
  std::string name;
  std::string type;
};

// One document's statement that two actors met or talked.
struct MeetingMention {
  std::string document;
  std::string event;  // local id
  std::string type;   // MEET, TALK
  std::string trigger;
  ActorRef a, b;      // a.key < b.key
  EventDate date;
  std::string place;  // the place participant's name, or ""
  Provenance where;
};

struct MeetingQuery {
  std::string actor;  // either side of the pair (name, matched by key); empty: any
  std::string with;   // the other side; empty: any
  std::optional<std::chrono::sys_days> from, to;  // keep meetings that may fall in [from, to]
};

// A meeting as the corpus tells it, merged across articles: the mentions of
// the same pair of actors whose dates are compatible (their intervals meet).
struct Meeting {
  ActorRef a, b;
  std::string date_label;  // "2026-03-12", "2026-03-12..2026-03-14", "on or after 2026-03-12", "undated"
  std::optional<std::chrono::sys_days> from, to;  // the intersection of the mentions' intervals
  std::vector<std::string> places;
  std::vector<std::string> sources;  // document ids, in first-mention order, each once
  std::vector<MeetingMention> mentions;
};

struct EventQuery {
  std::string actor;                // name, matched by key (required by `query events`)
  std::vector<std::string> types;   // MEET, TALK, ...; empty: any
  bool newsworthy_only = false;
};

struct EventHit {
  std::string document;
  StoredEvent event;               // with its participants
  std::vector<ActorRef> actors;    // parallel to event.participants (empty key: not an actor)
  std::string role;                // the queried actor's role
};

// A cross-document timeline entry: the same event (type, participants,
// compatible date) told by one or more documents.
struct TimelineEntry {
  std::string type;
  std::string label;
  std::string date_label;
  std::optional<std::chrono::sys_days> from, to;
  std::vector<ActorRef> participants;
  std::vector<std::string> sources;
  std::vector<EventHit> mentions;
};

// ---- the store --------------------------------------------------------------

class Store {
 public:
  virtual ~Store() = default;

  // Stores a document's record in one transaction, replacing any record with
  // the same id. Either all of it is stored or none of it.
  virtual void put(const DocumentRecord& record) = 0;
  // Removes a document; false when there was none.
  virtual bool remove(std::string_view id) = 0;

  virtual std::uint64_t document_count() const = 0;
  // The stored text hash and DCT of a document, when it is stored.
  struct Version {
    std::string text_hash;
    std::string dct;
  };
  virtual std::optional<Version> version(std::string_view id) const = 0;
  // The whole record of a document, read back.
  virtual std::optional<DocumentRecord> get(std::string_view id) const = 0;
  // Documents whose stored rows do not add up to what their document row
  // says (actors, events, times, links): a check for partly written documents.
  virtual std::vector<std::string> incomplete_documents() const = 0;

  // Every MEET/TALK event in which two PERSON/ORGANIZATION actors take part
  // as agent, patient or co-participant, one mention per pair.
  virtual std::vector<MeetingMention> meeting_mentions(const MeetingQuery& query) const = 0;
  // The events the query's actor takes part in, in document order.
  virtual std::vector<EventHit> events(const EventQuery& query) const = 0;
};

class SqliteStore final : public Store {
 public:
  // The schema version this build writes (PRAGMA user_version).
  static constexpr int kSchemaVersion = 2;

  // Opens or creates the store. A store written by a newer tempora, or a
  // SQLite file that is not a tempora store, is refused (std::runtime_error);
  // an older schema is migrated. read_only opens an existing store only.
  static std::unique_ptr<SqliteStore> open(const std::filesystem::path& path, bool read_only = false);

  ~SqliteStore() override;

  void put(const DocumentRecord& record) override;
  bool remove(std::string_view id) override;
  std::uint64_t document_count() const override;
  std::optional<Version> version(std::string_view id) const override;
  std::optional<DocumentRecord> get(std::string_view id) const override;
  std::vector<std::string> incomplete_documents() const override;
  std::vector<MeetingMention> meeting_mentions(const MeetingQuery& query) const override;
  std::vector<EventHit> events(const EventQuery& query) const override;

  int schema_version() const;

 private:
  struct Db;
  explicit SqliteStore(std::unique_ptr<Db> db);
  std::unique_ptr<Db> db_;
};

// ---- answers over any store -------------------------------------------------------

// Who met whom and when: meeting mentions merged across documents by actor
// keys and compatible dates, ordered by date (undated last).
std::vector<Meeting> who_met_whom(const Store& store, const MeetingQuery& query);
// One entry per distinct event, merged across documents, ordered by date
// (undated last, in the order first seen).
std::vector<TimelineEntry> actor_timeline(const Store& store, const EventQuery& query);

// "2026-03-12", "2026-03-12..2026-03-14", "on or after 2026-03-12", "on or
// before ...", "undated".
std::string interval_label(std::optional<std::chrono::sys_days> from, std::optional<std::chrono::sys_days> to);
std::string iso_date(std::chrono::sys_days day);
std::optional<std::chrono::sys_days> parse_iso_date(std::string_view text);

}  // namespace tempora

// The SQLite corpus store: one file, one transaction per document.
//
// Tables (schema version 2, kept in PRAGMA user_version; the file is marked
// as a tempora store with PRAGMA application_id):
//
//   documents     one row per document id: metadata, text hash, and the
//                 number of rows it owns in every other table (the counts
//                 let incomplete_documents() prove a document whole)
//   actors        per document: local id, cross-document key, the key's last
//                 word ("holm" for "anders holm", so "Holm" finds him), name, type
//   mentions      each actor mention: sentence, byte span, kind, text
//   events        type, trigger, class, label, sentence, span, the date:
//                 anchor, TIMEX3 value, first and last day, or bounds; and
//                 factuality (ASSERTED, FUTURE, POSSIBLE, NEGATED; version 2)
//   participants  event, actor (or none), role, sentence, span, text
//   times         the time expressions with their calendar days
//   links         the TLINKs with relation, confidence, evidence, provenance
//   meetings      derived at put(): one row per pair of PERSON/ORGANIZATION
//                 actors taking part (agent, patient, co-participant) in a
//                 MEET or TALK event the text asserts (not "will meet", "did
//                 not meet", "wants to meet"; stores migrated from version 1
//                 keep the pairs they had), with the place that event or
//                 another mention of it (StoredEvent::same_event) names; what `query met` reads,
//                 so that it is an indexed lookup, not a join over participants
//
// Child rows point at their document by its integer row id and are deleted
// by it (every child table is indexed on `doc`), so replacing a document is
// a handful of indexed deletes plus the inserts, all in one transaction:
// after a crash or SIGKILL either the old or the new version is there, never
// a mix. The file runs in WAL mode with synchronous=NORMAL: a killed process
// loses nothing committed; a power cut may lose the last transactions but
// never leaves one half-written.
//
// Dates are stored as ISO text ("2026-03-12"), which sorts and compares as
// dates do, in SQLite and in any other SQL database.
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "tempora/store.hpp"

namespace tempora {

namespace {

constexpr int kApplicationId = 0x54454d50;  // "TEMP"

// Version 1: the first schema. A later version appends its migration here
// (kMigrations[v] brings a store from version v to v + 1).
constexpr const char* kSchema = R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  dct TEXT, title TEXT, source TEXT, url TEXT,
  text_hash TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sentences INTEGER NOT NULL,
  n_actors INTEGER NOT NULL, n_mentions INTEGER NOT NULL, n_events INTEGER NOT NULL,
  n_participants INTEGER NOT NULL, n_times INTEGER NOT NULL, n_links INTEGER NOT NULL);
CREATE TABLE actors(
  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, ord INTEGER NOT NULL,
  local_id TEXT NOT NULL, key TEXT NOT NULL, last TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL);
CREATE INDEX actors_doc ON actors(doc);
CREATE INDEX actors_key ON actors(key);
CREATE INDEX actors_last ON actors(last);
CREATE TABLE mentions(
  actor INTEGER NOT NULL, doc INTEGER NOT NULL,
  sentence INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, kind TEXT, text TEXT);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_actor ON mentions(actor);
CREATE TABLE events(
  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, local_id TEXT NOT NULL,
  type TEXT, trigger TEXT, lemma TEXT, class TEXT, label TEXT, newsworthy INTEGER, negated INTEGER,
  sentence INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  anchor TEXT, date_value TEXT, date_start TEXT, date_end TEXT, earliest TEXT, latest TEXT,
  factuality TEXT NOT NULL DEFAULT 'ASSERTED');
CREATE INDEX events_doc ON events(doc);
CREATE TABLE participants(
  event INTEGER NOT NULL, doc INTEGER NOT NULL, actor INTEGER, role TEXT NOT NULL,
  sentence INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT);
CREATE INDEX participants_doc ON participants(doc);
CREATE INDEX participants_event ON participants(event);
CREATE INDEX participants_actor ON participants(actor);
CREATE TABLE times(
  doc INTEGER NOT NULL, tid TEXT NOT NULL, type TEXT, value TEXT, mod TEXT, text TEXT,
  sentence INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, first_day TEXT, last_day TEXT);
CREATE INDEX times_doc ON times(doc);
CREATE TABLE links(
  doc INTEGER NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, relation TEXT NOT NULL, confidence REAL, evidence TEXT,
  kept INTEGER NOT NULL, sentence INTEGER NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL);
CREATE INDEX links_doc ON links(doc);
CREATE TABLE meetings(
  doc INTEGER NOT NULL, event INTEGER NOT NULL,
  a_key TEXT NOT NULL, a_last TEXT NOT NULL, a_name TEXT, a_type TEXT,
  b_key TEXT NOT NULL, b_last TEXT NOT NULL, b_name TEXT, b_type TEXT, place TEXT);
CREATE INDEX meetings_doc ON meetings(doc);
CREATE INDEX meetings_a_key ON meetings(a_key);
CREATE INDEX meetings_a_last ON meetings(a_last);
CREATE INDEX meetings_b_key ON meetings(b_key);
CREATE INDEX meetings_b_last ON meetings(b_last);
)sql";

// kMigrations[v - 1] takes a version v store to version v + 1.
constexpr std::array<const char*, 1> kMigrations{
    // 1 -> 2: events.factuality
    "ALTER TABLE events ADD COLUMN factuality TEXT NOT NULL DEFAULT 'ASSERTED';",
};
static_assert(kMigrations.size() + 1 == SqliteStore::kSchemaVersion);

constexpr std::array<const char*, 8> kChildTables{"actors", "mentions", "events", "participants",
                                                  "times",  "links",    "meetings", "documents"};

std::string last_word(std::string_view key) {
  const auto space = key.rfind(' ');
  return std::string(space == std::string_view::npos ? key : key.substr(space + 1));
}

std::optional<std::chrono::sys_days> day_column(sqlite3_stmt* s, int column) {
  if (sqlite3_column_type(s, column) == SQLITE_NULL) return std::nullopt;
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
  return parse_iso_date(text == nullptr ? "" : text);
}

std::string text_column(sqlite3_stmt* s, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
  return text == nullptr ? std::string() : std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(s, column)));
}

// A prepared statement with binding by position; reset after each use.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
      throw std::runtime_error(fmt::format("store: {} (in {})", sqlite3_errmsg(db), sql));
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  Statement& bind(int i, std::string_view text) {
    check(sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(int i, const char* text) { return bind(i, std::string_view(text)); }
  Statement& bind(int i, const std::string& text) { return bind(i, std::string_view(text)); }
  Statement& bind(int i, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, i, value));
    return *this;
  }
  Statement& bind(int i, double value) {
    check(sqlite3_bind_double(stmt_, i, value));
    return *this;
  }
  Statement& bind(int i, const std::optional<std::chrono::sys_days>& day) {
    if (!day) {
      check(sqlite3_bind_null(stmt_, i));
      return *this;
    }
    return bind(i, iso_date(*day));
  }
  Statement& bind_null(int i) {
    check(sqlite3_bind_null(stmt_, i));
    return *this;
  }

  // Steps once; true while there is a row.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    throw std::runtime_error("store: " + message);
  }
  void run() {
    step();
    reset();
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) throw std::runtime_error(fmt::format("store: {}", sqlite3_errmsg(db_)));
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets a statement however the scope is left.
struct Resetter {
  Statement& s;
  ~Resetter() { s.reset(); }
};

void exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("store: " + message);
  }
}

int pragma_int(sqlite3* db, const char* pragma) {
  Statement s(db, fmt::format("PRAGMA {}", pragma));
  return s.step() ? sqlite3_column_int(s.get(), 0) : 0;
}

bool is_meeting_type(std::string_view type) { return type == "MEET" || type == "TALK"; }
bool is_meeting_role(std::string_view role) { return role == "agent" || role == "patient" || role == "co-participant"; }
bool is_meeting_actor(std::string_view type) { return type == "PERSON" || type == "ORGANIZATION"; }

// The connection and its prepared statements, cached by their SQL.
struct Connection {
  sqlite3* db = nullptr;
  bool read_only = false;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements;

  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() {
    statements.clear();
    if (db != nullptr) sqlite3_close_v2(db);
  }

  Statement& statement(const std::string& sql) {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<Statement>(db, sql);
    return *slot;
  }
};

}  // namespace

struct SqliteStore::Db : Connection {};

SqliteStore::SqliteStore(std::unique_ptr<Db> db) : db_(std::move(db)) {}
SqliteStore::~SqliteStore() = default;

std::unique_ptr<SqliteStore> SqliteStore::open(const std::filesystem::path& path, bool read_only) {
  auto db = std::make_unique<Db>();
  db->read_only = read_only;
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (read_only) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
      throw std::runtime_error(fmt::format("{}: no such store (create it with `tempora index`)", path.string()));
  }
  if (sqlite3_open_v2(path.c_str(), &db->db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    throw std::runtime_error(fmt::format("cannot open store {}: {}", path.string(),
                                         db->db != nullptr ? sqlite3_errmsg(db->db) : "out of memory"));
  sqlite3_busy_timeout(db->db, 10'000);
  sqlite3_extended_result_codes(db->db, 1);
  int version = 0;
  int application = 0;
  int tables = 0;
  try {
    version = pragma_int(db->db, "user_version");
    application = pragma_int(db->db, "application_id");
    Statement count(db->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
    tables = count.step() ? sqlite3_column_int(count.get(), 0) : 0;
  } catch (const std::exception& e) {
    throw std::runtime_error(fmt::format("{}: not a tempora store ({})", path.string(), e.what()));
  }
  if (tables > 0 && application != kApplicationId)
    throw std::runtime_error(fmt::format("{}: not a tempora store (a SQLite file with other tables)", path.string()));
  if (version > kSchemaVersion)
    throw std::runtime_error(fmt::format("{}: written by a newer tempora (schema version {}, this one reads up to {})",
                                         path.string(), version, kSchemaVersion));
  if (!read_only) {
    exec(db->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    if (tables == 0) {
      exec(db->db, "BEGIN IMMEDIATE");
      try {
        exec(db->db, kSchema);
        exec(db->db, fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", kApplicationId, kSchemaVersion).c_str());
        exec(db->db, "COMMIT");
      } catch (...) {
        sqlite3_exec(db->db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
      }
    } else if (version < kSchemaVersion) {
      exec(db->db, "BEGIN IMMEDIATE");
      try {
        for (int v = std::max(version, 1); v < kSchemaVersion; ++v) exec(db->db, kMigrations[static_cast<std::size_t>(v - 1)]);
        exec(db->db, fmt::format("PRAGMA user_version = {};", kSchemaVersion).c_str());
        exec(db->db, "COMMIT");
      } catch (...) {
        sqlite3_exec(db->db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
      }
    }
  } else if (tables == 0 || version < kSchemaVersion) {
    throw std::runtime_error(fmt::format("{}: {} (open it for writing, e.g. with `tempora index`, to migrate it)",
                                         path.string(), tables == 0 ? "an empty store" : "an older store schema"));
  }
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(db)));
}

int SqliteStore::schema_version() const { return pragma_int(db_->db, "user_version"); }

namespace {

// Deletes every row of a document (by its integer row id).
void delete_rows(Connection& db, std::int64_t doc) {
  for (const char* table : kChildTables) {
    Statement& s = db.statement(fmt::format("DELETE FROM {} WHERE {} = ?1", table, std::string_view(table) == "documents" ? "id" : "doc"));
    s.bind(1, doc).run();
  }
}

std::optional<std::int64_t> row_of(Connection& db, std::string_view id) {
  Statement& s = db.statement("SELECT id FROM documents WHERE doc_id = ?1");
  Resetter r{s};
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return sqlite3_column_int64(s.get(), 0);
}

}  // namespace

void SqliteStore::put(const DocumentRecord& record) {
  if (db_->read_only) throw std::runtime_error("store: opened read-only");
  Db& db = *db_;
  exec(db.db, "BEGIN IMMEDIATE");
  try {
    if (const auto old = row_of(db, record.id)) delete_rows(db, *old);
    std::int64_t mentions = 0, participants = 0;
    for (const StoredActor& a : record.actors) mentions += static_cast<std::int64_t>(a.mentions.size());
    for (const StoredEvent& e : record.events) participants += static_cast<std::int64_t>(e.participants.size());
    Statement& doc = db.statement(
        "INSERT INTO documents(doc_id, dct, title, source, url, text_hash, bytes, sentences, n_actors, n_mentions, "
        "n_events, n_participants, n_times, n_links) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    doc.bind(1, record.id).bind(2, record.dct).bind(3, record.title).bind(4, record.source).bind(5, record.url);
    doc.bind(6, record.text_hash).bind(7, static_cast<std::int64_t>(record.bytes)).bind(8, static_cast<std::int64_t>(record.sentences));
    doc.bind(9, static_cast<std::int64_t>(record.actors.size())).bind(10, mentions);
    doc.bind(11, static_cast<std::int64_t>(record.events.size())).bind(12, participants);
    doc.bind(13, static_cast<std::int64_t>(record.times.size())).bind(14, static_cast<std::int64_t>(record.links.size()));
    doc.run();
    const std::int64_t row = sqlite3_last_insert_rowid(db.db);

    std::vector<std::int64_t> actor_rows;
    actor_rows.reserve(record.actors.size());
    Statement& actor = db.statement(
        "INSERT INTO actors(doc, ord, local_id, key, last, name, type) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    Statement& mention = db.statement(
        "INSERT INTO mentions(actor, doc, sentence, span_begin, span_end, kind, text) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (std::size_t i = 0; i < record.actors.size(); ++i) {
      const StoredActor& a = record.actors[i];
      actor.bind(1, row).bind(2, static_cast<std::int64_t>(i)).bind(3, a.local_id).bind(4, a.key).bind(5, last_word(a.key));
      actor.bind(6, a.name).bind(7, a.type).run();
      actor_rows.push_back(sqlite3_last_insert_rowid(db.db));
      for (const StoredMention& m : a.mentions) {
        mention.bind(1, actor_rows.back()).bind(2, row).bind(3, static_cast<std::int64_t>(m.where.sentence));
        mention.bind(4, static_cast<std::int64_t>(m.where.span.begin)).bind(5, static_cast<std::int64_t>(m.where.span.end));
        mention.bind(6, m.kind).bind(7, m.text).run();
      }
    }

    Statement& event = db.statement(
        "INSERT INTO events(doc, local_id, type, trigger, lemma, class, label, newsworthy, negated, sentence, span_begin, "
        "span_end, anchor, date_value, date_start, date_end, earliest, latest, factuality) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
    Statement& participant = db.statement(
        "INSERT INTO participants(event, doc, actor, role, sentence, span_begin, span_end, text) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    Statement& meeting = db.statement(
        "INSERT INTO meetings(doc, event, a_key, a_last, a_name, a_type, b_key, b_last, b_name, b_type, place) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    // Where each event took place, as any of its mentions says: "his recent
    // meeting with Trump" took place where "a meeting at the White House" did.
    // Mentions point at their event's first mention; a malformed pointer
    // (forward or out of range) is read as "its own event".
    const auto first_mention = [&](std::size_t i) {
      const int first = record.events[i].same_event;
      return first >= 0 && static_cast<std::size_t>(first) < i ? static_cast<std::size_t>(first) : i;
    };
    std::vector<std::string> place_of(record.events.size());
    for (std::size_t i = 0; i < record.events.size(); ++i) {
      const StoredEvent& e = record.events[i];
      std::string& place = place_of[first_mention(i)];
      for (const StoredParticipant& p : e.participants)
        if (p.role == "place" && place.empty()) place = p.actor >= 0 ? record.actors[static_cast<std::size_t>(p.actor)].name : p.text;
    }
    for (std::size_t i = 0; i < record.events.size(); ++i) {
      const StoredEvent& e = record.events[i];
      event.bind(1, row).bind(2, e.local_id).bind(3, e.type).bind(4, e.trigger).bind(5, e.lemma).bind(6, e.event_class);
      event.bind(7, e.label).bind(8, std::int64_t{e.newsworthy}).bind(9, std::int64_t{e.negated});
      event.bind(10, static_cast<std::int64_t>(e.where.sentence)).bind(11, static_cast<std::int64_t>(e.where.span.begin));
      event.bind(12, static_cast<std::int64_t>(e.where.span.end)).bind(13, e.date.anchor).bind(14, e.date.value);
      event.bind(15, e.date.start).bind(16, e.date.end).bind(17, e.date.earliest).bind(18, e.date.latest);
      event.bind(19, e.factuality).run();
      const std::int64_t event_row = sqlite3_last_insert_rowid(db.db);
      for (const StoredParticipant& p : e.participants) {
        participant.bind(1, event_row).bind(2, row);
        if (p.actor >= 0) participant.bind(3, actor_rows[static_cast<std::size_t>(p.actor)]);
        else participant.bind_null(3);
        participant.bind(4, p.role).bind(5, static_cast<std::int64_t>(p.where.sentence));
        participant.bind(6, static_cast<std::int64_t>(p.where.span.begin)).bind(7, static_cast<std::int64_t>(p.where.span.end));
        participant.bind(8, p.text).run();
      }
      if (!is_meeting_type(e.type) || e.negated || e.factuality != "ASSERTED") continue;
      // The pairs of actors who met, each pair once, keys in order.
      std::vector<const StoredActor*> who;
      const std::string& place = place_of[first_mention(i)];
      for (const StoredParticipant& p : e.participants) {
        if (p.actor < 0 || !is_meeting_role(p.role)) continue;
        const StoredActor* a = &record.actors[static_cast<std::size_t>(p.actor)];
        if (!is_meeting_actor(a->type) || a->key.empty()) continue;
        if (std::none_of(who.begin(), who.end(), [&](const StoredActor* b) { return b->key == a->key; })) who.push_back(a);
      }
      std::sort(who.begin(), who.end(), [](const StoredActor* x, const StoredActor* y) { return x->key < y->key; });
      for (std::size_t i = 0; i < who.size(); ++i)
        for (std::size_t j = i + 1; j < who.size(); ++j) {
          meeting.bind(1, row).bind(2, event_row);
          meeting.bind(3, who[i]->key).bind(4, last_word(who[i]->key)).bind(5, who[i]->name).bind(6, who[i]->type);
          meeting.bind(7, who[j]->key).bind(8, last_word(who[j]->key)).bind(9, who[j]->name).bind(10, who[j]->type);
          meeting.bind(11, place).run();
        }
    }

    Statement& time = db.statement(
        "INSERT INTO times(doc, tid, type, value, mod, text, sentence, span_begin, span_end, first_day, last_day) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    for (const StoredTime& t : record.times) {
      time.bind(1, row).bind(2, t.tid).bind(3, t.type).bind(4, t.value).bind(5, t.mod).bind(6, t.text);
      time.bind(7, static_cast<std::int64_t>(t.where.sentence)).bind(8, static_cast<std::int64_t>(t.where.span.begin));
      time.bind(9, static_cast<std::int64_t>(t.where.span.end)).bind(10, t.start).bind(11, t.end).run();
    }
    Statement& link = db.statement(
        "INSERT INTO links(doc, a, b, relation, confidence, evidence, kept, sentence, span_begin, span_end) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (const StoredLink& l : record.links) {
      link.bind(1, row).bind(2, l.a).bind(3, l.b).bind(4, l.relation).bind(5, l.confidence).bind(6, l.evidence);
      link.bind(7, std::int64_t{l.kept}).bind(8, static_cast<std::int64_t>(l.where.sentence));
      link.bind(9, static_cast<std::int64_t>(l.where.span.begin)).bind(10, static_cast<std::int64_t>(l.where.span.end)).run();
    }
    exec(db.db, "COMMIT");
  } catch (...) {
    sqlite3_exec(db.db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

bool SqliteStore::remove(std::string_view id) {
  if (db_->read_only) throw std::runtime_error("store: opened read-only");
  exec(db_->db, "BEGIN IMMEDIATE");
  try {
    const auto row = row_of(*db_, id);
    if (row) delete_rows(*db_, *row);
    exec(db_->db, "COMMIT");
    return row.has_value();
  } catch (...) {
    sqlite3_exec(db_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::uint64_t SqliteStore::document_count() const {
  Statement& s = db_->statement("SELECT count(*) FROM documents");
  Resetter r{s};
  return s.step() ? static_cast<std::uint64_t>(sqlite3_column_int64(s.get(), 0)) : 0;
}

std::optional<Store::Version> SqliteStore::version(std::string_view id) const {
  Statement& s = db_->statement("SELECT text_hash, dct FROM documents WHERE doc_id = ?1");
  Resetter r{s};
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return Version{text_column(s.get(), 0), text_column(s.get(), 1)};
}

namespace {

Provenance provenance(sqlite3_stmt* s, int first) {
  return Provenance{static_cast<std::uint32_t>(sqlite3_column_int64(s, first)),
                    Span{static_cast<std::uint32_t>(sqlite3_column_int64(s, first + 1)),
                         static_cast<std::uint32_t>(sqlite3_column_int64(s, first + 2))}};
}

constexpr const char* kEventColumns =
    "e.id, e.local_id, e.type, e.trigger, e.lemma, e.class, e.label, e.newsworthy, e.negated, e.sentence, e.span_begin, "
    "e.span_end, e.anchor, e.date_value, e.date_start, e.date_end, e.earliest, e.latest, e.factuality";
constexpr int kEventColumnCount = 19;

StoredEvent read_event(sqlite3_stmt* s, int first) {
  StoredEvent e;
  e.local_id = text_column(s, first + 1);
  e.type = text_column(s, first + 2);
  e.trigger = text_column(s, first + 3);
  e.lemma = text_column(s, first + 4);
  e.event_class = text_column(s, first + 5);
  e.label = text_column(s, first + 6);
  e.newsworthy = sqlite3_column_int(s, first + 7) != 0;
  e.negated = sqlite3_column_int(s, first + 8) != 0;
  e.where = provenance(s, first + 9);
  e.date.anchor = text_column(s, first + 12);
  e.date.value = text_column(s, first + 13);
  e.date.start = day_column(s, first + 14);
  e.date.end = day_column(s, first + 15);
  e.date.earliest = day_column(s, first + 16);
  e.date.latest = day_column(s, first + 17);
  e.factuality = text_column(s, first + 18);
  return e;
}

}  // namespace

std::optional<DocumentRecord> SqliteStore::get(std::string_view id) const {
  Db& db = *db_;
  // One read transaction, so that the record is one version of the document.
  exec(db.db, "BEGIN");
  struct End {
    sqlite3* db;
    ~End() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
  } end{db.db};
  DocumentRecord record;
  std::int64_t row = 0;
  {
    Statement& s = db.statement("SELECT id, doc_id, dct, title, source, url, text_hash, bytes, sentences FROM documents WHERE doc_id = ?1");
    Resetter r{s};
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    row = sqlite3_column_int64(s.get(), 0);
    record.id = text_column(s.get(), 1);
    record.dct = text_column(s.get(), 2);
    record.title = text_column(s.get(), 3);
    record.source = text_column(s.get(), 4);
    record.url = text_column(s.get(), 5);
    record.text_hash = text_column(s.get(), 6);
    record.bytes = static_cast<std::uint64_t>(sqlite3_column_int64(s.get(), 7));
    record.sentences = static_cast<std::uint32_t>(sqlite3_column_int64(s.get(), 8));
  }
  std::unordered_map<std::int64_t, std::int32_t> actor_index;
  {
    Statement& s = db.statement("SELECT id, local_id, key, name, type FROM actors WHERE doc = ?1 ORDER BY ord");
    Resetter r{s};
    s.bind(1, row);
    while (s.step()) {
      actor_index.emplace(sqlite3_column_int64(s.get(), 0), static_cast<std::int32_t>(record.actors.size()));
      record.actors.push_back({text_column(s.get(), 1), text_column(s.get(), 2), text_column(s.get(), 3), text_column(s.get(), 4), {}});
    }
  }
  {
    Statement& s = db.statement("SELECT actor, sentence, span_begin, span_end, kind, text FROM mentions WHERE doc = ?1 ORDER BY rowid");
    Resetter r{s};
    s.bind(1, row);
    while (s.step())
      if (const auto it = actor_index.find(sqlite3_column_int64(s.get(), 0)); it != actor_index.end())
        record.actors[static_cast<std::size_t>(it->second)].mentions.push_back(
            {provenance(s.get(), 1), text_column(s.get(), 4), text_column(s.get(), 5)});
  }
  std::unordered_map<std::int64_t, std::size_t> event_index;
  {
    Statement& s = db.statement(fmt::format("SELECT {} FROM events e WHERE e.doc = ?1 ORDER BY e.id", kEventColumns));
    Resetter r{s};
    s.bind(1, row);
    while (s.step()) {
      event_index.emplace(sqlite3_column_int64(s.get(), 0), record.events.size());
      record.events.push_back(read_event(s.get(), 0));
    }
  }
  {
    Statement& s = db.statement(
        "SELECT event, actor, role, sentence, span_begin, span_end, text FROM participants WHERE doc = ?1 ORDER BY rowid");
    Resetter r{s};
    s.bind(1, row);
    while (s.step()) {
      const auto it = event_index.find(sqlite3_column_int64(s.get(), 0));
      if (it == event_index.end()) continue;
      StoredParticipant p;
      if (sqlite3_column_type(s.get(), 1) != SQLITE_NULL)
        if (const auto a = actor_index.find(sqlite3_column_int64(s.get(), 1)); a != actor_index.end()) p.actor = a->second;
      p.role = text_column(s.get(), 2);
      p.where = provenance(s.get(), 3);
      p.text = text_column(s.get(), 6);
      record.events[it->second].participants.push_back(std::move(p));
    }
  }
  {
    Statement& s = db.statement(
        "SELECT tid, type, value, mod, text, sentence, span_begin, span_end, first_day, last_day FROM times WHERE doc = ?1 ORDER BY rowid");
    Resetter r{s};
    s.bind(1, row);
    while (s.step())
      record.times.push_back({text_column(s.get(), 0), text_column(s.get(), 1), text_column(s.get(), 2), text_column(s.get(), 3),
                              text_column(s.get(), 4), provenance(s.get(), 5), day_column(s.get(), 8), day_column(s.get(), 9)});
  }
  {
    Statement& s = db.statement(
        "SELECT a, b, relation, confidence, evidence, kept, sentence, span_begin, span_end FROM links WHERE doc = ?1 ORDER BY rowid");
    Resetter r{s};
    s.bind(1, row);
    while (s.step())
      record.links.push_back({text_column(s.get(), 0), text_column(s.get(), 1), text_column(s.get(), 2),
                              sqlite3_column_double(s.get(), 3), text_column(s.get(), 4), sqlite3_column_int(s.get(), 5) != 0,
                              provenance(s.get(), 6)});
  }
  return record;
}

std::vector<std::string> SqliteStore::incomplete_documents() const {
  Statement& s = db_->statement(R"sql(
    SELECT d.doc_id FROM documents d WHERE
      d.n_actors != (SELECT count(*) FROM actors WHERE doc = d.id) OR
      d.n_mentions != (SELECT count(*) FROM mentions WHERE doc = d.id) OR
      d.n_events != (SELECT count(*) FROM events WHERE doc = d.id) OR
      d.n_participants != (SELECT count(*) FROM participants WHERE doc = d.id) OR
      d.n_times != (SELECT count(*) FROM times WHERE doc = d.id) OR
      d.n_links != (SELECT count(*) FROM links WHERE doc = d.id)
    ORDER BY d.id)sql");
  Resetter r{s};
  std::vector<std::string> out;
  while (s.step()) out.push_back(text_column(s.get(), 0));
  return out;
}

std::vector<MeetingMention> SqliteStore::meeting_mentions(const MeetingQuery& query) const {
  const std::string actor = name_key(query.actor), with = name_key(query.with);
  // Built for the filters given, so that each side is an indexed lookup.
  const auto side = [](char s, int param) {
    return fmt::format("(m.{0}_key = ?{1} OR m.{0}_last = ?{1})", s, param);
  };
  std::string where;
  if (!actor.empty() && !with.empty())
    where = fmt::format("WHERE ({} AND {}) OR ({} AND {})", side('a', 1), side('b', 2), side('b', 1), side('a', 2));
  else if (!actor.empty() || !with.empty())
    where = fmt::format("WHERE {} OR {}", side('a', 1), side('b', 1));
  Statement& s = db_->statement(fmt::format(
      "SELECT d.doc_id, m.a_key, m.a_name, m.a_type, m.b_key, m.b_name, m.b_type, m.place, {} "
      "FROM meetings m JOIN events e ON e.id = m.event JOIN documents d ON d.id = m.doc {} ORDER BY m.doc, m.rowid",
      kEventColumns, where));
  Resetter r{s};
  if (!actor.empty() && !with.empty()) s.bind(1, actor).bind(2, with);
  else if (!actor.empty()) s.bind(1, actor);
  else if (!with.empty()) s.bind(1, with);
  std::vector<MeetingMention> out;
  while (s.step()) {
    MeetingMention m;
    m.document = text_column(s.get(), 0);
    m.a = {text_column(s.get(), 1), text_column(s.get(), 2), text_column(s.get(), 3)};
    m.b = {text_column(s.get(), 4), text_column(s.get(), 5), text_column(s.get(), 6)};
    m.place = text_column(s.get(), 7);
    StoredEvent e = read_event(s.get(), 8);
    m.event = std::move(e.local_id);
    m.type = std::move(e.type);
    m.trigger = std::move(e.trigger);
    m.date = std::move(e.date);
    m.where = e.where;
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<EventHit> SqliteStore::events(const EventQuery& query) const {
  const std::string actor = name_key(query.actor);
  std::string where = "WHERE (a.key = ?1 OR a.last = ?1)";
  if (!query.types.empty()) {
    where += " AND e.type IN (";
    for (std::size_t i = 0; i < query.types.size(); ++i) where += fmt::format("{}?{}", i ? ", " : "", i + 2);
    where += ")";
  }
  if (query.newsworthy_only) where += " AND e.newsworthy = 1";
  Statement& s = db_->statement(fmt::format(
      "SELECT d.doc_id, p.role, {} FROM actors a JOIN participants p ON p.actor = a.id JOIN events e ON e.id = p.event "
      "JOIN documents d ON d.id = e.doc {} ORDER BY e.doc, e.id",
      kEventColumns, where));
  Resetter r{s};
  s.bind(1, actor);
  for (std::size_t i = 0; i < query.types.size(); ++i) {
    std::string type = query.types[i];
    for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    s.bind(static_cast<int>(i + 2), type);
  }
  std::vector<EventHit> out;
  std::vector<std::int64_t> rows;
  while (s.step()) {
    const std::int64_t row = sqlite3_column_int64(s.get(), 2);
    if (!rows.empty() && rows.back() == row) continue;  // the actor twice in one event
    rows.push_back(row);
    EventHit hit;
    hit.document = text_column(s.get(), 0);
    hit.role = text_column(s.get(), 1);
    hit.event = read_event(s.get(), 2);
    out.push_back(std::move(hit));
  }
  static_assert(kEventColumnCount == 19);
  Statement& p = db_->statement(
      "SELECT p.role, p.sentence, p.span_begin, p.span_end, p.text, a.key, a.name, a.type "
      "FROM participants p LEFT JOIN actors a ON a.id = p.actor WHERE p.event = ?1 ORDER BY p.rowid");
  for (std::size_t i = 0; i < out.size(); ++i) {
    Resetter pr{p};
    p.bind(1, rows[i]);
    while (p.step()) {
      StoredParticipant sp;
      sp.role = text_column(p.get(), 0);
      sp.where = provenance(p.get(), 1);
      sp.text = text_column(p.get(), 4);
      ActorRef ref{text_column(p.get(), 5), text_column(p.get(), 6), text_column(p.get(), 7)};
      sp.actor = ref.key.empty() ? -1 : static_cast<std::int32_t>(out[i].actors.size());
      out[i].event.participants.push_back(std::move(sp));
      out[i].actors.push_back(std::move(ref));
    }
  }
  return out;
}

}  // namespace tempora

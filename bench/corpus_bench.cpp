// The corpus store: writing documents and answering `query met`.
//
// The store is filled with synthetic records shaped like an analysed sample
// article (about 15 actors, 60 events, 40 time expressions, 150 links, two
// meetings between people drawn from a pool of 40 surnames on varying
// dates), so the figures do not depend on the analysis models:
//
//   build/release/bench/corpus_bench
//
// BM_Put: one document per transaction, as `tempora index` writes.
// BM_QueryMet/<documents>: who_met_whom on a store of that many documents,
// for one actor (--actor) and for the whole store.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>

#include "tempora/store.hpp"

namespace {

using namespace tempora;
using std::chrono::sys_days;

const char* const kSurnames[] = {"Marek", "Holm", "Varga", "Lindqvist", "Brask", "Ostrand", "Kovar", "Delmas",
                                 "Rautio", "Sandor", "Weyland", "Falk", "Navarre", "Ekdal", "Moravec", "Tammsaar",
                                 "Corwin", "Bellamy", "Strand", "Halvorsen", "Ivers", "Kallio", "Rooke", "Mattila",
                                 "Aldana", "Presker", "Vidal", "Okafor", "Solberg", "Renner", "Castell", "Dunmore",
                                 "Hartig", "Lorca", "Maalouf", "Nyberg", "Orsini", "Petrak", "Quiller", "Rasku"};

DocumentRecord synthetic(int n, std::mt19937& rng) {
  DocumentRecord r;
  r.id = "doc-" + std::to_string(n);
  r.dct = "2026-03-14";
  r.title = "Synthetic article";
  r.source = "bench";
  r.text_hash = text_hash(r.id);
  r.bytes = 2200;
  r.sentences = 18;
  const auto surname = [&] { return std::string(kSurnames[rng() % std::size(kSurnames)]); };
  std::string guest = surname(), host = surname();
  while (host == guest) host = surname();
  const auto actor = [&](std::string name, std::string type) {
    StoredActor a{"a" + std::to_string(r.actors.size() + 1), "", name, type, {}};
    a.key = name_key(name);
    for (int m = 0; m < 4; ++m) a.mentions.push_back({Provenance{static_cast<std::uint32_t>(m), Span{10, 20}}, "name", name});
    r.actors.push_back(std::move(a));
  };
  actor("Lidia " + guest, "PERSON");
  actor("Anders " + host, "PERSON");
  for (int i = 0; i < 13; ++i) actor("Place " + std::to_string(i), i % 2 ? "GPE" : "ORGANIZATION");
  const sys_days day = sys_days(std::chrono::year(2024 + static_cast<int>(rng() % 4)) / (1 + rng() % 12) / (1 + rng() % 27));
  for (int e = 0; e < 60; ++e) {
    StoredEvent ev;
    ev.local_id = "e" + std::to_string(e + 1);
    ev.type = e == 3 ? "MEET" : e == 9 ? "TALK" : e % 3 ? "OTHER" : "SAY";
    ev.trigger = ev.lemma = ev.type == "MEET" ? "met" : "word";
    ev.event_class = "OCCURRENCE";
    ev.label = "Label of the event";
    ev.where = Provenance{static_cast<std::uint32_t>(e / 4), Span{static_cast<std::uint32_t>(e * 30), static_cast<std::uint32_t>(e * 30 + 5)}};
    if (e % 2 == 0) ev.date = {"at", iso_date(day), day, day, {}, {}};
    else ev.date = {"bounds", "", {}, {}, day, {}};
    ev.participants.push_back({"agent", 0, ev.where, "Marek"});
    ev.participants.push_back({"patient", 1, ev.where, "Holm"});
    if (e % 5 == 0) ev.participants.push_back({"place", 2, ev.where, "Place 0"});
    r.events.push_back(std::move(ev));
  }
  for (int t = 0; t < 40; ++t)
    r.times.push_back({"t" + std::to_string(t + 1), "DATE", iso_date(day), "", "March 12", Provenance{1, Span{5, 13}}, day, day});
  for (int l = 0; l < 150; ++l)
    r.links.push_back({"e" + std::to_string(l % 60 + 1), "t" + std::to_string(l % 40 + 1), "IS_INCLUDED", 0.8, "signal 'on'",
                       true, Provenance{1, Span{3, 5}}});
  return r;
}

std::filesystem::path fresh_path(const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() / ("tempora-corpus-bench-" + std::to_string(::getpid()) + "-" + name);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path;
}

void BM_Put(benchmark::State& state) {
  const auto path = fresh_path("put.db");
  auto store = SqliteStore::open(path);
  std::mt19937 rng(1);
  int n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    DocumentRecord r = synthetic(n++, rng);
    state.ResumeTiming();
    store->put(r);
  }
  state.SetItemsProcessed(state.iterations());
  store.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}
BENCHMARK(BM_Put)->Unit(benchmark::kMicrosecond);

// One store per size, filled once, removed at exit.
struct Stores {
  std::map<int, std::pair<std::filesystem::path, std::unique_ptr<SqliteStore>>> by_size;
  ~Stores() {
    for (auto& [size, entry] : by_size) {
      entry.second.reset();
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(entry.first.string() + suffix);
    }
  }
};

const SqliteStore& filled(int documents) {
  static Stores stores;
  auto& [path, slot] = stores.by_size[documents];
  if (!slot) {
    path = fresh_path(std::to_string(documents) + ".db");
    slot = SqliteStore::open(path);
    std::mt19937 rng(7);
    for (int n = 0; n < documents; ++n) slot->put(synthetic(n, rng));
  }
  return *slot;
}

void BM_QueryMetActor(benchmark::State& state) {
  const SqliteStore& store = filled(static_cast<int>(state.range(0)));
  std::size_t meetings = 0;
  for (auto _ : state) meetings = who_met_whom(store, {.actor = "Holm"}).size();
  state.counters["meetings"] = static_cast<double>(meetings);
}
BENCHMARK(BM_QueryMetActor)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_QueryMetAll(benchmark::State& state) {
  const SqliteStore& store = filled(static_cast<int>(state.range(0)));
  std::size_t meetings = 0;
  for (auto _ : state) meetings = who_met_whom(store, {}).size();
  state.counters["meetings"] = static_cast<double>(meetings);
}
BENCHMARK(BM_QueryMetAll)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

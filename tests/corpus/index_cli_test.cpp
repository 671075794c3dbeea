// tempora index and tempora query end to end, and an index killed halfway.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "corpus/temp_dir.hpp"
#include "tempora/store.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the CLI with `args`; stdout and stderr into `out` and `err`.
int run_cli(const std::string& args, std::string* out = nullptr, std::string* err = nullptr) {
  const fs::path o = fs::temp_directory_path() / ("tempora-corpus-cli-" + std::to_string(::getpid()) + ".out");
  const fs::path e = fs::temp_directory_path() / ("tempora-corpus-cli-" + std::to_string(::getpid()) + ".err");
  const int rc = std::system((testing::cli_path() + " " + args + " > " + o.string() + " 2> " + e.string()).c_str());
  if (out != nullptr) *out = slurp(o);
  if (err != nullptr) *err = slurp(e);
  fs::remove(o);
  fs::remove(e);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string json_string(const std::string& s) { return nlohmann::json(s).dump(); }

// The three samples as JSON Lines, each `copies` times (ids "<name>-<n>"),
// with their DCTs (samples/README.md).
std::string samples_jsonl(int copies) {
  const std::vector<std::pair<std::string, std::string>> samples = {
      {"meeting-meridian", "2026-03-14"}, {"meeting-harbor-times", "2026-03-13"}, {"meeting-civic-wire", "2026-03-16"}};
  std::string out;
  for (int n = 0; n < copies; ++n)
    for (const auto& [name, dct] : samples) {
      const std::string text = slurp(testing::source_dir() / "samples" / (name + ".txt"));
      const std::string id = copies == 1 ? name : name + "-" + std::to_string(n);
      out += "{\"id\": " + json_string(id) + ", \"dct\": \"" + dct + "\", \"source\": " + json_string(name) +
             ", \"text\": " + json_string(text) + "}\n";
    }
  return out;
}

TEST(IndexCli, IndexesJsonLinesReportsBadLinesAndSkipsUnchangedDocuments) {
  TempDir dir;
  const std::string lines = samples_jsonl(1);
  const auto first_newline = lines.find('\n');
  const fs::path input =
      dir.write("wire.jsonl", lines.substr(0, first_newline + 1) + "{\"id\": broken\n" + lines.substr(first_newline + 1));
  const fs::path db = dir.path() / "corpus.db";
  std::string out, err;
  ASSERT_EQ(run_cli("index " + input.string() + " --store " + db.string(), &out, &err), 0) << err;
  EXPECT_NE(err.find(input.string() + ":2:"), std::string::npos) << err;
  EXPECT_NE(err.find("3 documents stored"), std::string::npos) << err;
  {
    auto store = SqliteStore::open(db, true);
    EXPECT_EQ(store->document_count(), 3u);
    EXPECT_TRUE(store->incomplete_documents().empty());
    const auto meridian = store->get("meeting-meridian");
    ASSERT_TRUE(meridian.has_value());
    EXPECT_EQ(meridian->dct, "2026-03-14");
    EXPECT_FALSE(meridian->times.empty());
    EXPECT_GT(meridian->sentences, 5u);
    // "March 12" is found with its provenance.
    bool march12 = false;
    for (const StoredTime& t : meridian->times) march12 = march12 || t.value == "2026-03-12";
    EXPECT_TRUE(march12);
  }
  // Again: nothing changed, nothing re-analysed.
  ASSERT_EQ(run_cli("index " + input.string() + " --store " + db.string(), &out, &err), 0) << err;
  EXPECT_NE(err.find("0 documents stored, 3 unchanged"), std::string::npos) << err;
  // --force re-analyses and replaces: still three documents.
  ASSERT_EQ(run_cli("index " + input.string() + " --store " + db.string() + " --force -q", &out, &err), 0) << err;
  // -q drops the summary, never the report of a skipped line.
  EXPECT_EQ(err, "tempora: " + input.string() + ":2: not valid JSON; line skipped\n") << err;
  EXPECT_EQ(SqliteStore::open(db, true)->document_count(), 3u);

  // Queries answer in both formats, whatever the actor stage finds.
  ASSERT_EQ(run_cli("query --store " + db.string() + " met --format json", &out, &err), 0) << err;
  const auto met = nlohmann::json::parse(out, nullptr, false);
  ASSERT_TRUE(met.is_array()) << out;
  ASSERT_EQ(run_cli("query timeline --actor Marek --store " + db.string() + " --format json", &out, &err), 0) << err;
  EXPECT_TRUE(nlohmann::json::parse(out, nullptr, false).is_array()) << out;
  ASSERT_EQ(run_cli("query --store " + db.string() + " events --actor Holm --type MEET", &out, &err), 0) << err;
  // Errors are errors: a missing store, a bad date.
  EXPECT_NE(run_cli("query --store " + (dir.path() / "none.db").string() + " met", &out, &err), 0);
  EXPECT_NE(err.find("no such store"), std::string::npos) << err;
  EXPECT_NE(run_cli("query --store " + db.string() + " met --from March", &out, &err), 0);
}

TEST(IndexCli, TheSamplesAnswerWhoMetWhomWhenActorsAreFound) {
  TempDir dir;
  const fs::path input = dir.write("samples.jsonl", samples_jsonl(1));
  const fs::path db = dir.path() / "corpus.db";
  std::string out, err;
  ASSERT_EQ(run_cli("index " + input.string() + " -q --store " + db.string(), &out, &err), 0) << err;
  {
    auto store = SqliteStore::open(db, true);
    if (store->get("meeting-meridian")->actors.empty()) GTEST_SKIP() << "the actor stage is not in the pipeline yet";
  }
  ASSERT_EQ(run_cli("query --store " + db.string() + " met --actor Marek --with Holm --format json", &out, &err), 0) << err;
  const auto met = nlohmann::json::parse(out);
  // Civic Wire: March 13. Meridian and Harbor Times say March 12, but tell it
  // as "the two leaders met", and "the two leaders" is not yet resolved to
  // Marek and Holm, so their meeting has no named pair (a known gap of the
  // actor stage; the planted date disagreement is checked by `compare`).
  std::map<std::string, std::set<std::string>> sources_by_date;
  for (const auto& m : met)
    for (const auto& s : m["sources"]) sources_by_date[m["date"].get<std::string>()].insert(s.get<std::string>());
  EXPECT_TRUE(sources_by_date["2026-03-13"].contains("meeting-civic-wire")) << out;
  ASSERT_EQ(run_cli("query --store " + db.string() + " met --actor Marek", &out, &err), 0) << err;
  EXPECT_NE(out.find("Holm"), std::string::npos) << out;
}

// SIGKILL in the middle of an index: what was committed is whole, and the
// next run completes the store.
TEST(IndexCli, AKilledIndexLeavesCommittedDocumentsWholeAndARerunCompletes) {
  TempDir dir;
  const int copies = 200;  // 600 documents: at ~100 documents/s the kill lands well before the end
  const fs::path input = dir.write("many.jsonl", samples_jsonl(copies));
  const fs::path db = dir.path() / "corpus.db";
  const std::string cli = testing::cli_path();
  const std::string input_arg = input.string(), db_arg = db.string();

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(cli.c_str(), cli.c_str(), "index", input_arg.c_str(), "--store", db_arg.c_str(), "--threads", "1", "-q",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait for a few committed documents, then kill.
  std::uint64_t seen = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (seen < 5 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    try {
      seen = SqliteStore::open(db, true)->document_count();
    } catch (const std::exception&) {
      // not created yet
    }
    int status = 0;
    if (waitpid(child, &status, WNOHANG) == child) FAIL() << "index ended before it could be killed";
  }
  ASSERT_GE(seen, 5u);
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));

  std::vector<DocumentRecord> committed;
  {
    auto store = SqliteStore::open(db, true);
    const std::uint64_t count = store->document_count();
    EXPECT_GE(count, seen);
    EXPECT_LT(count, 3u * copies) << "the kill came too late to test anything";
    EXPECT_TRUE(store->incomplete_documents().empty());
    // Documents are written in input order: the committed ones are a prefix.
    const std::vector<std::string> names = {"meeting-meridian", "meeting-harbor-times", "meeting-civic-wire"};
    for (std::uint64_t i = 0; i < count; ++i) {
      const auto r = store->get(names[i % 3] + "-" + std::to_string(i / 3));
      ASSERT_TRUE(r.has_value()) << i;
      committed.push_back(*r);
    }
  }
  std::string out, err;
  ASSERT_EQ(run_cli("index " + input_arg + " --store " + db_arg, &out, &err), 0) << err;
  EXPECT_NE(err.find(std::to_string(committed.size()) + " unchanged"), std::string::npos) << err;
  auto store = SqliteStore::open(db, true);
  EXPECT_EQ(store->document_count(), 3u * copies);
  EXPECT_TRUE(store->incomplete_documents().empty());
  // Every document committed before the kill equals what the full run stored
  // for the same article (the analysis is deterministic).
  for (std::size_t i = 0; i < committed.size(); ++i) {
    const DocumentRecord& before = committed[i];
    const std::string name = before.id.substr(0, before.id.rfind('-'));
    const auto reference = store->get(name + "-" + std::to_string(copies - 1));
    ASSERT_TRUE(reference.has_value());
    EXPECT_EQ(before.text_hash, reference->text_hash);
    EXPECT_EQ(before.events.size(), reference->events.size()) << before.id;
    EXPECT_EQ(before.times.size(), reference->times.size()) << before.id;
    EXPECT_EQ(before.links.size(), reference->links.size()) << before.id;
    EXPECT_EQ(before.actors.size(), reference->actors.size()) << before.id;
    for (std::size_t e = 0; e < before.events.size() && e < reference->events.size(); ++e) {
      EXPECT_EQ(before.events[e].trigger, reference->events[e].trigger);
      EXPECT_EQ(before.events[e].date.value, reference->events[e].date.value);
    }
  }
}

}  // namespace
}  // namespace tempora

// CorpusReader: files, directories and JSON Lines, bad lines reported and skipped.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tempora/corpus.hpp"
#include "corpus/temp_dir.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::vector<Document> read_all(CorpusReader& reader) {
  std::vector<Document> docs;
  while (auto doc = reader.next()) docs.push_back(std::move(*doc));
  return docs;
}

TEST(CorpusReader, JsonLinesWithBadLinesReportsThemAndReadsTheRest) {
  TempDir dir;
  const fs::path file = dir.write(
      "wire.jsonl",
      "{\"id\": \"a1\", \"dct\": \"2026-03-14\", \"title\": \"Talks\", \"text\": \"Marek met Holm.\", \"source\": \"Meridian\", "
      "\"url\": \"https://example.org/a1\"}\n"
      "{\"id\": \"a2\", \"text\": \"unterminated\n"
      "{\"id\": \"a3\", \"title\": \"no text\"}\n"
      "{\"id\": \"a4\", \"dct\": \"March 14\", \"text\": \"bad date\"}\n"
      "\n"
      "[1, 2]\n"
      "{\"id\": 17, \"text\": \"Holm posted.\"}\r\n"
      "{\"text\": \"No id here.\"}");  // no final newline
  std::vector<CorpusProblem> problems;
  CorpusReader reader({file}, {.on_problem = [&](const CorpusProblem& p) { problems.push_back(p); }});
  const auto docs = read_all(reader);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].info().id, "a1");
  EXPECT_EQ(docs[0].text(), "Marek met Holm.");
  EXPECT_EQ(docs[0].info().title, "Talks");
  EXPECT_EQ(docs[0].info().source, "Meridian");
  EXPECT_EQ(docs[0].info().url, "https://example.org/a1");
  ASSERT_TRUE(docs[0].info().creation_time.has_value());
  EXPECT_EQ(docs[0].info().creation_time->day, std::chrono::sys_days(std::chrono::year(2026) / 3 / 14));
  EXPECT_EQ(docs[1].info().id, "17");
  EXPECT_EQ(docs[1].text(), "Holm posted.");
  EXPECT_EQ(docs[1].info().source, file.string());  // no "source": the file
  EXPECT_EQ(docs[2].info().id, "wire:8");           // no "id": file stem and line
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].line, 2u);
  EXPECT_EQ(problems[1].line, 3u);
  EXPECT_NE(problems[1].message.find("text"), std::string::npos);
  EXPECT_EQ(problems[2].line, 4u);
  EXPECT_NE(problems[2].message.find("not a date"), std::string::npos);
  EXPECT_EQ(problems[3].line, 6u);
  for (const auto& p : problems) EXPECT_EQ(p.file, file.string());
  EXPECT_EQ(reader.problems(), 4u);
  EXPECT_EQ(reader.documents_read(), 3u);
  ASSERT_TRUE(reader.total_bytes().has_value());
  EXPECT_EQ(reader.bytes_read(), *reader.total_bytes());
}

TEST(CorpusReader, DirectoriesAreWalkedInPathOrderSkippingHiddenAndUnknownFiles) {
  TempDir dir;
  dir.write("b/2.txt", "Second.");
  dir.write("a.txt", "First.");
  dir.write("b/1.json", R"({"id": "json-one", "text": "From JSON.", "dct": "2026-03-12"})");
  dir.write("c.jsonl", "{\"id\": \"l1\", \"text\": \"Line one.\"}\n{\"id\": \"l2\", \"text\": \"Line two.\"}\n");
  dir.write(".hidden.txt", "Hidden.");
  dir.write(".git/x.txt", "Hidden too.");
  dir.write("image.png", "\x89PNG");
  CorpusReader reader({dir.path()});
  ASSERT_EQ(reader.files().size(), 4u);
  const auto docs = read_all(reader);
  std::vector<std::string> ids;
  for (const auto& d : docs) ids.push_back(d.info().id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "json-one", "2", "l1", "l2"}));
  EXPECT_EQ(docs[1].info().creation_time->day, std::chrono::sys_days(std::chrono::year(2026) / 3 / 12));
  EXPECT_EQ(reader.problems(), 0u);
}

TEST(CorpusReader, OverlongLinesAndFilesAreSkippedWithoutHoldingThem) {
  TempDir dir;
  const std::string big(300'000, 'x');
  const fs::path lines = dir.write("big.jsonl", "{\"text\": \"" + big + "\"}\n{\"id\": \"small\", \"text\": \"ok\"}\n");
  const fs::path file = dir.write("big.txt", big);
  std::vector<CorpusProblem> problems;
  CorpusReader reader({lines, file}, {.max_article_bytes = 100'000, .on_problem = [&](const CorpusProblem& p) {
                                        problems.push_back(p);
                                      }});
  const auto docs = read_all(reader);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].info().id, "small");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].line, 1u);
  EXPECT_EQ(problems[1].file, file.string());
  EXPECT_EQ(problems[1].line, 0u);
}

TEST(CorpusReader, BadBytesAndEmptyFilesGiveDocumentsNotCrashes) {
  TempDir dir;
  const fs::path binary = dir.write("binary.txt", std::string("\xff\xfe\x00\x01 Marek met Holm \xc3", 20));
  const fs::path empty = dir.write("empty.txt", "");
  const fs::path bad_json = dir.write("bad.json", "{not json");
  std::vector<CorpusProblem> problems;
  CorpusReader reader({binary, empty, bad_json}, {.on_problem = [&](const CorpusProblem& p) { problems.push_back(p); }});
  const auto docs = read_all(reader);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_FALSE(docs[0].diagnostics().empty());  // the repaired bytes are reported
  EXPECT_TRUE(docs[1].text().empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, bad_json.string());
}

TEST(CorpusReader, MissingInputThrowsAtOnceAndDctOptionOverrides) {
  EXPECT_THROW(CorpusReader({"/nonexistent/tempora/corpus"}), std::runtime_error);
  TempDir dir;
  const fs::path file = dir.write("x.jsonl", "{\"text\": \"t\", \"dct\": \"2026-03-14\"}\n");
  CorpusReader reader({file}, {.dct = CreationTime{std::chrono::sys_days(std::chrono::year(2020) / 1 / 2), {}, "cli"}});
  auto doc = reader.next();
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->info().creation_time->day, std::chrono::sys_days(std::chrono::year(2020) / 1 / 2));
}

TEST(CorpusReader, IsJsonLines) {
  EXPECT_TRUE(is_json_lines("a.jsonl"));
  EXPECT_TRUE(is_json_lines("a.ndjson"));
  EXPECT_TRUE(is_json_lines("-"));
  EXPECT_FALSE(is_json_lines("a.json"));
  EXPECT_FALSE(is_json_lines("a.txt"));
}

}  // namespace
}  // namespace tempora

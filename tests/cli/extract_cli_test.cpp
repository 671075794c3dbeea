// `tempora extract` as a streaming mapper: JSON Lines in (a file or standard
// input), one tempora-extract/1 object per article out, in input order; bad
// lines reported with their number and skipped; -o written whole or not at all.
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace tempora {
namespace {

using testing::CliTest;
using testing::read_file;

class ExtractCli : public CliTest {};

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> docs;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) docs.push_back(nlohmann::json::parse(line));
  return docs;
}

constexpr std::string_view kArticles =
    R"({"id": "wire-1", "dct": "2026-03-14", "text": "Marek met Holm in Brennick on Thursday."})"
    "\n"
    "this line is no JSON\n"
    R"({"id": "wire-2", "dct": "2026-03-20", "text": "The summit opens on March 27."})"
    "\n";

TEST_F(ExtractCli, JsonLinesFromStandardInputGiveOneObjectPerArticleInOrder) {
  write("articles.jsonl", kArticles);
  const auto run = this->run("--threads 2 extract - < articles.jsonl");
  EXPECT_EQ(run.status, 1) << "a skipped line is input the user must look at";
  EXPECT_NE(run.err.find("-:2: not valid JSON"), std::string::npos) << run.err;
  const auto docs = json_lines(run.out);
  ASSERT_EQ(docs.size(), 2u) << run.out;
  EXPECT_EQ(docs[0]["schema"], "tempora-extract/1");
  EXPECT_EQ(docs[0]["document"]["id"], "wire-1");
  EXPECT_EQ(docs[0]["document"]["dct"]["value"], "2026-03-14");
  EXPECT_EQ(docs[1]["document"]["id"], "wire-2");
  ASSERT_FALSE(docs[0]["times"].empty());
  EXPECT_EQ(docs[0]["times"][0]["value"], "2026-03-12");
}

TEST_F(ExtractCli, AJsonLinesFileToAnOutputFile) {
  write("articles.jsonl", std::string(kArticles.substr(0, kArticles.find('\n') + 1)));
  const auto run = this->run("extract articles.jsonl -o out.jsonl");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "");
  const auto docs = json_lines(read_file(dir() / "out.jsonl"));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["document"]["id"], "wire-1");
  // Nothing but the output and the input is left in the folder (no temporary file).
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir()))
    files += entry.path().filename().string().front() != '.';
  EXPECT_EQ(files, 2);
}

TEST_F(ExtractCli, AFolderOfArticles) {
  std::filesystem::create_directories(dir() / "in");
  write("in/a.txt", "Marek met Holm on March 12, 2026.");
  write("in/b.txt", "Holm wrote on social media on March 13, 2026.");
  const auto run = this->run("extract in");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto docs = json_lines(run.out);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0]["document"]["id"], "a");
  EXPECT_EQ(docs[1]["document"]["id"], "b");
}

}  // namespace
}  // namespace tempora

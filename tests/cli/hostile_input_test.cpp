// Hostile input through the `tempora` program: what scraped web text and
// careless command lines look like. Each case checks the behaviour a user
// sees: the exit status (non-zero exactly when the user must act), a message
// naming the file (and the line where there is one), and no partial or
// temporary output files left behind. Sizes here are what a test can afford;
// bench/hostile_bench measures the same inputs at 100 MB and checks that
// the work grows linearly.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "cli_support.hpp"
#include "tempora/pipeline.hpp"

namespace tempora {
namespace {

using testing::CliTest;
using testing::read_file;

std::string sample(const std::string& name) {
  return read_file(testing::source_dir() / "samples" / name);
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// The sample articles as one line of `bytes` bytes (no newline anywhere).
std::string one_line(std::size_t bytes) {
  std::string unit = sample("meeting-meridian.txt") + " " + sample("meeting-civic-wire.txt") + " ";
  std::replace(unit.begin(), unit.end(), '\n', ' ');
  std::string text;
  text.reserve(bytes + unit.size());
  while (text.size() < bytes) text += unit;
  text.resize(bytes);
  return text;
}

class Hostile : public CliTest {};

TEST_F(Hostile, InvalidUtf8IsRepairedAndReportedWithItsLine) {
  write("broken.txt", "Talks began on March 12, 2026.\nThe \xff\xfe leaders met \xc3\x28 again on Friday.\n\x80");
  const auto run = this->run("annotate broken.txt --dct 2026-03-14 --format json -o out");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.err, "broken.txt")) << run.err;
  EXPECT_TRUE(contains(run.err, "not valid UTF-8: 4 byte(s) replaced by U+FFFD, the first on line 2")) << run.err;
  const auto json = nlohmann::json::parse(read_file(dir() / "out" / "broken.json"));  // valid UTF-8 JSON
  ASSERT_GE(json["timexes"].size(), 2u);
  EXPECT_EQ(json["timexes"][0]["value"], "2026-03-12");
  EXPECT_EQ(json["timexes"][1]["value"], "2026-03-13");
}

TEST_F(Hostile, NulBytesAreText) {
  static constexpr char kText[] = "Talks on March 12, 2026\0\0 ended.\0\nThey met again on Friday.\0";
  write("nul.txt", std::string(kText, sizeof kText - 1));
  const auto run = this->run("annotate nul.txt --dct 2026-03-14 --format json -o out");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto json = nlohmann::json::parse(read_file(dir() / "out" / "nul.json"));
  ASSERT_EQ(json["timexes"].size(), 2u);
  EXPECT_EQ(json["timexes"][1]["value"], "2026-03-13");
  // TimeML cannot carry NUL: the file says U+FFFD there and stays well-formed.
  ASSERT_EQ(this->run("annotate nul.txt --dct 2026-03-14 -o tml").status, 0);
  const Document back = read_document(dir() / "tml" / "nul.tml");
  EXPECT_EQ(back.text().size(), sizeof kText - 1 + 4 * 2);  // four NULs, 3 bytes each
  EXPECT_TRUE(contains(std::string(back.text()), "2026\xEF\xBF\xBD\xEF\xBF\xBD ended."));
  const auto timeline = this->run("timeline nul.txt --dct 2026-03-14 -o nul.svg");
  ASSERT_EQ(timeline.status, 0) << timeline.err;
  EXPECT_TRUE(contains(read_file(dir() / "nul.svg"), "</svg>"));
}

TEST_F(Hostile, HugeSingleLine) {
  // 20 MB here (4 MB under ASan); 100 MB in bench/hostile_bench.
  const std::size_t bytes = (testing::kSanitized ? 4u : 20u) << 20;
  write("line.txt", one_line(bytes));
  const auto run = this->run("annotate line.txt --time-only --dct 2026-03-14 --format json -o out");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto json = nlohmann::json::parse(read_file(dir() / "out" / "line.json"));
  // Every copy of the articles (4.3 kB) contributes its dates ("March 12", "Thursday", ...).
  EXPECT_GT(json["timexes"].size(), bytes / 4096);
  EXPECT_LE(json["timexes"].back()["end"].get<std::size_t>(), bytes);
}

TEST_F(Hostile, DigitsAndSlashesOnly) {
  // 10 MB here (2 MB under ASan); 50 MB in bench/hostile_bench.
  const std::size_t bytes = (testing::kSanitized ? 2u : 10u) << 20;
  std::string text;
  std::uint32_t seed = 1;
  while (text.size() < bytes) {
    seed = seed * 1103515245u + 12345u;
    text += std::to_string((seed >> 16) % (seed % 3 == 0 ? 2100 : 32));
    text += (seed >> 8) % 17 == 0 ? "//" : "/";
  }
  write("digits.txt", text);
  const auto run = this->run("annotate digits.txt --time-only --dct 2026-03-14 --format json -o out");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(nlohmann::json::accept(read_file(dir() / "out" / "digits.json")));
}

TEST_F(Hostile, DeeplyNestedXmlIsReadWithoutRecursion) {
  const int depth = 300000;  // far deeper than any call stack survives with recursion
  std::string xml = "<TimeML><TEXT>";
  for (int i = 0; i < depth; ++i) xml += "<a>";
  xml += "Talks on March 12, 2026.";
  for (int i = 0; i < depth; ++i) xml += "</a>";
  xml += "</TEXT></TimeML>";
  write("nested.tml", xml);
  const auto run = this->run("annotate nested.tml --time-only --dct 2026-03-14 --format json -o out");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto json = nlohmann::json::parse(read_file(dir() / "out" / "nested.json"));
  ASSERT_EQ(json["timexes"].size(), 1u);
  EXPECT_EQ(json["timexes"][0]["value"], "2026-03-12");
}

TEST_F(Hostile, UnclosedXmlNamesFileAndLine) {
  write("unclosed.tml", "<TimeML>\n<TEXT>\nTalks on <TIMEX3 tid=\"t1\">March 12\n<a><b>");
  const auto run = this->run("annotate unclosed.tml -o out");
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(contains(run.err, "unclosed.tml:4: not well-formed XML")) << run.err;
  EXPECT_TRUE(files_in(dir() / "out").empty());
}

// A number beyond double range is valid JSON syntax but not representable:
// nlohmann reports it as out_of_range, not as a parse error (found by
// timeml_fuzz; the reproducer is fuzz/corpus/timeml_fuzz/number-overflow.json).
TEST_F(Hostile, JsonNumberOverflowIsAnErrorNotACrash) {
  write("huge.json", "{\"text\": \"Marek met Holm.\", \"dct\": 1e999}");
  const auto run = this->run("annotate huge.json -o out");
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(contains(run.err, "huge.json: not valid JSON")) << run.err;
}

TEST_F(Hostile, TruncatedJsonNamesFileAndLine) {
  write("cut.json", "{\"dct\": \"2026-03-14\",\n \"text\": \"Talks on March 12");
  const auto run = this->run("annotate cut.json -o out");
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(contains(run.err, "cut.json: not valid JSON")) << run.err;
  EXPECT_TRUE(contains(run.err, "line 2")) << run.err;
  EXPECT_TRUE(files_in(dir() / "out").empty());
  const auto timeline = this->run("timeline cut.json -o cut.svg");
  EXPECT_EQ(timeline.status, 1);
  EXPECT_FALSE(std::filesystem::exists(dir() / "cut.svg"));
}

// A JSON Lines corpus given where one article is expected is refused with
// the commands that read it, not analysed as one article of raw JSON.
TEST_F(Hostile, AJsonLinesCorpusIsNoSingleArticle) {
  write("corpus.jsonl", "{\"id\": \"a\", \"dct\": \"2026-03-14\", \"text\": \"Talks began on March 12.\"}\n");
  const auto run = this->run("timeline corpus.jsonl -o corpus.svg");
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(contains(run.err, "corpus.jsonl: JSON Lines holds one article per line")) << run.err;
  EXPECT_TRUE(contains(run.err, "tempora extract")) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir() / "corpus.svg"));
  EXPECT_EQ(this->run("extract corpus.jsonl").status, 0);
}

TEST_F(Hostile, EmptyFilesGiveEmptyResults) {
  write("empty.txt", "");
  const auto run = this->run("annotate empty.txt --dct 2026-03-14 -o out");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto tml = read_file(dir() / "out" / "empty.tml");
  EXPECT_TRUE(contains(tml, "<TEXT></TEXT>")) << tml;
  const auto timeline = this->run("timeline empty.txt --dct 2026-03-14");
  ASSERT_EQ(timeline.status, 0) << timeline.err;
  EXPECT_TRUE(contains(timeline.out, "no events")) << timeline.out;
  write("empty.json", "");
  const auto json = this->run("annotate empty.json -o out2");
  EXPECT_EQ(json.status, 1);  // an empty .json is not the object the user meant
  EXPECT_TRUE(contains(json.err, "empty.json")) << json.err;
}

TEST_F(Hostile, MissingFilesFailNamingThem) {
  write("there.txt", "Talks on March 12, 2026.");
  const auto run = this->run("annotate missing.txt --dct 2026-03-14 -o out");
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(contains(run.err, "cannot open missing.txt")) << run.err;
  const auto timeline = this->run("timeline there.txt missing.txt -o both.svg");
  EXPECT_EQ(timeline.status, 1);
  EXPECT_TRUE(contains(timeline.err, "missing.txt")) << timeline.err;
  EXPECT_FALSE(std::filesystem::exists(dir() / "both.svg"));
  const auto tag = this->run("tag missing.txt");
  EXPECT_EQ(tag.status, 1);
  EXPECT_TRUE(contains(tag.err, "missing.txt")) << tag.err;
}

TEST_F(Hostile, UnwritableOutputFailsAndLeavesNothing) {
  // Runs as root in CI, so permissions cannot make a path unwritable: a path
  // below a regular file, and a folder in the way of the file, always fail.
  write("article.txt", sample("meeting-meridian.txt"));
  write("blocker", "not a folder");
  const auto below_file = this->run("timeline article.txt --dct 2026-03-14 -o blocker/out.svg");
  EXPECT_EQ(below_file.status, 1);
  EXPECT_TRUE(contains(below_file.err, "cannot write 'blocker/out.svg': Not a directory")) << below_file.err;
  std::filesystem::create_directories(dir() / "taken.svg");
  const auto folder = this->run("timeline article.txt --dct 2026-03-14 -o taken.svg");
  EXPECT_EQ(folder.status, 1);
  EXPECT_TRUE(contains(folder.err, "cannot write 'taken.svg': Is a directory")) << folder.err;
  const auto annotate = this->run("annotate article.txt --dct 2026-03-14 -o blocker/out");
  EXPECT_EQ(annotate.status, 1);
  EXPECT_TRUE(contains(annotate.err, "blocker/out")) << annotate.err;
  // Nothing but the inputs: no partial picture, no temporary file.
  EXPECT_EQ(files_in(dir()), (std::vector<std::string>{"article.txt", "blocker"}));
}

TEST_F(Hostile, OutputIsReplacedWholeOrNotAtAll) {
  write("article.txt", sample("meeting-meridian.txt"));
  write("old.svg", "previous picture");
  // A failing run (bad input) leaves the previous output untouched...
  write("cut.json", "{\"text\": ");
  EXPECT_EQ(this->run("timeline cut.json -o old.svg").status, 1);
  EXPECT_EQ(read_file(dir() / "old.svg"), "previous picture");
  // ...and a good one replaces it completely, leaving no temporary file.
  ASSERT_EQ(this->run("timeline article.txt --dct 2026-03-14 -o old.svg").status, 0);
  EXPECT_TRUE(read_file(dir() / "old.svg").ends_with("</svg>\n"));
  EXPECT_EQ(files_in(dir()), (std::vector<std::string>{"article.txt", "cut.json", "old.svg"}));
}

TEST_F(Hostile, ImpossibleDctsAreRefused) {
  write("article.txt", "Talks on Thursday.");
  for (const char* dct : {"0000-00-00", "99999-01-01", "2026-02-30", "yesterday"}) {
    const auto run = this->run(std::string("annotate article.txt -o out --dct ") + dct);
    EXPECT_EQ(run.status, 1) << dct;
    EXPECT_TRUE(contains(run.err, std::string("--dct ") + dct + ": not a date")) << run.err;
    EXPECT_EQ(this->run(std::string("timeline article.txt --dct ") + dct).status, 1) << dct;
  }
  EXPECT_TRUE(files_in(dir() / "out").empty());
  // From a file, the message names the file.
  write("bad.json", R"({"text": "Talks on Thursday.", "dct": "0000-00-00"})");
  const auto json = this->run("annotate bad.json -o out");
  EXPECT_EQ(json.status, 1);
  EXPECT_TRUE(contains(json.err, "bad.json: \"dct\" is not a date")) << json.err;
  // Year 0 and year 9999 are real ISO 8601 dates: relative dates resolve.
  for (const std::string dct : {"0000-01-01", "9999-12-31"}) {
    const auto run = this->run(std::string("annotate article.txt --time-only --format json -o edge --dct ") + dct);
    ASSERT_EQ(run.status, 0) << run.err;
    const auto out = nlohmann::json::parse(read_file(dir() / "edge" / "article.json"));
    ASSERT_EQ(out["timexes"].size(), 1u) << out.dump();
    EXPECT_EQ(out["dct"], dct);
    EXPECT_FALSE(out["timexes"][0]["value"].get<std::string>().empty());
  }
}

}  // namespace
}  // namespace tempora

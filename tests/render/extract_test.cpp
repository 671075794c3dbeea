// extract_json() and extract_table(): the analysis as JSON Lines and tables,
// and `tempora extract` end to end.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tempora/extract.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/timex.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

using Json = nlohmann::json;

const Pipeline& pipeline() {
  static const Pipeline p = Pipeline::load();
  return p;
}

Json analyse(std::string text, std::string_view dct) {
  DocumentInfo info;
  info.id = "doc";
  if (!dct.empty()) info.creation_time = parse_dct(dct, "test");
  Document doc(std::move(text), info);
  pipeline().analyze(doc);
  const std::string line = extract_json(doc);
  EXPECT_EQ(line.find('\n'), std::string::npos) << "one document, one line";
  return Json::parse(line);
}

TEST(ExtractJson, EveryTopLevelKeyInSchemaOrder) {
  const Json j = analyse("Zelensky met Trump on Friday.", "2025-10-20");
  Document doc("Zelensky met Trump on Friday.");
  pipeline().analyze(doc);
  const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(extract_json(doc));
  std::vector<std::string> keys;
  for (const auto& [k, v] : ordered.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"schema", "document", "sentences", "actors", "entities", "events",
                                            "implicit_events", "times", "derived_times", "links", "diagnostics"}));
  EXPECT_EQ(j["schema"], kExtractSchema);
  EXPECT_EQ(j["document"]["dct"]["value"], "2025-10-20");
  EXPECT_EQ(j["document"]["dct"]["origin"], "test");
}

TEST(ExtractJson, EventCarriesItsDateAndTheTimexItsFields) {
  if (!pipeline().has_events()) GTEST_SKIP() << "event model missing";
  const Json j = analyse("Zelensky met Trump on Friday.", "2025-10-20");
  const Json* met = nullptr;
  for (const Json& e : j["events"])
    if (e["trigger"] == "met") met = &e;
  ASSERT_NE(met, nullptr) << j.dump(1);
  EXPECT_EQ((*met)["type"], "MEET");
  ASSERT_TRUE((*met)["time"].is_object()) << met->dump(1);
  EXPECT_EQ((*met)["time"]["value"], "2025-10-17");
  EXPECT_EQ((*met)["time"]["anchor"], "at");
  EXPECT_TRUE((*met)["time"]["inferred"]["year"]);
  ASSERT_EQ(j["times"].size(), 1u);
  EXPECT_EQ(j["times"][0]["text"], "Friday");
  EXPECT_EQ(j["times"][0]["stated"], Json::array({"weekday"}));
  EXPECT_EQ(j["times"][0]["anchor"], "t0");
  // Provenance: the span is the trigger's bytes.
  EXPECT_EQ((*met)["span"], Json::array({9, 12}));
}

constexpr std::string_view kTwoMentionsOfOneMeeting =
    "Ukrainian President Volodymyr Zelensky spoke about his recent meeting with Donald Trump. "
    "The presidents of the U.S. and Ukraine held a closed-door meeting at the White House on October 17.";

TEST(ExtractJson, MentionsOfOneEventNameItsFirstMention) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  const Json j = analyse(std::string(kTwoMentionsOfOneMeeting), "2025-10-20");
  std::string first_meeting;
  std::vector<std::string> same_as_first;
  for (const Json& e : j["events"]) {
    if (e["trigger"] == "meeting" && first_meeting.empty()) first_meeting = e["id"];
    if (!first_meeting.empty() && e["same_event"] == first_meeting) same_as_first.push_back(e["trigger"]);
  }
  ASSERT_FALSE(first_meeting.empty()) << j["events"].dump(1);
  // The first mention names itself; "held" and the second "meeting" name it.
  EXPECT_EQ(same_as_first, (std::vector<std::string>{"meeting", "held", "meeting"})) << j["events"].dump(1);
}

TEST(ExtractJson, WithoutDctTheDateStaysUnderspecifiedAndTheOutputSaysSo) {
  const Json j = analyse("They met on October 17.", "");
  EXPECT_TRUE(j["document"]["dct"].is_null());
  ASSERT_EQ(j["times"].size(), 1u);
  EXPECT_EQ(j["times"][0]["value"], "XXXX-10-17");
  bool said = false;
  for (const Json& d : j["diagnostics"]) said = said || d["message"].get<std::string>().find("DCT") != std::string::npos;
  EXPECT_TRUE(said) << j["diagnostics"].dump(1);
}

TEST(ExtractJson, EmptyAndBinaryDocumentsGiveValidJson) {
  EXPECT_TRUE(analyse("", "")["events"].empty());
  const Json binary = analyse(std::string("\x00\xff\xfe{\"\\\n", 7), "2025-01-01");
  EXPECT_EQ(binary["schema"], kExtractSchema);
}

TEST(ExtractTable, ListsEventsWithDates) {
  if (!pipeline().has_events()) GTEST_SKIP() << "event model missing";
  DocumentInfo info;
  info.id = "doc";
  info.creation_time = parse_dct("2025-10-20", "test");
  Document doc("Zelensky met Trump on Friday.", info);
  pipeline().analyze(doc);
  const std::string table = extract_table(doc);
  EXPECT_NE(table.find("DCT 2025-10-20"), std::string::npos) << table;
  EXPECT_NE(table.find("2025-10-17"), std::string::npos) << table;
  EXPECT_NE(table.find("MEET"), std::string::npos) << table;
}

TEST(ExtractTable, AnUndatedMentionShowsTheDateAnotherMentionOfItsEventGives) {
  if (!pipeline().has_events() || !pipeline().has_parser()) GTEST_SKIP() << "event or parser model missing";
  DocumentInfo info;
  info.creation_time = parse_dct("2025-10-20", "test");
  Document doc(std::string(kTwoMentionsOfOneMeeting), info);
  pipeline().analyze(doc);
  const std::string table = extract_table(doc);
  // "his recent meeting with Donald Trump" has no date of its own.
  const auto row = table.find("meeting");
  ASSERT_NE(row, std::string::npos) << table;
  const std::string line = table.substr(table.rfind('\n', row) + 1, table.find('\n', row) - table.rfind('\n', row) - 1);
  EXPECT_NE(line.find("2025-10-17 (inferred, as e"), std::string::npos) << table;
}

TEST(ExtractCli, SeveralInputsGiveJsonLinesInInputOrder) {
  const auto dir = std::filesystem::temp_directory_path() / "tempora-extract-test";
  std::filesystem::create_directories(dir);
  const auto out = dir / "out.jsonl";
  std::filesystem::remove(out);
  const auto samples = testing::source_dir() / "samples";
  const std::string command = testing::cli_path() + " extract --dct 2026-03-14 " +
                              (samples / "meeting-meridian.txt").string() + " " +
                              (samples / "meeting-harbor-times.txt").string() + " -o " + out.string();
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream in(out);
  std::string line;
  std::vector<std::string> ids;
  while (std::getline(in, line)) ids.push_back(Json::parse(line)["document"]["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"meeting-meridian", "meeting-harbor-times"}));
}

TEST(ExtractCli, MissingFileFailsNamingIt) {
  const std::string command = testing::cli_path() + " extract /nonexistent/article.txt 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  const int status = pclose(pipe);
  EXPECT_NE(status, 0);
  EXPECT_NE(output.find("/nonexistent/article.txt"), std::string::npos) << output;
}

}  // namespace
}  // namespace tempora

// The same input gives byte-identical output whatever the thread count, the
// machine's date and its time zone.
//
// - Threads: `tempora tag` analyses 1 MB chunks in parallel (oneTBB) and
//   writes them in input order; the global --threads caps the workers. One,
//   and two threads must print the same bytes for a multi-chunk input.
// - Date: tempora never reads the system clock (a missing DCT leaves
//   relative dates underspecified, it does not mean "today"). To check that
//   rather than trust it, the program runs under fake_clock.so, a preloaded
//   library that moves time(), gettimeofday() and clock_gettime() by decades;
//   `date` under the same library proves the clock really moved.
// - Time zone: TZ UTC-10 and UTC+14 against UTC (dates would move by a day
//   if any local-time conversion crept in).
// The commands cover the whole pipeline: annotate (TimeML and JSON with
// events and links) and timeline (text summary and DOT).
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace tempora {
namespace {

using testing::CliTest;
using testing::read_file;

class Determinism : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    for (const char* name : {"meeting-meridian.txt", "meeting-harbor-times.txt", "meeting-civic-wire.txt"})
      write(name, read_file(testing::source_dir() / "samples" / name));
    // No --dct for Harbor Times: the DCT then comes from nowhere, the case
    // where reading the clock would be most tempting.
    write("undated.txt", "The talks ended yesterday; a decision is due next week, perhaps by Friday at midnight.");
  }

  // Everything the pipeline writes for the samples, in one string.
  std::string outputs(const std::string& env) {
    std::string all;
    const std::vector<std::string> commands = {
        "annotate meeting-meridian.txt meeting-civic-wire.txt --dct 2026-03-14 -o tml",
        "annotate meeting-harbor-times.txt undated.txt --format json -o json",
        "timeline meeting-meridian.txt meeting-harbor-times.txt meeting-civic-wire.txt --dct 2026-03-14 --all "
        "--format dot",
        "timeline undated.txt --format json",
    };
    for (const std::string& command : commands) {
      const auto run = this->run(command, env);
      EXPECT_EQ(run.status, 0) << command << "\n" << run.err;
      all += "$ " + command + "\n" + run.out + run.err;
    }
    for (const std::string& file : files_in(dir() / "tml")) all += file + "\n" + read_file(dir() / "tml" / file);
    for (const std::string& file : files_in(dir() / "json")) all += file + "\n" + read_file(dir() / "json" / file);
    std::filesystem::remove_all(dir() / "tml");
    std::filesystem::remove_all(dir() / "json");
    return all;
  }
};

TEST_F(Determinism, ThreadCountDoesNotChangeOutput) {
  // Several 1 MB chunks, so that --threads 2 and 4 really run them in parallel.
  std::string text;
  const std::string articles = read_file(testing::source_dir() / "samples" / "meeting-meridian.txt") + "\n" +
                               read_file(testing::source_dir() / "samples" / "meeting-civic-wire.txt") + "\n";
  while (text.size() < (testing::kSanitized ? 2u : 3u) << 20) text += articles;
  write("many.txt", text);
  std::string first;
  for (const char* threads : {"1", "2"}) {
    const auto json = run(std::string("--threads ") + threads + " tag many.txt --format json");
    ASSERT_EQ(json.status, 0) << json.err;
    ASSERT_GT(json.out.size(), text.size());
    if (first.empty()) first = json.out;
    else EXPECT_TRUE(json.out == first) << "--threads " << threads << " printed different bytes";
  }
  const auto one = run("--threads 1 tag many.txt meeting-civic-wire.txt");
  const auto two = run("--threads 2 tag many.txt meeting-civic-wire.txt");
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_TRUE(one.out == two.out);
  EXPECT_EQ(run("--threads 0 tag many.txt").status, 105);  // CLI11: not a positive number
}

TEST_F(Determinism, MachineDateDoesNotChangeOutput) {
  const std::string clock = TEMPORA_TEST_FAKE_CLOCK;
  // The sanitizer runtime must come first among loaded libraries unless told otherwise.
  const std::string preload = "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 LD_PRELOAD='" +
                              clock + "' FAKE_CLOCK_OFFSET=";
  const std::string past = preload + "-631152000", future = preload + "946080000";  // -20 and +30 years
  const auto year = [&](const std::string& env) {
    return std::system(("test \"$(" + env + " date -u +%Y)\" -ne \"$(date -u +%Y)\"").c_str()) == 0;
  };
  ASSERT_TRUE(year(past)) << "fake_clock.so did not move the clock";
  ASSERT_TRUE(year(future)) << "fake_clock.so did not move the clock";
  const std::string now = outputs("");
  EXPECT_TRUE(outputs(past) == now);
  EXPECT_TRUE(outputs(future) == now);
}

TEST_F(Determinism, TimeZoneDoesNotChangeOutput) {
  const std::string utc = outputs("TZ=UTC");
  for (const char* zone : {"Pacific/Honolulu", "Pacific/Kiritimati"})
    EXPECT_TRUE(outputs(std::string("TZ=") + zone) == utc) << zone;
}

}  // namespace
}  // namespace tempora

// Invariants of the event layer on arbitrary input (a deterministic stream of
// random bytes and word salads), and the rule files' error reporting.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "event/event_rules.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

std::uint64_t next(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

TEST(EventProperties, SpansAreTokensInOrderWithUniqueIds) {
  const Segmenter segmenter = Segmenter::load();
  const PosTagger pos = PosTagger::load();
  const DependencyParser parser = DependencyParser::load();
  const EventTagger events = EventTagger::load();
  static constexpr const char* kWords[] = {"met",  "said", "talks", "the",  "not",   "will", "had", "been", "to",
                                           "visit", ".",   "“",     "n't",  "would", "Read", "on",  "Telegram",
                                           "attack", ",",  "\n",    "was",  "posted", "no",  "being"};
  std::uint64_t rng = 20251017;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const std::size_t length = next(rng) % 400;
    if (round % 2 == 0) {
      for (std::size_t i = 0; i < length; ++i) text += static_cast<char>(next(rng) & 0xFF);
    } else {
      for (std::size_t i = 0; i < length / 4; ++i) {
        text += kWords[next(rng) % std::size(kWords)];
        text += ' ';
      }
    }
    Document doc(text);
    const Segmentation& seg = segmenter.segment(doc);
    pos.tag(doc);
    if (round % 4 < 2) parser.parse(doc);  // with and without the parse the tagger may read
    const Events& layer = events.tag(doc);
    std::uint32_t last_end = 0;
    for (std::size_t i = 0; i < layer.events.size(); ++i) {
      const EventMention& e = layer.events[i];
      ASSERT_LT(e.token, seg.tokens.size());
      EXPECT_EQ(e.span, seg.tokens[e.token].span);
      EXPECT_LE(e.span.end, doc.text().size());
      EXPECT_GE(e.span.begin, last_end);
      last_end = e.span.end;
      EXPECT_EQ(e.id, "e" + std::to_string(i + 1));
      EXPECT_FALSE(e.type.empty());
      EXPECT_GT(e.confidence, 0.0);
      EXPECT_LE(e.confidence, 1.0);
      ASSERT_LT(e.sentence, seg.sentences.size());
      EXPECT_TRUE(seg.sentences[e.sentence].span.contains(e.span));
    }
  }
}

TEST(EventRules, MalformedFileNamesFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / "tempora-event-rules-test";
  std::filesystem::create_directories(dir);
  for (const char* name : {"grammar.txt", "types.txt", "boilerplate.txt"})
    std::filesystem::copy_file(testing::source_dir() / "resources/event" / name, dir / name,
                               std::filesystem::copy_options::overwrite_existing);
  EXPECT_NO_THROW(detail::EventRules::load(dir));
  {
    std::ofstream out(dir / "types.txt", std::ios::app);
    out << "type MEET maybe: gather\n";
  }
  try {
    detail::EventRules::load(dir);
    ADD_FAILURE() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("types.txt:"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tempora

#include "tempora/utf8.hpp"

#include <string>

#include <gtest/gtest.h>

namespace tempora {
namespace {

TEST(Utf8, AcceptsWellFormedSequences) {
  EXPECT_TRUE(utf8::is_valid(""));
  EXPECT_TRUE(utf8::is_valid("plain ASCII"));
  EXPECT_TRUE(utf8::is_valid("Ukraine’s “no” café Київ 中文 \U0001F600"));
  EXPECT_TRUE(utf8::is_valid(std::string("a\0b", 3)));  // NUL is a valid code point
  EXPECT_TRUE(utf8::is_valid("\xF4\x8F\xBF\xBF"));        // U+10FFFF, the last code point
}

TEST(Utf8, SequenceLengths) {
  EXPECT_EQ(utf8::valid_sequence_length("a", 0), 1u);
  EXPECT_EQ(utf8::valid_sequence_length("\xC3\xA9", 0), 2u);          // é
  EXPECT_EQ(utf8::valid_sequence_length("\xE2\x80\x99", 0), 3u);      // ’
  EXPECT_EQ(utf8::valid_sequence_length("\xF0\x9F\x98\x80", 0), 4u);  // 😀
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_EQ(utf8::valid_sequence_length("\x80", 0), 0u);              // lone continuation byte
  EXPECT_EQ(utf8::valid_sequence_length("\xC0\xAF", 0), 0u);          // overlong '/'
  EXPECT_EQ(utf8::valid_sequence_length("\xC1\xBF", 0), 0u);          // overlong
  EXPECT_EQ(utf8::valid_sequence_length("\xE0\x80\xAF", 0), 0u);      // overlong 3-byte
  EXPECT_EQ(utf8::valid_sequence_length("\xF0\x80\x80\xAF", 0), 0u);  // overlong 4-byte
  EXPECT_EQ(utf8::valid_sequence_length("\xED\xA0\x80", 0), 0u);      // surrogate U+D800
  EXPECT_EQ(utf8::valid_sequence_length("\xF4\x90\x80\x80", 0), 0u);  // U+110000
  EXPECT_EQ(utf8::valid_sequence_length("\xF5\x80\x80\x80", 0), 0u);
  EXPECT_EQ(utf8::valid_sequence_length("\xFF", 0), 0u);
  EXPECT_EQ(utf8::valid_sequence_length("\xE2\x80", 0), 0u);          // truncated at the end
  EXPECT_EQ(utf8::valid_sequence_length("\xE2\x41\x41", 0), 0u);      // bad continuation
  EXPECT_FALSE(utf8::is_valid("ok \xC3"));
}

TEST(Utf8, DecodesWhatItValidates) {
  const std::string text = "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80";
  std::size_t pos = 0;
  std::u32string decoded;
  while (pos < text.size()) {
    const std::size_t n = utf8::valid_sequence_length(text, pos);
    ASSERT_GT(n, 0u);
    decoded.push_back(utf8::decode(text, pos, n));
    pos += n;
  }
  EXPECT_EQ(decoded, U"a\u00E9\u2019\U0001F600");
}

TEST(Utf8, AppendRoundTrips) {
  for (const char32_t cp : {U'\0', U'A', U'\u00E9', U'\u07FF', U'\u0800', U'\u2019', U'\uFFFD', U'\U00010000',
                            U'\U0001F600', U'\U0010FFFF'}) {
    std::string out;
    utf8::append(out, cp);
    ASSERT_EQ(utf8::valid_sequence_length(out, 0), out.size()) << static_cast<unsigned>(cp);
    EXPECT_EQ(utf8::decode(out, 0, out.size()), cp);
  }
}

TEST(Utf8, RepairReplacesEachBadByte) {
  std::string text = "ok \xFF\xFE then \xC3 end \xE2\x80";
  EXPECT_EQ(utf8::repair(text), 5u);
  EXPECT_TRUE(utf8::is_valid(text));
  EXPECT_EQ(text, "ok \uFFFD\uFFFD then \uFFFD end \uFFFD\uFFFD");
}

TEST(Utf8, RepairLeavesValidTextAlone) {
  std::string text = "Ukraine’s defense";
  EXPECT_EQ(utf8::repair(text), 0u);
  EXPECT_EQ(text, "Ukraine’s defense");
}

TEST(Utf8, RepairHandlesAllSingleBytes) {
  std::string text;
  for (int b = 0; b < 256; ++b) text.push_back(static_cast<char>(b));
  utf8::repair(text);
  EXPECT_TRUE(utf8::is_valid(text));
}

}  // namespace
}  // namespace tempora

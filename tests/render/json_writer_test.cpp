// JsonWriter: the same bytes as nlohmann::ordered_json::dump(indent, ' ',
// false, replace) on the same values, which extract_json() relies on to keep
// its output byte for byte what it was when it built a JSON tree.
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "render/json_writer.hpp"

namespace tempora {
namespace {

using namespace std::string_literals;

using detail::JsonWriter;
using Json = nlohmann::ordered_json;

std::string nlohmann_dump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string written_string(std::string_view text) {
  std::string out;
  JsonWriter(out).string(text);
  return out;
}

TEST(JsonWriter, EscapesStringsAsNlohmannDoes) {
  const std::vector<std::string> texts = {
      "",
      "plain ascii",
      "quote \" backslash \\ slash /",
      "\b\f\n\r\t",
      "nul \0 and \x01 \x1f \x7f"s,  // the literal's own length: 15 bytes, NUL included
      "UTF-8: Zelenskyy \xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 \xEF\xBF\xBD",
      "lone continuation \x80 here",
      "truncated \xE2\x80",
      "surrogate \xED\xA0\x80 overlong \xC0\xAF too high \xF4\x90\x80\x80",
      "\xFF\xFE at the start",
      "at the end \xC3",
  };
  for (const std::string& text : texts) EXPECT_EQ(written_string(text), nlohmann_dump(Json(text))) << text;
}

TEST(JsonWriter, EscapesRandomBytesAsNlohmannDoes) {
  // Pieces of valid and invalid UTF-8 and every kind of escape, shuffled.
  const std::vector<std::string> pieces = {"a", " ", "\"", "\\", "\n", "\t", std::string(1, '\0'), "\x1b", "\x7f",
                                           "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "\xC3", "\xE2\x80",
                                           "\x80", "\xBF", "\xED\xA0\x80", "\xF5", "\xFF"};
  std::mt19937 random(20261127);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 12);
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    for (std::size_t i = length(random); i > 0; --i) text += pieces[pick(random)];
    ASSERT_EQ(written_string(text), nlohmann_dump(Json(text))) << Json(text).dump(-1, ' ', true, Json::error_handler_t::replace);
  }
}

TEST(JsonWriter, WritesNumbersAsNlohmannDoes) {
  const std::vector<double> reals = {0.0,   -0.0,  1.0,    0.5,    0.1,   1.0 / 3.0, 0.9999999999999999,
                                     1e-5,  1e-4,  123456789012345.0, 1e16,  1e300, 5e-324, 0.7f,
                                     std::numeric_limits<double>::infinity(), std::nan("")};
  for (const double x : reals) {
    std::string out;
    JsonWriter(out).real(x);
    EXPECT_EQ(out, nlohmann_dump(Json(x))) << x;
  }
  for (const std::uint64_t n : {std::uint64_t{0}, std::uint64_t{42}, std::numeric_limits<std::uint64_t>::max()}) {
    std::string out;
    JsonWriter(out).integer(n);
    EXPECT_EQ(out, nlohmann_dump(Json(n)));
  }
}

// {"a":[],"b":{},"c":[1,[2,{}],{"d":null}],"e":{"f":true,"g":"h"}}
std::string written_tree(int indent) {
  std::string out;
  JsonWriter w(out, indent);
  w.begin_object();
  w.key("a").begin_array().end_array();
  w.key("b").begin_object().end_object();
  w.key("c").begin_array().integer(1).begin_array().integer(2).begin_object().end_object().end_array();
  w.begin_object().key("d").null().end_object().end_array();
  w.key("e").begin_object().key("f").boolean(true).key("g").string("h").end_object();
  w.end_object();
  return out;
}

TEST(JsonWriter, LaysOutNestedContainersAsNlohmannDoes) {
  const Json tree = Json::parse(R"({"a":[],"b":{},"c":[1,[2,{}],{"d":null}],"e":{"f":true,"g":"h"}})");
  for (const int indent : {-1, 0, 1, 2, 4}) EXPECT_EQ(written_tree(indent), nlohmann_dump(tree, indent)) << indent;
}

}  // namespace
}  // namespace tempora

// JsonWriter: JSON written straight into a string, value by value.
//
// For output that would otherwise build a nlohmann::json tree only to dump it
// at once (extract_json() writes one object per article, and the tree's
// allocations cost more than the writing). The bytes are those of
// nlohmann::ordered_json::dump(indent, ' ', false, error_handler_t::replace)
// on the same values in the same order: strings escaped as nlohmann escapes
// them (\" \\ \b \f \n \r \t, other controls as \u00xx, UTF-8 kept as it is),
// invalid UTF-8 replaced the same way (such a string is handed to nlohmann),
// doubles with nlohmann's own shortest round-trip formatting, and with
// indent >= 0 the same line breaks and "[]" / "{}" for empty containers.
//
//   std::string out;
//   JsonWriter w(out);
//   w.begin_object().key("span").begin_array().integer(0).integer(12).end_array().end_object();
//   // out == R"({"span":[0,12]})"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tempora::detail {

class JsonWriter {
 public:
  // indent < 0: one line; >= 0: one value per line, nested by that many spaces.
  explicit JsonWriter(std::string& out, int indent = -1) : out_(out), indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The next value is this member's.
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view text);
  JsonWriter& integer(std::uint64_t n);
  JsonWriter& real(double x);  // null when not finite, as nlohmann writes it
  JsonWriter& boolean(bool b);
  JsonWriter& null();

 private:
  void before_value();  // the separator and line break a value needs where it stands
  void close(char bracket);
  void append_quoted(std::string_view text);

  std::string& out_;
  int indent_;
  std::vector<bool> open_;  // per open container: has it a member yet
  bool after_key_ = false;
};

}  // namespace tempora::detail

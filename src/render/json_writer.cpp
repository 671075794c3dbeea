// JsonWriter (render/json_writer.hpp). Only strings with invalid UTF-8 go
// through nlohmann, so that their replacement characters fall exactly where
// nlohmann's error_handler_t::replace puts them; valid text, the usual case,
// is escaped here in runs.
#include "render/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

#include "tempora/utf8.hpp"

namespace tempora::detail {

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (open_.empty()) return;
  if (open_.back()) out_.push_back(',');
  open_.back() = true;
  if (indent_ >= 0) {
    out_.push_back('\n');
    out_.append(static_cast<std::size_t>(indent_) * open_.size(), ' ');
  }
}

void JsonWriter::close(char bracket) {
  const bool has_members = open_.back();
  open_.pop_back();
  if (has_members && indent_ >= 0) {
    out_.push_back('\n');
    out_.append(static_cast<std::size_t>(indent_) * open_.size(), ' ');
  }
  out_.push_back(bracket);
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_.push_back('{');
  open_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_.push_back('[');
  open_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  append_quoted(name);
  out_.append(indent_ >= 0 ? ": " : ":");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  before_value();
  append_quoted(text);
  return *this;
}

JsonWriter& JsonWriter::integer(std::uint64_t n) {
  before_value();
  char buffer[24];
  const char* end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out_.append(buffer, static_cast<std::size_t>(end - buffer));
  return *this;
}

JsonWriter& JsonWriter::real(double x) {
  before_value();
  if (!std::isfinite(x)) {
    out_.append("null");
    return *this;
  }
  char buffer[64];
  const char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x);
  out_.append(buffer, static_cast<std::size_t>(end - buffer));
  return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
  before_value();
  out_.append(b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_.append("null");
  return *this;
}

void JsonWriter::append_quoted(std::string_view text) {
  const std::size_t start = out_.size();
  out_.push_back('"');
  std::size_t run = 0;  // first byte not yet copied
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8::valid_sequence_length(text, i);
      if (length == 0) {
        out_.resize(start);
        out_.append(nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
      }
      i += length;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out_.append(text.data() + run, i - run);
    switch (c) {
      case '"': out_.append("\\\""); break;
      case '\\': out_.append("\\\\"); break;
      case '\b': out_.append("\\b"); break;
      case '\f': out_.append("\\f"); break;
      case '\n': out_.append("\\n"); break;
      case '\r': out_.append("\\r"); break;
      case '\t': out_.append("\\t"); break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out_.append(escape, sizeof escape);
      }
    }
    run = ++i;
  }
  out_.append(text.data() + run, text.size() - run);
  out_.push_back('"');
}

}  // namespace tempora::detail

// Reading the rule tables of the event stage (resources/event/*.txt): plain
// text, '#' comments, "name: word word ..." lines, errors as file:line.
// Internal to src/event/.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace tempora::detail {

inline std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Calls f(line) for every non-empty, non-comment line; a std::runtime_error
// thrown by f is rethrown prefixed with "file:line: ".
template <class F>
void for_each_line(const std::filesystem::path& file, F&& f) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", file.string()));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    try {
      f(t);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(fmt::format("{}:{}: {}", file.string(), number, e.what()));
    }
  }
}

// Splits "head: rest" at the first colon.
inline std::pair<std::string_view, std::string_view> split_colon(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) throw std::runtime_error("expected 'name: words'");
  return {trim(line.substr(0, colon)), trim(line.substr(colon + 1))};
}

}  // namespace tempora::detail

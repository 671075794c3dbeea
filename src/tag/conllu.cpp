#include "tempora/conllu.hpp"

#include <charconv>
#include <optional>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

namespace tempora {
namespace {

// Splits a CoNLL-U word line into its ten tab-separated columns.
bool split_columns(std::string_view line, std::string_view (&cols)[10]) {
  std::size_t start = 0;
  for (int i = 0; i < 10; ++i) {
    const std::size_t tab = i < 9 ? line.find('\t', start) : line.size();
    if (tab == std::string_view::npos) return false;
    cols[i] = line.substr(start, tab - start);
    start = tab + 1;
  }
  return cols[9].find('\t') == std::string_view::npos;
}

void take_comment(std::string_view line, ConlluSentence& sentence) {
  const auto value_of = [&](std::string_view key) -> std::optional<std::string_view> {
    if (!line.starts_with(key)) return std::nullopt;
    return line.substr(key.size());
  };
  if (auto id = value_of("# sent_id = ")) sentence.id = *id;
  if (auto text = value_of("# text = ")) sentence.text = *text;
}

}  // namespace

std::vector<ConlluSentence> read_conllu(std::istream& in) {
  std::vector<ConlluSentence> sentences;
  ConlluSentence current;
  std::string line;
  std::size_t line_number = 0;
  const auto flush = [&] {
    if (!current.words.empty()) sentences.push_back(std::move(current));
    current = ConlluSentence{};
  };
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line.front() == '#') {
      take_comment(line, current);
      continue;
    }
    std::string_view cols[10];
    if (!split_columns(line, cols))
      throw std::runtime_error(fmt::format("CoNLL-U line {}: expected 10 tab-separated columns", line_number));
    // Multiword tokens ("3-4") and empty nodes ("3.1") are not syntactic words.
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;
    ConlluWord word;
    word.form = cols[1];
    word.lemma = cols[2];
    word.upos = cols[3];
    word.xpos = cols[4];
    word.feats = cols[5];
    if (cols[6] != "_") {
      auto [ptr, ec] = std::from_chars(cols[6].data(), cols[6].data() + cols[6].size(), word.head);
      if (ec != std::errc{} || ptr != cols[6].data() + cols[6].size() || word.head < 0)
        throw std::runtime_error(fmt::format("CoNLL-U line {}: bad HEAD '{}'", line_number, cols[6]));
    }
    word.deprel = cols[7];
    word.space_after = cols[9].find("SpaceAfter=No") == std::string_view::npos;
    current.words.push_back(std::move(word));
  }
  flush();
  return sentences;
}

std::vector<ConlluSentence> read_conllu(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot open CoNLL-U file {}", file.string()));
  try {
    return read_conllu(in);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", file.string(), e.what()));
  }
}

}  // namespace tempora

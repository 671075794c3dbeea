#include "tempora/document.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "tempora/utf8.hpp"

namespace tempora {

Document::Document(std::string text, DocumentInfo info) : text_(std::move(text)), info_(std::move(info)) {
  if (text_.size() >= UINT32_MAX)
    throw std::length_error(fmt::format("document of {} bytes exceeds the 4 GiB limit of byte offsets", text_.size()));
  if (const std::size_t replaced = utf8::repair(text_); replaced > 0) {
    // Where the first repair is, so the user can look (a U+FFFD that was in
    // the input already may come first; close enough to point at the spot).
    const std::size_t first = std::min(text_.find("\xEF\xBF\xBD"), text_.size());
    const auto line = std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(first), '\n') + 1;
    report({Diagnostic::Severity::warning, "text",
            fmt::format("input was not valid UTF-8: {} byte(s) replaced by U+FFFD, the first on line {}", replaced,
                        line),
            Span{static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(std::min(first + 3, text_.size()))}});
    if (text_.size() >= UINT32_MAX) throw std::length_error("repaired document exceeds the 4 GiB limit");
  }
}

void Document::missing_layer(std::string_view stage) {
  throw std::logic_error(fmt::format("document layer missing: run stage {} first", stage));
}

void Document::duplicate_layer(std::string_view stage) {
  throw std::logic_error(fmt::format("document layer of stage {} added twice", stage));
}

namespace {
constexpr std::array<std::string_view, 17> kUposNames = {"ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET",
                                                          "INTJ", "NOUN", "NUM",   "PART",  "PRON",  "PROPN",
                                                          "PUNCT", "SCONJ", "SYM", "VERB",  "X"};
}

std::string_view to_string(Upos upos) { return kUposNames[static_cast<std::size_t>(upos)]; }

std::optional<Upos> parse_upos(std::string_view name) {
  for (std::size_t i = 0; i < kUposNames.size(); ++i)
    if (kUposNames[i] == name) return static_cast<Upos>(i);
  return std::nullopt;
}

}  // namespace tempora

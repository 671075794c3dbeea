// libFuzzer target: any bytes -> Document -> Segmenter, then checks the
// invariants every later stage relies on, aborting on a violation:
//   - token spans are non-empty, inside the text, in increasing order and do
//     not overlap;
//   - sentences partition the tokens in order, hold at least one token, and
//     span exactly from their first token's begin to their last token's end;
//   - the dateline, when present, is exactly one of the sentences;
//   - Token::norm is never empty.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target segment_fuzz
//   build/fuzz/fuzz/segment_fuzz -max_total_time=60
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tempora/document.hpp"
#include "tempora/segment.hpp"

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "segment_fuzz: invariant violated: %s\n", what);
  std::abort();
}

void check(bool ok, const char* what) {
  if (!ok) fail(what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const tempora::Segmenter segmenter = tempora::Segmenter::load();
  tempora::Document doc(std::string(reinterpret_cast<const char*>(data), size));
  const tempora::Segmentation& seg = segmenter.segment(doc);
  const auto text_size = static_cast<std::uint32_t>(doc.text().size());

  std::uint32_t previous_end = 0;
  for (const tempora::Token& t : seg.tokens) {
    check(t.span.begin < t.span.end, "empty token");
    check(t.span.end <= text_size, "token beyond text");
    check(t.span.begin >= previous_end, "tokens out of order or overlapping");
    check(!t.norm.empty(), "empty norm");
    previous_end = t.span.end;
  }
  std::size_t next_token = 0;
  for (const tempora::Sentence& s : seg.sentences) {
    check(s.token_count > 0, "sentence without tokens");
    check(s.first_token == next_token, "sentences do not partition the tokens");
    next_token += s.token_count;
    check(next_token <= seg.tokens.size(), "sentence beyond tokens");
    check(s.span.begin == seg.tokens[s.first_token].span.begin, "sentence begin differs from first token");
    check(s.span.end == seg.tokens[next_token - 1].span.end, "sentence end differs from last token");
  }
  check(next_token == seg.tokens.size(), "tokens outside sentences");
  if (seg.dateline) {
    bool is_sentence = false;
    for (const tempora::Sentence& s : seg.sentences) is_sentence = is_sentence || s.span == *seg.dateline;
    check(is_sentence, "dateline is not a sentence of its own");
  }
  return 0;
}

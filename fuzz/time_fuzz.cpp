// libFuzzer target: any bytes -> TimeTagger (with and without a DCT) and the
// TimeML reader and writer, aborting when an invariant breaks:
//   - timex spans are non-empty, inside the text, in order, not overlapping;
//   - every timex has a value and a tid;
//   - writing the text as TimeML and reading it back gives the same text and
//     the same spans (for text without NUL bytes);
//   - reading arbitrary bytes as TimeML either parses or throws.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target time_fuzz
//   build/fuzz/fuzz/time_fuzz -max_total_time=60
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "tempora/data.hpp"
#include "tempora/timeml.hpp"
#include "tempora/timex.hpp"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "time_fuzz: invariant violated: %s\n", what);
    std::abort();
  }
}

const tempora::TimeTagger& tagger() {
  static const tempora::TimeTagger t = tempora::TimeTagger::load();
  return t;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const tempora::Document doc(bytes);  // repairs invalid UTF-8
  const std::string_view text = doc.text();
  for (const auto& dct : {tempora::parse_dct("2025-10-22", "fuzz"), std::optional<tempora::CreationTime>{}}) {
    const auto timexes = tagger().find(text, dct);
    std::uint32_t last_end = 0;
    for (const auto& t : timexes) {
      check(t.span.begin < t.span.end, "empty timex span");
      check(t.span.end <= text.size(), "timex span outside the text");
      check(t.span.begin >= last_end, "timexes overlap or are out of order");
      check(!t.value.empty() && !t.tid.empty(), "timex without value or tid");
      last_end = t.span.end;
    }
    if (text.find('\0') == std::string_view::npos) {
      const std::string xml = tempora::timeml::write_timeml(text, tempora::timeml::timex_annotations(timexes), {});
      const auto back = tempora::timeml::parse_timeml(xml);
      check(back.text == text, "TimeML round trip changed the text");
      const auto spans = back.elements("TIMEX3");
      check(spans.size() == timexes.size(), "TimeML round trip lost a timex");
      for (std::size_t i = 0; i < spans.size(); ++i) check(*spans[i]->span == timexes[i].span, "span moved");
    }
  }
  try {
    (void)tempora::timeml::parse_timeml(bytes);
  } catch (const std::runtime_error&) {
  }
  return 0;
}

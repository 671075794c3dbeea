// libFuzzer target: any bytes -> TimeTagger (with and without a DCT) and the
// TimeML reader and writer, aborting when an invariant breaks. The DCT is
// arbitrary too: the first byte chooses between parse_dct on the first line
// (what --dct, JSON "dct" and TimeML <DCT> can produce: years 0000-9999,
// hours up to 24:59, trailing junk) and a day taken from the next four bytes
// anywhere in std::chrono::year's range (-32767..32767) with a time of day
// from 0 to 24:59, or none. Invariants:
//   - timex spans are non-empty, inside the text, in order, not overlapping;
//   - every timex has a value and a tid;
//   - writing the text as TimeML and reading it back gives the same text and
//     the same spans (text with C0 controls XML cannot carry: the same text
//     with U+FFFD in their place);
//   - reading arbitrary bytes as TimeML either parses or throws.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target time_fuzz
//   build/fuzz/fuzz/time_fuzz -max_total_time=60
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
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

// The DCT the input asks for (see the top of the file); consumes its bytes.
std::optional<tempora::CreationTime> arbitrary_dct(std::string_view& input) {
  using namespace std::chrono;
  if (input.empty()) return std::nullopt;
  const auto selector = static_cast<std::uint8_t>(input.front());
  input.remove_prefix(1);
  if (selector & 1) {
    const std::size_t eol = std::min(input.find('\n'), input.size());
    auto dct = tempora::parse_dct(input.substr(0, eol), "fuzz");
    input.remove_prefix(eol);
    return dct;
  }
  if (input.size() < 4) return std::nullopt;
  std::uint32_t raw = 0;
  std::memcpy(&raw, input.data(), 4);
  input.remove_prefix(4);
  const int first = static_cast<int>(sys_days{year::min() / 1 / 1}.time_since_epoch().count());
  const int last = static_cast<int>(sys_days{year::max() / 12 / 31}.time_since_epoch().count());
  const sys_days day{days{first + static_cast<int>(raw % static_cast<std::uint32_t>(last - first + 1))}};
  std::optional<minutes> time_of_day;
  if (selector & 2) time_of_day = minutes{(selector >> 2) * 24 % 1500};
  return tempora::CreationTime{day, time_of_day, "fuzz"};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string_view rest = bytes;
  const auto any_dct = arbitrary_dct(rest);
  const tempora::Document doc{std::string(rest)};  // repairs invalid UTF-8
  const std::string_view text = doc.text();
  for (const auto& dct : {any_dct, tempora::parse_dct("2025-10-22", "fuzz"), std::optional<tempora::CreationTime>{}}) {
    const auto timexes = tagger().find(text, dct);
    std::uint32_t last_end = 0;
    for (const auto& t : timexes) {
      check(t.span.begin < t.span.end, "empty timex span");
      check(t.span.end <= text.size(), "timex span outside the text");
      check(t.span.begin >= last_end, "timexes overlap or are out of order");
      check(!t.value.empty() && !t.tid.empty(), "timex without value or tid");
      last_end = t.span.end;
    }
    // XML cannot carry NUL and most C0 controls: the writer puts U+FFFD
    // instead, which moves spans; then only the text is compared.
    std::string expected;
    bool controls = false;
    for (const char c : text) {
      const bool illegal = static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
      controls = controls || illegal;
      expected += illegal ? std::string_view("\xEF\xBF\xBD") : std::string_view(&c, 1);
    }
    {
      const std::string xml = tempora::timeml::write_timeml(text, tempora::timeml::timex_annotations(timexes),
                                                              {.docid = "fuzz", .creation_time = dct});
      const auto back = tempora::timeml::parse_timeml(xml);
      check(back.text == expected, "TimeML round trip changed the text");
      if (controls) continue;
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

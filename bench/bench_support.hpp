// Inputs shared by the benchmark programs.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace tempora::bench {

// The sample articles (samples/*.txt) one after another, blank-line separated.
inline std::string sample_articles() {
  std::string text;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(TEMPORA_BENCH_SOURCE_DIR) / "samples")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    text.append(std::istreambuf_iterator<char>(in), {});
    text += "\n\n";
  }
  return text;
}

// The sample articles repeated to at least `min_bytes` (a few hundred
// kilobytes by default), so that per-document costs do not dominate a
// per-token benchmark.
inline std::string sample_text(std::size_t min_bytes = 200'000) {
  const std::string text = sample_articles();
  std::string out;
  while (out.size() < min_bytes) out += text;
  return out;
}

}  // namespace tempora::bench

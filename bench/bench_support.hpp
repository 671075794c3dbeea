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

}  // namespace tempora::bench

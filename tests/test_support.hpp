// Helpers shared by the test executables.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace tempora::testing {

// ../shared beside the checkout (TEMPORA_SHARED overrides), or nullopt.
inline std::optional<std::filesystem::path> shared_dir() {
  std::filesystem::path dir = TEMPORA_TEST_SHARED_DIR;
  if (const char* env = std::getenv("TEMPORA_SHARED"); env != nullptr && *env != '\0') dir = env;
  std::error_code ec;
  if (std::filesystem::is_directory(dir / "data", ec)) return dir;
  return std::nullopt;
}

inline std::filesystem::path source_dir() { return TEMPORA_TEST_SOURCE_DIR; }
inline std::string cli_path() { return TEMPORA_TEST_CLI; }

}  // namespace tempora::testing

// Skips the current test when ../shared is not there.
#define TEMPORA_REQUIRE_SHARED(var)                                         \
  const auto var##_opt = ::tempora::testing::shared_dir();                  \
  if (!var##_opt) GTEST_SKIP() << "../shared not present; skipping";        \
  const std::filesystem::path var = *var##_opt

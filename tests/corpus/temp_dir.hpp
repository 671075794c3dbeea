// A temporary directory for the corpus tests, removed with its contents.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace tempora::testing {

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() / fmt_name();
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& content) const {
    const std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

 private:
  static std::string fmt_name() {
    static int counter = 0;
    return "tempora-corpus-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  }
  std::filesystem::path path_;
};

}  // namespace tempora::testing

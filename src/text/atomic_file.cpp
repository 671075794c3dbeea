// See atomic_file.hpp: temporary file beside the target, then rename.
#include "text/atomic_file.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace tempora::detail {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, int error) {
  throw std::runtime_error(fmt::format("cannot write '{}': {}", path.string(), std::strerror(error)));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) fail(path, EISDIR);
  // Unique among the threads and processes that may write beside each other.
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path temp =
      path.parent_path() / fmt::format(".{}.tmp-{}-{}", path.filename().string(), ::getpid(), counter++);
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) fail(path, errno);
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  int error = ok ? 0 : errno;
  if (ok && std::fflush(file) != 0) ok = false, error = errno;
  if (std::fclose(file) != 0 && ok) ok = false, error = errno;  // delayed write errors (NFS, full disk)
  if (!ok) {
    std::filesystem::remove(temp, ec);
    fail(path, error != 0 ? error : EIO);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    error = errno;
    std::filesystem::remove(temp, ec);
    fail(path, error);
  }
}

}  // namespace tempora::detail

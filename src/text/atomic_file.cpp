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

AtomicFileWriter::AtomicFileWriter(std::filesystem::path path) : path_(std::move(path)) {
  std::error_code ec;
  if (std::filesystem::is_directory(path_, ec)) fail(path_, EISDIR);
  // Unique among the threads and processes that may write beside each other.
  static std::atomic<unsigned> counter{0};
  temp_ = path_.parent_path() / fmt::format(".{}.tmp-{}-{}", path_.filename().string(), ::getpid(), counter++);
  file_ = std::fopen(temp_.c_str(), "wb");
  if (file_ == nullptr) fail(path_, errno);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (file_ == nullptr) return;
  std::fclose(file_);
  std::error_code ec;
  std::filesystem::remove(temp_, ec);
}

void AtomicFileWriter::write(std::string_view bytes) {
  if (file_ == nullptr) throw std::logic_error("AtomicFileWriter: write after commit");
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) fail(path_, errno != 0 ? errno : EIO);
}

void AtomicFileWriter::commit() {
  if (file_ == nullptr) throw std::logic_error("AtomicFileWriter: committed twice");
  int error = 0;
  if (std::fflush(file_) != 0) error = errno;
  if (std::fclose(file_) != 0 && error == 0) error = errno;  // delayed write errors (NFS, full disk)
  file_ = nullptr;
  std::error_code ec;
  if (error == 0 && std::rename(temp_.c_str(), path_.c_str()) != 0) error = errno;
  if (error != 0) {
    std::filesystem::remove(temp_, ec);
    fail(path_, error);
  }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  AtomicFileWriter out(path);
  out.write(bytes);
  out.commit();
}

}  // namespace tempora::detail

// Writing an output file so that it is either complete or absent.
//
// A program killed half-way, a full disk or an unwritable folder must never
// leave a truncated SVG or TimeML file behind that looks like a result. So
// the bytes go to a temporary file beside the target (same folder, hence
// same file system), which is flushed, closed and checked, and only then
// renamed over the target: rename() within one file system is atomic, so a
// reader sees the old file or the new one, never a part. On any failure the
// temporary file is removed and the error names the target path and the
// reason (strerror), e.g. "cannot write 'out/a.svg': Permission denied".
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace tempora::detail {

// Replaces `path` with exactly `bytes`, or throws std::runtime_error and
// leaves `path` as it was.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// The same for output produced piece by piece (a JSON Lines stream of any
// length, without holding it in memory): write() appends to the temporary
// file, commit() puts it in place. Destroyed without commit() (an exception,
// a failed input), it removes the temporary file and leaves `path` alone.
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(std::filesystem::path path);  // throws when the folder is not writable
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter();

  void write(std::string_view bytes);  // throws std::runtime_error naming the target
  void commit();

 private:
  std::filesystem::path path_, temp_;
  std::FILE* file_ = nullptr;
};

}  // namespace tempora::detail

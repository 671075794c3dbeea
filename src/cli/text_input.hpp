// Reading the text a command works on: files or standard input ("-"), in
// chunks that end at a line break, so that memory stays bounded however
// large the input is. Each chunk becomes one Document; `base` is the byte
// offset of the chunk in its input, so reported offsets are the input's.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tempora::cli {

struct TextChunk {
  std::string name;    // file path, or "-" for standard input
  std::string text;
  std::size_t base = 0;
};

// Pulls chunks from the inputs in order. A chunk holds at least
// `chunk_bytes` bytes (unless its input ends) and ends after a newline when
// one occurs within a further `chunk_bytes`. An empty input gives one empty
// chunk. Throws std::runtime_error on unreadable files.
class ChunkReader {
 public:
  ChunkReader(std::vector<std::string> inputs, std::size_t chunk_bytes);
  ChunkReader(const ChunkReader&) = delete;
  ChunkReader& operator=(const ChunkReader&) = delete;
  ~ChunkReader();

  // The next chunk, or nullopt after the last one.
  std::optional<TextChunk> next();

 private:
  bool open_next_input();

  std::vector<std::string> inputs_;
  std::size_t chunk_bytes_;
  std::size_t next_input_ = 0;
  std::FILE* file_ = nullptr;
  std::string name_;
  std::string pending_;  // bytes read but not yet handed out
  std::size_t base_ = 0;
  bool eof_ = true;
  bool emitted_ = false;  // whether the current input gave a chunk yet
};

// Calls `on_chunk` for each chunk of each input, in order.
void for_each_chunk(const std::vector<std::string>& inputs, std::size_t chunk_bytes,
                    const std::function<void(const TextChunk&)>& on_chunk);

}  // namespace tempora::cli

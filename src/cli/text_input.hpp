// Reading the text a command works on: files or standard input ("-"), in
// chunks that end at a line break, so that memory stays bounded however
// large the input is. Each chunk becomes one Document; `base` is the byte
// offset of the chunk in its input, so reported offsets are the input's.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace tempora::cli {

struct TextChunk {
  std::string name;    // file path, or "-" for standard input
  std::string text;
  std::size_t base = 0;
};

// Calls `on_chunk` for each chunk of each input, in order. A chunk holds at
// least `chunk_bytes` bytes (unless the input ends) and ends after a newline
// when one occurs within a further `chunk_bytes`. Throws on unreadable files.
void for_each_chunk(const std::vector<std::string>& inputs, std::size_t chunk_bytes,
                    const std::function<void(const TextChunk&)>& on_chunk);

}  // namespace tempora::cli

#include "cli/text_input.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace tempora::cli {
namespace {

void read_stream(std::FILE* file, const std::string& name, std::size_t chunk_bytes,
                 const std::function<void(const TextChunk&)>& on_chunk) {
  TextChunk chunk{name, {}, 0};
  std::string pending;  // bytes read past the end of the current chunk
  std::vector<char> buffer(1 << 16);
  bool eof = false;
  while (!eof || !pending.empty()) {
    while (!eof && pending.size() < 2 * chunk_bytes) {
      const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
      pending.append(buffer.data(), got);
      if (got < buffer.size()) {
        if (std::ferror(file)) throw std::runtime_error(fmt::format("error reading {}: {}", name, std::strerror(errno)));
        eof = true;
      }
    }
    std::size_t cut = pending.size();
    if (!eof || pending.size() > chunk_bytes) {
      const std::size_t newline = pending.find('\n', std::min(chunk_bytes, pending.size()) - 1);
      cut = newline == std::string::npos ? std::min(pending.size(), 2 * chunk_bytes) : newline + 1;
    }
    chunk.text.assign(pending, 0, cut);
    pending.erase(0, cut);
    if (!chunk.text.empty() || chunk.base == 0) on_chunk(chunk);
    chunk.base += chunk.text.size();
    if (chunk.text.empty()) break;
  }
}

}  // namespace

void for_each_chunk(const std::vector<std::string>& inputs, std::size_t chunk_bytes,
                    const std::function<void(const TextChunk&)>& on_chunk) {
  chunk_bytes = std::max<std::size_t>(chunk_bytes, 1);
  const std::vector<std::string> names = inputs.empty() ? std::vector<std::string>{"-"} : inputs;
  for (const std::string& name : names) {
    if (name == "-") {
      read_stream(stdin, name, chunk_bytes, on_chunk);
      continue;
    }
    std::FILE* file = std::fopen(name.c_str(), "rb");
    if (file == nullptr) throw std::runtime_error(fmt::format("cannot open {}: {}", name, std::strerror(errno)));
    try {
      read_stream(file, name, chunk_bytes, on_chunk);
    } catch (...) {
      std::fclose(file);
      throw;
    }
    std::fclose(file);
  }
}

}  // namespace tempora::cli

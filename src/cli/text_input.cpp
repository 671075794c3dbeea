#include "cli/text_input.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace tempora::cli {

ChunkReader::ChunkReader(std::vector<std::string> inputs, std::size_t chunk_bytes)
    : inputs_(inputs.empty() ? std::vector<std::string>{"-"} : std::move(inputs)),
      chunk_bytes_(std::max<std::size_t>(chunk_bytes, 1)) {}

ChunkReader::~ChunkReader() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

bool ChunkReader::open_next_input() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
  file_ = nullptr;
  if (next_input_ == inputs_.size()) return false;
  name_ = inputs_[next_input_++];
  if (name_ == "-") {
    file_ = stdin;
  } else {
    file_ = std::fopen(name_.c_str(), "rb");
    if (file_ == nullptr) throw std::runtime_error(fmt::format("cannot open {}: {}", name_, std::strerror(errno)));
  }
  pending_.clear();
  base_ = 0;
  eof_ = false;
  emitted_ = false;
  return true;
}

std::optional<TextChunk> ChunkReader::next() {
  while (true) {
    if (file_ == nullptr && !open_next_input()) return std::nullopt;
    char buffer[1 << 16];
    while (!eof_ && pending_.size() < 2 * chunk_bytes_) {
      const std::size_t got = std::fread(buffer, 1, sizeof buffer, file_);
      pending_.append(buffer, got);
      if (got < sizeof buffer) {
        if (std::ferror(file_)) throw std::runtime_error(fmt::format("error reading {}: {}", name_, std::strerror(errno)));
        eof_ = true;
      }
    }
    if (pending_.empty()) {
      const bool empty_input = !emitted_;
      if (file_ != stdin) std::fclose(file_);
      file_ = nullptr;
      if (empty_input) {
        emitted_ = true;
        return TextChunk{name_, {}, 0};
      }
      continue;
    }
    std::size_t cut = pending_.size();
    if (!eof_ || pending_.size() > chunk_bytes_) {
      const std::size_t newline = pending_.find('\n', std::min(chunk_bytes_, pending_.size()) - 1);
      cut = newline == std::string::npos ? std::min(pending_.size(), 2 * chunk_bytes_) : newline + 1;
    }
    TextChunk chunk{name_, pending_.substr(0, cut), base_};
    pending_.erase(0, cut);
    base_ += cut;
    emitted_ = true;
    return chunk;
  }
}

void for_each_chunk(const std::vector<std::string>& inputs, std::size_t chunk_bytes,
                    const std::function<void(const TextChunk&)>& on_chunk) {
  ChunkReader reader(inputs, chunk_bytes);
  while (auto chunk = reader.next()) on_chunk(*chunk);
}

}  // namespace tempora::cli

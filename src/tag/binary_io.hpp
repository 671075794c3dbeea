// Little-endian binary reading and writing for tempora's model files. Every
// read checks the stream, so a truncated or corrupt model gives a clear error
// instead of garbage.
#pragma once

#include <cstdint>
#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tempora::detail {

template <class T>
void write_pod(std::ostream& out, const T& value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

template <class T>
T read_pod(std::istream& in, std::string_view what) {
  T value{};
  // From the stream buffer directly: an istream::read per value (a sentry
  // and state checks each time) was most of the time spent loading models.
  std::streambuf* buffer = in.good() ? in.rdbuf() : nullptr;
  if (buffer == nullptr ||
      buffer->sgetn(reinterpret_cast<char*>(&value), sizeof value) != static_cast<std::streamsize>(sizeof value)) {
    in.setstate(std::ios::failbit | std::ios::eofbit);
    throw std::runtime_error(std::string(what) + ": model file truncated");
  }
  return value;
}

inline void write_string(std::ostream& out, std::string_view s) {
  write_pod(out, static_cast<std::uint32_t>(s.size()));
  out.write(s.data(), static_cast<std::streamsize>(s.size()));
}

inline std::string read_string(std::istream& in, std::string_view what, std::uint32_t max_size = 1u << 20) {
  const auto size = read_pod<std::uint32_t>(in, what);
  if (size > max_size) throw std::runtime_error(std::string(what) + ": corrupt string length in model file");
  std::string s(size, '\0');
  if (!in.read(s.data(), size)) throw std::runtime_error(std::string(what) + ": model file truncated");
  return s;
}

}  // namespace tempora::detail

#include "tempora/data.hpp"

#include <cstdlib>
#include <stdexcept>

#include <fmt/format.h>

namespace tempora {

std::filesystem::path data_dir() {
  if (const char* home = std::getenv("TEMPORA_HOME"); home != nullptr && *home != '\0') return home;
  const std::filesystem::path source = TEMPORA_SOURCE_DATA_DIR;
  std::error_code ec;
  if (std::filesystem::exists(source / "resources", ec)) return source;
  return TEMPORA_INSTALL_DATA_DIR;
}

std::filesystem::path data_file(std::string_view relative) {
  std::filesystem::path path = data_dir() / std::filesystem::path(relative);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw std::runtime_error(fmt::format("tempora data file not found: {} (set TEMPORA_HOME to the folder holding "
                                         "models/ and resources/)",
                                         path.string()));
  return path;
}

}  // namespace tempora

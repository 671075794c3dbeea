// Where tempora finds its models/ and resources/ at run time.
#pragma once

#include <filesystem>
#include <string_view>

namespace tempora {

// The folder holding models/ and resources/: $TEMPORA_HOME when set, else the
// source tree this library was built from (when it still exists), else the
// install prefix's share/tempora.
std::filesystem::path data_dir();

// data_dir() / relative, checked to exist; throws std::runtime_error naming
// the path and TEMPORA_HOME when it does not.
std::filesystem::path data_file(std::string_view relative);

}  // namespace tempora

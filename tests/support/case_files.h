// Reading the small text files that describe a golden case (args, expected.rc, ...).
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "common/files.h"

namespace kgen::testing {

// The file's content, or `fallback` when it does not exist.
inline std::string read_case_file(const std::filesystem::path& file, const std::string& fallback = {}) {
  return try_read_file(file.string()).value_or(fallback);
}

// The non-empty lines of `text`.
inline std::vector<std::string> non_empty_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace kgen::testing

#include "common/error.h"

#include <filesystem>

namespace kgen {

Error::Error(std::string message, std::string hint, Location where, std::string details)
    : std::runtime_error(message),
      message_(std::move(message)),
      hint_(std::move(hint)),
      where_(std::move(where)),
      details_(std::move(details)) {}

std::string Error::one_line() const {
  std::string out;
  if (!where_.file.empty()) {
    out += where_.file;
    if (where_.line > 0) {
      out += ":" + std::to_string(where_.line);
      if (where_.column > 0) out += ":" + std::to_string(where_.column);
    }
    out += ": ";
  }
  out += message_;
  if (!hint_.empty()) out += "; " + hint_;
  return out;
}

std::string display_path(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec || path.empty() || path[0] != '/') return path;
  const fs::path rel = fs::path(path).lexically_relative(cwd);
  if (rel.empty()) return path;
  const std::string text = rel.generic_string();
  if (text.rfind("..", 0) == 0) return path;
  return text;
}

}  // namespace kgen

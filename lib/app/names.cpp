#include <string>

#include "app/app.h"

namespace kgen::app {

bool is_valid_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  static const std::string kForbidden = "\\,;':!()?\"{}[]*&%@$";
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return false;
    if (kForbidden.find(c) != std::string::npos) return false;
  }
  return true;
}

}  // namespace kgen::app

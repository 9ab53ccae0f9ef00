#include <re2/re2.h>

#include <string>

#include "common/error.h"
#include "params/params.h"

namespace kgen::params {

nlohmann::json parse_cli_value(const std::string& text, bool as_string) {
  if (as_string) return text;
  if (text.empty()) throw Error("value is invalid: value was blank", "give a value, or \"\" with --as-string");
  static const RE2 integer(R"(^([+-]?[1-9][0-9]*|0)$)");
  static const RE2 decimal(R"(^[+-]?(0|[1-9][0-9]*)\.[0-9]+$)");
  static const RE2 boolean(R"(^(?i)(true|false)$)");
  if (RE2::FullMatch(text, integer)) {
    // Integers beyond 2^53 are kept as text: Jsonnet numbers are doubles.
    if (text.size() > 16) return text;
    return std::stoll(text);
  }
  if (RE2::FullMatch(text, decimal)) return std::stod(text);
  if (RE2::FullMatch(text, boolean)) {
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
    throw Error("value is invalid: \"" + text + "\" is not a boolean",
                "write true or false, or pass --as-string to keep it as text");
  }
  if (text[0] == '[' || text[0] == '{') {
    nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    const bool want_array = text[0] == '[';
    if (parsed.is_discarded() || parsed.is_array() != want_array) {
      throw Error(std::string("value is invalid: ") + (want_array ? "array" : "map") +
                      " value is badly formatted: " + text,
                  "write valid JSON, or pass --as-string to keep it as text");
    }
    return parsed;
  }
  return text;
}

std::vector<std::string> split_param_path(const std::string& dotted) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t dot = dotted.find('.', start);
    const std::string part = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty()) throw Error("parameter name \"" + dotted + "\" has an empty part", "write it as a or a.b.c");
    out.push_back(part);
    if (dot == std::string::npos) return out;
    start = dot + 1;
  }
}

}  // namespace kgen::params

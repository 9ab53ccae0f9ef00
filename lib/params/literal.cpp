#include "params/literal.h"
#include "params/params.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>

#include "encoding/go_number.h"

namespace kgen::params {

bool is_jsonnet_identifier(const std::string& s) {
  static const char* const kKeywords[] = {"assert", "else", "error", "false", "for", "function", "if",
                                          "import", "importstr", "importbin", "in", "local", "null",
                                          "tailstrict", "then", "self", "super", "true"};
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return std::none_of(std::begin(kKeywords), std::end(kKeywords), [&](const char* k) { return s == k; });
}

std::string jsonnet_string(const std::string& s, char quote) {
  const char other = quote == '\'' ? '"' : '\'';
  if (s.find(quote) != std::string::npos && s.find(other) == std::string::npos) quote = other;
  std::string out(1, quote);
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c == quote) out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
          continue;
        }
        out += c;
    }
  }
  return out + quote;
}

std::string jsonnet_literal(const nlohmann::json& v, char quote, char key_quote) {
  using nlohmann::json;
  switch (v.type()) {
    case json::value_t::string:
      return jsonnet_string(v.get<std::string>(), quote);
    case json::value_t::array: {
      std::string out = "[";
      for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + jsonnet_literal(v[i], quote, key_quote);
      return out + "]";
    }
    case json::value_t::object: {
      if (v.empty()) return "{}";
      std::string out = "{ ";
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string key = is_jsonnet_identifier(it.key()) ? it.key() : jsonnet_string(it.key(), key_quote);
        out += (first ? "" : ", ") + key + ": " + jsonnet_literal(it.value(), quote, key_quote);
        first = false;
      }
      return out + " }";
    }
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return encoding::go_json_number(v.get<double>());
    default:
      return v.dump();  // true, false, null
  }
}

std::string jsonnet_quoted(const std::string& text) { return jsonnet_string(text, '"'); }

}  // namespace kgen::params

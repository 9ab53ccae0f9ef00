#include "encoding/go_json.h"

#include <nlohmann/json.hpp>

#include <string>

#include "encoding/go_number.h"

namespace kgen::encoding {
namespace {

using nlohmann::json;

void append_go_string(const std::string& s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out->append("\\\""); continue;
      case '\\': out->append("\\\\"); continue;
      case '\n': out->append("\\n"); continue;
      case '\r': out->append("\\r"); continue;
      case '\t': out->append("\\t"); continue;
      case '<': case '>': case '&':
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
        continue;
      default:
        break;
    }
    if (c < 0x20) {
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xF]);
      continue;
    }
    // U+2028 and U+2029 are escaped so the output is safe inside JavaScript.
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out->append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
      i += 2;
      continue;
    }
    out->push_back(static_cast<char>(c));
  }
  out->push_back('"');
}

// A negative indent means compact output (json.Marshal), no line breaks at all.
void newline(int indent, int depth, std::string* out) {
  if (indent < 0) return;
  out->push_back('\n');
  out->append(static_cast<size_t>(indent * depth), ' ');
}

void write_value(const json& v, int indent, int depth, std::string* out) {
  switch (v.type()) {
    case json::value_t::object: {
      if (v.empty()) {
        out->append("{}");
        return;
      }
      out->push_back('{');
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out->push_back(',');
        first = false;
        newline(indent, depth + 1, out);
        append_go_string(it.key(), out);
        out->append(indent < 0 ? ":" : ": ");
        write_value(it.value(), indent, depth + 1, out);
      }
      newline(indent, depth, out);
      out->push_back('}');
      return;
    }
    case json::value_t::array: {
      if (v.empty()) {
        out->append("[]");
        return;
      }
      out->push_back('[');
      bool first = true;
      for (const auto& item : v) {
        if (!first) out->push_back(',');
        first = false;
        newline(indent, depth + 1, out);
        write_value(item, indent, depth + 1, out);
      }
      newline(indent, depth, out);
      out->push_back(']');
      return;
    }
    case json::value_t::string:
      append_go_string(v.get_ref<const std::string&>(), out);
      return;
    case json::value_t::boolean:
      out->append(v.get<bool>() ? "true" : "false");
      return;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      out->append(go_json_number(v.get<double>()));
      return;
    default:
      out->append("null");
      return;
  }
}

// Checks the text is JSON before re-indenting it token by token.
bool valid_json(std::string_view src) { return json::accept(src.begin(), src.end()); }

}  // namespace

std::string to_go_json(const json& value, int indent) {
  std::string out;
  write_value(value, indent, 0, &out);
  return out;
}

bool go_json_indent(std::string_view src, int indent, std::string* out) {
  if (!valid_json(src)) return false;
  std::string result;
  int depth = 0;
  bool need_indent = false;  // an opening bracket waits to see whether it is empty
  size_t i = 0;
  // Leading white space is dropped; trailing white space is kept, as json.Indent does.
  while (i < src.size() && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r')) ++i;
  size_t end = src.size();
  while (end > i && (src[end - 1] == ' ' || src[end - 1] == '\t' || src[end - 1] == '\n' || src[end - 1] == '\r')) {
    --end;
  }
  for (; i < end; ++i) {
    const char c = src[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (need_indent && c != ']' && c != '}') {
      need_indent = false;
      ++depth;
      newline(indent, depth, &result);
    }
    if (c == '"') {
      const size_t start = i++;
      while (i < end && src[i] != '"') {
        if (src[i] == '\\') ++i;
        ++i;
      }
      result.append(src.substr(start, i - start + 1));
      continue;
    }
    switch (c) {
      case '{':
      case '[':
        result.push_back(c);
        need_indent = true;
        break;
      case ',':
        result.push_back(c);
        newline(indent, depth, &result);
        break;
      case ':':
        result.append(": ");
        break;
      case '}':
      case ']':
        if (need_indent) {
          need_indent = false;  // empty collection stays compact
        } else {
          --depth;
          newline(indent, depth, &result);
        }
        result.push_back(c);
        break;
      default:
        result.push_back(c);
    }
  }
  result.append(src.substr(end));
  *out = std::move(result);
  return true;
}

}  // namespace kgen::encoding

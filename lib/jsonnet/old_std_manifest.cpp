#include <cmath>
#include <cstdio>
#include <string>

#include "jsonnet/old_std.h"

namespace kgen::jsonnet {

using nlohmann::json;

std::string old_number(double v) {
  char buf[400];
  if (v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.17g", v);
  }
  return buf;
}

std::string old_escape_string_json(const std::string& text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    unsigned code = 0;
    if (c < 0x20 || c == 0x7e || c == 0x7f) {
      code = c;
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      // U+0080..U+009F are C2 80..C2 9F in UTF-8.
      code = static_cast<unsigned char>(text[++i]);
    } else {
      out.push_back(static_cast<char>(c));
      continue;
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", code);
    out += buf;
  }
  out += '"';
  return out;
}

namespace {

// Scalars as both manifesters write them (strings differ and are handled by the callers).
bool scalar(const json& v, const char* true_text, const char* false_text, const char* null_text, std::string* out) {
  switch (v.type()) {
    case json::value_t::null: *out += null_text; return true;
    case json::value_t::boolean: *out += v.get<bool>() ? true_text : false_text; return true;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: *out += old_number(v.get<double>()); return true;
    default: return false;
  }
}

void json_ex(const json& v, const std::string& indent, const std::string& cindent, std::string* out) {
  if (scalar(v, "true", "false", "null", out)) return;
  if (v.is_string()) {
    *out += old_escape_string_json(v.get_ref<const std::string&>());
    return;
  }
  const std::string inner = cindent + indent;
  const bool array = v.is_array();
  *out += array ? "[\n" : "{\n";
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!first) *out += ",\n";
    first = false;
    *out += inner;
    if (!array) *out += old_escape_string_json(it.key()) + ": ";
    json_ex(*it, indent, inner, out);
  }
  *out += "\n" + cindent + (array ? "]" : "}");
}

// Where a YAML value sits: the layout of arrays and objects depends on it.
enum class Where { kRoot, kInArray, kInObject };

// `base`: the indentation of the containing object's keys (kInObject), of the containing
// array's elements (kInArray), or none (kRoot).
void yaml(const json& v, Where where, const std::string& base, std::string* out) {
  if (scalar(v, "true", "false", "null", out)) return;
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    if (s.empty()) {
      *out += "\"\"";
    } else if (s.back() == '\n') {
      // A block: "|" and each line but the (empty) last one, one per line.
      const std::string lines_indent = where == Where::kInObject ? base + "  " : base;
      *out += "|";
      size_t start = 0;
      while (start < s.size()) {
        const size_t end = s.find('\n', start);
        *out += "\n" + lines_indent;
        out->append(s, start, end - start);
        start = end + 1;
      }
    } else {
      *out += old_escape_string_json(s);
    }
    return;
  }
  if (v.empty()) {
    *out += v.is_array() ? "[]" : "{}";
    return;
  }
  if (v.is_array()) {
    // Dashes at the containing key's indentation; elements one level in only then.
    if (where == Where::kInObject) *out += "\n" + base;
    const std::string elements = where == Where::kInObject ? base + "  " : base;
    bool first = true;
    for (const auto& item : v) {
      if (!first) *out += "\n" + base;
      first = false;
      *out += "- ";
      yaml(item, Where::kInArray, elements, out);
    }
    return;
  }
  const std::string keys = where == Where::kInObject ? base + "  " : base;
  if (where == Where::kInObject) *out += "\n" + keys;
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!first) *out += "\n" + keys;
    first = false;
    *out += old_escape_string_json(it.key()) + ": ";
    yaml(*it, Where::kInObject, keys, out);
  }
}

void python(const json& v, std::string* out) {
  if (scalar(v, "True", "False", "None", out)) return;
  if (v.is_string()) {
    *out += old_escape_string_json(v.get_ref<const std::string&>());
    return;
  }
  const bool array = v.is_array();
  *out += array ? "[" : "{";
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!first) *out += ", ";
    first = false;
    if (!array) *out += old_escape_string_json(it.key()) + ": ";
    python(*it, out);
  }
  *out += array ? "]" : "}";
}

}  // namespace

std::string old_manifest_json_ex(const json& value, const std::string& indent) {
  std::string out;
  json_ex(value, indent, "", &out);
  return out;
}

std::string old_manifest_yaml_doc(const json& value) {
  std::string out;
  yaml(value, Where::kRoot, "", &out);
  return out;
}

std::string old_manifest_yaml_stream(const json& documents) {
  std::string out = "---\n";
  bool first = true;
  for (const auto& doc : documents) {
    if (!first) out += "\n---\n";
    first = false;
    yaml(doc, Where::kRoot, "", &out);
  }
  out += "\n...\n";
  return out;
}

std::string old_manifest_python(const json& value) {
  std::string out;
  python(value, &out);
  return out;
}

std::string old_manifest_python_vars(const json& object) {
  std::string out;
  for (auto it = object.begin(); it != object.end(); ++it) {
    out += it.key() + " = ";
    python(*it, &out);
    out += "\n";
  }
  return out;
}

}  // namespace kgen::jsonnet

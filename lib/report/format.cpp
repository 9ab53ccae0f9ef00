#include <algorithm>
#include <string>
#include <vector>

#include "common/error.h"
#include "encoding/go_json.h"
#include "encoding/go_number.h"
#include "params/literal.h"
#include "report/report.h"

namespace kgen::report {
namespace {

using nlohmann::json;

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

void rtrim(std::string* s) {
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

}  // namespace

ListFormat parse_list_format(const std::string& name) {
  if (name.empty() || name == "table") return ListFormat::Table;
  if (name == "json") return ListFormat::Json;
  throw Error("unknown output format \"" + name + "\"", "use -o table or -o json");
}

std::string format_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string> head, rule;
  for (const auto& h : headers) {
    head.push_back(upper(h));
    rule.push_back(std::string(h.size(), '='));
  }
  lines.push_back(head);
  lines.push_back(rule);
  for (const auto& row : rows) lines.push_back(row);
  std::vector<size_t> widths(headers.size(), 0);
  for (const auto& line : lines) {
    for (size_t i = 0; i < line.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], line[i].size());
  }
  std::string out;
  for (const auto& line : lines) {
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      text += line[i];
      if (i + 1 < line.size()) text += std::string(widths[i] - line[i].size() + 1, ' ');
    }
    rtrim(&text);
    out += text + "\n";
  }
  return out;
}

std::string format_json_listing(const std::string& kind, const std::vector<json>& items) {
  std::string data = encoding::to_go_json(json(items), 1);
  // to_go_json indents with spaces; ks indented with one tab per level.
  std::string tabbed;
  bool at_line_start = false;
  for (char c : data) {
    if (at_line_start && c == ' ') {
      tabbed += '\t';
      continue;
    }
    at_line_start = c == '\n';
    tabbed += c;
  }
  // Nest the array one level deeper under "data".
  std::string nested;
  for (char c : tabbed) {
    nested += c;
    if (c == '\n') nested += '\t';
  }
  return "{\n\t\"kind\": " + encoding::to_go_json(json(kind), 1) + ",\n\t\"data\": " + nested + "\n}\n";
}

std::string jsonnet_literal(const json& value) { return params::jsonnet_literal(value, '\'', '\''); }

namespace {

std::string object_key(const std::string& key) {
  return params::is_jsonnet_identifier(key) ? key : jsonnet_literal(json(key));
}

// ks's printer for the values inside an object value: a non-empty object or array on
// several lines, two spaces per level from the left margin, a comma after each entry.
std::string block_literal(const json& value, size_t indent) {
  if (value.empty() || (!value.is_object() && !value.is_array())) return jsonnet_literal(value);
  const std::string pad(indent + 2, ' ');
  std::string out = value.is_object() ? "{\n" : "[\n";
  for (auto it = value.begin(); it != value.end(); ++it) {
    out += pad;
    if (value.is_object()) out += object_key(it.key()) + ": ";
    out += block_literal(it.value(), indent + 2) + ",\n";
  }
  return out + std::string(indent, ' ') + (value.is_object() ? "}" : "]");
}

}  // namespace

std::string param_value_literal(const json& value) {
  if (!value.is_object() || value.empty()) return jsonnet_literal(value);
  // `{ a: 1, b: 'x' }` on one line, but objects and arrays inside it as block_literal
  // writes them, as `ks param list` printed them (`{ labels: {\n  hello: 'world',\n} }`).
  std::string out = "{ ";
  bool first = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    out += (first ? "" : ", ") + object_key(it.key()) + ": " + block_literal(it.value(), 0);
    first = false;
  }
  return out + " }";
}

std::string diff_value(const json& value) {
  if (value.is_number()) return encoding::go_json_number(value.get<double>());
  return encoding::to_go_json(value, -1);
}

}  // namespace kgen::report

#include <string>

#include "convert/rules.h"

namespace kgen::convert {

using nlohmann::json;

json& child(json& parent, const std::string& key) {
  if (!parent.contains(key) || !parent[key].is_object()) parent[key] = json::object();
  return parent[key];
}

void write_default(json& parent, const std::string& key, const json& value, const std::string& path, const std::string& why,
                   Step& step) {
  if (parent.contains(key) && !parent[key].is_null()) return;
  parent[key] = value;
  step.notes.push_back(path + ": " + (value.is_string() ? value.get<std::string>() : value.dump()) + " (" + why + ")");
}

void forbid_field(const json& parent, const std::string& key, const std::string& path, const std::string& why, Step& step) {
  if (parent.is_object() && parent.contains(key) && !parent[key].is_null()) step.problems.push_back(path + ": " + why);
}

}  // namespace kgen::convert

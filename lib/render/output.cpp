#include <string>

#include "common/error.h"
#include "encoding/go_json.h"
#include "encoding/go_yaml.h"
#include "render/render.h"

namespace kgen::render {

Format parse_format(const std::string& name) {
  if (name == "yaml") return Format::Yaml;
  if (name == "json") return Format::Json;
  throw Error("unknown output format \"" + name + "\"", "use -o yaml or -o json");
}

std::string format_objects(const std::vector<Object>& objects, Format format) {
  if (format == Format::Json) {
    nlohmann::json list = {{"apiVersion", "v1"}, {"kind", "List"}, {"items", nlohmann::json::array()}};
    for (const auto& object : objects) list["items"].push_back(object.value);
    return encoding::to_go_json(list, 2) + "\n";
  }
  std::string out;
  for (const auto& object : objects) {
    out += "---\n";
    out += encoding::to_go_yaml(object.value);
  }
  return out;
}

}  // namespace kgen::render

#include "edit/override_file.h"

#include <cstdio>
#include <vector>

#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "encoding/go_yaml.h"
#include "encoding/yaml_decode.h"

namespace kgen::edit {

void change_override_file(const std::string& app_root, const std::string& section,
                          const std::function<void(nlohmann::json& entries)>& change) {
  const std::string path = app_root + "/app.override.yaml";
  nlohmann::json spec = {{"apiVersion", "0.3.0"}, {"kind", "ksonnet.io/app-override"}};
  if (const auto text = try_read_file(path)) {
    std::vector<nlohmann::json> docs;
    encoding::YamlError error;
    if (!encoding::decode_yaml_documents(*text, &docs, &error) || docs.empty() || !docs[0].is_object()) {
      throw Error("invalid app.override.yaml: " + error.message, "fix it first", {display_path(path), error.line});
    }
    spec = docs[0];
  }
  nlohmann::json& entries = spec[section];
  if (!entries.is_object()) entries = nlohmann::json::object();
  change(entries);
  if (entries.empty()) spec.erase(section);
  if (!spec.contains("environments") && !spec.contains("registries")) {
    if (std::remove(path.c_str()) != 0 && is_regular_file(path)) {
      throw Error("cannot remove app.override.yaml", "check the folder's permissions", {display_path(path)});
    }
    return;
  }
  write_file_atomically(path, encoding::to_go_yaml(spec));
}

}  // namespace kgen::edit

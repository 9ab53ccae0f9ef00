#include <string>

#include "app/app.h"
#include "common/error.h"
#include "encoding/go_yaml.h"
#include "encoding/yaml_decode.h"

namespace kgen::app {

using nlohmann::json;

std::string rewrite_app_spec_document(const std::string& text, const std::string& file,
                                      const std::function<void(json& spec)>& change) {
  std::vector<json> docs;
  encoding::YamlError error;
  if (!encoding::decode_yaml_documents(text, &docs, &error) || docs.empty() || !docs[0].is_object()) {
    throw Error("invalid app spec: " + error.message, "fix app.yaml first", {file, error.line, error.column});
  }
  json spec = docs[0];
  const std::string version = spec.value("apiVersion", "");
  // Saved as 0.3.0, the way ks migrated older specs on every save.
  spec["apiVersion"] = "0.3.0";
  if (spec.contains("registries") && spec["registries"].is_object()) {
    for (auto& [name, registry] : spec["registries"].items()) {
      if (registry.is_object()) registry.erase("gitVersion");
    }
  }
  if (spec.contains("libraries") && spec["libraries"].is_object()) {
    json libraries = json::object();
    for (auto& [key, lib] : spec["libraries"].items()) {
      if (!lib.is_object()) continue;
      json out = {{"name", lib.value("name", key)}, {"registry", lib.value("registry", "")}, {"version", ""}};
      if (lib.contains("version")) out["version"] = lib["version"];
      if (lib.contains("gitVersion") && lib["gitVersion"].is_object()) {
        out["version"] = lib["gitVersion"].value("commitSha", "");
      }
      const std::string full_key = key.find('/') == std::string::npos ? out["registry"].get<std::string>() + "/" + key : key;
      libraries[full_key] = out;
    }
    spec["libraries"] = libraries;
  }
  json environments = spec.contains("environments") && spec["environments"].is_object() ? spec["environments"]
                                                                                          : json::object();
  for (auto& [name, env] : environments.items()) {
    if (!env.is_object()) continue;
    if (!env.contains("destination")) env["destination"] = nullptr;
    if (!env.contains("k8sVersion")) env["k8sVersion"] = "";
    if (!env.contains("path")) env["path"] = name;
    if (version == "0.1.0" && env.contains("targets") && env["targets"].is_array()) {
      for (auto& target : env["targets"]) {
        if (!target.is_string() || target == "/") continue;
        std::string t = target;
        for (char& c : t) {
          if (c == '/') c = '.';
        }
        target = t;
      }
    }
  }
  spec["environments"] = environments;
  change(spec);
  for (const char* key : {"environments", "libraries", "registries"}) {
    if (spec.contains(key) && spec[key].is_object() && spec[key].empty()) spec.erase(key);
  }
  return encoding::to_go_yaml(spec);
}

std::string rewrite_app_spec(const std::string& text, const std::string& file,
                             const std::function<void(json& environments)>& change) {
  return rewrite_app_spec_document(text, file, [&](json& spec) { change(spec["environments"]); });
}

}  // namespace kgen::app

#include "argocd/argocd.h"
#include "common/error.h"
#include "common/files.h"
#include "encoding/yaml_decode.h"

namespace kgen::argocd {

bool is_ksonnet_app(const std::string& dir) {
  const auto text = try_read_file(join_path(dir, "app.yaml"));
  if (!text) return false;
  std::vector<nlohmann::json> docs;
  encoding::YamlError error;
  if (!encoding::decode_yaml_documents(*text, &docs, &error) || docs.empty() || !docs.front().is_object()) return false;
  const auto kind = docs.front().find("kind");
  return kind != docs.front().end() && *kind == "ksonnet.io/app";
}

const app::Environment& choose_environment(const app::App& app, const std::vector<Parameter>& parameters,
                                           const std::string& requested) {
  std::string name = requested;
  for (const auto& p : parameters) {
    if (p.name == kEnvironmentParameter && p.string && !p.string->empty()) name = *p.string;
  }
  std::string names;
  for (const auto& [env_name, env] : app.environments) names += (names.empty() ? "" : ", ") + env_name;
  if (name.empty()) {
    if (app.environments.size() == 1) return app.environments.begin()->second;
    throw Error(app.environments.empty() ? "the app has no environment to render"
                                         : "the app has several environments: " + names,
                app.environments.empty() ? "add one with kgen env add"
                                         : "choose one with the Application's plugin env KGEN_ENV (ARGOCD_ENV_KGEN_ENV) or "
                                           "its \"environment\" parameter");
  }
  const auto found = app.environments.find(name);
  if (found == app.environments.end()) {
    throw Error("the app has no environment \"" + name + "\"", "environments: " + (names.empty() ? "none" : names));
  }
  return found->second;
}

}  // namespace kgen::argocd

// environments/<path>/kgen.yaml: settings kgen keeps per environment where ks never
// looks (ks reads only main.jsonnet, params.libsonnet and globals.libsonnet there, and
// rewrites app.yaml without keys it does not know), so the app still renders with ks.
#include <yaml-cpp/yaml.h>

#include <string>

#include "app/app_spec.h"
#include "app/yaml_location.h"
#include "common/error.h"
#include "common/files.h"
#include "encoding/yaml_syntax.h"

namespace kgen::app {
namespace {

Location at(const std::string& file, const YAML::Node& node) { return yaml_location(file, node); }

void read_settings(const std::string& text, const std::string& file, Environment* env) {
  int line = 0, column = 0;
  std::string problem;
  if (!encoding::check_yaml_syntax(text, &line, &column, &problem)) {
    throw Error("invalid YAML: " + problem, "fix the syntax at that position", {file, line, column});
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw Error("invalid YAML: " + e.msg, "fix the syntax at that position", {file, e.mark.line + 1, e.mark.column + 1});
  }
  if (root.IsNull()) return;
  if (!root.IsMap()) throw Error("not a YAML mapping", "write settings as `kubeVersion: \"1.29\"`", at(file, root));
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    if (key != "kubeVersion") {
      throw Error("unknown setting '" + key + "' for environment " + env->name, "kgen.yaml knows kubeVersion",
                  at(file, entry.first));
    }
    if (!entry.second.IsScalar()) {
      throw Error("'kubeVersion' must be a version", "write it like kubeVersion: \"1.29\"", at(file, entry.second));
    }
    env->kube_version = entry.second.Scalar();
  }
  env->settings_file = file;
}

}  // namespace

void read_environment_settings(App* app) {
  for (auto& [name, env] : app->environments) {
    const std::string file = app->root + "/environments/" + env.path + "/kgen.yaml";
    if (auto text = try_read_file(file)) read_settings(*text, display_path(file), &env);
  }
}

}  // namespace kgen::app

#include "app/app_spec.h"
#include "app/yaml_location.h"

#include <yaml-cpp/yaml.h>

#include <string>

#include "common/error.h"
#include "encoding/yaml_syntax.h"

namespace kgen::app {

Location yaml_location(const std::string& file, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file};
  return {file, mark.line + 1, mark.column + 1};
}

namespace {

Location at(const std::string& file, const YAML::Node& node) { return yaml_location(file, node); }

YAML::Node load_yaml(const std::string& text, const std::string& file) {
  int line = 0, column = 0;
  std::string problem;
  if (!encoding::check_yaml_syntax(text, &line, &column, &problem)) {
    throw Error("invalid YAML: " + problem, "fix the syntax at that position", {file, line, column});
  }
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) {
      throw Error("not a YAML mapping", "an app spec is a mapping with apiVersion, kind and environments",
                  at(file, root));
    }
    return root;
  } catch (const YAML::Exception& e) {
    Location where{file};
    if (!e.mark.is_null()) where = {file, e.mark.line + 1, e.mark.column + 1};
    throw Error("invalid YAML: " + e.msg, "fix the syntax at that position", where);
  }
}

std::string scalar(const YAML::Node& node, const std::string& field, const std::string& file) {
  if (!node || node.IsNull()) return {};
  if (!node.IsScalar()) {
    throw Error("'" + field + "' must be a string", "write it as a plain value", at(file, node));
  }
  return node.Scalar();
}

void require_map(const YAML::Node& node, const std::string& field, const std::string& file) {
  if (node && !node.IsNull() && !node.IsMap()) {
    throw Error("'" + field + "' must be a mapping", "indent its entries under it", at(file, node));
  }
}

// 0.1.0 wrote targets as paths (a/b); later versions as module names (a.b).
std::string migrate_target(const std::string& target, const std::string& api_version) {
  if (api_version != "0.1.0" || target == "/") return target;
  std::string out = target;
  for (char& c : out) {
    if (c == '/') c = '.';
  }
  return out;
}

Library parse_library(const std::string& key, const YAML::Node& node, const std::string& api_version,
                      const std::string& file, std::string* full_key) {
  require_map(node, "libraries." + key, file);
  Library lib;
  lib.name = scalar(node["name"], "name", file);
  lib.registry = scalar(node["registry"], "registry", file);
  if (api_version == "0.1.0") {
    const YAML::Node git = node["gitVersion"];
    if (git && git.IsMap()) lib.version = scalar(git["commitSha"], "gitVersion.commitSha", file);
  } else {
    lib.version = scalar(node["version"], "version", file);
  }
  if (lib.name.empty()) lib.name = key.substr(key.find('/') == std::string::npos ? 0 : key.find('/') + 1);
  // 0.3.0 keys libraries "<registry>/<name>"; older versions by name alone.
  *full_key = key.find('/') != std::string::npos ? key : lib.registry + "/" + key;
  return lib;
}

void parse_libraries(const YAML::Node& node, const std::string& api_version, const std::string& file,
                     std::map<std::string, Library>* out) {
  require_map(node, "libraries", file);
  if (!node || node.IsNull()) return;
  for (const auto& entry : node) {
    std::string full_key;
    Library lib = parse_library(entry.first.Scalar(), entry.second, api_version, file, &full_key);
    (*out)[full_key] = lib;
  }
}

void parse_environment(const std::string& name, const YAML::Node& node, const std::string& api_version,
                       const std::string& file, Environment* env) {
  require_map(node, "environments." + name, file);
  env->name = name;
  if (!node || node.IsNull()) return;
  if (node["k8sVersion"]) env->k8s_version = scalar(node["k8sVersion"], "k8sVersion", file);
  if (node["path"]) env->path = scalar(node["path"], "path", file);
  const YAML::Node dest = node["destination"];
  require_map(dest, "destination", file);
  if (dest && dest.IsMap()) {
    env->server = scalar(dest["server"], "destination.server", file);
    env->ns = scalar(dest["namespace"], "destination.namespace", file);
  }
  const YAML::Node targets = node["targets"];
  if (targets && !targets.IsNull()) {
    if (!targets.IsSequence()) {
      throw Error("'targets' must be a list of module names", "write it as a YAML list", at(file, targets));
    }
    env->targets.clear();
    for (const auto& t : targets) env->targets.push_back(migrate_target(scalar(t, "targets", file), api_version));
  }
  if (api_version != "0.1.0") parse_libraries(node["libraries"], api_version, file, &env->libraries);
}

}  // namespace

void parse_app_spec(const std::string& text, const std::string& file, App* app) {
  const YAML::Node root = load_yaml(text, file);
  const YAML::Node version = root["apiVersion"];
  if (!version) {
    throw Error("no apiVersion", "add 'apiVersion: 0.3.0' (or the version the app was written for)", {file, 1});
  }
  app->api_version = scalar(version, "apiVersion", file);
  const std::string& v = app->api_version;
  if (v != "0.0.1" && v != "0.1.0" && v != "0.2.0" && v != "0.3.0") {
    throw Error("unsupported apiVersion '" + v + "'",
                "kgen reads ks apps of apiVersion 0.0.1 to 0.3.0; set one of those", at(file, version));
  }
  const std::string kind = scalar(root["kind"], "kind", file);
  if (!kind.empty() && kind != "ksonnet.io/app") {
    throw Error("kind is '" + kind + "', not 'ksonnet.io/app'", "this is not an app spec; fix 'kind'",
                at(file, root["kind"]));
  }
  app->name = scalar(root["name"], "name", file);
  parse_libraries(root["libraries"], v, file, &app->libraries);

  const YAML::Node envs = root["environments"];
  require_map(envs, "environments", file);
  if (envs && envs.IsMap()) {
    for (const auto& entry : envs) {
      const std::string name = entry.first.Scalar();
      Environment env;
      parse_environment(name, entry.second, v, file, &env);
      if (env.path.empty()) env.path = name;
      app->environments[name] = env;
    }
  }
}

void apply_app_override(const std::string& text, const std::string& file, App* app) {
  const YAML::Node root = load_yaml(text, file);
  const std::string kind = scalar(root["kind"], "kind", file);
  if (kind != "ksonnet.io/app-override") {
    throw Error("kind is '" + kind + "', not 'ksonnet.io/app-override'", "fix 'kind' or remove the file",
                at(file, root["kind"] ? root["kind"] : root));
  }
  const std::string version = scalar(root["apiVersion"], "apiVersion", file);
  if (version != "0.3.0") {
    throw Error("unsupported override apiVersion '" + version + "'", "overrides must be apiVersion 0.3.0",
                at(file, root["apiVersion"] ? root["apiVersion"] : root));
  }
  const YAML::Node envs = root["environments"];
  require_map(envs, "environments", file);
  if (!envs || !envs.IsMap()) return;
  for (const auto& entry : envs) {
    const std::string name = entry.first.Scalar();
    auto found = app->environments.find(name);
    Environment env = found != app->environments.end() ? found->second : Environment{};
    // An override replaces k8sVersion and path, and destination/targets when given;
    // libraries only ever come from app.yaml.
    Environment parsed;
    parse_environment(name, entry.second, "0.3.0", file, &parsed);
    env.name = name;
    env.k8s_version = parsed.k8s_version;
    env.path = parsed.path.empty() ? name : parsed.path;
    if (entry.second["destination"]) {
      env.server = parsed.server;
      env.ns = parsed.ns;
    }
    if (entry.second["targets"]) env.targets = parsed.targets;
    env.overridden = true;
    app->environments[name] = env;
  }
}

}  // namespace kgen::app

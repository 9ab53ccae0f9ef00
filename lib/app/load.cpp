#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "app/app.h"
#include "app/app_spec.h"
#include "common/error.h"
#include "common/files.h"

namespace kgen::app {
namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// apiVersion 0.0.1 apps kept each environment as a folder with spec.json
// ({"server", "namespace"}) and its ksonnet-lib under .metadata/.
void discover_legacy_environments(App* app) {
  const std::string envs_dir = app->root + "/environments";
  if (!is_directory(envs_dir)) return;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(envs_dir, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    if (it->path().filename() != "spec.json") continue;
    const std::string dir = it->path().parent_path().string();
    const std::string name = fs::path(dir).lexically_relative(envs_dir).generic_string();
    const std::string file = it->path().string();
    nlohmann::json spec;
    try {
      spec = nlohmann::json::parse(read_file(file));
    } catch (const nlohmann::json::exception& e) {
      throw Error(std::string("invalid JSON: ") + e.what(), "fix the file or run 'kgen upgrade'",
                  {display_path(file)});
    }
    Environment env;
    env.name = name;
    env.path = name;
    env.server = spec.value("server", "");
    env.ns = spec.value("namespace", "");
    if (env.ns.empty()) env.ns = "default";
    env.legacy_metadata_dir = dir + "/.metadata";
    app->environments[name] = env;
  }
}

}  // namespace

App load_app(const std::string& root) {
  App app;
  app.root = root;
  const std::string spec_file = root + "/app.yaml";
  parse_app_spec(read_file(spec_file), display_path(spec_file), &app);
  if (app.api_version == "0.0.1") {
    discover_legacy_environments(&app);
    app.warnings.push_back("app.yaml is apiVersion 0.0.1; kgen reads it as it is, 'kgen upgrade' rewrites it as 0.3.0");
  }
  const std::string override_file = root + "/app.override.yaml";
  if (auto text = try_read_file(override_file)) {
    apply_app_override(*text, display_path(override_file), &app);
  }
  read_environment_settings(&app);
  if (auto current = try_read_file(root + "/.ks_environment")) {
    app.current_environment = trim(*current);
  }
  return app;
}

const Environment& select_environment(const App& app, const std::string& requested) {
  std::string name = requested;
  if (name.empty()) name = app.current_environment;
  if (name.empty()) {
    throw Error("no environment given and none is set as current",
                "name one (kgen show ENV) or set one with 'kgen env current --set ENV'");
  }
  const auto found = app.environments.find(name);
  if (found == app.environments.end()) {
    std::string known;
    for (const auto& [env_name, env] : app.environments) known += (known.empty() ? "" : ", ") + env_name;
    throw Error("environment \"" + name + "\" was not found",
                known.empty() ? "the app has no environments; add one with 'kgen env add NAME'"
                              : "known environments: " + known,
                {display_path(app.root + "/app.yaml")});
  }
  return found->second;
}

}  // namespace kgen::app

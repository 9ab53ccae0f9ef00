#include <filesystem>
#include <string>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/app_lock.h"
#include "edit/edit.h"
#include "edit/env_templates.h"

namespace kgen::edit {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

void require_valid_name(const std::string& name) {
  if (!app::is_valid_name(name)) {
    throw Error("\"" + name + "\" is not a valid environment name",
                "use letters, digits, '-', '_', '.' or '/' (not at either end), no spaces or \\,;':!()?\"{}[]*&%@$");
  }
}

// The Kubernetes version an --api-spec names: version:vX.Y.Z, or file:PATH's info.version.
std::string k8s_version_of(const std::string& api_spec) {
  if (api_spec.empty()) return "v1.8.0";
  if (api_spec.rfind("version:", 0) == 0) return api_spec.substr(8);
  if (api_spec.rfind("file:", 0) == 0) {
    const std::string path = api_spec.substr(5);
    const json spec = json::parse(read_file(path), nullptr, false);
    if (spec.is_discarded() || !spec.is_object() || !spec.contains("info") ||
        !spec["info"].value("version", "").size()) {
      throw Error("not a Kubernetes OpenAPI spec (no info.version)", "pass the cluster's swagger.json",
                  {display_path(path)});
    }
    return spec["info"]["version"];
  }
  throw Error("--api-spec must be version:vX.Y.Z or file:PATH, not \"" + api_spec + "\"",
              "for example --api-spec=version:v1.10.3");
}

void write_app_yaml(const std::string& root, const std::function<void(json&)>& change) {
  const std::string file = root + "/app.yaml";
  write_file_atomically(file, app::rewrite_app_spec(read_file(file), display_path(file), change));
}

// Removes `dir` and then each parent left empty, up to (not including) `stop`.
void remove_with_empty_parents(const fs::path& dir, const fs::path& stop) {
  std::error_code ec;
  fs::remove_all(dir, ec);
  for (fs::path p = dir.parent_path(); p != stop && p.string().size() > stop.string().size(); p = p.parent_path()) {
    if (!fs::is_empty(p, ec) || ec) break;
    fs::remove(p, ec);
  }
}

}  // namespace

std::string add_environment(const std::string& root, const NewEnvironment& env) {
  require_valid_name(env.name);
  if (env.server.empty()) {
    throw Error("environment \"" + env.name + "\" needs a server", "pass --server https://HOST:PORT");
  }
  AppLock lock(root);
  const app::App app = app::load_app(root);
  if (app.environments.count(env.name) != 0) {
    throw Error("environment \"" + env.name + "\" already exists", "pick another name, or change it with kgen env set",
                {display_path(root + "/app.yaml")});
  }
  const std::string version = k8s_version_of(env.api_spec);
  const fs::path dir = fs::path(root) / "environments" / env.name;
  if (fs::exists(dir)) {
    throw Error("environments/" + env.name + "/ already exists", "remove the folder or pick another name",
                {display_path(dir.string())});
  }
  fs::create_directories(dir);
  try {
    if (!is_regular_file(root + "/environments/base.libsonnet")) {
      write_file_atomically(root + "/environments/base.libsonnet", kBaseTemplate);
    }
    write_file_atomically((dir / "main.jsonnet").string(), kEnvMainTemplate);
    write_file_atomically((dir / "params.libsonnet").string(), kEnvParamsTemplate);
    write_file_atomically((dir / "globals.libsonnet").string(), kEnvGlobalsTemplate);
    write_app_yaml(root, [&](json& environments) {
      environments[env.name] = {{"destination", {{"namespace", env.ns}, {"server", env.server}}},
                                {"k8sVersion", version},
                                {"path", env.name}};
    });
  } catch (...) {
    remove_with_empty_parents(dir, fs::path(root) / "environments");  // nothing half-added
    throw;
  }
  const std::string spec = env.api_spec.empty() ? "version:" + version : env.api_spec;
  return "Creating environment \"" + env.name + "\" with namespace \"" + env.ns + "\", pointing to \"" + spec +
         "\" cluster at address \"" + env.server + "\"";
}

void remove_environment(const std::string& root, const std::string& name) {
  AppLock lock(root);
  const app::App app = app::load_app(root);
  const app::Environment env = app::select_environment(app, name);
  write_app_yaml(root, [&](json& environments) { environments.erase(name); });
  remove_with_empty_parents(fs::path(root) / "environments" / env.path, fs::path(root) / "environments");
}

void update_environment(const std::string& root, const EnvironmentUpdate& update) {
  AppLock lock(root);
  const app::App app = app::load_app(root);
  const app::Environment env = app::select_environment(app, update.name);
  std::string new_name = update.name;
  if (update.new_name && *update.new_name != update.name) {
    new_name = *update.new_name;
    require_valid_name(new_name);
    if (app.environments.count(new_name) != 0) {
      throw Error("environment \"" + new_name + "\" already exists", "pick another name",
                  {display_path(root + "/app.yaml")});
    }
    const fs::path from = fs::path(root) / "environments" / env.path;
    const fs::path to = fs::path(root) / "environments" / new_name;
    if (fs::exists(to)) {
      throw Error("environments/" + new_name + "/ already exists", "remove it or pick another name",
                  {display_path(to.string())});
    }
    if (fs::exists(from)) {
      fs::create_directories(to.parent_path());
      fs::rename(from, to);
    }
  }
  write_app_yaml(root, [&](json& environments) {
    json entry = environments.contains(update.name) ? environments[update.name] : json::object();
    environments.erase(update.name);
    if (new_name != update.name) entry["path"] = new_name;
    if (!entry.contains("destination") || !entry["destination"].is_object()) entry["destination"] = json::object();
    if (update.ns) entry["destination"]["namespace"] = *update.ns;
    if (update.server) entry["destination"]["server"] = *update.server;
    if (update.api_spec) entry["k8sVersion"] = k8s_version_of(*update.api_spec);
    environments[new_name] = entry;
  });
}

void set_environment_targets(const std::string& root, const std::string& name,
                             const std::vector<std::string>& modules) {
  AppLock lock(root);
  const app::App app = app::load_app(root);
  app::select_environment(app, name);
  for (const auto& module : modules) app::module_named(app, module);  // throws for an unknown module
  write_app_yaml(root, [&](json& environments) {
    if (modules.empty()) {
      environments[name].erase("targets");
    } else {
      environments[name]["targets"] = modules;
    }
  });
}

}  // namespace kgen::edit

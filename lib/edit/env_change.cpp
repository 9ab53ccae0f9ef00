#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/app_lock.h"
#include "edit/edit.h"
#include "edit/env_templates.h"
#include "edit/override_file.h"

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

// An environment as app.yaml (or app.override.yaml) records it.
json entry_of(const app::Environment& env) {
  json entry = {{"destination", {{"namespace", env.ns}, {"server", env.server}}},
                {"k8sVersion", env.k8s_version},
                {"path", env.path}};
  if (!env.targets.empty()) entry["targets"] = env.targets;
  return entry;
}

// Writes the environments of app.yaml, or (`override`) of app.override.yaml.
void write_environments(const std::string& root, bool override, const std::function<void(json&)>& change) {
  if (override) {
    change_override_file(root, "environments", change);
  } else {
    write_app_yaml(root, change);
  }
}

// Whether app.yaml itself (not app.override.yaml) defines environment `name`.
bool env_in_app_yaml(const std::string& root, const std::string& name) {
  bool found = false;
  const std::string file = root + "/app.yaml";
  app::rewrite_app_spec(read_file(file), display_path(file), [&](json& environments) {
    found = environments.contains(name);
  });
  return found;
}

void require_override(const app::Environment& env) {
  if (!env.overridden) {
    throw Error("environment \"" + env.name + "\" does not exist in app.override.yaml",
                "drop -o/--override to change app.yaml's environment");
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
  // ks's -o added an override even of an environment app.yaml has.
  if (app.environments.count(env.name) != 0 && !env.override) {
    throw Error("environment \"" + env.name + "\" already exists", "pick another name, or change it with kgen env set",
                {display_path(root + "/app.yaml")});
  }
  const std::string version = k8s_version_of(env.api_spec);
  const fs::path dir = fs::path(root) / "environments" / env.name;
  // An override of an environment keeps the files of its folder (ks wrote its templates
  // over them, losing the environment's params).
  const bool keep_folder = env.override && app.environments.count(env.name) != 0 && fs::exists(dir);
  if (fs::exists(dir) && !keep_folder) {
    throw Error("environments/" + env.name + "/ already exists", "remove the folder or pick another name",
                {display_path(dir.string())});
  }
  if (!keep_folder) fs::create_directories(dir);
  try {
    if (!is_regular_file(root + "/environments/base.libsonnet")) {
      write_file_atomically(root + "/environments/base.libsonnet", kBaseTemplate);
    }
    if (!keep_folder) {
      write_file_atomically((dir / "main.jsonnet").string(), kEnvMainTemplate);
      write_file_atomically((dir / "params.libsonnet").string(), kEnvParamsTemplate);
      write_file_atomically((dir / "globals.libsonnet").string(), kEnvGlobalsTemplate);
    }
    write_environments(root, env.override, [&](json& environments) {
      environments[env.name] = {{"destination", {{"namespace", env.ns}, {"server", env.server}}},
                                {"k8sVersion", version},
                                {"path", env.name}};
    });
  } catch (...) {
    if (!keep_folder) remove_with_empty_parents(dir, fs::path(root) / "environments");  // nothing half-added
    throw;
  }
  const std::string spec = env.api_spec.empty() ? "version:" + version : env.api_spec;
  return "Creating environment \"" + env.name + "\" with namespace \"" + env.ns + "\", pointing to \"" + spec +
         "\" cluster at address \"" + env.server + "\"";
}

void remove_environment(const std::string& root, const std::string& name, bool override) {
  AppLock lock(root);
  const app::App app = app::load_app(root);
  // ks's message for an unknown environment here.
  const auto found = app.environments.find(name);
  if (found == app.environments.end() || (override && !found->second.overridden)) {
    std::string known;
    for (const auto& [env_name, e] : app.environments) {
      if (!override || e.overridden) known += (known.empty() ? "" : ", ") + env_name;
    }
    const std::string what = override ? "overrides" : "environments";
    throw Error("environment \"" + name + "\" does not exist",
                known.empty() ? "the app has no " + what : "known " + what + ": " + known,
                {display_path(root + (override ? "/app.override.yaml" : "/app.yaml"))});
  }
  const app::Environment env = found->second;
  write_environments(root, override, [&](json& environments) { environments.erase(name); });
  // The folder goes with the environment, not with one of its two definitions.
  if (app::load_app(root).environments.count(name) == 0) {
    remove_with_empty_parents(fs::path(root) / "environments" / env.path, fs::path(root) / "environments");
  }
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
    if (update.override) require_override(env);
    if (fs::exists(from)) {
      fs::create_directories(to.parent_path());
      // Renaming an override leaves app.yaml's environment of the old name in place:
      // it keeps its folder (ks moved it away), the new name gets a copy.
      if (update.override && env_in_app_yaml(root, update.name)) {
        fs::copy(from, to, fs::copy_options::recursive);
      } else {
        fs::rename(from, to);
      }
    }
  }
  write_environments(root, update.override, [&](json& environments) {
    // An override starts as the environment is now (app.yaml's with any override).
    json entry = environments.contains(update.name) ? environments[update.name]
                 : update.override                  ? entry_of(env)
                                                    : json::object();
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
                             const std::vector<std::string>& modules, bool override) {
  AppLock lock(root);
  const app::App app = app::load_app(root);
  const app::Environment env = app::select_environment(app, name);
  const auto known = app::module_names(app);
  for (const auto& module : modules) {
    if (std::find(known.begin(), known.end(), module) == known.end()) {
      throw Error("unable to find module \"" + module + "\"",  // ks's message
                  "modules are folders under components/ holding params.libsonnet (\"a.b\" is components/a/b/); "
                  "see kgen module list");
    }
  }
  write_environments(root, override, [&](json& environments) {
    // As ks's UpdateTargets: an override starts as the environment is now.
    if (override && !environments.contains(name)) environments[name] = entry_of(env);
    if (modules.empty()) {
      environments[name].erase("targets");
    } else {
      environments[name]["targets"] = modules;
    }
  });
}

}  // namespace kgen::edit

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/app_lock.h"
#include "edit/edit.h"
#include "edit/env_templates.h"
#include "encoding/go_yaml.h"

namespace kgen::edit {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// What ks init wrote, /lib included.
constexpr const char* kGitignore = "/lib\n/.ksonnet/registries\n/app.override.yaml\n/.ks_environment\n";

std::string swagger_version(const std::string& path) {
  const auto text = try_read_file(path);
  if (!text) return {};
  const json spec = json::parse(*text, nullptr, false);
  if (!spec.is_object() || !spec.contains("info") || !spec["info"].is_object()) return {};
  return spec["info"].value("version", "");
}

}  // namespace

std::string init_app(const InitOptions& options) {
  if (!app::is_valid_name(options.name) || options.name.find('/') != std::string::npos) {
    throw Error("\"" + options.name + "\" is not a valid app name", "use letters, digits, '-' or '_'");
  }
  const fs::path target = fs::absolute(options.dir.empty() ? options.name : options.dir).lexically_normal();
  if (fs::exists(target)) {
    throw Error(display_path(target.string()) + " already exists", "pick a new folder with --dir");
  }
  // Built beside the target and renamed into place: no half-made app on failure.
  const fs::path staging = target.parent_path() / ("." + target.filename().string() + ".kgen-init");
  fs::remove_all(staging);
  fs::create_directories(staging / "components");
  fs::create_directories(staging / "environments");
  fs::create_directories(staging / "lib");
  fs::create_directories(staging / "vendor");
  try {
    json spec = {{"apiVersion", "0.3.0"}, {"kind", "ksonnet.io/app"}, {"name", options.name}, {"version", "0.0.1"}};
    if (!options.skip_default_registries) {
      spec["registries"] = {{"incubator",
                             {{"protocol", "github"}, {"uri", "github.com/ksonnet/parts/tree/master/incubator"}}}};
    }
    write_file_atomically((staging / "app.yaml").string(), encoding::to_go_yaml(spec));
    write_file_atomically((staging / "components/params.libsonnet").string(), kModuleParamsTemplate);
    write_file_atomically((staging / "environments/base.libsonnet").string(), kBaseTemplate);
    write_file_atomically((staging / ".gitignore").string(), kGitignore);
    NewEnvironment env;
    env.name = options.env_name.empty() ? "default" : options.env_name;
    env.server = options.server;
    env.ns = options.ns.empty() ? "default" : options.ns;
    env.api_spec = options.api_spec;
    add_environment(staging.string(), env);
    fs::rename(staging, target);
  } catch (...) {
    fs::remove_all(staging);
    throw;
  }
  return target.string();
}

std::vector<std::string> upgrade_app(const std::string& root, bool dry_run) {
  AppLock lock(root);
  const app::App app = app::load_app(root);
  std::vector<std::string> actions;
  auto act = [&](const std::string& what, const std::function<void()>& change) {
    actions.push_back((dry_run ? "[dry run] " : "") + what);
    if (!dry_run) change();
  };

  // 0.0.1: environments were folders with spec.json; they become app.yaml entries.
  json legacy = json::object();
  std::vector<std::string> spec_files;
  if (app.api_version == "0.0.1") {
    for (const auto& [name, env] : app.environments) {
      const std::string version = swagger_version(env.legacy_metadata_dir + "/swagger.json");
      legacy[name] = {{"destination", {{"namespace", env.ns}, {"server", env.server}}},
                      {"k8sVersion", version.empty() ? "v1.8.0" : version},
                      {"path", env.path}};
      spec_files.push_back(root + "/environments/" + env.path + "/spec.json");
      // Its ksonnet-lib (.metadata/) becomes the version's lib/ksonnet-lib folder.
      const fs::path lib_dir = fs::path(root) / "lib/ksonnet-lib" / legacy[name]["k8sVersion"].get<std::string>();
      if (is_directory(env.legacy_metadata_dir) && !fs::exists(lib_dir)) {
        act("Moving " + display_path(env.legacy_metadata_dir) + " to " + display_path(lib_dir.string()), [&] {
          fs::create_directories(lib_dir.parent_path());
          fs::rename(env.legacy_metadata_dir, lib_dir);
        });
      }
    }
  }
  // Old ksonnet-lib folders lib/vX.Y.Z move under lib/ksonnet-lib/.
  std::error_code ec;
  if (is_directory(root + "/lib")) {
    for (const auto& entry : fs::directory_iterator(root + "/lib", ec)) {
      const std::string name = entry.path().filename().string();
      if (!entry.is_directory() || name.size() < 2 || name[0] != 'v' || !std::isdigit(static_cast<unsigned char>(name[1]))) {
        continue;
      }
      const fs::path to = fs::path(root) / "lib/ksonnet-lib" / name;
      act("Moving \"" + name + "\" from " + display_path(entry.path().string()) + " to " + display_path(to.string()),
          [&] {
            fs::create_directories(to.parent_path());
            fs::rename(entry.path(), to);
          });
    }
  }
  // Versioned libraries move to vendor/<registry>/<name>@<version>.
  for (const auto& [key, lib] : app.libraries) {
    if (lib.version.empty()) continue;
    const fs::path from = fs::path(root) / "vendor" / lib.registry / lib.name;
    const fs::path to = fs::path(root) / "vendor" / lib.registry / (lib.name + "@" + lib.version);
    if (fs::is_directory(from) && !fs::exists(to)) {
      act("Moving " + display_path(from.string()) + " to " + display_path(to.string()), [&] { fs::rename(from, to); });
    }
  }
  const std::string spec_file = root + "/app.yaml";
  const std::string text = read_file(spec_file);
  const std::string upgraded = app::rewrite_app_spec(text, display_path(spec_file), [&](json& environments) {
    for (auto it = legacy.begin(); it != legacy.end(); ++it) environments[it.key()] = it.value();
  });
  if (upgraded != text) {
    act("Writing app.yaml as apiVersion 0.3.0", [&] { write_file_atomically(spec_file, upgraded); });
  }
  for (const auto& file : spec_files) {
    act("Removing " + display_path(file) + " (now in app.yaml)", [&] { fs::remove(file); });
  }
  return actions;
}

}  // namespace kgen::edit

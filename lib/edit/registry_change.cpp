#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/app_lock.h"
#include "edit/override_file.h"
#include "edit/packages.h"
#include "registry/registry.h"

namespace kgen::edit {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A registry must be readable now, so a typo fails here and not at install. A GitHub
// registry's ref is resolved anew and its commit recorded, as ks's `registry add` did.
void check_registry(const std::string& app_root, const registry::Registry& r, bool adding) {
  registry::OpenOptions options;
  options.refresh = true;
  options.adding = adding;
  registry::read_index(registry::open_registry(app_root, r, options).folder);
}

json registry_entry(const registry::Registry& r) { return {{"protocol", r.protocol}, {"uri", r.uri}}; }

std::string app_yaml(const std::string& root) { return root + "/app.yaml"; }

// Records the registry in app.override.yaml (`override`) or app.yaml.
void write_registry(const std::string& app_root, const registry::Registry& r, bool override) {
  if (override) {
    change_override_file(app_root, "registries", [&](json& regs) { regs[r.name] = registry_entry(r); });
    return;
  }
  const std::string file = app_yaml(app_root);
  write_file_atomically(file, app::rewrite_app_spec_document(read_file(file), display_path(file), [&](json& spec) {
                          spec["registries"][r.name] = registry_entry(r);
                        }));
}

}  // namespace

void add_registry(const std::string& app_root, const std::string& name, const std::string& uri, bool override) {
  if (!app::is_valid_name(name) || name.find('/') != std::string::npos) {
    throw Error("\"" + name + "\" is not a valid registry name", "use letters, digits, '-' or '_'");
  }
  AppLock lock(app_root);
  const auto registries = registry::app_registries(app_root);
  for (const auto& r : registries) {
    // ks's --override could shadow a registry of app.yaml (its e2e suite overrode the
    // default incubator registry so).
    if (r.name == name && !override) {
      throw Error("registry \"" + name + "\" already exists (" + r.uri + ")",
                  "pick another name, or change it with kgen registry set " + name + " --uri URI");
    }
  }
  const registry::Registry r = registry::registry_for_uri(name, uri);
  check_registry(app_root, r, true);
  write_registry(app_root, r, override);
}

void set_registry_uri(const std::string& app_root, const std::string& name, const std::string& uri) {
  AppLock lock(app_root);
  const auto registries = registry::app_registries(app_root);
  const registry::Registry& old = registry::find_registry(registries, name);
  const registry::Registry r = registry::registry_for_uri(name, uri);
  check_registry(app_root, r, false);
  write_registry(app_root, r, old.overridden);
}

}  // namespace kgen::edit

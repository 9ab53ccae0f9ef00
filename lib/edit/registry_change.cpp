#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/app_lock.h"
#include "edit/packages.h"
#include "encoding/go_yaml.h"
#include "encoding/yaml_decode.h"
#include "registry/registry.h"

namespace kgen::edit {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A folder registry must be readable now, so a typo fails here and not at install.
void check_registry(const std::string& app_root, const registry::Registry& r) {
  if (r.protocol == "fs") registry::read_index(registry::registry_folder(app_root, r));
}

json registry_entry(const registry::Registry& r) { return {{"protocol", r.protocol}, {"uri", r.uri}}; }

// app.override.yaml with `change` applied to its registries; ks's header when new.
std::string rewrite_override(const std::string& path, const std::function<void(json& registries)>& change) {
  json spec = {{"apiVersion", "0.3.0"}, {"kind", "ksonnet.io/app-override"}};
  if (const auto text = try_read_file(path)) {
    std::vector<json> docs;
    encoding::YamlError error;
    if (!encoding::decode_yaml_documents(*text, &docs, &error) || docs.empty() || !docs[0].is_object()) {
      throw Error("invalid app.override.yaml: " + error.message, "fix it first", {display_path(path), error.line});
    }
    spec = docs[0];
  }
  json& registries = spec["registries"];
  if (!registries.is_object()) registries = json::object();
  change(registries);
  if (registries.empty()) spec.erase("registries");
  return encoding::to_go_yaml(spec);
}

std::string app_yaml(const std::string& root) { return root + "/app.yaml"; }

// Records the registry in app.override.yaml (`override`) or app.yaml.
void write_registry(const std::string& app_root, const registry::Registry& r, bool override) {
  if (override) {
    const std::string path = app_root + "/app.override.yaml";
    write_file_atomically(path, rewrite_override(path, [&](json& regs) { regs[r.name] = registry_entry(r); }));
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
    if (r.name == name) {
      throw Error("registry \"" + name + "\" already exists (" + r.uri + ")",
                  "pick another name, or change it with kgen registry set " + name + " --uri URI");
    }
  }
  const registry::Registry r = registry::registry_for_uri(name, uri);
  check_registry(app_root, r);
  write_registry(app_root, r, override);
}

void set_registry_uri(const std::string& app_root, const std::string& name, const std::string& uri) {
  AppLock lock(app_root);
  const auto registries = registry::app_registries(app_root);
  const registry::Registry& old = registry::find_registry(registries, name);
  const registry::Registry r = registry::registry_for_uri(name, uri);
  check_registry(app_root, r);
  write_registry(app_root, r, old.overridden);
}

InstallResult install_package(const std::string& app_root, const std::string& package) {
  const registry::PackageRef ref = registry::parse_package_ref(package);
  if (ref.registry.empty()) {
    throw Error("\"" + package + "\" names no registry", "write REGISTRY/PACKAGE (see kgen pkg list)");
  }
  AppLock lock(app_root);
  const app::App app = app::load_app(app_root);
  const registry::Registry r = registry::find_registry(registry::app_registries(app_root), ref.registry);
  const std::string folder = registry::registry_folder(app_root, r);
  registry::PackageEntry entry;
  std::string known;
  for (const auto& e : registry::read_index(folder)) {
    known += (known.empty() ? "" : ", ") + e.name;
    if (e.name == ref.name) entry = e;
  }
  if (entry.name.empty()) {
    throw Error("registry \"" + r.name + "\" has no package \"" + ref.name + "\"",
                known.empty() ? "its registry.yaml lists no packages" : "its packages: " + known);
  }
  if (!ref.version.empty() && ref.version != entry.version) {
    throw Error("registry \"" + r.name + "\" has " + ref.name + " " + entry.version + ", not " + ref.version,
                "install " + r.name + "/" + ref.name + " (folder registries hold one version of a package)");
  }
  const std::string source = (fs::path(folder) / entry.path).lexically_normal().string();
  registry::read_parts(source);  // a package folder without parts.yaml is not a package

  // ks recorded packages of folder registries without a version, in vendor/<reg>/<pkg>/.
  app::Library library{ref.name, r.name, ""};
  const std::string key = r.name + "/" + ref.name;
  const std::string target = registry::vendor_folder(app_root, library);
  InstallResult result{key, 0};
  if (app.libraries.count(key) && is_directory(target)) return result;
  if (fs::exists(target)) {
    throw Error(display_path(target) + " exists but app.yaml does not list " + key,
                "move the folder away (or kgen pkg remove " + key + ") and install again");
  }

  // Copied beside its place and renamed in: no half-copied package on failure.
  const fs::path staging = fs::path(target).parent_path() / ("." + ref.name + ".kgen-install");
  std::error_code ec;
  fs::remove_all(staging, ec);
  fs::create_directories(staging.parent_path(), ec);
  try {
    fs::create_directories(staging);
    for (auto it = fs::recursive_directory_iterator(source); it != fs::recursive_directory_iterator(); ++it) {
      const fs::path to = staging / fs::relative(it->path(), source);
      if (it->is_directory()) {
        fs::create_directories(to);
      } else if (it->is_regular_file()) {
        fs::copy_file(it->path(), to);
        ++result.files;
      }
    }
    const std::string file = app_yaml(app_root);
    const std::string spec = app::rewrite_app_spec_document(read_file(file), display_path(file), [&](json& s) {
      s["libraries"][key] = {{"name", library.name}, {"registry", library.registry}, {"version", library.version}};
    });
    fs::rename(staging, target);
    write_file_atomically(file, spec);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(staging, ec);
    throw Error("cannot copy the package: " + std::string(e.code().message()), "check the folders' permissions",
                {display_path(source)});
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
  return result;
}

void remove_package(const std::string& app_root, const std::string& package) {
  const registry::PackageRef ref = registry::parse_package_ref(package);
  AppLock lock(app_root);
  const app::App app = app::load_app(app_root);
  std::string key;
  for (const auto& [k, lib] : app.libraries) {
    if (lib.name == ref.name && (ref.registry.empty() || lib.registry == ref.registry)) key = k;
  }
  if (key.empty()) {
    throw Error("package " + package + " is not installed", "see the installed packages with kgen pkg list --installed");
  }
  const std::string folder = registry::vendor_folder(app_root, app.libraries.at(key));
  const std::string file = app_yaml(app_root);
  write_file_atomically(file, app::rewrite_app_spec_document(read_file(file), display_path(file),
                                                             [&](json& s) { s["libraries"].erase(key); }));
  std::error_code ec;
  fs::remove_all(folder, ec);
  // ks left vendor/<registry>/ behind when it was empty; so does kgen (other packages
  // of the registry may come back).
}

}  // namespace kgen::edit

// kgen pkg install / remove: a package copied into vendor/ and recorded in app.yaml's
// libraries (or an environment's), as ks 0.13.1 did.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/app_lock.h"
#include "edit/packages.h"
#include "registry/registry.h"

namespace kgen::edit {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Source {
  registry::PackageEntry entry;
  std::string folder;   // the package's files
  std::string version;  // recorded in app.yaml: "" for folder registries, the commit for GitHub ones
};

// The package in its registry: a folder registry at its one version, a GitHub one at
// the registry's commit or at the @VERSION asked for (a ref or a commit).
Source find_package(const std::string& app_root, const registry::Registry& r, const registry::PackageRef& ref) {
  registry::OpenOptions options;
  if (r.protocol == "github") options.version = ref.version;
  const registry::OpenRegistry opened = registry::open_registry(app_root, r, options);
  Source source;
  std::string known;
  for (const auto& e : registry::read_index(opened.folder)) {
    known += (known.empty() ? "" : ", ") + e.name;
    if (e.name == ref.name) source.entry = e;
  }
  if (source.entry.name.empty()) {
    throw Error("registry \"" + r.name + "\" has no package \"" + ref.name + "\"",
                known.empty() ? "its registry.yaml lists no packages" : "its packages: " + known);
  }
  if (r.protocol != "github" && !ref.version.empty() && ref.version != source.entry.version) {
    throw Error("registry \"" + r.name + "\" has " + ref.name + " " + source.entry.version + ", not " + ref.version,
                "install " + r.name + "/" + ref.name + " (folder registries hold one version of a package)");
  }
  source.folder = (fs::path(opened.folder) / source.entry.path).lexically_normal().string();
  source.version = opened.commit;
  registry::read_parts(source.folder);  // a package folder without parts.yaml is not a package
  return source;
}

// Copies the package beside its place and renames it in: never half a package.
size_t copy_package(const std::string& source, const std::string& target) {
  const fs::path staging = fs::path(target).parent_path() / ("." + fs::path(target).filename().string() + ".kgen-install");
  std::error_code ec;
  fs::remove_all(staging, ec);
  size_t files = 0;
  try {
    fs::create_directories(staging);
    for (auto it = fs::recursive_directory_iterator(source); it != fs::recursive_directory_iterator(); ++it) {
      const fs::path to = staging / fs::relative(it->path(), source);
      if (it->is_directory()) {
        fs::create_directories(to);
      } else if (it->is_regular_file()) {
        fs::copy_file(it->path(), to);
        ++files;
      }
    }
    fs::remove_all(target);  // --force: the old copy goes only once the new one is complete
    fs::rename(staging, target);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(staging, ec);
    throw Error("cannot copy the package: " + std::string(e.code().message()), "check the folders' permissions",
                {display_path(source)});
  }
  return files;
}

// The libraries map the package is recorded in: app.yaml's, or an environment's.
json& libraries_of(json& spec, const std::string& env, const std::string& file) {
  if (env.empty()) return spec["libraries"];
  if (!spec["environments"].contains(env)) {
    throw Error("environment \"" + env + "\" is not in app.yaml", "ks recorded packages only for app.yaml's environments",
                {file});
  }
  return spec["environments"][env]["libraries"];
}

std::string app_yaml(const std::string& root) { return root + "/app.yaml"; }

}  // namespace

InstallResult install_package(const std::string& app_root, const std::string& package, const InstallOptions& options) {
  const registry::PackageRef ref = registry::parse_package_ref(package);
  if (ref.registry.empty()) {
    throw Error("\"" + package + "\" names no registry", "write REGISTRY/PACKAGE (see kgen pkg list)");
  }
  if (!options.name.empty() && options.name != ref.name) {
    // ks 0.13.1 copied the files, then failed with "library name mismatch".
    throw Error("--name " + options.name + ": a package is installed under its own name (" + ref.name + ")",
                "drop --name; ks 0.13.1 could not install under another name either");
  }
  AppLock lock(app_root);
  const app::App app = app::load_app(app_root);
  if (!options.env.empty() && !app.environments.count(options.env)) {
    throw Error("environment \"" + options.env + "\" was not found", "see the environments with kgen env list");
  }
  const registry::Registry r = registry::find_registry(registry::app_registries(app_root), ref.registry);
  const Source source = find_package(app_root, r, ref);

  // ks recorded packages of folder registries without a version, in vendor/<reg>/<pkg>/,
  // and GitHub ones at their commit, in vendor/<reg>/<pkg>@<commit>/.
  const app::Library library{ref.name, r.name, source.version};
  const std::string key = r.name + "/" + ref.name;
  const std::string target = registry::vendor_folder(app_root, library);
  const auto& recorded = options.env.empty() ? app.libraries : app.environments.at(options.env).libraries;
  const auto it = recorded.find(key);
  const bool listed = it != recorded.end() && it->second.version == library.version;
  InstallResult result{key, 0, false};
  if (listed && is_directory(target) && !options.force) return result;
  if (it != recorded.end() && !listed) {
    throw Error(key + " is installed at version \"" + it->second.version + "\"",
                "remove it first (kgen pkg remove " + key + (options.env.empty() ? "" : " --env " + options.env) + ")");
  }

  const std::string file = app_yaml(app_root);
  const std::string spec = app::rewrite_app_spec_document(read_file(file), display_path(file), [&](json& s) {
    libraries_of(s, options.env, display_path(file))[key] = {
        {"name", library.name}, {"registry", library.registry}, {"version", library.version}};
  });
  // Another environment's install (or a folder left by ks) is reused, as ks reused it.
  if (!is_directory(target) || options.force) {
    fs::create_directories(fs::path(target).parent_path());
    result.files = copy_package(source.folder, target);
  }
  write_file_atomically(file, spec);
  result.recorded = true;
  return result;
}

void remove_package(const std::string& app_root, const std::string& package, const std::string& env) {
  const registry::PackageRef ref = registry::parse_package_ref(package);
  AppLock lock(app_root);
  const app::App app = app::load_app(app_root);
  if (!env.empty() && !app.environments.count(env)) {
    throw Error("environment \"" + env + "\" was not found", "see the environments with kgen env list");
  }
  const auto& recorded = env.empty() ? app.libraries : app.environments.at(env).libraries;
  std::string key;
  for (const auto& [k, lib] : recorded) {
    if (lib.name == ref.name && (ref.registry.empty() || lib.registry == ref.registry)) key = k;
  }
  if (key.empty()) {
    throw Error("package " + package + " is not installed" + (env.empty() ? "" : " in environment " + env),
                "see the installed packages with kgen pkg list --installed");
  }
  const app::Library library = recorded.at(key);
  const std::string file = app_yaml(app_root);
  write_file_atomically(file, app::rewrite_app_spec_document(read_file(file), display_path(file), [&](json& s) {
                          json& libraries = libraries_of(s, env, display_path(file));
                          libraries.erase(key);
                          if (!env.empty() && libraries.empty()) s["environments"][env].erase("libraries");
                        }));
  // The files stay while something else still uses them (ks kept them then too).
  bool used = !env.empty() && app.libraries.count(key) && app.libraries.at(key).version == library.version;
  for (const auto& [name, e] : app.environments) {
    if (name == env) continue;
    const auto found = e.libraries.find(key);
    if (found != e.libraries.end() && found->second.version == library.version) used = true;
  }
  std::error_code ec;
  if (!used) fs::remove_all(registry::vendor_folder(app_root, library), ec);
  // ks left vendor/<registry>/ behind when it was empty; so does kgen (other packages
  // of the registry may come back).
}

}  // namespace kgen::edit

// Registries and packages (ks's `registry` and `pkg`): the registries an app names in
// app.yaml / app.override.yaml, a registry's index (registry.yaml), a package's
// parts.yaml and files, and what is installed under vendor/. Reads only; the changes
// (app.yaml, vendor/) are made by the edit stage. Throws kgen::Error.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/app.h"

namespace kgen::registry {

struct Registry {
  std::string name;
  std::string protocol;  // "fs" (a folder) or "github"
  std::string uri;       // as written in app.yaml
  bool overridden = false;  // from app.override.yaml
  // A GitHub registry's gitVersion (app.yaml 0.1.0, as ks <= 0.11 wrote it): the
  // commit to read and the ref it came from.
  std::string commit_sha, ref_spec;
};

/// app.yaml's registries with app.override.yaml's over them, sorted by name.
std::vector<Registry> app_registries(const std::string& app_root);

/// The registry called `name`; throws naming the known ones when there is none.
const Registry& find_registry(const std::vector<Registry>& registries, const std::string& name);

/// ks's reading of a registry URI: "github.com/..." and "https://github.com/..." are
/// GitHub registries, anything else a folder ("file://" stripped, as ks stored it).
Registry registry_for_uri(const std::string& name, const std::string& uri);

struct PackageEntry {
  std::string name;
  std::string path;     // folder of the package, relative to the registry's folder
  std::string version;  // from registry.yaml
};

/// A registry opened for reading: its folder and, for a GitHub registry, the commit
/// checked out there.
struct OpenRegistry {
  std::string folder;
  std::string commit;  // "" for folder registries
};
struct OpenOptions {
  std::string version;  // a GitHub ref or commit to read instead of the registry's own
  bool refresh = false;  // resolve the registry's ref anew (registry add / set)
  bool adding = false;   // for the offline hint: the registry is not in app.yaml yet
};

/// The registry's folder (a relative URI is taken from the app's root). A GitHub
/// registry is read at its gitVersion's commit, else at the commit recorded in
/// .ksonnet/registries/<name>/ (as ks cached it), else at its ref's newest commit,
/// which is then recorded there; fetched with git into kgen's cache when missing.
/// Fetch failures name the offline way: a local clone's folder as the registry.
OpenRegistry open_registry(const std::string& app_root, const Registry& registry, const OpenOptions& options = {});
std::string registry_folder(const std::string& app_root, const Registry& registry);

/// The packages of a registry folder's registry.yaml, sorted by name. Throws naming the
/// file when it is missing or not a ksonnet.io/registry.
std::vector<PackageEntry> read_index(const std::string& folder);

/// A package's parts.yaml (JSON or YAML), with `name` and `description`.
nlohmann::json read_parts(const std::string& package_folder);

/// "REGISTRY/PKG[@VERSION]" or "PKG"; throws on an empty part.
struct PackageRef {
  std::string registry;  // empty for "PKG"
  std::string name;
  std::string version;
};
PackageRef parse_package_ref(const std::string& text);

/// Where an installed library lives: vendor/<registry>/<name>[@<version>].
std::string vendor_folder(const std::string& app_root, const app::Library& library);

/// `pkg list`: the installed libraries (marked "*") and, unless `installed_only`,
/// every package of the app's folder registries that is not installed at that
/// version, sorted by registry, name, version. `warnings` gets a line per registry
/// that could not be read (GitHub registries offline).
struct PackageRow {
  std::string registry, name, version, installed, environments;
};
std::vector<PackageRow> package_rows(const app::App& app, bool installed_only, std::vector<std::string>* warnings);

/// `registry describe` and `pkg describe` texts, as ks printed them.
std::string describe_registry(const std::string& app_root, const Registry& registry);
std::string describe_package(const app::App& app, const std::string& query);

}  // namespace kgen::registry

// Changes for ks's `registry` and `pkg` commands: registries in app.yaml (or
// app.override.yaml), packages copied into vendor/ and recorded in app.yaml's
// libraries. Each checks the registry or package first and writes nothing on failure.
#pragma once

#include <string>

namespace kgen::edit {

/// Adds registry `name` at `uri` (a folder holding registry.yaml, or a GitHub URI,
/// recorded without fetching) to app.yaml, or to app.override.yaml with `override`.
/// Throws when the name is taken or the folder is not a registry.
void add_registry(const std::string& app_root, const std::string& name, const std::string& uri, bool override);

/// Points registry `name` at a new URI (in the file that defines it).
void set_registry_uri(const std::string& app_root, const std::string& name, const std::string& uri);

struct InstallResult {
  std::string library;    // "<registry>/<name>"
  size_t files = 0;       // files copied; 0 when vendor/ had them already
  bool recorded = false;  // false when it was installed already: nothing changed
};

struct InstallOptions {
  std::string name;   // ks's --name: only the package's own name works (ks failed on others)
  std::string env;    // record it in this environment's libraries instead of the app's
  bool force = false;  // copy the files again even when installed
};

/// Installs REGISTRY/PKG[@VERSION] into vendor/<registry>/<pkg>/ (from a folder
/// registry, unversioned) or vendor/<registry>/<pkg>@<commit>/ (from a GitHub registry,
/// at the registry's commit or at VERSION, a ref or commit) and records it in app.yaml's
/// libraries (or the environment's), as ks did. Installing an installed package changes
/// nothing.
InstallResult install_package(const std::string& app_root, const std::string& package, const InstallOptions& options = {});

/// Removes an installed package: its app.yaml entry (the app's, or the environment's
/// with `env`) and its vendor/ folder unless another entry still uses it.
void remove_package(const std::string& app_root, const std::string& package, const std::string& env = "");

}  // namespace kgen::edit

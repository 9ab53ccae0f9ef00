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
  std::string library;  // "<registry>/<name>"
  size_t files = 0;     // files copied; 0 when it was installed already
};

/// Installs REGISTRY/PKG[@VERSION] from a folder registry into
/// vendor/<registry>/<pkg>/ (versioned packages: <pkg>@<version>/) and records it in
/// app.yaml's libraries, as ks did. Installing an installed package changes nothing.
InstallResult install_package(const std::string& app_root, const std::string& package);

/// Removes an installed package: its app.yaml entry and its vendor/ folder.
void remove_package(const std::string& app_root, const std::string& package);

}  // namespace kgen::edit

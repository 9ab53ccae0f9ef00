#include "kgen/library_setup.h"

#include <iostream>

#include "common/error.h"

namespace kgen::cmd {

std::optional<k8slib::PreparedLibrary> prepare_library_for(const std::string& root, const std::string& api_spec) {
  std::string version = "v1.8.0";  // what ks assumed offline
  if (api_spec.rfind("version:", 0) == 0) version = api_spec.substr(8);
  return k8slib::prepare_library(root, version, api_spec);
}

void commit_prepared_library(const std::optional<k8slib::PreparedLibrary>& library) {
  if (!library) return;
  std::cerr << "kgen: Generating ksonnet-lib data at path '" << display_path(library->dir) << "'\n";
  k8slib::commit_library(*library);
}

void ensure_environment_library(const app::App& app, const app::Environment& environment) {
  if (!environment.legacy_metadata_dir.empty() || environment.k8s_version.empty()) return;
  commit_prepared_library(k8slib::prepare_library(app.root, environment.k8s_version, ""));
}

}  // namespace kgen::cmd

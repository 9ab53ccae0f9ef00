#include "kgen/library_setup.h"

#include <nlohmann/json.hpp>

#include <iostream>

#include "common/error.h"
#include "common/files.h"
#include "kgen/commands.h"

namespace kgen::cmd {

std::optional<k8slib::PreparedLibrary> prepare_library_for(const std::string& root, const std::string& api_spec) {
  std::string version = "v1.8.0";  // what ks assumed offline
  if (api_spec.rfind("version:", 0) == 0) version = api_spec.substr(8);
  try {
    return k8slib::prepare_library(root, version, api_spec);
  } catch (const Error& e) {
    // A spec that names its version but cannot make a library (a stub without
    // definitions) still sets the environment's version; the built-in subset serves.
    if (api_spec.rfind("file:", 0) != 0) throw;
    const auto text = try_read_file(api_spec.substr(5));
    const auto spec = nlohmann::json::parse(text.value_or(""), nullptr, false);
    if (spec.is_discarded() || !spec.is_object() || !spec.contains("info") || !spec["info"].is_object() ||
        !spec["info"].value("version", "").size()) {
      throw;
    }
    print_warning("no ksonnet-lib generated: " + e.one_line() + "; kgen's built-in subset of ksonnet-lib serves this version");
    return std::nullopt;
  }
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

namespace kgen::cmd {

void use_cached_library(const app::App& app, const app::Environment& environment, render::RenderOptions* options) {
  if (!environment.legacy_metadata_dir.empty() || environment.k8s_version.empty()) return;
  if (is_directory(app.root + "/lib/ksonnet-lib/" + environment.k8s_version) ||
      is_directory(app.root + "/lib/" + environment.k8s_version)) {
    return;  // the app's own library serves
  }
  const auto cached = k8slib::cached_library(default_cache_dir(), environment.k8s_version);
  if (!cached) return;
  if (cached->generated) {
    std::cerr << "kgen: Generating ksonnet-lib data for " << environment.k8s_version << " at path '"
              << display_path(cached->dir) << "' (kgen's cache)\n";
  }
  options->library_dir = cached->dir;
}

}  // namespace kgen::cmd

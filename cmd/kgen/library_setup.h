// When commands generate an environment's ksonnet-lib, as ks did: env add, env set
// --api-spec, upgrade, and before rendering (show and the cluster commands).
#pragma once

#include <optional>
#include <string>

#include "app/app.h"
#include "k8slib/k8slib.h"

namespace kgen::cmd {

// For `--api-spec` (empty: version v1.8.0 from the spec cache, if there).
std::optional<k8slib::PreparedLibrary> prepare_library_for(const std::string& root, const std::string& api_spec);

// Writes it (if any) and says so on stderr, as ks logged it.
void commit_prepared_library(const std::optional<k8slib::PreparedLibrary>& library);

// Before rendering `environment`: generates its version's library from the spec cache
// when the app has none (legacy .metadata libraries are left alone).
void ensure_environment_library(const app::App& app, const app::Environment& environment);

}  // namespace kgen::cmd

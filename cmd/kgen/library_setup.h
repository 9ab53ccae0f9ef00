// When commands generate an environment's ksonnet-lib: into the app as ks did for env
// add, env set --api-spec and upgrade; into kgen's cache before rendering (show, golden,
// the cluster commands, argocd), which never write into the app.
#pragma once

#include <optional>
#include <string>

#include "app/app.h"
#include "k8slib/k8slib.h"
#include "render/render.h"

namespace kgen::cmd {

// For `--api-spec` (empty: version v1.8.0 from the spec cache, if there).
std::optional<k8slib::PreparedLibrary> prepare_library_for(const std::string& root, const std::string& api_spec);

// Writes it (if any) and says so on stderr, as ks logged it.
void commit_prepared_library(const std::optional<k8slib::PreparedLibrary>& library);

// For upgrade: generates `environment`'s version's library into the app from the spec
// cache when the app has none (legacy .metadata libraries are left alone).
void ensure_environment_library(const app::App& app, const app::Environment& environment);

// Before rendering `environment`: when the app has no library of its version and the
// spec cache has the spec, points `options` at one generated in kgen's cache.
void use_cached_library(const app::App& app, const app::Environment& environment, render::RenderOptions* options);

}  // namespace kgen::cmd

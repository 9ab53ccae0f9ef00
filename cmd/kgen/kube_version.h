// --kube-version and --drop-removed, shared by show, apply, diff, validate, golden and
// migrate: the rendered objects converted for the Kubernetes version they will run on.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "convert/convert.h"
#include "render/render.h"

namespace kgen::cmd {

struct KubeVersionFlags {
  std::string version;
  bool drop_removed = false;
};

void add_kube_version_flags(CLI::App* command, KubeVersionFlags* flags);

// The target of --kube-version, else of the environment's kubeVersion setting.
std::optional<convert::Target> conversion_target(const KubeVersionFlags& flags, const app::Environment& env);

// The objects for --kube-version, else the environment's kubeVersion setting; as
// rendered (ks's bytes) when neither names one. Throws kgen::Error.
std::vector<render::Object> convert_for_target(const KubeVersionFlags& flags, const app::Environment& env,
                                               std::vector<render::Object> objects);

// `kgen migrate --kube-version`: each environment's (or those named) plan on stdout;
// exit 1 when an object cannot be converted as things are.
int explain_conversion(const std::string& root, const KubeVersionFlags& flags, const std::vector<std::string>& environments);

}  // namespace kgen::cmd

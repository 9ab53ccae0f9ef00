// Stage 6: changes to an app's files, made safely. Finds the file a change belongs
// in, splices the change in (params/), evaluates the result before anything is
// written (render/), and replaces the file atomically, under a lock on the app so two
// kgen processes never lose each other's update.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "app/app.h"

namespace kgen::edit {

struct ParamChange {
  std::string environment;  // empty: the component's own params (module params.libsonnet)
  std::string component;    // qualified; empty with an environment: the environment's globals
  std::string param;        // dotted path (a literal key for environment overrides)
  std::optional<nlohmann::json> value;  // nothing: delete the parameter
};

// Applies the change. Returns the file it rewrote, or "" when the file already said
// so (then it is left untouched, same bytes, same mtime). Throws kgen::Error.
std::string apply_param_change(const std::string& app_root, const ParamChange& change);

}  // namespace kgen::edit

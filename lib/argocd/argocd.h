// Stage 9: kgen as an Argo CD config management plugin (deploy/argocd/plugin.yaml).
// Argo CD's cmp-server runs the plugin's commands in a fresh copy of the Application's
// source folder with the Application's settings in the environment:
//   ARGOCD_ENV_KGEN_ENV     the environment to render (plugin env KGEN_ENV);
//   ARGOCD_APP_PARAMETERS   JSON [{name, string | array | map}] the Application sets.
// This stage turns those into render options and the parameter announcement the UI
// shows; cmd/ reads the process environment and prints.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "render/render.h"

namespace kgen::argocd {

// The name of the string parameter that chooses the environment.
inline constexpr const char* kEnvironmentParameter = "environment";

// One entry of ARGOCD_APP_PARAMETERS.
struct Parameter {
  std::string name;
  std::optional<std::string> string;
  std::optional<std::vector<std::string>> array;
  std::optional<std::map<std::string, std::string>> map;
};

// Parses ARGOCD_APP_PARAMETERS (empty or "null": none). Throws kgen::Error naming the
// variable when it is not a JSON list of such objects.
std::vector<Parameter> parse_parameters(const std::string& text);

// Whether `dir` is a ks app: its app.yaml parses and its kind is ksonnet.io/app.
bool is_ksonnet_app(const std::string& dir);

// The environment to render: the `environment` string parameter, else `requested`
// (ARGOCD_ENV_KGEN_ENV), else the app's only environment. Throws kgen::Error listing
// the environments when none is named and there are several (or none).
const app::Environment& choose_environment(const app::App& app, const std::vector<Parameter>& parameters,
                                           const std::string& requested);

// The overrides the parameters ask for, given the environment's current component
// params (component -> params, as render::component_params gives them):
//   - a map parameter named after a component: each key a parameter of it; a value
//     whose current parameter is a string stays a string, any other is typed as
//     `kgen param set` types values (numbers, true/false, JSON arrays and objects;
//     an empty value is "" unless the parameter is not a string now);
//   - a string parameter "COMPONENT.PARAM": that one parameter, typed the same way;
//   - the `environment` string parameter: no override (see choose_environment).
// Throws kgen::Error for array parameters and for names that are neither.
// `current` is called only when a value's type depends on it (a value that would not
// stay a string anyway), so that the common case costs no params evaluation.
std::vector<render::ParamOverride> overrides_from_parameters(const std::vector<Parameter>& parameters,
                                                             const std::function<const nlohmann::json&()>& current);

// The announcement `parameters.dynamic` prints: the environment as a string parameter,
// then per component a map parameter of its params, each value a string (strings as
// they are, other values as compact JSON).
nlohmann::json announcement(const app::App& app, const std::string& environment, const nlohmann::json& current);

}  // namespace kgen::argocd

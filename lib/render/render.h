// Stage 4: render an environment as ks show did: evaluate every module's pipeline
// (module params, environment params, main.jsonnet, components) in one Jsonnet
// evaluation (a large app: one per thread, each rendering a slice of the output),
// then normalise, label, flatten and sort the objects.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "app/app.h"

namespace kgen::render {

// One parameter set for a single render (`show --set`, `--params-file`, Argo CD): the
// component sees it in std.extVar("__ksonnet/params") over the environment's params,
// exactly where `kgen param set --env` would have put it, and no file is written.
struct ParamOverride {
  std::string target;  // "COMPONENT.PARAM[.PATH...]"; COMPONENT may be "module.name"
  nlohmann::json value;
  std::string source;  // where it came from, for errors ("--set", a file name)
};

// Overrides from JSON: {"COMPONENT": {"PARAM": value, ...}, ...}, values as they are
// (no typing). `source` names the text in errors. Throws kgen::Error.
std::vector<ParamOverride> overrides_from_json(const std::string& text, const std::string& source);

struct RenderOptions {
  std::string environment;              // empty: the app's current environment
  std::vector<std::string> components;  // -c: qualified names; empty renders all
  std::vector<std::string> jpaths;      // -J, lowest search priority, in order given
  std::map<std::string, std::string> ext_str;  // -V and --ext-str-file values
  std::map<std::string, std::string> tla_str;  // -A and --tla-str-file values
  std::string cache_dir;  // render cache folder; empty: no cache
  size_t jobs = 0;        // threads rendering a large app; 0: one per CPU (output is the same)
  std::vector<ParamOverride> overrides;  // applied in order, later ones win
  // A generated ksonnet-lib folder (in kgen's cache) for the environment's Kubernetes
  // version, used when the app has no lib/ksonnet-lib/<version>/ of its own.
  std::string library_dir;
};

struct Object {
  nlohmann::json value;
  std::string component;  // qualified component name
};

struct RenderResult {
  std::vector<Object> objects;        // in ks's output order
  std::vector<std::string> warnings;  // for cmd/ to print
};

// Throws kgen::Error (unknown environment or component, Jsonnet errors with the user's
// file and line, objects that are not Kubernetes objects).
RenderResult render_environment(const app::App& app, const RenderOptions& options);

// Which parameters `param list` / `param diff` show.
struct ParamsQuery {
  std::string environment;   // empty: the module's own params (globals applied), no environment
  std::string module = "/";  // with an environment: "" for every module the environment renders
  std::vector<std::string> jpaths;
  std::map<std::string, std::string> overlays;  // absolute path -> content to use instead of the file
  bool without_modules = false;  // with an environment: its own values only, over empty module params
};

// Component (qualified name) -> its parameters, as the components see them
// (std.extVar("__ksonnet/params").components[...]). Throws kgen::Error.
nlohmann::json component_params(const app::App& app, const ParamsQuery& query);

enum class Format { Yaml, Json };

// "yaml" or "json"; throws kgen::Error for anything else.
Format parse_format(const std::string& name);

// The exact bytes ks show printed: "---" + YAML per object, or one JSON List.
std::string format_objects(const std::vector<Object>& objects, Format format);

}  // namespace kgen::render

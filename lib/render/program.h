// The Jsonnet programs that run ks's pipeline for an environment (internal to the
// render stage):
//   - params: per module, the module's params.libsonnet (globals applied) under the
//     environment's params.libsonnet;
//   - render: the params program, manifested to JSON and narrowed per module (ks passed
//     JSON between stages, and libjsonnet caches no object fields, so re-reading lazy
//     params from every component would cost O(components^2)), then per module
//     main.jsonnet over all components. One evaluation: libjsonnet rebuilds its
//     standard library for each.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "jsonnet/evaluator.h"
#include "render/overrides.h"
#include "render/render.h"

namespace kgen::render {

// The search paths and folders shared by both programs.
struct PipelineLayout {
  std::string app_root;
  std::string env_dir;
  // `std.extVar("__ksonnet/environments")` everywhere: {"namespace": ..., "server": ...}.
  // Served as a literal through each context, never as VM ext code, which libjsonnet
  // re-parses (with its standard library) on every std.extVar call.
  std::string env_object;
  std::vector<jsonnet::SearchEntry> main_path;           // stage E
  std::vector<jsonnet::SearchEntry> module_params_path;  // stage A
  std::vector<jsonnet::SearchEntry> env_params_path;     // stage C
  std::vector<std::string> warnings;
  std::vector<ResolvedOverride> overrides;  // set over the environment's params
};

PipelineLayout layout_pipeline(const app::App& app, const app::Environment& env,
                               const std::vector<app::Module>& modules, const RenderOptions& options);

// Code evaluating to {"<module index>": {"env": {...}, "raw": {...}}}: "env" is the
// `components` of the environment's params.libsonnet evaluated over the module's
// (globals applied, keys qualified), "raw" the module params' own components (for YAML
// components: only for modules that have them; {} without module params).
// `without_modules` evaluates the environment's params over empty module params, so
// only environment-level values show (`param list --without-modules`).
std::string build_params_program(const std::vector<app::Module>& modules, const PipelineLayout& layout,
                                 jsonnet::Evaluator* evaluator, bool without_modules = false);

// ks's stage C: the environment's component params (`all`, keys qualified) narrowed to
// the components of module `module_name`. Root ("/"): keys without a dot. Module M:
// keys starting with M (a plain prefix, as ks matched), renamed to their last dotted
// segment, same names merged.
nlohmann::json narrow_module_params(const std::string& module_name, const nlohmann::json& all);

// The params program's output narrowed per module:
// {"<module index>": {"params": {"components": ...}}}.
nlohmann::json narrow_params(const std::vector<app::Module>& modules, const nlohmann::json& evaluated);

// A position in the render program's output, in the order libjsonnet manifests it:
// module index as a string ("0" < "1" < "10" < "2"), then field name.
struct OutputPosition {
  std::string module_id;
  std::string field;
};
bool operator<(const OutputPosition& a, const OutputPosition& b);

// The slice of the output one evaluation renders when several threads share an
// environment: positions from `from` (inclusive) to `to` (exclusive); unset: unbounded.
struct OutputRange {
  std::optional<OutputPosition> from;
  std::optional<OutputPosition> to;
};

// Code evaluating to {"<module index>": {"<qualified component>": value}} for the
// `selected` components (empty: all) inside `range`, params stages included.
std::string build_render_program(const std::vector<app::Module>& modules, const PipelineLayout& layout,
                                  const RenderOptions& options, const std::set<std::string>& selected,
                                  const OutputRange& range, jsonnet::Evaluator* evaluator);

}  // namespace kgen::render

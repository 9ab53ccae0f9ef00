// The Jsonnet programs that run ks's pipeline for an environment (internal to the
// render stage). Two evaluations on one VM, as ks's stages were separated:
//   1. params: per module, the module's params.libsonnet (globals applied) under the
//      environment's params.libsonnet, manifested to JSON (ks passed JSON between
//      stages, and libjsonnet caches no object fields, so re-reading lazy params from
//      every component would cost O(components^2));
//   2. render: per module, main.jsonnet over all components, with the params as a
//      JSON literal.
#pragma once

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "jsonnet/evaluator.h"
#include "render/render.h"

namespace kgen::render {

// The search paths and folders shared by both programs.
struct PipelineLayout {
  std::string env_dir;
  // `std.extVar("__ksonnet/environments")` everywhere: {"namespace": ..., "server": ...}.
  // Served as a literal through each context, never as VM ext code, which libjsonnet
  // re-parses (with its standard library) on every std.extVar call.
  std::string env_object;
  std::vector<jsonnet::SearchEntry> main_path;           // stage E
  std::vector<jsonnet::SearchEntry> module_params_path;  // stage A
  std::vector<jsonnet::SearchEntry> env_params_path;     // stage C
  std::vector<std::string> warnings;
};

PipelineLayout layout_pipeline(const app::App& app, const app::Environment& env,
                               const std::vector<app::Module>& modules, const RenderOptions& options);

// Code evaluating to {"<module index>": {"env": {...}, "raw": {...}}}: "env" is the
// `components` of the environment's params.libsonnet evaluated over the module's
// (globals applied, keys qualified), "raw" the module params' own components (for YAML
// components, only where needed).
// `without_modules` evaluates the environment's params over empty module params, so
// only environment-level values show (`param list --without-modules`).
std::string build_params_program(const std::vector<app::Module>& modules, const PipelineLayout& layout,
                                 jsonnet::Evaluator* evaluator, bool without_modules = false);

// ks's stage C on the first program's output: per module, the environment's params
// narrowed to the module's components ({"<module index>": {"params": {components},
// "raw": ...}}). Root: keys without a dot. Module M: keys starting with M (a plain
// prefix, as ks matched), renamed to their last dotted segment, same names merged.
nlohmann::json narrow_params(const std::vector<app::Module>& modules, const nlohmann::json& evaluated);

// Code evaluating to {"<module index>": {"<qualified component>": value}} for the
// `selected` components (empty: all). `params` is the first program's output.
std::string build_render_program(const std::vector<app::Module>& modules, const PipelineLayout& layout,
                                  const RenderOptions& options, const std::set<std::string>& selected,
                                  const nlohmann::json& params, jsonnet::Evaluator* evaluator);

}  // namespace kgen::render

// The Jsonnet program that runs ks's whole pipeline for an environment in one
// evaluation (internal to the render stage).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "jsonnet/evaluator.h"
#include "render/render.h"

namespace kgen::render {

struct Program {
  std::string code;  // evaluates to {"<module index>": {"<qualified component>": value}}
  std::vector<std::string> warnings;
};

// Registers contexts and virtual files on `evaluator` and returns the top-level code.
// `selected` limits which components are evaluated (empty: all).
Program build_program(const app::App& app, const app::Environment& env, const std::vector<app::Module>& modules,
                      const RenderOptions& options, const std::set<std::string>& selected,
                      jsonnet::Evaluator* evaluator);

}  // namespace kgen::render

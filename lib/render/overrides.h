// Parameter overrides of one render (internal to the render stage): resolved against
// the environment's modules, then applied to the params each module's components read.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/app.h"
#include "render/render.h"

namespace kgen::render {

struct ResolvedOverride {
  size_t module = 0;              // index into the rendered modules
  std::string component;          // name inside its module (what the module's params key)
  std::vector<std::string> path;  // parameter path inside the component's params
  nlohmann::json value;
};

// Splits each "COMPONENT.PARAM[.PATH]" at the longest known component name. Throws
// kgen::Error for an unknown component (listing the known ones) or a missing parameter.
std::vector<ResolvedOverride> resolve_overrides(const std::vector<app::Module>& modules,
                                                const std::vector<ParamOverride>& overrides,
                                                const std::string& env_name);

// Sets the overrides of module `module` into `components` (component -> params),
// creating entries and objects on the way, as `param set --env` would.
void apply_overrides(size_t module, const std::vector<ResolvedOverride>& overrides, nlohmann::json* components);

// For the render cache's fingerprint.
nlohmann::json overrides_json(const std::vector<ResolvedOverride>& overrides);

}  // namespace kgen::render

// Where a yaml-cpp node sits, for errors about app.yaml and kgen.yaml (internal to the app stage).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "common/error.h"

namespace kgen::app {

// file:line:column of `node` (1-based), or just the file when yaml-cpp has no mark.
Location yaml_location(const std::string& file, const YAML::Node& node);

}  // namespace kgen::app

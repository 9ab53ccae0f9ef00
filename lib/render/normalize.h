// ks's stages F and G (internal to the render stage): a component's value becomes
// labelled Kubernetes objects.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "render/render.h"

namespace kgen::render {

// Arrays become v1 Lists; the value must be an object; the ksonnet.io/component label
// goes on the object (on each item of a v1 List); objects with `items` are replaced
// by their items, which inherit the list's kind and apiVersion when they have neither.
// `file` is where errors point. Throws kgen::Error.
std::vector<Object> normalize_component(const std::string& qualified, nlohmann::json value, const std::string& file);

}  // namespace kgen::render

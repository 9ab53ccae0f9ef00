// ks's output order (internal to the render stage).
#pragma once

#include <vector>

#include "render/render.h"

namespace kgen::render {

// Stable sort by namespace (empty first), kind rank (ks's install order; unknown kinds
// after known ones, by name), apiVersion, name, generateName, uid.
void sort_objects(std::vector<Object>* objects);

}  // namespace kgen::render

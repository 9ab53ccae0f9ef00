// Splitting an environment's output between threads (internal to the render stage).
//
// libjsonnet runs one evaluation per VM and thread, so a large app renders on several
// threads by giving each VM the whole program but only a contiguous slice of the
// output, in the order libjsonnet manifests it. Errors then match a single evaluation's:
// the first failing field belongs to the first slice that fails, and that slice stops
// at it.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "render/program.h"

namespace kgen::render {

// Below this many Jsonnet components per thread, a thread's own standard library
// (libjsonnet rebuilds it for each VM: ~20 ms) costs more than it saves.
inline constexpr size_t kMinComponentsPerSlice = 8;

// How many slices to render `modules` in: 1 with -c (a few components), else up to
// `jobs` (0: the CPUs this process may run on), at least kMinComponentsPerSlice
// Jsonnet components each.
size_t slice_count(size_t jobs, const std::vector<app::Module>& modules, const std::set<std::string>& selected);

// `count` contiguous ranges covering every output position, with about as many
// components each. Fields main.jsonnet adds without a component file fall into
// whichever range holds their position.
std::vector<OutputRange> plan_slices(const std::vector<app::Module>& modules, size_t count);

}  // namespace kgen::render

#include "render/slices.h"

#include <sched.h>

#include <algorithm>

namespace kgen::render {
namespace {

size_t usable_cpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
  return 1;
}

std::vector<OutputPosition> component_positions(const std::vector<app::Module>& modules) {
  std::vector<OutputPosition> positions;
  for (size_t i = 0; i < modules.size(); ++i) {
    for (const auto& component : modules[i].components) {
      positions.push_back({std::to_string(i), component.qualified});
    }
  }
  std::sort(positions.begin(), positions.end());
  return positions;
}

}  // namespace

size_t slice_count(size_t jobs, const std::vector<app::Module>& modules, const std::set<std::string>& selected) {
  if (!selected.empty()) return 1;
  size_t jsonnet_components = 0;
  for (const auto& module : modules) {
    for (const auto& component : module.components) {
      if (component.type == app::ComponentType::Jsonnet) ++jsonnet_components;
    }
  }
  const size_t threads = jobs > 0 ? jobs : usable_cpus();
  return std::max<size_t>(1, std::min(threads, jsonnet_components / kMinComponentsPerSlice));
}

std::vector<OutputRange> plan_slices(const std::vector<app::Module>& modules, size_t count) {
  const std::vector<OutputPosition> positions = component_positions(modules);
  count = std::max<size_t>(1, std::min(count, positions.size()));
  std::vector<OutputRange> slices(count);
  for (size_t i = 1; i < count; ++i) {
    const OutputPosition& boundary = positions[i * positions.size() / count];
    slices[i - 1].to = boundary;
    slices[i].from = boundary;
  }
  return slices;
}

}  // namespace kgen::render

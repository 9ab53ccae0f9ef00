#include "render/slices.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kgen::render {
namespace {

std::vector<app::Module> modules_with(const std::vector<int>& component_counts) {
  std::vector<app::Module> modules;
  for (size_t m = 0; m < component_counts.size(); ++m) {
    app::Module module;
    module.name = m == 0 ? "/" : "m" + std::to_string(m);
    for (int c = 0; c < component_counts[m]; ++c) {
      app::Component component;
      component.name = "c" + std::to_string(c);
      component.qualified = (m == 0 ? "" : module.name + ".") + component.name;
      module.components.push_back(component);
    }
    modules.push_back(module);
  }
  return modules;
}

bool in_range(const OutputRange& range, const OutputPosition& p) {
  return (!range.from || !(p < *range.from)) && (!range.to || p < *range.to);
}

TEST(Slices, OneSliceForFewComponentsOrASelection) {
  const auto modules = modules_with({kMinComponentsPerSlice * 2 - 1});
  EXPECT_EQ(slice_count(8, modules, {}), 1u);
  EXPECT_EQ(slice_count(8, modules_with({40}), {"c1"}), 1u);
  EXPECT_EQ(slice_count(1, modules_with({40}), {}), 1u);
}

TEST(Slices, AsManyAsJobsWhenEachGetsEnoughComponents) {
  EXPECT_EQ(slice_count(3, modules_with({40}), {}), 3u);
  EXPECT_EQ(slice_count(64, modules_with({40}), {}), 40 / kMinComponentsPerSlice);
  EXPECT_GE(slice_count(0, modules_with({400}), {}), 1u);  // 0: the CPUs
}

TEST(Slices, YamlComponentsDoNotCountTowardsThreads) {
  auto modules = modules_with({20});
  for (auto& component : modules[0].components) component.type = app::ComponentType::Yaml;
  EXPECT_EQ(slice_count(4, modules, {}), 1u);
}

TEST(Slices, RangesAreContiguousAndCoverEveryPositionOnce) {
  // 12 modules: indexes sort as strings in the output ("10" and "11" before "2").
  const auto modules = modules_with({5, 3, 0, 7, 1, 4, 4, 2, 9, 3, 6, 5});
  for (size_t count : {1, 2, 3, 5, 49, 100}) {
    const std::vector<OutputRange> slices = plan_slices(modules, count);
    ASSERT_FALSE(slices.empty());
    EXPECT_FALSE(slices.front().from);
    EXPECT_FALSE(slices.back().to);
    for (size_t i = 1; i < slices.size(); ++i) {
      ASSERT_TRUE(slices[i].from && slices[i - 1].to);
      EXPECT_EQ(slices[i].from->module_id, slices[i - 1].to->module_id);
      EXPECT_EQ(slices[i].from->field, slices[i - 1].to->field);
    }
    std::vector<size_t> sizes(slices.size());
    for (size_t m = 0; m < modules.size(); ++m) {
      // Components, and a field main.jsonnet might add before or after them.
      std::vector<std::string> fields = {"", "zzz"};
      for (const auto& component : modules[m].components) fields.push_back(component.qualified);
      for (const auto& field : fields) {
        int holders = 0;
        for (size_t s = 0; s < slices.size(); ++s) {
          if (in_range(slices[s], {std::to_string(m), field})) {
            ++holders;
            if (!field.empty() && field != "zzz") ++sizes[s];
          }
        }
        EXPECT_EQ(holders, 1) << "module " << m << " field '" << field << "' with " << count << " slices";
      }
    }
    // About as many components each: 49 components in at most 49 slices.
    const size_t expected = std::min<size_t>(count, 49);
    EXPECT_EQ(slices.size(), expected);
    for (size_t size : sizes) {
      EXPECT_GE(size, 49 / expected);
      EXPECT_LE(size, 49 / expected + 1);
    }
  }
}

TEST(Slices, ModulesAreOrderedAsTheirIndexStrings) {
  EXPECT_TRUE((OutputPosition{"10", "a"} < OutputPosition{"2", "a"}));
  EXPECT_TRUE((OutputPosition{"1", "z"} < OutputPosition{"10", "a"}));
  EXPECT_TRUE((OutputPosition{"2", "a"} < OutputPosition{"2", "b"}));
}

}  // namespace
}  // namespace kgen::render

#include "render/cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "app/app.h"
#include "common/files.h"
#include "render/render.h"
#include "support/temp_dir.h"

namespace kgen::render {
namespace {

using testing::TempDir;

class RenderCache : public ::testing::Test {
 protected:
  void SetUp() override {
    app_.write_all({
        {"app.yaml",
         "apiVersion: 0.3.0\nkind: ksonnet.io/app\nenvironments:\n  default:\n    destination: {namespace: ns, "
         "server: https://s}\n    k8sVersion: v1.8.0\n    path: default\n"},
        {"components/params.libsonnet", "{ global: {}, components: {} }"},
        {"components/cm.jsonnet",
         "local util = import 'util.libsonnet';\n{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, "
         "data: { v: util.value } }\n"},
        {"lib/util.libsonnet", "{ value: 'from lib' }"},
        {"environments/base.libsonnet", "std.extVar('__ksonnet/components')"},
        {"environments/default/params.libsonnet", "std.extVar('__ksonnet/params')"},
    });
    options_.environment = "default";
    options_.cache_dir = cache_.path();
  }

  std::string render_value() {
    const auto result = render_environment(app::load_app(app_.path()), options_);
    return result.objects.at(0).value["data"]["v"];
  }

  // Rewrites every cache entry's rendered value, to tell a served entry from a render.
  void tamper_with_cache() {
    for (const auto& entry : std::filesystem::directory_iterator(cache_.path())) {
      std::string text = read_file(entry.path().string());
      const auto at = text.find("from lib");
      ASSERT_NE(at, std::string::npos);
      text.replace(at, 8, "TAMPERED");
      std::ofstream(entry.path()) << text;
    }
  }

  TempDir app_;
  TempDir cache_;
  RenderOptions options_;
};

TEST_F(RenderCache, ServesAnUnchangedAppFromTheCache) {
  EXPECT_EQ(render_value(), "from lib");
  tamper_with_cache();
  EXPECT_EQ(render_value(), "TAMPERED");
}

TEST_F(RenderCache, AnEditedImportedLibraryIsRenderedAgain) {
  EXPECT_EQ(render_value(), "from lib");
  tamper_with_cache();
  app_.write("lib/util.libsonnet", "{ value: 'edited' }");
  EXPECT_EQ(render_value(), "edited");
}

TEST_F(RenderCache, AFileThatNowShadowsAnImportIsRenderedAgain) {
  EXPECT_EQ(render_value(), "from lib");
  tamper_with_cache();
  app_.write("components/util.libsonnet", "{ value: 'shadowing' }");
  EXPECT_EQ(render_value(), "shadowing");
}

TEST_F(RenderCache, AnEditedParamsFileIsRenderedAgain) {
  EXPECT_EQ(render_value(), "from lib");
  tamper_with_cache();
  app_.write("components/params.libsonnet", "{ global: {}, components: { cm: {} } }");
  EXPECT_EQ(render_value(), "from lib");
}

TEST_F(RenderCache, OtherOptionsAreOtherEntries) {
  EXPECT_EQ(render_value(), "from lib");
  tamper_with_cache();
  options_.ext_str["unused"] = "x";
  EXPECT_EQ(render_value(), "from lib");
}

TEST_F(RenderCache, ParameterOverridesAreOtherEntries) {
  EXPECT_EQ(render_value(), "from lib");
  tamper_with_cache();
  options_.overrides.push_back({"cm.unused", "x", "--set"});
  EXPECT_EQ(render_value(), "from lib");
  options_.overrides.back().value = "y";
  EXPECT_EQ(render_value(), "from lib");
  const auto entries = std::distance(std::filesystem::directory_iterator(cache_.path()), {});
  EXPECT_EQ(entries, 3);
}

// Argo CD renders every revision from a fresh checkout in a new temporary folder.
TEST_F(RenderCache, ACopyOfTheAppAtAnotherPathIsServed) {
  EXPECT_EQ(render_value(), "from lib");
  tamper_with_cache();
  TempDir copy;
  std::filesystem::copy(app_.path(), copy.path(), std::filesystem::copy_options::recursive);
  EXPECT_EQ(render_environment(app::load_app(copy.path()), options_).objects.at(0).value["data"]["v"], "TAMPERED");
  // ...and its own files are the ones checked: an edit in the copy renders again.
  copy.write("lib/util.libsonnet", "{ value: 'copy edited' }");
  EXPECT_EQ(render_environment(app::load_app(copy.path()), options_).objects.at(0).value["data"]["v"], "copy edited");
}

// Every file of a folder with its content, to tell that a command left the app alone.
std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    files[entry.path().string()] = entry.is_regular_file() ? read_file(entry.path().string()) : "<dir>";
  }
  return files;
}

TEST_F(RenderCache, RenderingWritesNothingIntoTheApp) {
  const auto before = snapshot(app_.path());
  EXPECT_EQ(render_value(), "from lib");  // stored
  EXPECT_EQ(render_value(), "from lib");  // served
  EXPECT_FALSE(std::filesystem::is_empty(cache_.path()));
  EXPECT_EQ(snapshot(app_.path()), before);
}

TEST_F(RenderCache, WithoutACacheFolderNothingIsWritten) {
  options_.cache_dir.clear();
  EXPECT_EQ(render_value(), "from lib");
  EXPECT_TRUE(std::filesystem::is_empty(cache_.path()));
}

}  // namespace
}  // namespace kgen::render

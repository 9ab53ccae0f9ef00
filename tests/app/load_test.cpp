#include <gtest/gtest.h>

#include "app/app.h"
#include "common/error.h"
#include "support/temp_dir.h"

namespace kgen::app {
namespace {

using testing::TempDir;

const char* kAppYaml = R"(apiVersion: 0.3.0
kind: ksonnet.io/app
environments:
  default:
    destination: {namespace: ns, server: https://s}
    k8sVersion: v1.8.0
    path: default
)";

TEST(FindRoot, WalksUpToAppYaml) {
  TempDir dir;
  dir.write("app.yaml", kAppYaml);
  dir.write("components/deep/x.txt", "");
  EXPECT_EQ(find_app_root(dir.path() + "/components/deep"), dir.path());
}

TEST(FindRoot, ErrorWhenNoAppAbove) {
  TempDir dir;
  EXPECT_THROW(find_app_root(dir.path()), Error);
}

TEST(Load, CurrentEnvironmentFromKsEnvironmentFile) {
  TempDir dir;
  dir.write("app.yaml", kAppYaml);
  dir.write(".ks_environment", "default");
  const App app = load_app(dir.path());
  EXPECT_EQ(select_environment(app, "").name, "default");
}

TEST(Load, KubeVersionFromTheEnvironmentsKgenYaml) {
  TempDir dir;
  dir.write("app.yaml", kAppYaml);
  EXPECT_EQ(load_app(dir.path()).environments.at("default").kube_version, "");
  dir.write("environments/default/kgen.yaml", "# kgen only\nkubeVersion: 1.20\n");
  const Environment env = load_app(dir.path()).environments.at("default");
  EXPECT_EQ(env.kube_version, "1.20");  // as written: YAML's float is not read as a number
  EXPECT_EQ(env.settings_file, dir.path() + "/environments/default/kgen.yaml");
}

TEST(Load, KgenYamlKnowsOnlyItsKeys) {
  TempDir dir;
  dir.write("app.yaml", kAppYaml);
  dir.write("environments/default/kgen.yaml", "kubeVersion: \"1.29\"\nkubeversion: 1.2\n");
  try {
    load_app(dir.path());
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "unknown setting 'kubeversion' for environment default");
    EXPECT_EQ(e.where().line, 2);
  }
  dir.write("environments/default/kgen.yaml", "kubeVersion: [1, 29]\n");
  EXPECT_THROW(load_app(dir.path()), Error);
}

TEST(Load, UnknownEnvironmentListsKnownOnes) {
  TempDir dir;
  dir.write("app.yaml", kAppYaml);
  const App app = load_app(dir.path());
  try {
    select_environment(app, "prod");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "environment \"prod\" was not found");
    EXPECT_EQ(e.hint(), "known environments: default");
  }
  EXPECT_THROW(select_environment(app, ""), Error);
}

TEST(Load, LegacyApp001FindsEnvironmentsBySpecJson) {
  TempDir dir;
  dir.write("app.yaml", "apiVersion: 0.0.1\nkind: ksonnet.io/app\nname: old\n");
  dir.write("environments/dev/spec.json", R"({"server": "https://old", "namespace": ""})");
  dir.write("environments/us/east/spec.json", R"({"server": "https://east", "namespace": "e"})");
  const App app = load_app(dir.path());
  EXPECT_EQ(app.environments.at("dev").ns, "default");
  EXPECT_EQ(app.environments.at("us/east").server, "https://east");
  EXPECT_EQ(app.environments.at("us/east").legacy_metadata_dir, dir.path() + "/environments/us/east/.metadata");
}

TEST(Modules, RootOnlyWithoutTargetsAndSortedComponents) {
  TempDir dir;
  dir.write("app.yaml", kAppYaml);
  dir.write_all({{"components/params.libsonnet", "{}"},
                 {"components/b.jsonnet", "{}"},
                 {"components/a.yaml", "kind: X"},
                 {"components/c.json", "{}"},
                 {"components/lib.libsonnet", "{}"},
                 {"components/nested/params.libsonnet", "{}"},
                 {"components/nested/n.jsonnet", "{}"}});
  const App app = load_app(dir.path());
  const auto modules = modules_for(app, app.environments.at("default"));
  ASSERT_EQ(modules.size(), 1u);
  ASSERT_EQ(modules[0].components.size(), 3u);
  EXPECT_EQ(modules[0].components[0].name, "a");
  EXPECT_EQ(modules[0].components[0].type, ComponentType::Yaml);
  EXPECT_EQ(modules[0].components[2].type, ComponentType::Json);
}

TEST(Modules, TargetsSelectNestedModulesWithQualifiedNames) {
  TempDir dir;
  dir.write("app.yaml", kAppYaml);
  dir.write_all({{"components/params.libsonnet", "{}"}, {"components/nested/deeper/params.libsonnet", "{}"},
                 {"components/nested/deeper/n.jsonnet", "{}"}});
  App app = load_app(dir.path());
  app.environments.at("default").targets = {"nested.deeper", "/"};
  const auto modules = modules_for(app, app.environments.at("default"));
  ASSERT_EQ(modules.size(), 2u);
  EXPECT_EQ(modules[1].name, "nested.deeper");
  EXPECT_EQ(modules[1].components[0].qualified, "nested.deeper.n");
  app.environments.at("default").targets = {"missing"};
  EXPECT_THROW(modules_for(app, app.environments.at("default")), Error);
}

TEST(Modules, DuplicateComponentNamesAreAnError) {
  TempDir dir;
  dir.write("app.yaml", kAppYaml);
  dir.write_all({{"components/x.jsonnet", "{}"}, {"components/x.yaml", "kind: X"}});
  const App app = load_app(dir.path());
  EXPECT_THROW(modules_for(app, app.environments.at("default")), Error);
}

}  // namespace
}  // namespace kgen::app

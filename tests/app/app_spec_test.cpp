#include "app/app_spec.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace kgen::app {
namespace {

App parse(const std::string& text) {
  App app;
  parse_app_spec(text, "app.yaml", &app);
  return app;
}

TEST(AppSpec, ReadsVersion030) {
  const App app = parse(R"(apiVersion: 0.3.0
kind: ksonnet.io/app
name: pets
environments:
  default:
    destination: {namespace: kubeflow, server: https://127.0.0.1:6443}
    k8sVersion: v1.8.0
    path: default
    targets: [/, a.b]
libraries:
  kubeflow/tf-serving: {name: tf-serving, registry: kubeflow, version: abc}
)");
  EXPECT_EQ(app.api_version, "0.3.0");
  EXPECT_EQ(app.name, "pets");
  const Environment& env = app.environments.at("default");
  EXPECT_EQ(env.ns, "kubeflow");
  EXPECT_EQ(env.server, "https://127.0.0.1:6443");
  EXPECT_EQ(env.k8s_version, "v1.8.0");
  EXPECT_EQ(env.targets, (std::vector<std::string>{"/", "a.b"}));
  EXPECT_EQ(app.libraries.at("kubeflow/tf-serving").version, "abc");
}

TEST(AppSpec, Migrates010TargetsAndGitVersionLibraries) {
  const App app = parse(R"(apiVersion: 0.1.0
kind: ksonnet.io/app
environments:
  dev:
    destination: {namespace: dev, server: https://x}
    k8sVersion: v1.7.0
    path: nested/dev
    targets: [a/b, /]
libraries:
  tf-serving:
    gitVersion: {commitSha: 430d, refSpec: master}
    name: tf-serving
    registry: kubeflow
)");
  const Environment& env = app.environments.at("dev");
  EXPECT_EQ(env.path, "nested/dev");
  EXPECT_EQ(env.targets, (std::vector<std::string>{"a.b", "/"}));
  EXPECT_EQ(app.libraries.at("kubeflow/tf-serving").version, "430d");
}

TEST(AppSpec, Reads020EnvironmentLibraries) {
  const App app = parse(R"(apiVersion: 0.2.0
kind: ksonnet.io/app
environments:
  prod:
    destination: {namespace: prod, server: https://x}
    k8sVersion: v1.9.6
    libraries:
      util: {name: util, registry: incubator, version: "1.0"}
)");
  EXPECT_EQ(app.environments.at("prod").libraries.at("incubator/util").version, "1.0");
  EXPECT_EQ(app.environments.at("prod").path, "prod");  // path defaults to the name
}

TEST(AppSpec, RejectsUnsupportedVersionWithItsLine) {
  try {
    parse("kind: ksonnet.io/app\napiVersion: 0.4.0\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_NE(e.message().find("unsupported apiVersion '0.4.0'"), std::string::npos);
    EXPECT_FALSE(e.hint().empty());
  }
}

TEST(AppSpec, RejectsInvalidYamlWithPosition) {
  try {
    parse("apiVersion: 0.3.0\nenvironments: [unclosed\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "app.yaml");
    EXPECT_GT(e.where().line, 0);
  }
}

TEST(AppSpec, RejectsMissingVersionAndWrongKind) {
  EXPECT_THROW(parse("kind: ksonnet.io/app\n"), Error);
  EXPECT_THROW(parse("apiVersion: 0.3.0\nkind: Deployment\n"), Error);
  EXPECT_THROW(parse("- just\n- a list\n"), Error);
}

TEST(AppOverride, ReplacesAndAddsEnvironments) {
  App app = parse(R"(apiVersion: 0.3.0
kind: ksonnet.io/app
environments:
  default:
    destination: {namespace: a, server: https://a}
    k8sVersion: v1.8.0
    path: default
)");
  apply_app_override(R"(apiVersion: 0.3.0
kind: ksonnet.io/app-override
environments:
  default:
    destination: {namespace: b, server: https://b}
    k8sVersion: v1.9.6
    path: default
  local:
    destination: {namespace: l, server: https://l}
    k8sVersion: v1.10.3
    path: local
)",
                     "app.override.yaml", &app);
  EXPECT_EQ(app.environments.at("default").ns, "b");
  EXPECT_EQ(app.environments.at("default").k8s_version, "v1.9.6");
  EXPECT_TRUE(app.environments.at("default").overridden);
  EXPECT_EQ(app.environments.at("local").server, "https://l");
}

TEST(AppOverride, ValidatesKindAndVersion) {
  App app;
  EXPECT_THROW(apply_app_override("apiVersion: 0.3.0\nkind: ksonnet.io/app\n", "o.yaml", &app), Error);
  EXPECT_THROW(apply_app_override("apiVersion: 0.2.0\nkind: ksonnet.io/app-override\n", "o.yaml", &app), Error);
}

TEST(Names, KsRules) {
  EXPECT_TRUE(is_valid_name("pets-pvc"));
  EXPECT_TRUE(is_valid_name("us-west/prod"));
  EXPECT_FALSE(is_valid_name(""));
  EXPECT_FALSE(is_valid_name("/lead"));
  EXPECT_FALSE(is_valid_name("trail/"));
  EXPECT_FALSE(is_valid_name("has space"));
  EXPECT_FALSE(is_valid_name("bad:name"));
  EXPECT_FALSE(is_valid_name("bad$name"));
}

}  // namespace
}  // namespace kgen::app

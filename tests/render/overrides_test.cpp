// Parameter overrides of one render (show --set, --params-file, Argo CD parameters).
#include <gtest/gtest.h>

#include "app/app.h"
#include "common/error.h"
#include "render/render.h"
#include "support/temp_dir.h"

namespace kgen::render {
namespace {

using nlohmann::json;
using testing::TempDir;

class Overrides : public ::testing::Test {
 protected:
  void SetUp() override {
    app_.write_all({
        {"app.yaml",
         "apiVersion: 0.3.0\nkind: ksonnet.io/app\nenvironments:\n  default:\n    destination: {namespace: ns, "
         "server: https://s}\n    k8sVersion: v1.8.0\n    path: default\n    targets: [/, web]\n"},
        {"components/params.libsonnet", "{ global: {}, components: { cm: { size: 1, labels: { a: 'x' } } } }"},
        {"components/cm.jsonnet",
         "local p = std.extVar('__ksonnet/params').components.cm;\n"
         "{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', labels: p.labels }, data: { size: p.size } }\n"},
        {"components/web/params.libsonnet", "{ global: {}, components: { svc: { port: 80 }, page: { data: { v: 'module' } } } }"},
        {"components/web/svc.jsonnet",
         "local p = std.extVar('__ksonnet/params').components.svc;\n"
         "{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' }, spec: { ports: [{ port: p.port }] } }\n"},
        {"components/web/page.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: page\ndata:\n  v: file\n"},
        {"environments/base.libsonnet", "std.extVar('__ksonnet/components')"},
        {"environments/default/params.libsonnet",
         "local p = std.extVar('__ksonnet/params');\np + { components+: { cm+: { size: 2 } } }\n"},
    });
    options_.environment = "default";
  }

  json object(const std::string& name) {
    for (const auto& o : render_environment(app::load_app(app_.path()), options_).objects) {
      if (o.value["metadata"]["name"] == name) return o.value;
    }
    ADD_FAILURE() << "no object " << name;
    return {};
  }

  TempDir app_;
  RenderOptions options_;
};

TEST_F(Overrides, WithoutOverridesTheEnvironmentsParamsServe) {
  EXPECT_EQ(object("cm")["data"]["size"], 2);
  EXPECT_EQ(object("svc")["spec"]["ports"][0]["port"], 80);
  EXPECT_EQ(object("page")["data"]["v"], "module");
}

TEST_F(Overrides, AnOverrideWinsOverTheEnvironmentAndKeepsTheOtherParams) {
  options_.overrides = {{"cm.size", 3, "--set"}, {"cm.labels.b", "y", "--set"}};
  const json cm = object("cm");
  EXPECT_EQ(cm["data"]["size"], 3);
  EXPECT_EQ(cm["metadata"]["labels"], (json{{"a", "x"}, {"b", "y"}, {"ksonnet.io/component", "cm"}}));
}

TEST_F(Overrides, LaterOverridesWin) {
  options_.overrides = {{"cm.size", 3, "--set"}, {"cm.size", 4, "--set"}};
  EXPECT_EQ(object("cm")["data"]["size"], 4);
}

TEST_F(Overrides, ModuleComponentsAreNamedWithTheirModule) {
  options_.overrides = {{"web.svc.port", 8080, "--set"}, {"web.page.data", json{{"v", "set"}}, "--set"}};
  EXPECT_EQ(object("svc")["spec"]["ports"][0]["port"], 8080);
  EXPECT_EQ(object("page")["data"]["v"], "set");
}

TEST_F(Overrides, AnUnknownComponentIsAnErrorListingTheKnownOnes) {
  options_.overrides = {{"nope.size", 1, "--set"}};
  try {
    render_environment(app::load_app(app_.path()), options_);
    FAIL() << "rendered";
  } catch (const Error& e) {
    EXPECT_EQ(e.one_line(),
              "--set nope.size: environment \"default\" has no component \"nope\"; write COMPONENT.PARAM=VALUE; known "
              "components: cm, web.page, web.svc");
  }
  options_.overrides = {{"cm", 1, "--set"}};
  EXPECT_THROW(render_environment(app::load_app(app_.path()), options_), Error);
}

TEST_F(Overrides, JsonOverridesAreComponentsOfParams) {
  const auto overrides = overrides_from_json(R"({"web.svc": {"port": 9}, "cm": {"size": "big"}})", "o.json");
  ASSERT_EQ(overrides.size(), 2u);
  options_.overrides = overrides;
  EXPECT_EQ(object("svc")["spec"]["ports"][0]["port"], 9);
  EXPECT_EQ(object("cm")["data"]["size"], "big");
  EXPECT_THROW(overrides_from_json("[1]", "o.json"), Error);
  EXPECT_THROW(overrides_from_json(R"({"cm": 1})", "o.json"), Error);
  EXPECT_THROW(overrides_from_json("{", "o.json"), Error);
}

}  // namespace
}  // namespace kgen::render

// lib/argocd: ARGOCD_APP_PARAMETERS, the environment choice and the announcement.
#include <gtest/gtest.h>

#include "app/app.h"
#include "argocd/argocd.h"
#include "common/error.h"
#include "support/temp_dir.h"

namespace kgen::argocd {
namespace {

using nlohmann::json;

std::string one_line_of(const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& e) {
    return e.one_line();
  }
  return "(no error)";
}

TEST(ArgoParameters, ParsesArgoCdsList) {
  EXPECT_TRUE(parse_parameters("").empty());
  EXPECT_TRUE(parse_parameters("null").empty());
  const auto p = parse_parameters(
      R"([{"name": "environment", "string": "prod"}, {"name": "web", "map": {"port": "80"}}, {"name": "a", "array": ["x"]}])");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(*p[0].string, "prod");
  EXPECT_EQ(p[1].map->at("port"), "80");
  EXPECT_EQ(p[2].array->at(0), "x");
}

TEST(ArgoParameters, BadJsonIsOneLineNamingTheVariable) {
  EXPECT_EQ(one_line_of([] { parse_parameters("[{"); }),
            "ARGOCD_APP_PARAMETERS: not valid JSON; Argo CD sends [{\"name\": ..., \"string\"|\"array\"|\"map\": ...}, ...]");
  EXPECT_NE(one_line_of([] { parse_parameters(R"([{"string": "x"}])"); }).find("needs a string \"name\""), std::string::npos);
  EXPECT_NE(one_line_of([] { parse_parameters(R"([{"name": "c", "map": {"p": 1}}])"); }).find("map\" value of p"),
            std::string::npos);
}

TEST(ArgoParameters, MapValuesAreTypedLikeParamSetButStringsStayStrings) {
  const json current = {{"web", {{"port", "8080"}, {"replicas", 2}, {"labels", {{"tier", "a"}}}}}};
  int evaluations = 0;
  const auto lookup = [&]() -> const json& {
    ++evaluations;
    return current;
  };
  const auto overrides = overrides_from_parameters(
      parse_parameters(R"([{"name": "web", "map": {"image": "nginx", "port": "9090", "replicas": "3", "new": "true",
                                                   "labels": "{\"tier\": \"b\"}", "note": ""}}])"),
      lookup);
  std::map<std::string, json> by_target;
  for (const auto& o : overrides) by_target[o.target] = o.value;
  EXPECT_EQ(by_target.at("web.image"), "nginx");
  EXPECT_EQ(by_target.at("web.port"), "9090");  // a string now: stays one
  EXPECT_EQ(by_target.at("web.replicas"), 3);
  EXPECT_EQ(by_target.at("web.new"), true);
  EXPECT_EQ(by_target.at("web.labels"), (json{{"tier", "b"}}));
  EXPECT_EQ(by_target.at("web.note"), "");  // a new parameter left empty in the UI
  EXPECT_NE(evaluations, 0);
  // "" is a blank value for a parameter that is not a string.
  EXPECT_NE(one_line_of([&] {
              overrides_from_parameters(parse_parameters(R"([{"name": "web", "map": {"replicas": ""}}])"), lookup);
            }).find("ARGOCD_APP_PARAMETERS: parameter web.replicas: value is invalid"),
            std::string::npos);
}

TEST(ArgoParameters, TextValuesNeedNoParamsEvaluation) {
  const auto lookup = []() -> const json& {
    ADD_FAILURE() << "evaluated the params";
    static const json none = json::object();
    return none;
  };
  const auto overrides = overrides_from_parameters(
      parse_parameters(R"([{"name": "environment", "string": "dev"}, {"name": "pvc.storage", "string": "20Gi"}])"), lookup);
  ASSERT_EQ(overrides.size(), 1u);
  EXPECT_EQ(overrides[0].target, "pvc.storage");
  EXPECT_EQ(overrides[0].value, "20Gi");
}

TEST(ArgoParameters, ArraysAndOtherNamesAreErrors) {
  const auto lookup = []() -> const json& {
    static const json none = json::object();
    return none;
  };
  EXPECT_NE(one_line_of([&] { overrides_from_parameters(parse_parameters(R"([{"name": "web", "array": ["a"]}])"), lookup); })
                .find("parameter web is not one kgen takes"),
            std::string::npos);
  EXPECT_NE(one_line_of([&] { overrides_from_parameters(parse_parameters(R"([{"name": "web", "string": "a"}])"), lookup); })
                .find("parameter web is not one kgen takes"),
            std::string::npos);
}

class ArgoApp : public ::testing::Test {
 protected:
  app::App load(const std::string& environments) {
    dir_.write_all({{"app.yaml", "apiVersion: 0.3.0\nkind: ksonnet.io/app\nenvironments:\n" + environments}});
    return app::load_app(dir_.path());
  }
  testing::TempDir dir_;
};

const char* kEnv = "    destination: {namespace: ns, server: https://s}\n    k8sVersion: v1.8.0\n";

TEST_F(ArgoApp, TheOnlyEnvironmentIsTheDefault) {
  const app::App app = load(std::string("  dev:\n") + kEnv + "    path: dev\n");
  EXPECT_EQ(choose_environment(app, {}, "").name, "dev");
  EXPECT_EQ(one_line_of([&] { choose_environment(app, {}, "prod"); }), "the app has no environment \"prod\"; environments: dev");
}

TEST_F(ArgoApp, SeveralEnvironmentsNeedAName) {
  const app::App app = load(std::string("  dev:\n") + kEnv + "    path: dev\n  prod:\n" + kEnv + "    path: prod\n");
  EXPECT_NE(one_line_of([&] { choose_environment(app, {}, ""); }).find("the app has several environments: dev, prod"),
            std::string::npos);
  EXPECT_EQ(choose_environment(app, {}, "prod").name, "prod");
  // The Application's parameter wins over its plugin env.
  EXPECT_EQ(choose_environment(app, parse_parameters(R"([{"name": "environment", "string": "dev"}])"), "prod").name, "dev");
}

TEST_F(ArgoApp, DiscoveryWantsTheKsAppKind) {
  load(std::string("  dev:\n") + kEnv + "    path: dev\n");
  EXPECT_TRUE(is_ksonnet_app(dir_.path()));
  dir_.write("app.yaml", "kind: Application\n");
  EXPECT_FALSE(is_ksonnet_app(dir_.path()));
  dir_.write("app.yaml", "kind: [\n");
  EXPECT_FALSE(is_ksonnet_app(dir_.path()));
  testing::TempDir empty;
  EXPECT_FALSE(is_ksonnet_app(empty.path()));
}

TEST_F(ArgoApp, TheAnnouncementHasTheEnvironmentThenAMapPerComponent) {
  const app::App app = load(std::string("  dev:\n") + kEnv + "    path: dev\n");
  const json a = announcement(app, "dev", {{"web", {{"port", 80}, {"image", "nginx"}, {"labels", {{"a", "b"}}}}}, {"db", json::object()}});
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0]["name"], "environment");
  EXPECT_EQ(a[0]["collectionType"], "string");
  EXPECT_EQ(a[0]["string"], "dev");
  EXPECT_EQ(a[1]["name"], "db");
  EXPECT_EQ(a[1]["map"], json::object());
  EXPECT_EQ(a[2]["collectionType"], "map");
  EXPECT_EQ(a[2]["map"], (json{{"port", "80"}, {"image", "nginx"}, {"labels", "{\"a\":\"b\"}"}}));
}

}  // namespace
}  // namespace kgen::argocd

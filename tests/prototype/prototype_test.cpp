#include <gtest/gtest.h>

#include "common/error.h"
#include "prototype/prototype.h"
#include "registry/registry.h"

namespace kgen::prototype {
namespace {

constexpr const char* kText = R"(// @apiVersion 0.1
// @name io.example.pkg.web
// @description A web server,
//   on one port.
//
// kept comment
// @shortDescription Web server
// @param name string Its name
// @optionalParam port number 80 Port to listen on
// @optionalParam labels object {} Extra labels
local x = 1;
{ name: import 'param://name', port: import "param://port", labels: import 'param://labels' }
)";

TEST(Prototype, AnnotationsGiveNameDescriptionAndParams) {
  const Prototype p = parse_prototype(kText, "web.jsonnet");
  EXPECT_EQ(p.name, "io.example.pkg.web");
  EXPECT_EQ(p.description, "A web server,\non one port.");
  EXPECT_EQ(p.short_description, "Web server");
  ASSERT_EQ(p.params.size(), 3u);
  EXPECT_FALSE(p.params[0].optional);
  EXPECT_EQ(p.params[1].default_value, "80");
  EXPECT_EQ(p.params[2].type, "object");
  EXPECT_EQ(p.body.rfind("//\n// kept comment\nlocal x = 1;\n", 0), 0u) << p.body;
}

TEST(Prototype, ExpandTypesValuesAndReplacesParamImports) {
  const Prototype p = parse_prototype(kText, "web.jsonnet");
  const Expansion e = expand(p, "my-web", {{"labels", "{a: 'b'}"}});
  EXPECT_EQ(e.params, (std::vector<std::pair<std::string, std::string>>{
                          {"labels", "{a: 'b'}"}, {"name", "\"my-web\""}, {"port", "80"}}));
  EXPECT_NE(e.component_text.find(".components[\"my-web\"];\n"), std::string::npos) << e.component_text;
  EXPECT_NE(e.component_text.find("{ name: params.name, port: params.port, labels: params.labels }"), std::string::npos);
  EXPECT_THROW(expand(p, "w", {{"port", "eighty"}}), Error);
  EXPECT_THROW(expand(p, "w", {{"nope", "1"}}), Error);
  EXPECT_THROW(expand(p, "w", {{"labels", "{a:"}}), Error);
}

TEST(Prototype, LookupBySuffixAndAmbiguity) {
  const auto all = system_prototypes();
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(find_prototype(all, "deployed-service").name, "io.ksonnet.pkg.deployed-service");
  EXPECT_EQ(find_prototype(all, "io.ksonnet.pkg.namespace").name, "io.ksonnet.pkg.namespace");
  EXPECT_THROW(find_prototype(all, "service"), Error);
  EXPECT_THROW(find_prototype(all, "configmap"), Error);  // case matters, as in ks
  EXPECT_EQ(search_prototypes(all, "port").size(), 2u);
}

TEST(Prototype, MissingNameOrBadParamIsAnError) {
  EXPECT_THROW(parse_prototype("// @description x\n{}\n", "a.jsonnet"), Error);
  try {
    parse_prototype("// @name a\n// @optionalParam x number\n{}\n", "a.jsonnet");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 2);
  }
}

TEST(Registry, PackageRefsAndUris) {
  const auto ref = registry::parse_package_ref("kubeflow/tf-serving@v0.2");
  EXPECT_EQ(ref.registry, "kubeflow");
  EXPECT_EQ(ref.name, "tf-serving");
  EXPECT_EQ(ref.version, "v0.2");
  EXPECT_THROW(registry::parse_package_ref("/x"), Error);
  EXPECT_THROW(registry::parse_package_ref("a/b@"), Error);
  EXPECT_EQ(registry::registry_for_uri("r", "file:///srv/reg").uri, "/srv/reg");
  EXPECT_EQ(registry::registry_for_uri("r", "github.com/ksonnet/parts/tree/master/incubator").protocol, "github");
  EXPECT_THROW(registry::registry_for_uri("r", "https://charts.example.com"), Error);
}

}  // namespace
}  // namespace kgen::prototype

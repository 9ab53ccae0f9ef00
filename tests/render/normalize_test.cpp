#include "render/normalize.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace kgen::render {
namespace {

using nlohmann::json;

TEST(Normalize, LabelsAPlainObject) {
  const auto objects = normalize_component("web", json::parse(R"({"kind": "Service", "apiVersion": "v1"})"), "f");
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(objects[0].value["metadata"]["labels"]["ksonnet.io/component"], "web");
  EXPECT_EQ(objects[0].component, "web");
}

TEST(Normalize, V1ListItemsAreLabelledAndFlattened) {
  const auto objects = normalize_component(
      "jobs", json::parse(R"({"apiVersion": "v1", "kind": "List", "items": [{"kind": "Job", "metadata": {"labels": {"a": "b"}}}, {"kind": "Job"}]})"), "f");
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0].value["metadata"]["labels"], json::parse(R"({"a": "b", "ksonnet.io/component": "jobs"})"));
  EXPECT_EQ(objects[1].value["metadata"]["labels"]["ksonnet.io/component"], "jobs");
}

TEST(Normalize, ArraysBecomeLists) {
  const auto objects = normalize_component("a", json::parse(R"([{"kind": "A"}, {"kind": "B"}])"), "f");
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[1].value["kind"], "B");
}

TEST(Normalize, TypedListItemsInheritKindAndLabelStaysOnTheList) {
  // ks labelled only v1 Lists' items; other lists got the label on the list itself,
  // which then disappeared with the list (a ks quirk kept for byte parity).
  const auto objects = normalize_component(
      "d", json::parse(R"({"apiVersion": "apps/v1", "kind": "DeploymentList", "items": [{"metadata": {"name": "x"}}]})"), "f");
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(objects[0].value["kind"], "Deployment");
  EXPECT_EQ(objects[0].value["apiVersion"], "apps/v1");
  EXPECT_FALSE(objects[0].value["metadata"].contains("labels"));
}

TEST(Normalize, Errors) {
  EXPECT_THROW(normalize_component("a", json("text"), "f"), Error);
  EXPECT_THROW(normalize_component("a", json::parse(R"({"apiVersion": "v1"})"), "f"), Error);
  EXPECT_THROW(normalize_component("a", json::parse(R"({"apiVersion": "v1", "kind": "List", "items": [1]})"), "f"), Error);
  try {
    normalize_component("web", json(5), "components/web.jsonnet");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "components/web.jsonnet");
    EXPECT_NE(e.message().find("\"web\" is not an object"), std::string::npos);
  }
}

}  // namespace
}  // namespace kgen::render

#include "render/sort.h"

#include <gtest/gtest.h>

namespace kgen::render {
namespace {

using nlohmann::json;

Object obj(const std::string& kind, const std::string& name, const std::string& ns = "", const std::string& api = "v1") {
  json v = {{"kind", kind}, {"apiVersion", api}, {"metadata", {{"name", name}}}};
  if (!ns.empty()) v["metadata"]["namespace"] = ns;
  return {v, "c"};
}

std::vector<std::string> names(const std::vector<Object>& objects) {
  std::vector<std::string> out;
  for (const auto& o : objects) out.push_back(o.value["metadata"]["name"]);
  return out;
}

TEST(Sort, KindRankThenName) {
  std::vector<Object> objects = {obj("Job", "b"), obj("Job", "a"), obj("PersistentVolumeClaim", "z"),
                                 obj("Namespace", "n"), obj("Service", "s")};
  sort_objects(&objects);
  EXPECT_EQ(names(objects), (std::vector<std::string>{"n", "z", "s", "a", "b"}));
}

TEST(Sort, NamespaceFirstEmptyBeforeNamed) {
  std::vector<Object> objects = {obj("Job", "j", "b"), obj("Job", "k", "a"), obj("Service", "s")};
  sort_objects(&objects);
  EXPECT_EQ(names(objects), (std::vector<std::string>{"s", "k", "j"}));
}

TEST(Sort, UnknownKindsAfterKnownOnesByName) {
  std::vector<Object> objects = {obj("TFJob", "t"), obj("Alpha", "a"), obj("APIService", "api")};
  sort_objects(&objects);
  EXPECT_EQ(names(objects), (std::vector<std::string>{"api", "a", "t"}));
}

TEST(Sort, StableForEqualKeys) {
  std::vector<Object> objects = {obj("Job", "same"), obj("Job", "same")};
  objects[0].component = "first";
  objects[1].component = "second";
  sort_objects(&objects);
  EXPECT_EQ(objects[0].component, "first");
}

}  // namespace
}  // namespace kgen::render

// The test API server's server-side apply: it must detect conflicts as a real server
// does, or the tests built on it prove nothing.
#include "apiserver/field_manager.h"

#include <gtest/gtest.h>

namespace kgen::testing {
namespace {

using nlohmann::json;

json config(int replicas, const std::string& image) {
  return {{"apiVersion", "apps/v1"},
          {"kind", "Deployment"},
          {"metadata", {{"name", "d"}, {"labels", {{"app", "d"}}}}},
          {"spec", {{"replicas", replicas}, {"template", {{"spec", {{"containers", {{{"name", "c"}, {"image", image}}}}}}}}}}};
}

std::vector<std::string> managers(const json& object) {
  std::vector<std::string> names;
  for (const auto& entry : object["metadata"]["managedFields"]) names.push_back(entry["manager"].get<std::string>() + "/" + entry["operation"].get<std::string>());
  return names;
}

TEST(FieldManager, ApplyOwnsWhatItSentAsFieldsV1) {
  const ApplyOutcome created = server_side_apply(json(), config(1, "a"), "kgen", false, "t1");
  ASSERT_TRUE(created.conflicts.empty());
  const json& entry = created.object["metadata"]["managedFields"][0];
  EXPECT_EQ(entry["manager"], "kgen");
  EXPECT_EQ(entry["operation"], "Apply");
  EXPECT_EQ(entry["fieldsType"], "FieldsV1");
  EXPECT_EQ(entry["fieldsV1"], json::parse(R"({"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},
      "f:template":{"f:spec":{"f:containers":{}}}}})"));
  // The same apply again changes nothing, not even the entry's time.
  const ApplyOutcome again = server_side_apply(created.object, config(1, "a"), "kgen", false, "t2");
  EXPECT_EQ(again.object, created.object);
}

TEST(FieldManager, ConflictsOnlyWhenAnotherManagerOwnsADifferentValue) {
  json live = server_side_apply(json(), config(1, "a"), "kgen", false, "t").object;
  json edited = live;
  edited["spec"]["replicas"] = 5;
  live = record_update(live, edited, "kubectl-edit", "t");
  EXPECT_EQ(managers(live), (std::vector<std::string>{"kgen/Apply", "kubectl-edit/Update"}));

  const ApplyOutcome conflict = server_side_apply(live, config(1, "b"), "kgen", false, "t");
  ASSERT_EQ(conflict.conflicts.size(), 1u);
  EXPECT_EQ(conflict.conflicts[0].manager, "kubectl-edit");
  EXPECT_EQ(conflict.conflicts[0].field, ".spec.replicas");
  EXPECT_EQ(conflict.conflicts[0].described, "\"kubectl-edit\" using apps/v1");  // as a real server's cause message

  // Agreeing with the other manager is no conflict: both own the field.
  const ApplyOutcome shared = server_side_apply(live, config(5, "b"), "kgen", false, "t");
  EXPECT_TRUE(shared.conflicts.empty());
  EXPECT_EQ(shared.object["spec"]["template"]["spec"]["containers"][0]["image"], "b");

  // Forcing takes the field over.
  const ApplyOutcome forced = server_side_apply(live, config(1, "b"), "kgen", true, "t");
  EXPECT_TRUE(forced.conflicts.empty());
  EXPECT_EQ(forced.object["spec"]["replicas"], 1);
  EXPECT_EQ(managers(forced.object), std::vector<std::string>{"kgen/Apply"});
}

TEST(FieldManager, FieldsNoLongerAppliedAreRemovedUnlessSomeoneElseOwnsThem) {
  json first = config(1, "a");
  first["metadata"]["labels"]["tier"] = "web";
  json live = server_side_apply(json(), first, "kgen", false, "t").object;
  live = server_side_apply(live, config(1, "a"), "kgen", false, "t").object;
  EXPECT_FALSE(live["metadata"]["labels"].contains("tier"));

  json other = {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"metadata", {{"name", "d"}, {"labels", {{"team", "x"}}}}}};
  live = server_side_apply(live, other, "helm", false, "t").object;
  json without_labels = config(1, "a");
  without_labels["metadata"].erase("labels");
  live = server_side_apply(live, without_labels, "kgen", false, "t").object;
  EXPECT_EQ(live["metadata"]["labels"], json({{"team", "x"}}));  // helm's label stays, kgen's went
}

TEST(FieldManager, OwnedPathsTreatListsAsAtomic) {
  EXPECT_EQ(owned_paths(config(1, "a")),
            (std::vector<std::string>{"/metadata/labels/app", "/spec/replicas", "/spec/template/spec/containers"}));
}

}  // namespace
}  // namespace kgen::testing

#include "golden/golden.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "common/files.h"
#include "support/temp_dir.h"

namespace kgen::golden {
namespace {

using nlohmann::json;
using testing::TempDir;

render::Object object(const std::string& api, const std::string& kind, const std::string& name,
                      const std::string& ns = "ns", const std::string& component = "web") {
  json v = {{"apiVersion", api}, {"kind", kind}, {"metadata", {{"name", name}}}};
  if (!ns.empty()) v["metadata"]["namespace"] = ns;
  return {v, component};
}

std::vector<std::string> paths(const std::vector<GoldenFile>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.path);
  return out;
}

TEST(GoldenFiles, OneFilePerObjectNamedForReviewers) {
  const auto files = golden_files({object("v1", "Service", "web"), object("v1", "Namespace", "team", "")}, false);
  EXPECT_EQ(paths(files), (std::vector<std::string>{"web/Service-ns-web.yaml", "web/Namespace-_-team.yaml", "_index.yaml"}));
  EXPECT_EQ(files[0].content, render::format_objects({object("v1", "Service", "web")}, render::Format::Yaml));
}

TEST(GoldenFiles, GroupAddedWhenKindsShareAName) {
  const auto files = golden_files({object("apps/v1", "Deployment", "web"), object("extensions/v1beta1", "Deployment", "web")}, false);
  EXPECT_EQ(paths(files)[0], "web/Deployment.apps-ns-web.yaml");
  EXPECT_EQ(paths(files)[1], "web/Deployment.extensions-ns-web.yaml");
}

TEST(GoldenFiles, SecretValuesAreHashedUnlessAsked) {
  render::Object secret = object("v1", "Secret", "creds");
  secret.value["data"] = {{"password", "aHVudGVyMg=="}};
  secret.value["stringData"] = {{"token", "plain-secret"}};
  const std::string redacted = golden_files({secret}, false)[0].content;
  EXPECT_EQ(redacted.find("aHVudGVyMg=="), std::string::npos);
  EXPECT_EQ(redacted.find("plain-secret"), std::string::npos);
  EXPECT_NE(redacted.find("password: sha256:"), std::string::npos);
  EXPECT_NE(golden_files({secret}, true)[0].content.find("aHVudGVyMg=="), std::string::npos);
}

TEST(GoldenCheck, ClassifiesChanges) {
  TempDir dir;
  const std::string golden = dir.path() + "/golden/default";
  update(golden, golden_files({object("v1", "Service", "a"), object("v1", "Service", "b")}, false), false);
  dir.write("golden/default/notes.txt", "mine");
  EXPECT_TRUE(check(golden, golden_files({object("v1", "Service", "a"), object("v1", "Service", "b")}, false)).ok());

  render::Object changed = object("v1", "Service", "a");
  changed.value["spec"] = {{"type", "NodePort"}};
  const CheckResult result = check(golden, golden_files({changed, object("v1", "Service", "c")}, false));
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.changed.size(), 1u);
  EXPECT_NE(result.changed[0].second.find("+spec:\n+  type: NodePort\n"), std::string::npos) << result.changed[0].second;
  EXPECT_EQ(result.added, (std::vector<std::string>{"web/Service-ns-c.yaml"}));
  EXPECT_EQ(result.removed, (std::vector<std::string>{"web/Service-ns-b.yaml"}));
  EXPECT_EQ(result.foreign, (std::vector<std::string>{"notes.txt"}));
}

TEST(GoldenUpdate, KeepsForeignFilesUnlessPruned) {
  TempDir dir;
  const std::string golden = dir.path() + "/golden/default";
  update(golden, golden_files({object("v1", "Service", "a")}, false), false);
  dir.write("golden/default/notes.txt", "mine");
  update(golden, golden_files({object("v1", "Service", "b")}, false), false);
  EXPECT_TRUE(is_regular_file(golden + "/notes.txt"));
  EXPECT_FALSE(is_regular_file(golden + "/web/Service-ns-a.yaml"));
  EXPECT_TRUE(is_regular_file(golden + "/web/Service-ns-b.yaml"));
  update(golden, golden_files({object("v1", "Service", "b")}, false), true);
  EXPECT_FALSE(is_regular_file(golden + "/notes.txt"));
}

}  // namespace
}  // namespace kgen::golden

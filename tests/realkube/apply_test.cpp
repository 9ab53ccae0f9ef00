// kgen apply / diff / delete against the real API server: what its admission, server-side
// apply, garbage collector and version-specific bugs do that a test server only imitates.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "realkube/real_cluster.h"

namespace kgen::testing {
namespace {

using nlohmann::json;

json job(const std::string& name, const std::string& image) {
  return {{"apiVersion", "batch/v1"},
          {"kind", "Job"},
          {"metadata", {{"name", name}}},
          {"spec",
           {{"backoffLimit", 0},
            {"template",
             {{"spec",
               {{"restartPolicy", "Never"},
                {"containers", {{{"name", "main"}, {"image", image}, {"command", {"true"}}}}}}}}}}}};
}

json config_map(const std::string& name, const std::string& value) {
  return {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", {{"name", name}}}, {"data", {{"key", value}}}};
}

size_t count_of(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

class RealApply : public RealClusterTest {
 protected:
  std::string jobs() { return "/apis/batch/v1/namespaces/" + ns_ + "/jobs/"; }
};

TEST_F(RealApply, AChangedPodTemplateNamesTheImmutableFieldAndForceReplaceRecreatesTheJob) {
  write_component("imm", job("imm", "busybox:1.35"));
  const ProcessResult first = kgen({"apply", "default", "-c", "imm"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string uid = get(jobs() + "imm")["metadata"]["uid"];
  write_component("imm", job("imm", "busybox:1.36"));

  const ProcessResult refused = kgen({"apply", "default", "-c", "imm"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("kgen: error: apply jobs " + ns_ + ".imm (component imm): the server refuses to change immutable field(s) "
                             "spec.template; rerun with --force-replace"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(refused.err.find("PodTemplateSpec{"), std::string::npos) << "the server's struct dump was printed";
  EXPECT_LT(refused.err.size(), 1000u) << refused.err;

  const ProcessResult diff = kgen({"diff", "default", "-c", "imm"});
  EXPECT_EQ(diff.exit_code, 1);
  EXPECT_NE(diff.err.find("diff jobs " + ns_ + ".imm (component imm): would need replacing: the server refuses to change immutable "
                          "field(s) spec.template"),
            std::string::npos)
      << diff.err;
  const ProcessResult replace_diff = kgen({"diff", "default", "-c", "imm", "--force-replace"});
  EXPECT_EQ(replace_diff.exit_code, 10) << replace_diff.err;
  EXPECT_NE(replace_diff.out.find("jobs " + ns_ + ".imm (replace)"), std::string::npos) << replace_diff.out;
  EXPECT_NE(replace_diff.out.find("+        image: busybox:1.36"), std::string::npos) << replace_diff.out;

  const ProcessResult dry = kgen({"apply", "default", "-c", "imm", "--force-replace", "--dry-run=server"});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.err.find("Would replace jobs " + ns_ + ".imm (server dry run)"), std::string::npos) << dry.err;
  EXPECT_EQ(get(jobs() + "imm")["metadata"]["uid"], uid);

  // Stdin is not a terminal: nobody to ask, so nothing is deleted.
  const ProcessResult unconfirmed = kgen({"apply", "default", "-c", "imm", "--force-replace"});
  EXPECT_EQ(unconfirmed.exit_code, 1);
  EXPECT_NE(unconfirmed.err.find("not replacing jobs " + ns_ + ".imm (component imm) without confirmation; pass --yes"),
            std::string::npos)
      << unconfirmed.err;
  EXPECT_EQ(get(jobs() + "imm")["metadata"]["uid"], uid);

  const ProcessResult replaced = kgen({"apply", "default", "-c", "imm", "--force-replace", "--yes"});
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_NE(replaced.err.find("0 created, 0 configured, 0 unchanged, 1 replaced"), std::string::npos) << replaced.err;
  const json now = get(jobs() + "imm");
  EXPECT_NE(now["metadata"]["uid"], uid);
  EXPECT_EQ(now["spec"]["template"]["spec"]["containers"][0]["image"], "busybox:1.36");
}

TEST_F(RealApply, ForceReplaceNeverReplacesForOtherRefusals) {
  write_component("imm", job("imm", "busybox:1.35"));
  ASSERT_EQ(kgen({"apply", "default", "-c", "imm"}).exit_code, 0);
  const std::string uid = get(jobs() + "imm")["metadata"]["uid"];
  json invalid = job("imm", "busybox:1.36");
  invalid["spec"]["backoffLimit"] = -1;  // invalid as well as immutable
  write_component("imm", invalid);
  const ProcessResult refused = kgen({"apply", "default", "-c", "imm", "--force-replace", "--yes"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("the server rejected jobs " + ns_ + ".imm (component imm)"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("spec.backoffLimit"), std::string::npos) << refused.err;
  EXPECT_EQ(get(jobs() + "imm")["metadata"]["uid"], uid);
}

TEST_F(RealApply, ServicePortsWithoutProtocolApplyOnKubernetes120) {
  ASSERT_EQ(version_, "v1.20.2");
  const json service = {{"apiVersion", "v1"},
                        {"kind", "Service"},
                        {"metadata", {{"name", "web"}}},
                        {"spec", {{"selector", {{"app", "web"}}}, {"ports", {{{"name", "http"}, {"port", 80}, {"targetPort", 8080}}}}}}};
  write_component("web", service);
  const ProcessResult first = kgen({"apply", "default", "-c", "web"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const json live = get("/api/v1/namespaces/" + ns_ + "/services/web");
  EXPECT_EQ(live["spec"]["ports"][0]["protocol"], "TCP");
  const ProcessResult again = kgen({"apply", "default", "-c", "web"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 created, 0 configured, 1 unchanged"), std::string::npos) << again.err;
  const ProcessResult diff = kgen({"diff", "default", "-c", "web"});
  EXPECT_EQ(diff.exit_code, 0) << diff.out << diff.err;
}

TEST_F(RealApply, AnApiServiceIsCreatedAndUpdatedWholeOnKubernetes120) {
  const std::string group = ns_ + ".kgen.test";
  const std::string name = "v1alpha1." + group;
  json service = {{"apiVersion", "apiregistration.k8s.io/v1"},
                  {"kind", "APIService"},
                  {"metadata", {{"name", name}}},
                  {"spec", {{"group", group}, {"version", "v1alpha1"}, {"groupPriorityMinimum", 100}, {"versionPriority", 10}}}};
  write_component("aggregated", service);
  const std::string path = "/apis/apiregistration.k8s.io/v1/apiservices/" + name;
  const ProcessResult created = kgen({"apply", "default", "-c", "aggregated"});
  service["spec"]["versionPriority"] = 20;
  write_component("aggregated", service);
  const ProcessResult updated = kgen({"apply", "default", "-c", "aggregated"});
  const json live = get(path);
  if (!live.is_null()) admin_->call("DELETE", path);  // an aggregated group nobody serves disturbs discovery
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_NE(created.err.find("Creating apiservices " + name + " whole (field manager kgen): server-side apply of APIService makes "
                             "Kubernetes v1.20.2 fail"),
            std::string::npos)
      << created.err;
  ASSERT_EQ(updated.exit_code, 0) << updated.err;
  EXPECT_NE(updated.err.find("Updating apiservices " + name + " whole"), std::string::npos) << updated.err;
  EXPECT_NE(updated.err.find("0 created, 1 configured"), std::string::npos) << updated.err;
  ASSERT_FALSE(live.is_null());
  EXPECT_EQ(live["spec"]["versionPriority"], 20);
  EXPECT_EQ(live["metadata"]["labels"]["app.kubernetes.io/managed-by"], "kgen");
}

TEST_F(RealApply, StatusIsNotSentWhereItIsASubresourceSoTheSecondApplyHasNoConflict) {
  const std::string group = ns_ + ".kgen.test";
  const json crd = {
      {"apiVersion", "apiextensions.k8s.io/v1"},
      {"kind", "CustomResourceDefinition"},
      {"metadata", {{"name", "widgets." + group}}},
      {"spec",
       {{"group", group},
        {"scope", "Namespaced"},
        {"names", {{"plural", "widgets"}, {"singular", "widget"}, {"kind", "Widget"}, {"listKind", "WidgetList"}}},
        {"versions",
         {{{"name", "v1"},
           {"served", true},
           {"storage", true},
           {"subresources", {{"status", json::object()}}},
           {"schema", {{"openAPIV3Schema", {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}}}}}}}}}},
      // As ks-era apps carry it (copied from `kubectl get -o yaml`).
      {"status", {{"acceptedNames", {{"kind", ""}, {"plural", ""}}}, {"conditions", json::array()}, {"storedVersions", json::array()}}}};
  const json widget = {{"apiVersion", group + "/v1"},
                       {"kind", "Widget"},
                       {"metadata", {{"name", "w1"}}},
                       {"spec", {{"size", 3}}},
                       {"status", {{"ready", true}}}};
  write_component("widgets", {{"apiVersion", "v1"}, {"kind", "List"}, {"items", {crd, widget}}});

  // The dry run cannot know the kind yet (its CRD is part of the same apply): it skips it.
  const ProcessResult dry = kgen({"apply", "default", "-c", "widgets", "--dry-run=server"});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.err.find("Skipping Widget w1 (server dry run): the server does not serve " + group + "/v1 yet"), std::string::npos)
      << dry.err;

  // The CRD, Established, then its custom resource, in one apply.
  const ProcessResult first = kgen({"apply", "default", "-c", "widgets"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const json live = get("/apis/" + group + "/v1/namespaces/" + ns_ + "/widgets/w1");
  ASSERT_FALSE(live.is_null());
  EXPECT_FALSE(live.contains("status")) << live.dump();  // status goes through /status only
  const ProcessResult second = kgen({"apply", "default", "-c", "widgets"});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("0 created, 0 configured, 2 unchanged"), std::string::npos) << second.err;
  admin_->call("DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets." + group);
}

TEST_F(RealApply, ADryRunFailsWhereTheApplyWould) {
  json cron = {{"apiVersion", "batch/v2alpha1"}, {"kind", "CronJob"}, {"metadata", {{"name", "nightly"}}}};
  cron["spec"] = {{"schedule", "@daily"}, {"jobTemplate", {{"spec", job("x", "busybox")["spec"]}}}};
  write_component("old-api", cron);
  for (const std::string mode : {"--dry-run", "--dry-run=server"}) {
    const ProcessResult dry = kgen({"apply", "default", "-c", "old-api", mode});
    EXPECT_EQ(dry.exit_code, 1) << mode << ": " << dry.err;
    EXPECT_NE(dry.err.find("component old-api: the server at " + server_ + " does not serve batch/v2alpha1 (kind CronJob)"),
              std::string::npos)
        << mode << ": " << dry.err;
  }
  const ProcessResult apply = kgen({"apply", "default", "-c", "old-api"});
  EXPECT_EQ(apply.exit_code, 1) << apply.err;
}

TEST_F(RealApply, ConflictsNameFieldAndManagerAndForceConflictsTakesThemOver) {
  write_component("settings", config_map("settings", "a"));
  ASSERT_EQ(kgen({"apply", "default", "-c", "settings"}).exit_code, 0);
  const std::string path = "/api/v1/namespaces/" + ns_ + "/configmaps/settings";
  admin_->call("PATCH", path + "?fieldManager=kubectl-edit&force=true",
               config_map("settings", "edited").dump(), "application/apply-patch+yaml");
  write_component("settings", config_map("settings", "b"));
  const ProcessResult conflict = kgen({"apply", "default", "-c", "settings"});
  EXPECT_EQ(conflict.exit_code, 1);
  EXPECT_NE(conflict.err.find("apply configmaps " + ns_ + ".settings (component settings): fields are managed by another manager: "
                              ".data.key (managed by \"kubectl-edit\"); rerun with --force-conflicts"),
            std::string::npos)
      << conflict.err;
  EXPECT_EQ(get(path)["data"]["key"], "edited");
  const ProcessResult forced = kgen({"apply", "default", "-c", "settings", "--force-conflicts"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(get(path)["data"]["key"], "b");
}

TEST_F(RealApply, DiffExitsTenWithTheChangeAndZeroWhenNothingWouldChange) {
  write_component("settings", config_map("settings", "a"));
  const ProcessResult before = kgen({"diff", "default", "-c", "settings"});
  EXPECT_EQ(before.exit_code, 10) << before.err;
  EXPECT_NE(before.out.find("+  key: a"), std::string::npos) << before.out;
  ASSERT_EQ(kgen({"apply", "default", "-c", "settings"}).exit_code, 0);
  const ProcessResult same = kgen({"diff", "default", "-c", "settings"});
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  EXPECT_EQ(same.out, "");
  write_component("settings", config_map("settings", "b"));
  const ProcessResult changed = kgen({"diff", "default", "-c", "settings"});
  EXPECT_EQ(changed.exit_code, 10) << changed.err;
  EXPECT_NE(changed.out.find("-  key: a\n+  key: b\n"), std::string::npos) << changed.out;
  EXPECT_EQ(count_of(changed.out, "\n+ "), 1u) << changed.out;  // only the changed line: server defaults cancel out
}

TEST_F(RealApply, PruneDeletesTheJobNoLongerRenderedAndTheGarbageCollectorItsPods) {
  write_component("extra", job("extra", "busybox"));
  const ProcessResult first = kgen({"apply", "default"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string pods = "/api/v1/namespaces/" + ns_ + "/pods?labelSelector=job-name%3Dextra";
  ASSERT_TRUE(eventually([&] { return !get(pods)["items"].empty(); }, 60)) << "the job controller made no pod";
  remove_component("extra");
  const ProcessResult pruned = kgen({"apply", "default", "--prune", "--yes"});
  ASSERT_EQ(pruned.exit_code, 0) << pruned.err;
  EXPECT_NE(pruned.err.find("Pruning jobs " + ns_ + ".extra"), std::string::npos) << pruned.err;
  EXPECT_NE(pruned.err.find(", 1 pruned"), std::string::npos) << pruned.err;
  EXPECT_TRUE(eventually([&] { return get(jobs() + "extra").is_null(); }, 60));
  EXPECT_TRUE(eventually([&] { return get(pods)["items"].empty(); }, 60)) << "the pruned Job's pods were not collected";
  EXPECT_FALSE(get(jobs() + "get-data-job-dataset").is_null());  // still rendered, kept
}

TEST_F(RealApply, DeleteWaitRemovesEveryObjectAndTheApplySetRecord) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  const std::string parent = "/api/v1/namespaces/" + ns_ + "/secrets/kgen-applyset-default";
  ASSERT_FALSE(get(parent).is_null());
  const ProcessResult deleted = kgen({"delete", "default", "--wait", "--poll-interval-ms", "200"});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
  EXPECT_NE(deleted.err.find("Deleted 9 object(s)"), std::string::npos) << deleted.err;
  EXPECT_TRUE(get(parent).is_null());
  EXPECT_TRUE(get(jobs() + "create-pet-record-job").is_null());
  EXPECT_TRUE(get("/api/v1/namespaces/" + ns_ + "/persistentvolumeclaims/pets-pvc").is_null());
}

}  // namespace
}  // namespace kgen::testing

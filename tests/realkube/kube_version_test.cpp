// --kube-version on the real 1.20 server. A 1.20 server serves none of the workload
// versions 1.16 removed (extensions/v1beta1, apps/v1beta1, apps/v1beta2 Deployment,
// DaemonSet, StatefulSet, ReplicaSet): without the flag apply and diff stop before
// sending anything; converted for 1.20, what the server stores has the old versions'
// defaults. It still serves the versions 1.22 removed (Ingress, CRD, webhook
// configurations, PriorityClass, StorageClass v1beta1), so there the server itself says
// what the old object meant: the same object applied unconverted, and converted for 1.22,
// read back through the new version, must be the same.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "realkube/real_cluster.h"

namespace kgen::testing {
namespace {

using nlohmann::json;

json pod_template(const std::string& app) {
  return {{"metadata", {{"labels", {{"app", app}}}}},
          {"spec", {{"containers", {{{"name", "main"}, {"image", "busybox:1.36"}, {"command", {"sleep", "3600"}}}}}}}};
}

json workload(const std::string& api_version, const std::string& kind, const std::string& name, bool with_selector) {
  json spec = {{"template", pod_template(name)}};
  if (kind != "DaemonSet") spec["replicas"] = 1;
  if (kind == "StatefulSet") spec["serviceName"] = name;
  if (with_selector) spec["selector"] = {{"matchLabels", {{"app", name}}}};
  return {{"apiVersion", api_version}, {"kind", kind}, {"metadata", {{"name", name}}}, {"spec", spec}};
}

// 2018's workloads as ks apps wrote them: the oldest versions without a selector (they
// took it from the template's labels), apps/v1beta2 with one (it required it).
json old_workloads() {
  return {{"apiVersion", "v1"},
          {"kind", "List"},
          {"items",
           {workload("extensions/v1beta1", "Deployment", "deploy-ext", false),
            workload("apps/v1beta1", "Deployment", "deploy-beta1", false),
            workload("apps/v1beta2", "Deployment", "deploy-beta2", true),
            workload("extensions/v1beta1", "DaemonSet", "ds-ext", false),
            workload("apps/v1beta2", "DaemonSet", "ds-beta2", true),
            workload("apps/v1beta1", "StatefulSet", "sts-beta1", false),
            workload("extensions/v1beta1", "ReplicaSet", "rs-ext", false)}}};
}

class RealKubeVersion : public RealClusterTest {
 protected:
  ~RealKubeVersion() override {
    for (const auto& path : cluster_scoped_) {
      try {
        admin_->call("DELETE", path);
      } catch (const std::exception&) {
      }
    }
  }

  json apps(const std::string& resource, const std::string& name) {
    return get("/apis/apps/v1/namespaces/" + ns_ + "/" + resource + "/" + name);
  }

  std::vector<std::string> cluster_scoped_;  // deleted at the end: other tests share the cluster
};

TEST_F(RealKubeVersion, WithoutTheFlagApplyAndDiffStopBeforeSendingAnythingNamingTheObjects) {
  write_component("settings", {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", {{"name", "settings"}}}});
  write_component("old-workloads", old_workloads());
  for (const char* command : {"apply", "diff"}) {
    const ProcessResult r = kgen({command, "default", "-c", "settings", "-c", "old-workloads"});
    EXPECT_EQ(r.exit_code, 1) << command << ": " << r.err;
    EXPECT_NE(r.err.find("kgen: error: the server at " + server_ +
                         " (Kubernetes 1.20) does not serve the API versions of 7 object(s); nothing was sent; convert them "
                         "for it: --kube-version 1.20, or kubeVersion: \"1.20\" in environments/default/kgen.yaml\n"),
              std::string::npos)
        << command << ": " << r.err;
    for (const char* line : {"  Deployment deploy-ext (component old-workloads): extensions/v1beta1, removed in Kubernetes 1.16\n",
                             "  Deployment deploy-beta1 (component old-workloads): apps/v1beta1, removed in Kubernetes 1.16\n",
                             "  Deployment deploy-beta2 (component old-workloads): apps/v1beta2, removed in Kubernetes 1.16\n",
                             "  DaemonSet ds-ext (component old-workloads): extensions/v1beta1, removed in Kubernetes 1.16\n",
                             "  DaemonSet ds-beta2 (component old-workloads): apps/v1beta2, removed in Kubernetes 1.16\n",
                             "  StatefulSet sts-beta1 (component old-workloads): apps/v1beta1, removed in Kubernetes 1.16\n",
                             "  ReplicaSet rs-ext (component old-workloads): extensions/v1beta1, removed in Kubernetes 1.16\n"}) {
      EXPECT_NE(r.err.find(line), std::string::npos) << command << ": " << line << "in:\n" << r.err;
    }
  }
  // The ConfigMap came first in the render, and still was not sent.
  EXPECT_TRUE(get("/api/v1/namespaces/" + ns_ + "/configmaps/settings").is_null());
  EXPECT_TRUE(apps("deployments", "deploy-ext").is_null());
}

TEST_F(RealKubeVersion, ConvertedFor120TheServerStoresTheOldVersionsDefaults) {
  write_component("old-workloads", old_workloads());
  const ProcessResult r = kgen({"apply", "default", "-c", "old-workloads", "--kube-version", "1.20"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("7 created"), std::string::npos) << r.err;
  const auto selects = [](const std::string& app) { return json{{"matchLabels", {{"app", app}}}}; };
  const auto rolling = [](const json& surge, const json& unavailable) {
    return json{{"type", "RollingUpdate"}, {"rollingUpdate", {{"maxSurge", surge}, {"maxUnavailable", unavailable}}}};
  };

  // What the old version defaulted, as stored: the selector, revisionHistoryLimit,
  // progressDeadlineSeconds and the strategy.
  struct Defaults {
    const char* name;
    json history, deadline, surge_and_unavailable;
  };
  for (const Defaults& d : {
           // extensions/v1beta1: every old ReplicaSet kept, no deadline, one pod at a time.
           Defaults{"deploy-ext", 2147483647, 2147483647, 1},
           // apps/v1beta1: two old ReplicaSets, 600 s, 25 %.
           Defaults{"deploy-beta1", 2, 600, "25%"},
           // apps/v1beta2 had apps/v1's defaults already.
           Defaults{"deploy-beta2", 10, 600, "25%"},
       }) {
    const json spec = apps("deployments", d.name)["spec"];
    ASSERT_TRUE(spec.is_object()) << d.name;
    EXPECT_EQ(spec["selector"], selects(d.name)) << d.name;
    EXPECT_EQ(spec["revisionHistoryLimit"], d.history) << d.name;
    EXPECT_EQ(spec["progressDeadlineSeconds"], d.deadline) << d.name;
    EXPECT_EQ(spec["strategy"], rolling(d.surge_and_unavailable, d.surge_and_unavailable)) << d.name;
  }
  EXPECT_EQ(apps("deployments", "deploy-ext")["metadata"]["labels"]["ksonnet.io/component"], "old-workloads");

  // extensions/v1beta1 DaemonSet and apps/v1beta1 StatefulSet replaced pods only when
  // they were deleted; apps/v1beta2's rolled them, as apps/v1's do.
  const json ds_ext = apps("daemonsets", "ds-ext");
  ASSERT_FALSE(ds_ext.is_null());
  EXPECT_EQ(ds_ext["spec"]["selector"], selects("ds-ext"));
  EXPECT_EQ(ds_ext["spec"]["updateStrategy"], json({{"type", "OnDelete"}}));
  EXPECT_EQ(ds_ext["spec"]["revisionHistoryLimit"], 10);
  const json ds_beta2 = apps("daemonsets", "ds-beta2");
  ASSERT_FALSE(ds_beta2.is_null());
  EXPECT_EQ(ds_beta2["spec"]["updateStrategy"]["type"], "RollingUpdate");
  EXPECT_EQ(ds_beta2["spec"]["updateStrategy"]["rollingUpdate"]["maxUnavailable"], 1);
  const json sts = apps("statefulsets", "sts-beta1");
  ASSERT_FALSE(sts.is_null());
  EXPECT_EQ(sts["spec"]["selector"], selects("sts-beta1"));
  EXPECT_EQ(sts["spec"]["updateStrategy"], json({{"type", "OnDelete"}}));
  EXPECT_EQ(sts["spec"]["podManagementPolicy"], "OrderedReady");
  const json rs = apps("replicasets", "rs-ext");
  ASSERT_FALSE(rs.is_null());
  EXPECT_EQ(rs["spec"]["selector"], selects("rs-ext"));

  // The real deployment controller takes the written-out selector: it makes the
  // ReplicaSet and its pod, as it did for the old version.
  EXPECT_TRUE(eventually(
      [&] {
        const json d = apps("deployments", "deploy-ext");
        return d["status"].value("replicas", 0) == 1 && d["status"].value("observedGeneration", 0) == 1;
      },
      60))
      << apps("deployments", "deploy-ext")["status"].dump();

  // The server changed none of what was sent: nothing to diff, nothing to apply again,
  // also when the environment keeps the version (environments/default/kgen.yaml).
  const ProcessResult diff = kgen({"diff", "default", "-c", "old-workloads", "--kube-version", "1.20"});
  EXPECT_EQ(diff.exit_code, 0) << diff.out << diff.err;
  std::ofstream(app_->file("environments/default/kgen.yaml")) << "kubeVersion: \"1.20\"\n";
  const ProcessResult again = kgen({"apply", "default", "-c", "old-workloads"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 created, 0 configured, 7 unchanged"), std::string::npos) << again.err;
}

// The objects 1.22 removed, named `name`; cluster-scoped ones get the test's namespace in
// their names, as other tests share the cluster.
json removed_in_122(const std::string& name, const std::string& ns) {
  const std::string group = name + "." + ns + ".kgen.test";
  const json ingress = {
      {"apiVersion", "extensions/v1beta1"},
      {"kind", "Ingress"},
      {"metadata", {{"name", name}}},
      {"spec",
       {{"backend", {{"serviceName", "web"}, {"servicePort", 80}}},
        {"rules",
         {{{"host", "web.example.com"},
           {"http",
            {{"paths",
              {{{"path", "/"}, {"backend", {{"serviceName", "web"}, {"servicePort", "http"}}}},
               {{"path", "/api"}, {"backend", {{"serviceName", "api"}, {"servicePort", 8080}}}}}}}}}}}}}};
  // No preserveUnknownFields: v1beta1 kept unknown fields; printer columns with
  // JSONPath; one validation and subresources for all versions.
  json crd = {{"apiVersion", "apiextensions.k8s.io/v1beta1"},
              {"kind", "CustomResourceDefinition"},
              {"metadata", {{"name", "widgets." + group}}}};
  json& spec = crd["spec"];
  spec["group"] = group;
  spec["version"] = "v1";
  spec["names"] = {{"plural", "widgets"}, {"singular", "widget"}, {"kind", "Widget"}};
  spec["subresources"]["status"] = json::object();
  spec["subresources"]["scale"] = {{"specReplicasPath", ".spec.size"}, {"statusReplicasPath", ".status.size"}};
  spec["additionalPrinterColumns"] = json::array({{{"name", "Size"}, {"type", "integer"}, {"JSONPath", ".spec.size"}}});
  json& size = spec["validation"]["openAPIV3Schema"]["properties"]["spec"];
  size["type"] = "object";
  size["properties"]["size"] = {{"type", "integer"}, {"minimum", 1}};
  const json webhook = {
      {"apiVersion", "admissionregistration.k8s.io/v1beta1"},
      {"kind", "ValidatingWebhookConfiguration"},
      {"metadata", {{"name", name + "." + ns}}},
      {"webhooks",
       {{{"name", "check.kgen.test"},
         {"sideEffects", "None"},
         {"clientConfig", {{"url", "https://127.0.0.1:1/check"}}},
         // A group nobody serves: the webhook is never called.
         {"rules", {{{"apiGroups", {group}}, {"apiVersions", {"v1"}}, {"operations", {"CREATE"}}, {"resources", {"gadgets"}}}}}}}}};
  const json priority = {{"apiVersion", "scheduling.k8s.io/v1beta1"},
                         {"kind", "PriorityClass"},
                         {"metadata", {{"name", name + "." + ns}}},
                         {"value", 1000}};
  const json storage = {{"apiVersion", "storage.k8s.io/v1beta1"},
                        {"kind", "StorageClass"},
                        {"metadata", {{"name", name + "." + ns}}},
                        {"provisioner", "kubernetes.io/no-provisioner"}};
  return {{"apiVersion", "v1"}, {"kind", "List"}, {"items", {ingress, crd, webhook, priority, storage}}};
}

// What the server made of an object, without what names it or says when.
json meaning(json object) {
  for (const char* key : {"metadata", "status"}) object.erase(key);
  return object;
}

TEST_F(RealKubeVersion, ConvertedFor122TheObjectsMeanWhatTheServerMadeOfTheOldVersion) {
  const std::string old_group = "old." + ns_ + ".kgen.test", new_group = "new." + ns_ + ".kgen.test";
  for (const std::string name : {"old", "new"}) {
    const std::string suffix = "." + ns_;
    cluster_scoped_.push_back("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets." + name + suffix + ".kgen.test");
    cluster_scoped_.push_back("/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/" + name + suffix);
    cluster_scoped_.push_back("/apis/scheduling.k8s.io/v1/priorityclasses/" + name + suffix);
    cluster_scoped_.push_back("/apis/storage.k8s.io/v1/storageclasses/" + name + suffix);
  }
  write_component("old", removed_in_122("old", ns_));
  write_component("new", removed_in_122("new", ns_));
  // 1.20 serves the old versions: the first goes as ks printed it.
  const ProcessResult old_apply = kgen({"apply", "default", "-c", "old"});
  ASSERT_EQ(old_apply.exit_code, 0) << old_apply.err;
  const ProcessResult new_apply = kgen({"apply", "default", "-c", "new", "--kube-version", "1.22"});
  ASSERT_EQ(new_apply.exit_code, 0) << new_apply.err;
  EXPECT_NE(new_apply.err.find("5 created"), std::string::npos) << new_apply.err;

  const std::string ingresses = "/apis/networking.k8s.io/v1/namespaces/" + ns_ + "/ingresses/";
  const json old_ingress = get(ingresses + "old"), new_ingress = get(ingresses + "new");
  ASSERT_FALSE(old_ingress.is_null());
  ASSERT_FALSE(new_ingress.is_null());
  EXPECT_EQ(meaning(new_ingress), meaning(old_ingress));
  EXPECT_EQ(new_ingress["spec"]["defaultBackend"]["service"], json({{"name", "web"}, {"port", {{"number", 80}}}}));

  // Webhooks: failurePolicy, matchPolicy, timeoutSeconds and admissionReviewVersions
  // as v1beta1 defaulted them.
  const std::string hooks = "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/";
  const json old_hooks = get(hooks + "old." + ns_), new_hooks = get(hooks + "new." + ns_);
  ASSERT_FALSE(old_hooks.is_null());
  ASSERT_FALSE(new_hooks.is_null());
  json old_webhook = old_hooks["webhooks"][0], new_webhook = new_hooks["webhooks"][0];
  old_webhook["rules"][0]["apiGroups"] = new_webhook["rules"][0]["apiGroups"];  // the only difference sent
  EXPECT_EQ(new_webhook, old_webhook);
  EXPECT_EQ(new_webhook["failurePolicy"], "Ignore");
  EXPECT_EQ(new_webhook["timeoutSeconds"], 30);

  for (const std::string resource : {"/apis/scheduling.k8s.io/v1/priorityclasses/", "/apis/storage.k8s.io/v1/storageclasses/"}) {
    const json old_object = get(resource + "old." + ns_), new_object = get(resource + "new." + ns_);
    ASSERT_FALSE(old_object.is_null()) << resource;
    EXPECT_EQ(meaning(new_object), meaning(old_object)) << resource;
  }

  // The CRDs: the same versions, scope, printer columns and subresources. How each
  // keeps unknown fields differs in form (preserveUnknownFields: true from v1beta1, the
  // flag in the schema from the conversion), so that is checked by what it does.
  const std::string crds = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.";
  const json old_crd = get(crds + old_group), new_crd = get(crds + new_group);
  ASSERT_FALSE(old_crd.is_null());
  ASSERT_FALSE(new_crd.is_null());
  EXPECT_EQ(new_crd["spec"]["scope"], old_crd["spec"]["scope"]);
  ASSERT_EQ(new_crd["spec"]["versions"].size(), 1u);
  ASSERT_EQ(old_crd["spec"]["versions"].size(), 1u);
  for (const char* key : {"name", "served", "storage", "additionalPrinterColumns", "subresources"}) {
    EXPECT_EQ(new_crd["spec"]["versions"][0][key], old_crd["spec"]["versions"][0][key]) << key;
  }
  for (const std::string& group : {old_group, new_group}) {
    const std::string widgets = "/apis/" + group + "/v1/namespaces/" + ns_ + "/widgets";
    ASSERT_TRUE(eventually(
        [&] {
          const json crd = get(crds + group);
          for (const auto& c : crd["status"].value("conditions", json::array())) {
            if (c.value("type", "") == "Established" && c.value("status", "") == "True") return true;
          }
          return false;
        },
        30))
        << group;
    const json widget = {{"apiVersion", group + "/v1"},
                         {"kind", "Widget"},
                         {"metadata", {{"name", "w"}}},
                         {"spec", {{"size", 2}, {"colour", "red"}}},
                         {"extra", {{"kept", true}}}};
    const json stored = create(widgets, widget);
    EXPECT_EQ(stored["spec"]["colour"], "red") << group;
    EXPECT_EQ(stored["extra"], json({{"kept", true}})) << group;
    // The validation went along: size below the minimum is refused by both.
    json small = widget;
    small["metadata"]["name"] = "small";
    small["spec"]["size"] = 0;
    EXPECT_THROW(create(widgets, small), std::exception) << group;
  }
}

}  // namespace
}  // namespace kgen::testing

// The pure parts of the cluster operations: order, readiness, redaction, ApplySet ids,
// schema validation, the workarounds for old servers, immutable-field refusals.
#include <gtest/gtest.h>

#include "kube/apply_request.h"
#include "kube/applyset.h"
#include "kube/old_servers.h"
#include "kube/diff.h"
#include "kube/plan.h"
#include "kube/readiness.h"
#include "kube/schema_validate.h"

namespace kgen::kube {
namespace {

using nlohmann::json;

json object(const std::string& api_version, const std::string& kind, const std::string& name) {
  return {{"apiVersion", api_version}, {"kind", kind}, {"metadata", {{"name", name}}}};
}

TEST(Plan, NamespacesThenCrdsThenKsTiersStable) {
  std::vector<Manifest> manifests = {
      {object("batch/v1", "Job", "j1"), "c"},
      {object("example.com/v1", "Widget", "w"), "c"},
      {object("v1", "ConfigMap", "cm"), "c"},
      {object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com"), "c"},
      {object("storage.k8s.io/v1", "StorageClass", "fast"), "c"},
      {object("apps/v1", "Deployment", "d"), "c"},
      {object("v1", "Namespace", "ns"), "c"},
      {object("batch/v1", "Job", "j0"), "c"},
  };
  std::vector<std::string> names;
  for (const Manifest* m : order_for_apply(manifests)) names.push_back(m->object["metadata"]["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"ns", "widgets.example.com", "fast", "w", "cm", "j1", "d", "j0"}));
}

TEST(OldServers, PortProtocolsAreAddedOnlyForServicesOnKubernetes120AndOlder) {
  const ResourceInfo service{"", "v1", "Service", "services", true, true};
  json svc = object("v1", "Service", "web");
  svc["spec"]["ports"] = {{{"port", 80}}, {{"port", 53}, {"protocol", "UDP"}}};
  json changed = svc;
  EXPECT_TRUE(add_default_port_protocols({"v1.20.2", 1, 20}, service, &changed));
  EXPECT_EQ(changed["spec"]["ports"][0]["protocol"], "TCP");
  EXPECT_EQ(changed["spec"]["ports"][1]["protocol"], "UDP");
  EXPECT_FALSE(add_default_port_protocols({"v1.20.2", 1, 20}, service, &changed));  // nothing left to add
  for (const ServerVersion& newer_or_unknown : {ServerVersion{"v1.21.0", 1, 21}, ServerVersion{"v1.28.0", 1, 28}, ServerVersion{}}) {
    json same = svc;
    EXPECT_FALSE(add_default_port_protocols(newer_or_unknown, service, &same)) << newer_or_unknown.git_version;
    EXPECT_EQ(same, svc);
  }
  json pod = object("v1", "Pod", "p");
  pod["spec"]["ports"] = {{{"port", 80}}};
  EXPECT_FALSE(add_default_port_protocols({"v1.20.2", 1, 20}, {"", "v1", "Pod", "pods", true, true}, &pod));
}

TEST(OldServers, ApiServicesAvoidServerSideApplyOnlyOnKubernetes120AndOlder) {
  const ResourceInfo apiservice{"apiregistration.k8s.io", "v1", "APIService", "apiservices", false, true};
  EXPECT_TRUE(server_side_apply_broken({"v1.20.2", 1, 20}, apiservice));
  EXPECT_TRUE(server_side_apply_broken({"v1.16.0", 1, 16}, apiservice));
  EXPECT_FALSE(server_side_apply_broken({"v1.21.0", 1, 21}, apiservice));
  EXPECT_FALSE(server_side_apply_broken({}, apiservice));
  EXPECT_FALSE(server_side_apply_broken({"v1.20.2", 1, 20}, {"", "v1", "Service", "services", true, true}));
}

ApiError refusal(long status, const json& causes) {
  return ApiError(status, "Invalid", {{"kind", "Status"}, {"details", {{"causes", causes}}}}, "refused", "");
}

TEST(ImmutableFields, OnlyA422WhoseEveryCauseIsAnImmutableField) {
  const json immutable = {{"reason", "FieldValueInvalid"},
                          {"message", "Invalid value: core.PodTemplateSpec{...}: field is immutable"},
                          {"field", "spec.template"}};
  const json selector = {{"reason", "FieldValueInvalid"}, {"message", "Invalid value: ...: field is immutable"}, {"field", "spec.selector"}};
  const json other = {{"reason", "FieldValueInvalid"}, {"message", "Invalid value: -1: must be greater than or equal to 0"},
                      {"field", "spec.backoffLimit"}};
  EXPECT_EQ(immutable_fields(refusal(422, {immutable, selector})), (std::vector<std::string>{"spec.template", "spec.selector"}));
  EXPECT_TRUE(immutable_fields(refusal(422, {immutable, other})).empty());
  EXPECT_TRUE(immutable_fields(refusal(422, json::array())).empty());
  EXPECT_TRUE(immutable_fields(refusal(409, {immutable})).empty());
  EXPECT_TRUE(immutable_fields(Error("field is immutable", "")).empty());
}

TEST(Plan, ServerFieldsAreDropped) {
  json live = object("v1", "ConfigMap", "cm");
  live["metadata"]["resourceVersion"] = "7";
  live["metadata"]["uid"] = "u";
  live["metadata"]["managedFields"] = json::array();
  live["metadata"]["annotations"] = {{"kubectl.kubernetes.io/last-applied-configuration", "{}"}};
  live["status"] = {{"phase", "x"}};
  EXPECT_EQ(without_server_fields(live), object("v1", "ConfigMap", "cm"));
}

TEST(Readiness, JobsPvcsAndRollouts) {
  json job = object("batch/v1", "Job", "j");
  EXPECT_EQ(readiness_of(json()).state, ReadyState::Missing);
  EXPECT_EQ(readiness_of(job).state, ReadyState::Progressing);
  EXPECT_EQ(readiness_of(job).detail, "0/1");
  job["status"] = {{"succeeded", 1}};
  EXPECT_EQ(readiness_of(job).state, ReadyState::Ready);
  EXPECT_EQ(readiness_of(job).summary, "Complete");
  job["spec"] = {{"completions", 3}};
  job["status"] = {{"succeeded", 1}, {"active", 1}};
  EXPECT_EQ(readiness_of(job).summary, "Running");
  EXPECT_EQ(readiness_of(job).detail, "1/3");
  job["status"]["conditions"] = {{{"type", "Failed"}, {"status", "True"}, {"reason", "DeadlineExceeded"}, {"message", "too slow"}}};
  EXPECT_EQ(readiness_of(job).state, ReadyState::Failed);

  json pvc = object("v1", "PersistentVolumeClaim", "p");
  pvc["status"] = {{"phase", "Pending"}};
  EXPECT_EQ(readiness_of(pvc).state, ReadyState::Progressing);
  pvc["status"]["phase"] = "Bound";
  EXPECT_EQ(readiness_of(pvc).state, ReadyState::Ready);
  pvc["status"]["phase"] = "Lost";
  EXPECT_EQ(readiness_of(pvc).state, ReadyState::Failed);

  json deployment = object("apps/v1", "Deployment", "d");
  deployment["metadata"]["generation"] = 2;
  deployment["spec"] = {{"replicas", 2}};
  deployment["status"] = {{"observedGeneration", 1}, {"updatedReplicas", 2}, {"availableReplicas", 2}};
  EXPECT_EQ(readiness_of(deployment).state, ReadyState::Progressing);  // the new generation is not observed yet
  deployment["status"]["observedGeneration"] = 2;
  EXPECT_EQ(readiness_of(deployment).state, ReadyState::Ready);
  deployment["status"]["conditions"] = {{{"type", "Progressing"}, {"reason", "ProgressDeadlineExceeded"}}};
  deployment["status"]["availableReplicas"] = 1;
  EXPECT_EQ(readiness_of(deployment).state, ReadyState::Failed);

  json sts = object("apps/v1", "StatefulSet", "s");
  sts["spec"] = {{"replicas", 1}};
  sts["status"] = {{"updatedReplicas", 1}, {"readyReplicas", 0}};
  EXPECT_EQ(readiness_of(sts).state, ReadyState::Progressing);
  EXPECT_EQ(readiness_of(object("v1", "ConfigMap", "c")).state, ReadyState::Ready);
}

TEST(Redaction, SecretValuesNeverShowButChangesDo) {
  json before = {{"kind", "Secret"}, {"data", {{"a", "b2xk"}, {"same", "eA=="}}}};
  json after = {{"kind", "Secret"}, {"data", {{"a", "bmV3"}, {"same", "eA=="}, {"added", "eQ=="}}}, {"stringData", {{"s", "plain"}}}};
  redact_secret_pair(&before, &after);
  EXPECT_EQ(before["data"], json({{"a", "*** (before)"}, {"same", "***"}}));
  EXPECT_EQ(after["data"], json({{"a", "*** (after)"}, {"same", "***"}, {"added", "*** (after)"}}));
  EXPECT_EQ(after["stringData"]["s"], "*** (after)");
  json config = {{"kind", "ConfigMap"}, {"data", {{"a", "visible"}}}};
  json other = config;
  redact_secret_pair(&config, &other);
  EXPECT_EQ(config["data"]["a"], "visible");
}

TEST(ApplySet, IdsMatchKubectl) {
  // kubectl apply --applyset=secret/kgen-applyset-default -n kubeflow labelled its parent with this id.
  const ApplySet set = applyset_for("default", "kubeflow");
  EXPECT_EQ(set.name, "kgen-applyset-default");
  EXPECT_EQ(set.id, "applyset-qcJ8yl0WIPPbrqI9Nn6VSntY6AvCYl5VoZ5k7unD0sA-v1");
  EXPECT_EQ(applyset_for("us-west/prod", "x").name, "kgen-applyset-us-west-prod");
  EXPECT_EQ(group_kind(object("batch/v1", "Job", "j")), "Job.batch");
  EXPECT_EQ(group_kind(object("v1", "Secret", "s")), "Secret");
}

json spec() {
  return json::parse(R"({
    "swagger": "2.0",
    "definitions": {
      "io.k8s.api.core.v1.ConfigMap": {
        "properties": {
          "apiVersion": {"type": "string"}, "kind": {"type": "string"},
          "metadata": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
          "data": {"type": "object", "additionalProperties": {"type": "string"}}
        },
        "x-kubernetes-group-version-kind": [{"group": "", "version": "v1", "kind": "ConfigMap"}]
      },
      "io.k8s.api.apps.v1.Deployment": {
        "properties": {
          "apiVersion": {"type": "string"}, "kind": {"type": "string"},
          "metadata": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
          "spec": {"$ref": "#/definitions/io.k8s.api.apps.v1.DeploymentSpec"}
        }
      },
      "io.k8s.api.apps.v1.DeploymentSpec": {
        "required": ["template"],
        "properties": {
          "replicas": {"type": "integer", "format": "int32"},
          "paused": {"type": "boolean"},
          "template": {"type": "object", "properties": {"spec": {"properties": {"containers": {"type": "array",
              "items": {"$ref": "#/definitions/io.k8s.api.core.v1.Container"}}}}}},
          "strategy": {"properties": {"rollingUpdate": {"properties": {"maxSurge": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString"}}}}}
        }
      },
      "io.k8s.api.core.v1.Container": {
        "required": ["name"],
        "properties": {"name": {"type": "string"}, "image": {"type": "string"},
                       "resources": {"properties": {"limits": {"type": "object", "additionalProperties": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity"}}}}}
      },
      "io.k8s.apimachinery.pkg.api.resource.Quantity": {"type": "string"},
      "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {"type": "string", "format": "int-or-string"},
      "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": {
        "properties": {"name": {"type": "string"}, "labels": {"type": "object", "additionalProperties": {"type": "string"}}}
      }
    }
  })");
}

TEST(SchemaValidate, UnknownFieldsWrongTypesMissingRequired) {
  const SchemaValidator validator(spec(), "spec.json");
  json cm = object("v1", "ConfigMap", "c");
  cm["data"] = {{"a", "x"}};
  EXPECT_TRUE(validator.knows(cm));
  EXPECT_TRUE(validator.validate(cm).empty());
  cm["data"]["n"] = 5;
  cm["metadata"]["labelz"] = {{"a", "b"}};
  EXPECT_EQ(validator.validate(cm), (std::vector<std::string>{".data.n: expected string, got integer", ".metadata.labelz: unknown field"}));

  json d = object("apps/v1", "Deployment", "d");  // known from the definition's name (no x-kubernetes-group-version-kind)
  EXPECT_TRUE(validator.knows(d));
  EXPECT_TRUE(validator.validate(d).empty());  // spec is optional; what it requires counts only when it is there
  d["spec"] = {{"replicas", "3"}, {"paused", false}, {"strategy", {{"rollingUpdate", {{"maxSurge", "25%"}}}}},
               {"template", {{"spec", {{"containers", {{{"image", "x"}, {"resources", {{"limits", {{"cpu", 1}, {"memory", "1Gi"}}}}}}}}}}}}};
  EXPECT_EQ(validator.validate(d), (std::vector<std::string>{".spec.replicas: expected integer, got string",
                                                             ".spec.template.spec.containers[0].name: required field is missing"}));
  d["spec"]["replicas"] = 3.0;  // integral numbers are integers
  d["spec"]["strategy"]["rollingUpdate"]["maxSurge"] = true;
  EXPECT_EQ(validator.validate(d)[0], ".spec.strategy.rollingUpdate.maxSurge: expected integer or string, got boolean");
  EXPECT_FALSE(validator.knows(object("example.com/v1", "Widget", "w")));
}

TEST(SchemaValidate, RejectsDocumentsThatAreNotKubernetesSpecs) {
  EXPECT_THROW(SchemaValidator(json::object(), "x"), Error);
  EXPECT_THROW(SchemaValidator(json{{"swagger", "2.0"}, {"definitions", json::object()}}, "x"), Error);
  EXPECT_THROW(SchemaValidator(json{{"openapi", "3.0.0"}}, "x"), Error);
}

}  // namespace
}  // namespace kgen::kube

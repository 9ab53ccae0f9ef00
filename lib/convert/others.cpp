// The smaller conversion families: CertificateSigningRequest (1.22), PodDisruptionBudget
// (1.25), HorizontalPodAutoscaler autoscaling/v2beta1 (1.25). Facts from the Kubernetes
// deprecation guide and API reference of those releases.
#include <string>

#include "convert/rules.h"

namespace kgen::convert {

using nlohmann::json;

// certificates.k8s.io/v1 requires signerName and usages. v1beta1 defaulted the signer
// to kubernetes.io/legacy-unknown, which v1 refuses to accept, so only a CSR that names
// its signer converts; usages get v1beta1's default.
void csr_to_v1(json& object, Step& step) {
  json& spec = child(object, "spec");
  const std::string signer = spec.value("signerName", "");
  if (signer.empty() || signer == "kubernetes.io/legacy-unknown") {
    step.problems.push_back("spec.signerName: " + (signer.empty() ? std::string("absent (v1beta1 defaulted it to "
                                                                                 "kubernetes.io/legacy-unknown)")
                                                                  : signer) +
                            ": certificates.k8s.io/v1 does not accept that signer; name the signer in the component "
                            "(e.g. kubernetes.io/kube-apiserver-client)");
  }
  write_default(spec, "usages", json::array({"digital signature", "key encipherment"}), "spec.usages",
                "v1beta1's default; v1 requires it", step);
}

// An empty selector ({}) selected no pods in policy/v1beta1 but every pod of the
// namespace in policy/v1; an absent one selects none in both, so {} is left out.
void pdb_to_policy_v1(json& object, Step& step) {
  if (!object.contains("spec") || !object["spec"].is_object()) return;
  json& spec = object["spec"];
  if (!spec.contains("selector") || !spec["selector"].is_object()) return;
  const json& selector = spec["selector"];
  const auto empty = [&](const char* key) { return !selector.contains(key) || selector[key].empty(); };
  if (empty("matchLabels") && empty("matchExpressions")) {
    spec.erase("selector");
    step.notes.push_back("spec.selector: {} left out (it selected no pods in policy/v1beta1; in policy/v1 it would "
                         "select every pod of the namespace, an absent selector none)");
  }
}

namespace {

// v2beta1's target fields (targetAverageUtilization, targetAverageValue, targetValue)
// as v2's MetricTarget.
json metric_target(const json& source) {
  if (source.contains("targetAverageUtilization")) {
    return {{"type", "Utilization"}, {"averageUtilization", source["targetAverageUtilization"]}};
  }
  if (source.contains("targetAverageValue")) return {{"type", "AverageValue"}, {"averageValue", source["targetAverageValue"]}};
  if (source.contains("averageValue")) return {{"type", "AverageValue"}, {"averageValue", source["averageValue"]}};
  if (source.contains("targetValue")) return {{"type", "Value"}, {"value", source["targetValue"]}};
  return json::object();
}

json metric_identifier(const json& source, const char* selector_key) {
  json metric = {{"name", source.value("metricName", "")}};
  if (source.contains(selector_key)) metric["selector"] = source[selector_key];
  return metric;
}

}  // namespace

// autoscaling/v2 writes each metric as {metric identifier, target}; the v2beta1 fields
// map one to one (the same conversion the API server does).
void hpa_from_v2beta1(json& object, Step& step) {
  if (!object.contains("spec") || !object["spec"].is_object() || !object["spec"].contains("metrics")) return;
  json& metrics = object["spec"]["metrics"];
  if (!metrics.is_array()) return;
  for (size_t i = 0; i < metrics.size(); ++i) {
    json& m = metrics[i];
    const std::string type = m.value("type", "");
    const std::string at = "spec.metrics[" + std::to_string(i) + "]";
    if (type == "Resource" && m.contains("resource")) {
      const json old = m["resource"];
      m["resource"] = {{"name", old.value("name", "")}, {"target", metric_target(old)}};
    } else if (type == "Pods" && m.contains("pods")) {
      const json old = m["pods"];
      m["pods"] = {{"metric", metric_identifier(old, "selector")}, {"target", metric_target(old)}};
    } else if (type == "Object" && m.contains("object")) {
      const json old = m["object"];
      m["object"] = {{"metric", metric_identifier(old, "selector")}, {"target", metric_target(old)}};
      if (old.contains("target")) m["object"]["describedObject"] = old["target"];
    } else if (type == "External" && m.contains("external")) {
      const json old = m["external"];
      m["external"] = {{"metric", metric_identifier(old, "metricSelector")}, {"target", metric_target(old)}};
    } else {
      continue;
    }
    step.notes.push_back(at + ": " + type + " metric as autoscaling/v2's {metric, target}");
  }
}

}  // namespace kgen::convert

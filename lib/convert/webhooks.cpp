// Mutating- and ValidatingWebhookConfiguration from admissionregistration.k8s.io/v1beta1
// to v1 (Kubernetes 1.22 stopped serving v1beta1). v1 changed three defaults and made
// two fields required (deprecation guide, 1.22): the v1beta1 values are written out,
// except sideEffects, whose v1beta1 default (Unknown) v1 does not accept.
#include <set>
#include <string>

#include "convert/rules.h"

namespace kgen::convert {

using nlohmann::json;

void webhooks_to_v1(json& object, Step& step) {
  if (!object.contains("webhooks") || !object["webhooks"].is_array()) return;
  std::set<std::string> names;
  for (size_t i = 0; i < object["webhooks"].size(); ++i) {
    json& hook = object["webhooks"][i];
    if (!hook.is_object()) continue;
    const std::string name = hook.value("name", "");
    const std::string at = "webhooks[" + std::to_string(i) + "]";
    write_default(hook, "failurePolicy", "Ignore", at + ".failurePolicy", "v1beta1's default; v1's is Fail", step);
    write_default(hook, "matchPolicy", "Exact", at + ".matchPolicy", "v1beta1's default; v1's is Equivalent", step);
    write_default(hook, "timeoutSeconds", 30, at + ".timeoutSeconds", "v1beta1's default; v1's is 10", step);
    write_default(hook, "admissionReviewVersions", json::array({"v1beta1"}), at + ".admissionReviewVersions",
                  "v1beta1's default; v1 requires it", step);
    const std::string side_effects = hook.value("sideEffects", "Unknown");
    if (side_effects != "None" && side_effects != "NoneOnDryRun") {
      step.problems.push_back(at + ".sideEffects: " + side_effects +
                              (hook.contains("sideEffects") ? "" : " (v1beta1's default)") + " (webhook " + name +
                              ") is not allowed in admissionregistration.k8s.io/v1: set None or NoneOnDryRun in the "
                              "component when the webhook has no side effects (or skips them on dry runs)");
    }
    if (!names.insert(name).second) {
      step.problems.push_back(at + ".name: " + name + " appears twice; v1 requires unique webhook names");
    }
  }
}

}  // namespace kgen::convert

// Deployment, DaemonSet, ReplicaSet and StatefulSet from extensions/v1beta1,
// apps/v1beta1 and apps/v1beta2 to apps/v1 (Kubernetes 1.16 stopped serving the old
// versions). apps/v1 requires spec.selector, which the oldest versions took from the
// pod template's labels, and changed some defaults; the old values are written out.
// The defaults are the ones the Kubernetes 1.16 API reference gives for each version.
#include <string>

#include "convert/rules.h"

namespace kgen::convert {
namespace {

using nlohmann::json;

constexpr int kMaxInt32 = 2147483647;

// extensions/v1beta1 and apps/v1beta1 defaulted an absent selector to the template's
// labels; apps/v1 (and already apps/v1beta2) requires it.
void selector_from_template(json& object, const std::string& old_version, Step& step) {
  json& spec = child(object, "spec");
  if (spec.contains("selector") && !spec["selector"].is_null()) return;
  const json* labels = nullptr;
  if (spec.contains("template") && spec["template"].is_object() && spec["template"].contains("metadata") &&
      spec["template"]["metadata"].is_object() && spec["template"]["metadata"].contains("labels")) {
    labels = &spec["template"]["metadata"]["labels"];
  }
  if (labels == nullptr || !labels->is_object() || labels->empty()) {
    step.problems.push_back("spec.selector: absent, and spec.template.metadata.labels is empty to take it from (apps/v1 "
                            "requires a selector)");
    return;
  }
  spec["selector"] = {{"matchLabels", *labels}};
  step.notes.push_back("spec.selector: matchLabels from spec.template.metadata.labels (" + old_version +
                       " defaulted it so; apps/v1 requires it)");
}

void no_rollback_to(const json& object, const std::string& old_version, Step& step) {
  if (object.contains("spec")) {
    forbid_field(object["spec"], "rollbackTo", "spec.rollbackTo",
                 "apps/v1 has no such field (" + old_version + " only; roll back with a new revision of the template)", step);
  }
}

// A RollingUpdate strategy (also the default type) without sizes got these ones.
void rolling_update_sizes(json& spec, const json& size, const std::string& why, Step& step) {
  json& strategy = child(spec, "strategy");
  const std::string type = strategy.value("type", "RollingUpdate");
  if (type != "RollingUpdate") return;
  json& rolling = child(strategy, "rollingUpdate");
  write_default(rolling, "maxUnavailable", size, "spec.strategy.rollingUpdate.maxUnavailable", why, step);
  write_default(rolling, "maxSurge", size, "spec.strategy.rollingUpdate.maxSurge", why, step);
}

// extensions/v1beta1 and apps/v1beta1 updated StatefulSets' and DaemonSets' pods only
// when they were deleted; apps/v1 rolls them.
void on_delete_updates(json& object, const std::string& old_version, Step& step) {
  json& strategy = child(child(object, "spec"), "updateStrategy");
  write_default(strategy, "type", "OnDelete", "spec.updateStrategy.type",
                old_version + "'s default; apps/v1's is RollingUpdate", step);
}

}  // namespace

void deployment_from_extensions(json& object, Step& step) {
  selector_from_template(object, "extensions/v1beta1", step);
  no_rollback_to(object, "extensions/v1beta1", step);
  json& spec = child(object, "spec");
  write_default(spec, "revisionHistoryLimit", kMaxInt32, "spec.revisionHistoryLimit",
                "extensions/v1beta1 kept every old ReplicaSet; apps/v1 keeps 10", step);
  write_default(spec, "progressDeadlineSeconds", kMaxInt32, "spec.progressDeadlineSeconds",
                "extensions/v1beta1 had no deadline; apps/v1 fails a rollout after 600s", step);
  rolling_update_sizes(spec, 1, "extensions/v1beta1's default; apps/v1's is 25%", step);
}

void deployment_from_apps_v1beta1(json& object, Step& step) {
  selector_from_template(object, "apps/v1beta1", step);
  no_rollback_to(object, "apps/v1beta1", step);
  write_default(child(object, "spec"), "revisionHistoryLimit", 2, "spec.revisionHistoryLimit",
                "apps/v1beta1's default; apps/v1's is 10", step);
}

void deployment_from_apps_v1beta2(json& object, Step& step) {
  // Same defaults as apps/v1; the selector was already required.
  selector_from_template(object, "apps/v1beta2", step);
}

void daemonset_from_extensions(json& object, Step& step) {
  selector_from_template(object, "extensions/v1beta1", step);
  if (object.contains("spec")) {
    forbid_field(object["spec"], "templateGeneration", "spec.templateGeneration",
                 "apps/v1 has no such field (extensions/v1beta1 only; the server sets revisions itself)", step);
  }
  on_delete_updates(object, "extensions/v1beta1", step);
}

void daemonset_from_apps_v1beta2(json& object, Step& step) { selector_from_template(object, "apps/v1beta2", step); }

void replicaset_from_beta(json& object, Step& step) {
  selector_from_template(object, object.value("apiVersion", ""), step);
}

void statefulset_from_apps_v1beta1(json& object, Step& step) {
  selector_from_template(object, "apps/v1beta1", step);
  on_delete_updates(object, "apps/v1beta1", step);
}

void statefulset_from_apps_v1beta2(json& object, Step& step) { selector_from_template(object, "apps/v1beta2", step); }

}  // namespace kgen::convert

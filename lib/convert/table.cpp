// Which API versions Kubernetes stopped serving, in which release, and what replaced
// them. Source: the Kubernetes deprecated API migration guide (removals in 1.16, 1.20,
// 1.22, 1.25, 1.26, 1.27), checked against the OpenAPI specs of 1.16.3, 1.20.2, 1.22.3
// and 1.29.0 (a version is in the spec of every release before its removal, in none
// after).
#include <array>
#include <string>

#include "convert/rules.h"

namespace kgen::convert {
namespace {

constexpr KubeVersion k116{1, 16}, k120{1, 20}, k122{1, 22}, k125{1, 25}, k126{1, 26}, k127{1, 27};

constexpr std::array<Rule, 38> kRules = {{
    // 1.16: the workloads moved to apps/v1, NetworkPolicy to networking.k8s.io/v1,
    // PodSecurityPolicy to policy/v1beta1.
    {"extensions/v1beta1", "Deployment", k116, "apps/v1", deployment_from_extensions},
    {"apps/v1beta1", "Deployment", k116, "apps/v1", deployment_from_apps_v1beta1},
    {"apps/v1beta2", "Deployment", k116, "apps/v1", deployment_from_apps_v1beta2},
    {"extensions/v1beta1", "DaemonSet", k116, "apps/v1", daemonset_from_extensions},
    {"apps/v1beta2", "DaemonSet", k116, "apps/v1", daemonset_from_apps_v1beta2},
    {"extensions/v1beta1", "ReplicaSet", k116, "apps/v1", replicaset_from_beta},
    {"apps/v1beta2", "ReplicaSet", k116, "apps/v1", replicaset_from_beta},
    {"apps/v1beta1", "StatefulSet", k116, "apps/v1", statefulset_from_apps_v1beta1},
    {"apps/v1beta2", "StatefulSet", k116, "apps/v1", statefulset_from_apps_v1beta2},
    {"extensions/v1beta1", "NetworkPolicy", k116, "networking.k8s.io/v1", nullptr},
    {"extensions/v1beta1", "PodSecurityPolicy", k116, "policy/v1beta1", nullptr},
    // 1.20: the alpha PodPreset went away with nothing in its place.
    {"settings.k8s.io/v1alpha1", "PodPreset", k120, nullptr, nullptr},
    // 1.22: the v1beta1 APIs that had reached v1.
    {"extensions/v1beta1", "Ingress", k122, "networking.k8s.io/v1", ingress_to_networking_v1},
    {"networking.k8s.io/v1beta1", "Ingress", k122, "networking.k8s.io/v1", ingress_to_networking_v1},
    {"networking.k8s.io/v1beta1", "IngressClass", k122, "networking.k8s.io/v1", nullptr},
    {"rbac.authorization.k8s.io/v1beta1", "Role", k122, "rbac.authorization.k8s.io/v1", nullptr},
    {"rbac.authorization.k8s.io/v1beta1", "ClusterRole", k122, "rbac.authorization.k8s.io/v1", nullptr},
    {"rbac.authorization.k8s.io/v1beta1", "RoleBinding", k122, "rbac.authorization.k8s.io/v1", nullptr},
    {"rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", k122, "rbac.authorization.k8s.io/v1", nullptr},
    {"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", k122, "apiextensions.k8s.io/v1", crd_to_v1},
    {"admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", k122, "admissionregistration.k8s.io/v1",
     webhooks_to_v1},
    {"admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", k122, "admissionregistration.k8s.io/v1",
     webhooks_to_v1},
    {"apiregistration.k8s.io/v1beta1", "APIService", k122, "apiregistration.k8s.io/v1", nullptr},
    {"certificates.k8s.io/v1beta1", "CertificateSigningRequest", k122, "certificates.k8s.io/v1", csr_to_v1},
    {"coordination.k8s.io/v1beta1", "Lease", k122, "coordination.k8s.io/v1", nullptr},
    {"scheduling.k8s.io/v1beta1", "PriorityClass", k122, "scheduling.k8s.io/v1", nullptr},
    {"storage.k8s.io/v1beta1", "StorageClass", k122, "storage.k8s.io/v1", nullptr},
    {"storage.k8s.io/v1beta1", "VolumeAttachment", k122, "storage.k8s.io/v1", nullptr},
    {"storage.k8s.io/v1beta1", "CSIDriver", k122, "storage.k8s.io/v1", nullptr},
    {"storage.k8s.io/v1beta1", "CSINode", k122, "storage.k8s.io/v1", nullptr},
    // 1.25: more v1beta1 APIs; PodSecurityPolicy went away (Pod Security admission
    // replaces it, configured per namespace, not by objects of a kind).
    {"batch/v1beta1", "CronJob", k125, "batch/v1", nullptr},
    {"events.k8s.io/v1beta1", "Event", k125, "events.k8s.io/v1", nullptr},
    {"autoscaling/v2beta1", "HorizontalPodAutoscaler", k125, "autoscaling/v2", hpa_from_v2beta1},
    {"policy/v1beta1", "PodDisruptionBudget", k125, "policy/v1", pdb_to_policy_v1},
    {"policy/v1beta1", "PodSecurityPolicy", k125, nullptr, nullptr},
    {"node.k8s.io/v1beta1", "RuntimeClass", k125, "node.k8s.io/v1", nullptr},
    // 1.26 and 1.27.
    {"autoscaling/v2beta2", "HorizontalPodAutoscaler", k126, "autoscaling/v2", nullptr},
    {"storage.k8s.io/v1beta1", "CSIStorageCapacity", k127, "storage.k8s.io/v1", nullptr},
    // Lists need no rows: render/ flattens them into their items.
}};

}  // namespace

std::vector<Rule> all_rules() { return {kRules.begin(), kRules.end()}; }

const Rule* find_rule(const std::string& api_version, const std::string& kind) {
  for (const Rule& rule : kRules) {
    if (api_version == rule.api_version && kind == rule.kind) return &rule;
  }
  return nullptr;
}

}  // namespace kgen::convert

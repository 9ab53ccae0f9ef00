// ksonnet-lib's hand-written constructors (section 8 of ksonnet-compat.md), by kind.
// Parameters without a default in ksonnet-lib's signatures are required here too;
// Deployment's podLabels default is ksonnet-lib's literal {app: 'name'}.
#include <map>

#include "k8slib/model.h"

namespace kgen::k8slib {
namespace {

const std::map<std::string, std::string>& resource_constructors() {
  static const std::map<std::string, std::string> table = {
      {"Deployment",
       "new(name, replicas=1, containers, podLabels={app: 'name'}):: apiVersion + kind + self.mixin.metadata.withName(name) + "
       "self.mixin.spec.withReplicas(replicas) + self.mixin.spec.template.spec.withContainers(containers) + "
       "self.mixin.spec.template.metadata.withLabels(podLabels),"},
      {"StatefulSet",
       "new(name, replicas=1, containers, volumeClaims, podLabels={app: 'name'}):: apiVersion + kind + "
       "self.mixin.metadata.withName(name) + self.mixin.spec.withReplicas(replicas) + "
       "self.mixin.spec.template.spec.withContainers(containers) + self.mixin.spec.withVolumeClaimTemplates(volumeClaims) + "
       "self.mixin.spec.template.metadata.withLabels(podLabels),"},
      {"Scale", "new(replicas=1):: apiVersion + kind + self.mixin.spec.withReplicas(replicas),"},
      {"ConfigMap", "new(name, data):: apiVersion + kind + self.mixin.metadata.withName(name) + self.withData(data),"},
      {"Secret",
       "new(name, data, type='Opaque'):: apiVersion + kind + self.mixin.metadata.withName(name) + self.withData(data) + "
       "self.withType(type),"},
      {"Service",
       "new(name, selector, ports):: apiVersion + kind + self.mixin.metadata.withName(name) + self.mixin.spec.withSelector(selector) + "
       "self.mixin.spec.withPorts(ports),"},
      {"Namespace", "new(name):: apiVersion + kind + self.mixin.metadata.withName(name),"},
      {"ServiceAccount", "new(name):: apiVersion + kind + self.mixin.metadata.withName(name),"},
      {"TokenReview", "new(token):: apiVersion + kind + self.mixin.spec.withToken(token),"},
  };
  return table;
}

const std::map<std::string, std::string>& type_constructors() {
  static const std::map<std::string, std::string> table = {
      {"Container", "new(name, image):: self.withName(name) + self.withImage(image),"},
      {"ContainerPort",
       "new(containerPort):: self.withContainerPort(containerPort),\n"
       "newNamed(containerPort, name):: self.withContainerPort(containerPort) + self.withName(name),"},
      {"ServicePort",
       "new(port, targetPort):: self.withPort(port) + self.withTargetPort(targetPort),\n"
       "newNamed(name, port, targetPort):: self.withName(name) + self.withPort(port) + self.withTargetPort(targetPort),"},
      {"EnvVar",
       "new(name, value):: self.withName(name) + self.withValue(value),\n"
       "fromSecretRef(name, secretRefName, secretRefKey):: self.withName(name) + "
       "self.mixin.valueFrom.secretKeyRef.withName(secretRefName) + self.mixin.valueFrom.secretKeyRef.withKey(secretRefKey),\n"
       "fromFieldPath(name, fieldPath):: self.withName(name) + self.mixin.valueFrom.fieldRef.withFieldPath(fieldPath),"},
      {"KeyToPath", "new(key, path):: self.withKey(key) + self.withPath(path),"},
      {"Volume",
       "fromConfigMap(name, configMapName, configMapItems):: self.withName(name) + self.mixin.configMap.withName(configMapName) + "
       "self.mixin.configMap.withItems(configMapItems),\n"
       "fromEmptyDir(name, emptyDir={}):: self.withName(name) + self.mixin.emptyDir.mixinInstance(emptyDir),\n"
       "fromPersistentVolumeClaim(name, claimName):: self.withName(name) + self.mixin.persistentVolumeClaim.withClaimName(claimName),\n"
       "fromHostPath(name, hostPath):: self.withName(name) + self.mixin.hostPath.withPath(hostPath),\n"
       "fromSecret(name, secretName):: self.withName(name) + self.mixin.secret.withSecretName(secretName),"},
      {"VolumeMount",
       "new(name, mountPath, readOnly=false):: self.withName(name) + self.withMountPath(mountPath) + self.withReadOnly(readOnly),"},
  };
  return table;
}

bool has_items(const Type& type) {
  for (const auto& p : type.properties) {
    if (p.name == "items" && p.kind == Property::Array) return true;
  }
  return false;
}

}  // namespace

std::string custom_constructors(const Type& type) {
  if (type.resource) {
    if (auto it = resource_constructors().find(type.kind); it != resource_constructors().end()) return it->second;
    const std::string list = "List";
    if (type.kind.size() > list.size() && type.kind.compare(type.kind.size() - list.size(), list.size(), list) == 0 && has_items(type)) {
      return "new(items):: apiVersion + kind + self.withItems(items),";
    }
    return "new():: apiVersion + kind,";
  }
  if (auto it = type_constructors().find(type.kind); it != type_constructors().end()) return it->second;
  return {};
}

}  // namespace kgen::k8slib

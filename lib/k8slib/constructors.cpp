// ksonnet-lib's hand-written constructors, by kind, as the library ks 0.13.1 generated
// wrote them: the same parameters and defaults, and the same order of calls, because the
// level mixed last decides where a call chained on the result writes
// (`deployment.new(...).withVolumes(v)` lands in the pod spec).
#include <map>

#include "k8slib/model.h"

namespace kgen::k8slib {
namespace {

const std::map<std::string, std::string>& resource_constructors() {
  static const std::map<std::string, std::string> table = {
      {"Deployment",
       "new(name='', replicas=1, containers='', podLabels={ app: 'name' }):: apiVersion + kind + self.mixin.metadata.withName(name) + "
       "self.mixin.spec.withReplicas(replicas) + self.mixin.spec.template.metadata.withLabels(podLabels) + "
       "self.mixin.spec.template.spec.withContainers(containers),"},
      {"StatefulSet",
       "new(name='', replicas=1, containers='', volumeClaims='', podLabels={ app: 'name' }):: apiVersion + kind + "
       "self.mixin.metadata.withName(name) + self.mixin.spec.withReplicas(replicas).withVolumeClaimTemplates(volumeClaims) + "
       "self.mixin.spec.template.metadata.withLabels(podLabels) + self.mixin.spec.template.spec.withContainers(containers),"},
      {"Scale", "new(replicas=1):: apiVersion + kind + self.mixin.spec.withReplicas(replicas),"},
      {"ConfigMap", "new(name='', data=''):: apiVersion + kind + self.withData(data) + self.mixin.metadata.withName(name),"},
      {"Secret",
       "new(name='', data='', type='Opaque'):: apiVersion + kind + self.withData(data).withType(type) + "
       "self.mixin.metadata.withName(name),"},
      {"Service",
       "new(name='', selector='', ports=''):: apiVersion + kind + self.mixin.metadata.withName(name) + "
       "self.mixin.spec.withPorts(ports).withSelector(selector),"},
      {"Namespace", "new(name=''):: apiVersion + kind + self.mixin.metadata.withName(name),"},
      {"ServiceAccount", "new(name=''):: apiVersion + kind + self.mixin.metadata.withName(name),"},
      {"TokenReview", "new(token=''):: apiVersion + kind + self.mixin.spec.withToken(token),"},
      {"DeploymentRollback", "new(name=''):: apiVersion + kind + self.withName(name),"},
  };
  return table;
}

const std::map<std::string, std::string>& type_constructors() {
  static const std::map<std::string, std::string> table = {
      {"Container", "new(name='', image=''):: self.withImage(image).withName(name),"},
      {"ContainerPort",
       "new(containerPort=''):: self.withContainerPort(containerPort),\n"
       "newNamed(containerPort='', name=''):: self.withContainerPort(containerPort).withName(name),"},
      {"ServicePort",
       "new(port='', targetPort=''):: self.withPort(port).withTargetPort(targetPort),\n"
       "newNamed(name='', port='', targetPort=''):: self.withName(name).withPort(port).withTargetPort(targetPort),"},
      {"EnvVar",
       "new(name='', value=''):: self.withName(name).withValue(value),\n"
       "fromSecretRef(name='', secretRefName='', secretRefKey=''):: self.withName(name) + "
       "self.mixin.valueFrom.secretKeyRef.withKey(secretRefKey).withName(secretRefName),\n"
       "fromFieldPath(name='', fieldPath=''):: self.withName(name) + self.mixin.valueFrom.fieldRef.withFieldPath(fieldPath),"},
      {"KeyToPath", "new(key='', path=''):: self.withKey(key).withPath(path),"},
      {"Volume",
       "fromConfigMap(name='', configMapName='', configMapItems=''):: self.withName(name) + "
       "self.mixin.configMap.withItems(configMapItems).withName(configMapName),\n"
       "fromEmptyDir(name='', emptyDir={}):: self.withName(name) + self.mixin.emptyDir.mixinInstance(emptyDir),\n"
       // ksonnet-lib's parameter name, kept for calls that name it.
       "fromPersistentVolumeClaim(name='', emptyDir=''):: self.withName(name) + self.mixin.persistentVolumeClaim.withClaimName(emptyDir),\n"
       "fromHostPath(name='', hostPath=''):: self.withName(name) + self.mixin.hostPath.withPath(hostPath),\n"
       "fromSecret(name='', secretName=''):: self.withName(name) + self.mixin.secret.withSecretName(secretName),"},
      {"VolumeMount",
       "new(name='', mountPath='', readOnly=false):: self.withMountPath(mountPath).withName(name).withReadOnly(readOnly),"},
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

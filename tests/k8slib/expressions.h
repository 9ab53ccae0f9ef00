// The ksonnet-lib API table: expressions as ks apps write them, each with the JSON
// ksonnet-lib produced (the chain table recorded from the library ks 0.13.1 generated;
// the first table agrees with it too, except where noted as kgen's additions). Evaluated
// against libraries generated from v1.8.0 and v1.10.9.
#pragma once

#include <string>
#include <vector>

namespace kgen::testing {

struct LibExpression {
  const char* name;
  const char* jsonnet;   // with the prelude's locals: k, d (apps.v1beta1.deployment), c (its containersType), ...
  const char* expected;  // JSON
};

// Locals every expression may use.
inline const char* kLibPrelude = R"(
local k = import 'k.libsonnet';
local k8s = import 'k8s.libsonnet';
local d = k.apps.v1beta1.deployment;
local c = d.mixin.spec.template.spec.containersType;
local port = c.portsType;
local env = c.envType;
local mount = c.volumeMountsType;
local pod = k.core.v1.pod;
local vol = pod.mixin.spec.volumesType;
local svc = k.core.v1.service;
local sport = svc.mixin.spec.portsType;
)";

const std::vector<LibExpression>& lib_expressions();
// Chained calls on builders' results, recorded from the ksonnet-lib ks generated.
const std::vector<LibExpression>& lib_chain_expressions();

// Calls ksonnet-lib had no method for (ks stopped with "Field does not exist"): struct
// properties have no setters, a type without a constructor has `new():: {}`, and what
// mixinInstance returns has no methods.
inline const std::vector<const char*> kLibRejected = {
    "d.mixin.spec.withSelector({matchLabels: {a: 'b'}})",
    "pod.mixin.spec.tolerationsType.new().withKey('k')",
    "k.rbac.v1.clusterRole.rulesType.new().withVerbs('get')",
    "d.mixin.spec.template.spec.securityContext.mixinInstance({runAsUser: 1}).withRunAsNonRoot(true)",
    "vol.fromEmptyDir('t').withMedium('Memory')",
    "d.new('web').mixin.spec.withReplicas(2)",
    "k.core.v1.serviceAccount.new('sa').withImagePullSecrets({name: 'r'})",
};

}  // namespace kgen::testing

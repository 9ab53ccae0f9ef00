// The ksonnet-lib API table: expressions as ks apps write them, each with the JSON
// ksonnet-lib produced, worked out from the OpenAPI spec and section 8 of
// ksonnet-compat.md. Evaluated against libraries generated from v1.8.0 and v1.10.9.
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

}  // namespace kgen::testing

local env = std.extVar("__ksonnet/environments");
local params = std.extVar("__ksonnet/params").components.hello;
local k = import "k.libsonnet";
k.core.v1.list.new([{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "hello", namespace: env.namespace },
  data: { greeting: params.greeting, lib: k.origin },
}])

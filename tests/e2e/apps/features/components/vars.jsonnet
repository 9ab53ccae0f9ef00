local env = std.extVar("__ksonnet/environments");
local params = std.extVar("__ksonnet/params").components.vars;
local k = import "k.libsonnet";
local helpers = import "helpers.libsonnet";
// Never used, never loaded: imports are lazy.
local missing = import "does-not-exist.libsonnet";

k.core.v1.list.new([{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: params.name, namespace: env.namespace, labels: helpers.label(params.name) },
  data: {
    lib: k.origin,
    motd: importstr "files/motd.txt",
    who: std.extVar("who"),
    file: std.extVar("fromFile"),
    jpath: (import "from-jpath.libsonnet").value,
  },
}])

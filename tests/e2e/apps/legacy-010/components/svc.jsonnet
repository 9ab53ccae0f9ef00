local env = std.extVar("__ksonnet/environments");
local params = std.extVar("__ksonnet/params").components.svc;
// A versioned package, imported without its version.
local util = import "kubeflow/tf-serving/util.libsonnet";

{
  apiVersion: "v1",
  kind: "Service",
  metadata: {
    name: params.name,
    namespace: env.namespace,
    annotations: { replicas: std.toString(params.replicas), server: env.server },
  },
  spec: { ports: [{ port: params.port, targetPort: util.targetPort }] },
}

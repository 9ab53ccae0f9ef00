local params = std.extVar("__ksonnet/params").components.good;
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: params.name } }

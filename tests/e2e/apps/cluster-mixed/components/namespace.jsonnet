local params = std.extVar("__ksonnet/params").components.namespace;
{ apiVersion: "v1", kind: "Namespace", metadata: { name: params.name } }

local params = std.extVar("__ksonnet/params").components;
{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: params["runtime-error"].name },
}

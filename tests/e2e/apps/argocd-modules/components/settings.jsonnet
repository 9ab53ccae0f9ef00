local env = std.extVar("__ksonnet/environments");
local params = std.extVar("__ksonnet/params").components.settings;
{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "settings", namespace: env.namespace },
  data: {
    replicas: std.toString(params.replicas),
    greeting: params.greeting,
    port: std.type(params.port) + ":" + params.port,
    debug: std.toString(params.debug),
  },
}

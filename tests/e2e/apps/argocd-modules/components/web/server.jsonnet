local env = std.extVar("__ksonnet/environments");
local params = std.extVar("__ksonnet/params").components.server;
{
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: env.namespace, labels: params.labels },
  spec: {
    replicas: params.replicas,
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "web", image: params.image }] },
    },
  },
}

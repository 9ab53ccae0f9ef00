// A 2018 Deployment and its Service, written as ks apps wrote them (no selector).
local params = std.extVar("__ksonnet/params").components.web;
[
  {
    apiVersion: "extensions/v1beta1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: {
      replicas: params.replicas,
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "web", image: params.image, ports: [{ containerPort: 80 }] }] },
      },
    },
  },
  {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web" },
    spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: 80, protocol: "TCP" }] },
  },
]

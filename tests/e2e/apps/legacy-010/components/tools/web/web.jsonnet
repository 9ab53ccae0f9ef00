local params = std.extVar("__ksonnet/params").components.web;
[
  {
    apiVersion: "apps/v1beta1",
    kind: "Deployment",
    metadata: { name: params.name },
    spec: { template: { spec: { containers: [{ name: "web", image: params.image }] } } },
  },
]

// A CRD, a custom resource of it (listed first: kgen still applies the CRD first), and
// the Secret the widget reads.
local env = std.extVar("__ksonnet/environments");
local params = std.extVar("__ksonnet/params").components.widgets;
[
  {
    apiVersion: "example.com/v1",
    kind: "Widget",
    metadata: { name: "blue-widget", namespace: env.namespace },
    spec: { color: params.color, secretName: "widget-secret" },
  },
  {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "widgets.example.com" },
    spec: {
      group: "example.com",
      scope: "Namespaced",
      names: { plural: "widgets", singular: "widget", kind: "Widget" },
      versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } } }],
    },
  },
  {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "widget-secret", namespace: env.namespace },
    stringData: { password: params.password, user: "widget" },
  },
]

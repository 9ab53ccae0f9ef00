// Stand-in for the tutorial app's model1 component: param and component
// listings read only its name and its params.
local params = std.extVar("__ksonnet/params").components["model1"];
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "model1" } }

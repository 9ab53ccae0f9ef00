// Stand-in for the tutorial app's tf-training-job component: param and component
// listings read only its name and its params.
local params = std.extVar("__ksonnet/params").components["tf-training-job"];
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "tf-training-job" } }

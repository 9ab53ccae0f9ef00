// Stand-in for the tutorial app's export-tf-graph-job component: param and component
// listings read only its name and its params.
local params = std.extVar("__ksonnet/params").components["export-tf-graph-job"];
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "export-tf-graph-job" } }

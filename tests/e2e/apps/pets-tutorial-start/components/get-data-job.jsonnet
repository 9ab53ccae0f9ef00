// Stand-in for the tutorial app's get-data-job component: param and component
// listings read only its name and its params.
local params = std.extVar("__ksonnet/params").components["get-data-job"];
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "get-data-job" } }

// Stand-in for the tutorial app's create-pet-record-job component: param and component
// listings read only its name and its params.
local params = std.extVar("__ksonnet/params").components["create-pet-record-job"];
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "create-pet-record-job" } }

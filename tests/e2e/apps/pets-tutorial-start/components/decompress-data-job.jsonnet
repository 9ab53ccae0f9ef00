// Stand-in for the tutorial app's decompress-data-job component: param and component
// listings read only its name and its params.
local params = std.extVar("__ksonnet/params").components["decompress-data-job"];
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "decompress-data-job" } }

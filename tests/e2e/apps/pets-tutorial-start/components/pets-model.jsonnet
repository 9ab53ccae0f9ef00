// Stand-in for the tutorial app's pets-model component: param and component
// listings read only its name and its params.
local params = std.extVar("__ksonnet/params").components["pets-model"];
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "pets-model" } }

// Stand-in for the tutorial app's pets-pvc component: param and component
// listings read only its name and its params.
local params = std.extVar("__ksonnet/params").components["pets-pvc"];
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "pets-pvc" } }

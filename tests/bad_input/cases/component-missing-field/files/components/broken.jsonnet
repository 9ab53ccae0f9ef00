local params = std.extVar('__ksonnet/params').components['pets-pvc'];
{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: params.nope } }

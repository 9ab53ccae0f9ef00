local params = std.extVar('__ksonnet/params');
params + { components+: { 'pets-pvc'+: { name: 'Pets_PVC' } } }

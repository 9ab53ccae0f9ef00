local params = std.extVar('__ksonnet/params');
params + { components+: { 'pets-pvc'+: { storage: error 'no storage for this environment' } } }

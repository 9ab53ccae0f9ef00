local lib = import "no-such-lib.libsonnet";
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: lib.name } }

// std.thisFile of imported files: their paths from the app's root (K7).
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "tf" }, data: { lib: import "tf.libsonnet", vendor: import "v/x.libsonnet", env: import "tf-env.libsonnet" } }

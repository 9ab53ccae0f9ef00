{
  configMap(name, greeting, replicas):: {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: name },
    data: { greeting: greeting, replicas: std.toString(replicas) },
  },
}

local params = std.extVar("__ksonnet/params");
params + {
  components +: {
    settings +: { replicas: 3 },
    "web.server" +: { replicas: 4 },
  },
}

local params = std.extVar("__ksonnet/params");
params + {
  components +: {
    settings +: { greeting: "hello from dev" },
  },
}

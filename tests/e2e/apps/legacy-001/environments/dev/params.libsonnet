local params = import "../../components/params.libsonnet";
params + {
  components +: {
    hello +: { greeting: "hi from dev" },
  },
}

{
  // Module globals win over component values (std.mergePatch(component, global)).
  global: { replicas: 2 },
  components: {
    svc: { port: 80, replicas: 1, name: "svc" },
  },
}

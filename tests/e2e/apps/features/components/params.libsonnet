{
  global: {},
  components: {
    config: { data: { from: "params", keep: null } },
    vars: { name: "vars" },
  },
}

{
  global: {},
  components: {
    server: {
      image: "nginx:1.25",
      replicas: 2,
      labels: { tier: "web" },
    },
    // The YAML component takes its module params by merge patch.
    page: {
      data: { title: "Shop" },
    },
  },
}

{
  global: {},
  components: {
    web: { replicas: 2, image: "nginx:1.15" },
  },
}

{
  global: {},
  components: {
    web: { image: "nginx:1", name: "web" },
  },
}

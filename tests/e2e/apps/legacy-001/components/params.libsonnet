{
  global: {},
  components: {
    hello: { greeting: "hello" },
  },
}

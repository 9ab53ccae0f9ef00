{
  global: {},
  components: {
    good: { name: "good" },
  },
}

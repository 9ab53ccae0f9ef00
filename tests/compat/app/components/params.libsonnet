{
  global: {},
  components: {
    probe: {},
  },
}

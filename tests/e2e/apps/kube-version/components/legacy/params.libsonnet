{
  global: {},
  components: {},
}

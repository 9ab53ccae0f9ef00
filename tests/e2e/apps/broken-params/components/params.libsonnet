{
  global: {},
  components: {
    web: { image: "nginx" 
  },
}

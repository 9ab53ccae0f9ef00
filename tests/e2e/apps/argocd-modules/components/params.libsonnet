{
  global: {},
  components: {
    settings: {
      replicas: 1,
      greeting: "hello",
      port: "8080",  // a string that looks like a number: stays a string through Argo CD
      debug: false,
    },
  },
}

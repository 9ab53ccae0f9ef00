{
  global: {},
  components: {
    web: {
      containerPort: 80,
      image: "gcr.io/heptio-images/ks-guestbook-demo:0.1",
      name: "web",
      replicas: 1,
      servicePort: 80,
      type: "ClusterIP",
    },
  },
}

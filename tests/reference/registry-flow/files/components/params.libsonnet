{
  global: {},
  components: {
    // Component-level parameters, defined initially from 'ks prototype use ...'
    // Each object below should correspond to a component in the components/ directory
    greet: {
      greeting: 'hey',
      name: 'greet',
      replicas: 3,
    },
    cm: {
      data: {"a": "b"},
      name: "cm",
    },
    web: {
      containerPort: 80,
      image: "nginx",
      name: "web",
      replicas: 2,
      servicePort: 80,
      type: "ClusterIP",
    },
    ns: {
      name: "ns",
    },
    spd: {
      containerPort: 6379,
      image: "redis",
      name: "spd",
      replicas: 1,
    },
    sps: {
      name: "sps",
      protocol: "UDP",
      servicePort: 80,
      serviceType: "ClusterIP",
      targetLabelSelector: {app: 'spd'},
      targetPort: 80,
    },
  },
}
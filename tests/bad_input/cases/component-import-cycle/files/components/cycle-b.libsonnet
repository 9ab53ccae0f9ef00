{ b: (import 'cycle-a.libsonnet').a }

{ a: (import 'cycle-b.libsonnet').b }

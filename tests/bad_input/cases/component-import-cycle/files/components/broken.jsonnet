import 'cycle-a.libsonnet'

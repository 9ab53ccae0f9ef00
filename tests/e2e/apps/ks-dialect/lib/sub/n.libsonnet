{ f: std.thisFile, rel: import "r.libsonnet" }

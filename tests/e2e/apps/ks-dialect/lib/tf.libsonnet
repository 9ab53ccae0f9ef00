{ f: std.thisFile, nested: import "sub/n.libsonnet" }

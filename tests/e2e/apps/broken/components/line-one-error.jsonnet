std.extVar("__ksonnet/params").components.nope

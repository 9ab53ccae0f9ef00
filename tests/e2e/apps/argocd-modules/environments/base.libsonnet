local components = std.extVar("__ksonnet/components");
components + {
}

local params = std.extVar("__ksonnet/params").components.probe;
{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "probe" },
  data: {
    // false: a hidden field is gone after JSON.
    hiddenSurvives: std.toString(std.objectHasAll(params, "secret")),
    // labels {"b"} only: the environment's `labels +:` was resolved, so `+` replaces
    // labels instead of merging "z" in.
    composed: std.toString({ labels: { z: "3" } } + params.obj),
    // "orig-job": `self` was resolved when the params were manifested.
    lateBound: (params.obj + { name: "changed" }).fullname,
  },
}

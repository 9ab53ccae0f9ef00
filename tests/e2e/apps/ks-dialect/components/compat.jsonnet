// Evaluator differences kgen reproduces: nesting as deep as ks allowed (D17), and
// surrogate escapes (D15/D16; in an imported file, since ks's re-printing of
// component files mangled them, K5).
local nested(n, leaf) = std.foldl(function(a, i) { a: a }, std.range(1, n), leaf);
{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "compat" },
  data: {
    plusChain: local o = std.foldl(function(acc, i) acc + { n+: 1 }, std.range(1, 600), { n: 0 }); o.n,
    nestedMixin: local o = std.foldl(function(acc, i) acc + { spec+: { template+: { metadata+: { labels+: { ["l" + i]: "v" } } } } },
                                     std.range(1, 600), { spec: { template: { metadata: { labels: {} } } } });
                 std.length(o.spec.template.metadata.labels),
    equalsNested: local d = nested(600, {}); d == d,
    toStringNested: std.length(std.toString(nested(600, {}))),
    mergePatchNested: local d = nested(600, { x: 1 }); std.length(std.toString(std.mergePatch(d, d))),
    superChain: local o = std.foldl(function(acc, i) acc + { n: super.n + 1 }, std.range(1, 400), { n: 0 }); o.n,
    inheritance: local o = std.foldl(function(acc, i) acc + { ["k" + i]: i }, std.range(1, 2000), {}); o.k1 + std.length(o),
    deepArray: std.foldl(function(a, i) [a], std.range(1, 600), ["leaf"]),
    surrogates: import "surrogates.libsonnet",
  },
}

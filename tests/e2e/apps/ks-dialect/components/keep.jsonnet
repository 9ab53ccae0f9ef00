// go-yaml keep-chomped blocks (|+) in every position: map values, the last value of a
// document, list items, map keys; none of them ends a document with "...".
[
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a-map-values" },
    data: { nn: "x\n\n", nnn: "x\n\n\n", sp: "x \n", multi: "a\nb\n\n", only: "\n\n", single: "x\n", z: "end" } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b-last-value", zz: "x\n\n" } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c-list" }, data: { list: ["x\n\n", "y"], lastlist: ["q", "x\n\n\n"] }, zlist: ["p", "x\n\n"] },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "d-nested" }, data: { m: { k: "x\n\n", j: "y" } }, zend: { k: "x \n" } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "e-after" }, data: { a: "b" } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "f-key" }, data: { "k\n\n": "v" }, zzz: "x\n\n" },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "g-sp-last" }, zzz: "x \n" },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "h-nnn-last" }, zzz: "x\n\n\n" },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "i-tail" }, zzz: "x\ny\n" },
]

// The environment's own ksonnet-lib, as ks <= 0.8 kept it.
{ core: { v1: { list: { new(items):: { apiVersion: "v1", kind: "List", items: items } } } }, origin: "env-metadata" }

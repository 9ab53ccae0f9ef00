// The last document of the stream ends with a keep-chomped block.
{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "z-last" }, zzz: "x\n\n" }

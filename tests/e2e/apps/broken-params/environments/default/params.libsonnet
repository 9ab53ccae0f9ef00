local params = std.extVar("__ksonnet/params");
params

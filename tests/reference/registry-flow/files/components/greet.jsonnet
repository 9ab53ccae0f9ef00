local env = std.extVar("__ksonnet/environments");
local params = std.extVar("__ksonnet/params").components.greet;

local hello = import "kgen-test/hello/hello.libsonnet";

hello.configMap(params.name, params.greeting, params.replicas)

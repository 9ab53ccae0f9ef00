local env = std.extVar("__ksonnet/environments");
local params = std.extVar("__ksonnet/params").components.sps;
//
//     ks prototype use service --targetLabelSelector "{app: 'nginx'}" [...]
{
  "apiVersion": "v1",
  "kind": "Service",
  "metadata": {
    "name": params.name
  },
  "spec": {
    "ports": [
      {
        "protocol": params.protocol,
        "port": params.servicePort,
        "targetPort": params.targetPort
      }
    ],
    "selector": params.targetLabelSelector,
    "type": params.serviceType
  }
}
// kgen's own templates of ks's five system prototypes. The annotations carry ks's
// names, descriptions and parameters (so `prototype list` and `describe` read as ks's
// did); the bodies are kgen's, and render the objects ks's rendered
// (tests/reference/registry-flow/system-show.out).
#include <algorithm>
#include <string>
#include <vector>

#include "prototype/prototype.h"

namespace kgen::prototype {
namespace {

constexpr const char* kConfigMap = R"(// @apiVersion 0.1
// @name io.ksonnet.pkg.configMap
// @description A simple config map with optional user-specified data.
// @shortDescription A simple config map with optional user-specified data
// @param name string Name to give the configMap.
// @optionalParam data object {} Data for the configMap.
{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: {
    name: import 'param://name',
  },
  data: import 'param://data',
}
)";

constexpr const char* kNamespace = R"(// @apiVersion 0.1
// @name io.ksonnet.pkg.namespace
// @description A simple namespace. Labels are automatically populated from the name of the namespace.
// @shortDescription Namespace with labels automatically populated from the name
// @param name string Name to give the namespace
{
  apiVersion: "v1",
  kind: "Namespace",
  metadata: {
    name: import 'param://name',
    labels: { name: import 'param://name' },
  },
}
)";

constexpr const char* kDeployedService = R"(// @apiVersion 0.1
// @name io.ksonnet.pkg.deployed-service
// @description A service that exposes 'servicePort', and directs traffic to 'targetLabelSelector', at 'targetPort'.
// @shortDescription A deployment exposed with a service
// @param name string Name of the service and deployment resources
// @param image string Container image to deploy
// @optionalParam servicePort number 80 Port for the service to expose.
// @optionalParam containerPort number 80 Container port for service to target.
// @optionalParam replicas number 1 Number of replicas
// @optionalParam type string ClusterIP Type of service to expose
local labels = { app: import 'param://name' };
[
  {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: import 'param://name' },
    spec: {
      ports: [{ port: import 'param://servicePort', targetPort: import 'param://containerPort' }],
      selector: labels,
      type: import 'param://type',
    },
  },
  {
    apiVersion: "apps/v1beta2",
    kind: "Deployment",
    metadata: { name: import 'param://name' },
    spec: {
      replicas: import 'param://replicas',
      selector: { matchLabels: labels },
      template: {
        metadata: { labels: labels },
        spec: {
          containers: [
            {
              name: import 'param://name',
              image: import 'param://image',
              ports: [{ containerPort: import 'param://containerPort' }],
            },
          ],
        },
      },
    },
  },
]
)";

constexpr const char* kSinglePortDeployment = R"(// @apiVersion 0.1
// @name io.ksonnet.pkg.single-port-deployment
// @description A deployment that replicates container 'image' some number of times (default: 1), and exposes a port (default: 80). Labels are automatically populated from 'name'.
// @shortDescription Replicates a container n times, exposes a single port
// @param name string Name of the deployment
// @param image string Container image to deploy
// @optionalParam replicas number 1 Number of replicas
// @optionalParam containerPort number 80 Port to expose
{
  apiVersion: "apps/v1beta1",
  kind: "Deployment",
  metadata: { name: import 'param://name' },
  spec: {
    replicas: import 'param://replicas',
    template: {
      metadata: { labels: { app: import 'param://name' } },
      spec: {
        containers: [
          {
            name: import 'param://name',
            image: import 'param://image',
            ports: [{ containerPort: import 'param://containerPort' }],
          },
        ],
      },
    },
  },
}
)";

constexpr const char* kSinglePortService = R"(// @apiVersion 0.1
// @name io.ksonnet.pkg.single-port-service
// @description A service that exposes 'servicePort', and directs traffic
//   to 'targetLabelSelector', at 'targetPort'. Since 'targetLabelSelector' is an
//   object literal that specifies which labels the service is meant to target, this
//   will typically look something like:
//
// kgen generate single-port-service NAME --targetLabelSelector "{app: 'nginx'}"
// @shortDescription Service that exposes a single port
// @param name string Name of the service
// @param targetLabelSelector object Label for the service to target (e.g., "{app: 'MyApp'}"").
// @optionalParam servicePort number 80 Port for the service to expose
// @optionalParam targetPort number 80 Port for the service target
// @optionalParam protocol string TCP Protocol to use (either TCP or UDP)
// @optionalParam serviceType string ClusterIP Type of service to expose
{
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: import 'param://name' },
  spec: {
    ports: [
      {
        protocol: import 'param://protocol',
        port: import 'param://servicePort',
        targetPort: import 'param://targetPort',
      },
    ],
    selector: import 'param://targetLabelSelector',
    type: import 'param://serviceType',
  },
}
)";

}  // namespace

std::vector<Prototype> system_prototypes() {
  std::vector<Prototype> out;
  for (const char* text : {kConfigMap, kDeployedService, kNamespace, kSinglePortDeployment, kSinglePortService}) {
    out.push_back(parse_prototype(text, ""));
  }
  std::sort(out.begin(), out.end(), [](const Prototype& a, const Prototype& b) { return a.name < b.name; });
  return out;
}

}  // namespace kgen::prototype

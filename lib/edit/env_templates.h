// The files ks wrote for a new environment, app and module (internal to the edit stage).
#pragma once

namespace kgen::edit {

inline constexpr const char* kEnvMainTemplate = R"(local base = import "base.libsonnet";
// uncomment if you reference ksonnet-lib
// local k = import "k.libsonnet";
// local deployment = k.apps.v1beta2.deployment;

base + {
  // Insert user-specified overrides here. For example if a component is named \"nginx-deployment\", you might have something like:\n")
  // "nginx-deployment"+: deployment.mixin.metadata.withLabels({foo: "bar"})
}
)";

inline constexpr const char* kEnvParamsTemplate = R"(local params = std.extVar("__ksonnet/params");
local globals = import "globals.libsonnet";
local envParams = params + {
  components +: {
    // Insert component parameter overrides here. Ex:
    // guestbook +: {
    //   name: "guestbook-dev",
    //   replicas: params.global.replicas,
    // },
  },
};

{
  components: {
    [x]: envParams.components[x] + globals, for x in std.objectFields(envParams.components)
  },
}
)";

// ks wrote "{\n}" without a final newline.
inline constexpr const char* kEnvGlobalsTemplate = "{\n}";

inline constexpr const char* kBaseTemplate = R"(local components = std.extVar("__ksonnet/components");
components + {
  // Insert user-specified overrides here.
}
)";

// components/params.libsonnet of `ks init`, and of every module `ks module create` made.
inline constexpr const char* kModuleParamsTemplate = R"({
  global: {
    // User-defined global parameters; accessible to all component and environments, Ex:
    // replicas: 4,
  },
  components: {
    // Component-level parameters, defined initially from 'ks prototype use ...'
    // Each object below should correspond to a component in the components/ directory
  },
}
)";

}  // namespace kgen::edit

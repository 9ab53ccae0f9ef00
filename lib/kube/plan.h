// The objects of a cluster operation, in the order they are sent: Namespaces first,
// then CustomResourceDefinitions (their custom resources come later), then ks's
// tiers (StorageClasses; everything else; workloads last). Deterministic: inside a
// tier, objects keep the render order (ks's order was random there).
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "kube/discovery.h"

namespace kgen::kube {

// A rendered object and the component it came from.
struct Manifest {
  nlohmann::json object;
  std::string component;
};

enum class LogLevel { Debug, Info, Warning };
using Log = std::function<void(LogLevel, const std::string&)>;

// An object addressed on the server: its resource, namespace and name.
struct Target {
  const Manifest* manifest = nullptr;
  ResourceInfo info;
  std::string ns;    // empty for cluster-scoped objects
  std::string name;

  // ks's "<resource> <namespace>.<name>" (just the name when cluster-scoped).
  std::string describe() const { return info.resource + " " + (ns.empty() ? name : ns + "." + name); }
  std::string path() const { return resource_path(info, ns, name); }
};

// 0 Namespace, 1 CustomResourceDefinition, 10 ks's first tier, 50 most kinds, 100 workloads.
int apply_tier(const nlohmann::json& object);

// `manifests` ordered for applying (or, reversed, for deleting). Stable.
std::vector<const Manifest*> order_for_apply(const std::vector<Manifest>& manifests);

// Resolves the object's resource through discovery and defaults its namespace.
// Throws kgen::Error naming the component when the server lacks the kind.
Target address(const Manifest& manifest, Discovery* discovery, const std::string& default_ns);

bool is_crd(const nlohmann::json& object);

// The object without what the server adds (resourceVersion, uid, managedFields,
// timestamps, generation, status), for comparisons and diffs.
nlohmann::json without_server_fields(nlohmann::json object);

}  // namespace kgen::kube

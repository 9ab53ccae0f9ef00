// The types of an OpenAPI spec as the generator sees them (internal to k8slib).
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace kgen::k8slib {

struct Property {
  std::string name;   // the JSON field
  std::string ident;  // camelCase for setters and parameters ("clusterIP" -> "clusterIp")
  enum Kind { Scalar, Array, Map, Struct } kind = Scalar;
  std::string ref;  // Struct: its type; Array: the item type when it is a struct
};

struct Type {
  std::string definition;  // "io.k8s.api.core.v1.Container"
  std::string kind;        // "Container"
  std::vector<Property> properties;  // sorted by name
  // For API resources (objects with a group-version-kind):
  bool resource = false;
  std::string group;        // "apps", "core", "rbac" (the spec's package name)
  std::string version;      // "v1beta1"
  std::string api_version;  // "apps/v1beta1", "v1", "rbac.authorization.k8s.io/v1"
};

struct Model {
  std::string version;  // info.version
  std::map<std::string, Type> types;  // by definition name
};

// Throws kgen::Error naming `source` when the spec is not a Kubernetes OpenAPI v2 document.
Model build_model(const nlohmann::json& spec, const std::string& source);

// "clusterIP" -> "clusterIp", "hostIPC" -> "hostIpc", "$ref" -> "ref", "APIService" -> "apiService".
std::string camel_identifier(const std::string& name);
// The same with the first letter upper case, for "with" + name.
std::string capitalized(const std::string& ident);

// Jsonnet source for the custom constructors of a kind (ksonnet-lib's hand-written ones),
// as object fields; empty when the kind has none. `resource` kinds also get apiVersion + kind.
std::string custom_constructors(const Type& type);

}  // namespace kgen::k8slib

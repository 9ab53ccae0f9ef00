// `kgen validate`: objects checked against a Kubernetes OpenAPI v2 document (the
// app's lib/ksonnet-lib/<version>/swagger.json, --api-spec FILE, or the cluster's
// /openapi/v2): unknown fields, wrong types, missing required fields.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace kgen::kube {

class SchemaValidator {
 public:
  // Throws kgen::Error when `spec` is not an OpenAPI v2 document with definitions.
  SchemaValidator(nlohmann::json spec, const std::string& source);

  // Whether the document defines the object's group/version/kind.
  bool knows(const nlohmann::json& object) const;

  // Problems, each "<field path>: <what is wrong>" (".spec.replicas: expected integer, got string").
  std::vector<std::string> validate(const nlohmann::json& object) const;

 private:
  void check(const nlohmann::json& value, const nlohmann::json& schema, const std::string& path,
             std::vector<std::string>* problems, int depth) const;
  const nlohmann::json& resolve(const nlohmann::json& schema) const;

  nlohmann::json spec_;
  std::map<std::string, std::string> definition_of_;  // "group/version/Kind" -> definition name
};

}  // namespace kgen::kube

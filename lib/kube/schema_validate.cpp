#include "kube/schema_validate.h"

#include "kube/json_access.h"

#include <cmath>

#include "common/error.h"

namespace kgen::kube {

using nlohmann::json;

namespace {

std::string gvk_key(const std::string& group, const std::string& version, const std::string& kind) {
  return group + "/" + version + "/" + kind;
}

std::string object_gvk(const json& object) {
  const std::string api_version = text_at(object, "apiVersion");
  const auto slash = api_version.find('/');
  const std::string group = slash == std::string::npos ? "" : api_version.substr(0, slash);
  const std::string version = slash == std::string::npos ? api_version : api_version.substr(slash + 1);
  return gvk_key(group, version, text_at(object, "kind"));
}

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    case json::value_t::number_float: return "number";
    case json::value_t::array: return "array";
    case json::value_t::object: return "object";
    default: return "null";
  }
}

bool is_integral(const json& value) {
  if (value.is_number_integer()) return true;
  return value.is_number_float() && std::floor(value.get<double>()) == value.get<double>();
}

}  // namespace

SchemaValidator::SchemaValidator(json spec, const std::string& source) : spec_(std::move(spec)) {
  if (!spec_.is_object() || text_at(spec_, "swagger") != "2.0" || !spec_.contains("definitions") ||
      !spec_["definitions"].is_object() || spec_["definitions"].empty()) {
    throw Error("API spec is not a Kubernetes OpenAPI v2 document with definitions", "pass a swagger.json from a Kubernetes release",
                {source});
  }
  for (const auto& [name, definition] : spec_["definitions"].items()) {
    for (const auto& gvk : items_at(definition, "x-kubernetes-group-version-kind")) {
      definition_of_.emplace(gvk_key(text_at(gvk, "group"), text_at(gvk, "version"), text_at(gvk, "kind")), name);
    }
    // Specs before 1.8 have no x-kubernetes-group-version-kind: derive it from the
    // name io.k8s.api.<group>.<version>.<Kind> (core group: "core"), as ks did.
    const std::string prefix = "io.k8s.api.";
    if (name.compare(0, prefix.size(), prefix) == 0) {
      const std::string rest = name.substr(prefix.size());
      const auto last = rest.rfind('.');
      const auto middle = rest.rfind('.', last - 1);
      if (last != std::string::npos && middle != std::string::npos) {
        std::string group = rest.substr(0, middle);
        if (group == "core") group.clear();
        definition_of_.emplace(gvk_key(group, rest.substr(middle + 1, last - middle - 1), rest.substr(last + 1)), name);
      }
    }
  }
}

bool SchemaValidator::knows(const json& object) const { return definition_of_.count(object_gvk(object)) > 0; }

const json& SchemaValidator::resolve(const json& schema) const {
  static const json kEmpty = json::object();
  if (schema.contains("$ref") && schema["$ref"].is_string()) {
    const std::string ref = schema["$ref"];
    const std::string prefix = "#/definitions/";
    if (ref.compare(0, prefix.size(), prefix) == 0) {
      const auto& definitions = spec_["definitions"];
      const auto it = definitions.find(ref.substr(prefix.size()));
      if (it != definitions.end()) return *it;
    }
    return kEmpty;
  }
  return schema;
}

void SchemaValidator::check(const json& value, const json& raw_schema, const std::string& path, std::vector<std::string>* problems,
                            int depth) const {
  if (depth > 64 || value.is_null()) return;  // null means "unset" to the API server
  const json& schema = resolve(raw_schema);
  const std::string type = text_at(schema, "type");
  const std::string format = text_at(schema, "format");
  const std::string at = path.empty() ? "." : path;
  auto wrong = [&](const std::string& expected) {
    problems->push_back(at + ": expected " + expected + ", got " + type_name(value));
  };
  if (format == "int-or-string") {
    if (!value.is_string() && !is_integral(value)) wrong("integer or string");
    return;
  }
  if (type == "string") {
    // Quantities ("1Gi") may also be written as plain numbers.
    const bool quantity = text_at(raw_schema, "$ref").find("resource.Quantity") != std::string::npos;
    if (!value.is_string() && !(quantity && value.is_number())) wrong("string");
    return;
  }
  if (type == "integer") {
    if (!is_integral(value)) wrong("integer");
    return;
  }
  if (type == "number") {
    if (!value.is_number()) wrong("number");
    return;
  }
  if (type == "boolean") {
    if (!value.is_boolean()) wrong("boolean");
    return;
  }
  if (type == "array") {
    if (!value.is_array()) return wrong("array");
    if (!schema.contains("items")) return;
    for (size_t i = 0; i < value.size(); ++i) check(value[i], schema["items"], path + "[" + std::to_string(i) + "]", problems, depth + 1);
    return;
  }
  const bool has_properties = schema.contains("properties") && schema["properties"].is_object();
  const bool has_additional = schema.contains("additionalProperties");
  if (type != "object" && !has_properties && !has_additional) return;  // free-form (RawExtension, JSON)
  if (!value.is_object()) return wrong("object");
  for (const auto& [key, item] : value.items()) {
    const std::string child = path + "." + key;
    if (has_properties && schema["properties"].contains(key)) {
      check(item, schema["properties"][key], child, problems, depth + 1);
    } else if (has_additional) {
      if (schema["additionalProperties"].is_object()) check(item, schema["additionalProperties"], child, problems, depth + 1);
    } else if (has_properties) {
      problems->push_back(child + ": unknown field");
    }
  }
  for (const auto& required : items_at(schema, "required")) {
    if (required.is_string() && !value.contains(required.get<std::string>())) {
      problems->push_back(path + "." + required.get<std::string>() + ": required field is missing");
    }
  }
}

std::vector<std::string> SchemaValidator::validate(const json& object) const {
  std::vector<std::string> problems;
  const auto it = definition_of_.find(object_gvk(object));
  if (it == definition_of_.end()) return problems;
  check(object, spec_["definitions"][it->second], "", &problems, 0);
  return problems;
}

}  // namespace kgen::kube

#include "k8slib/model.h"

#include <cctype>
#include <set>

#include "common/error.h"

namespace kgen::k8slib {

using nlohmann::json;

namespace {

std::vector<std::string> split_dots(const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t dot = name.find('.', start);
    parts.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

std::string ref_target(const json& schema) {
  const std::string ref = schema.value("$ref", "");
  const std::string prefix = "#/definitions/";
  return ref.compare(0, prefix.size(), prefix) == 0 ? ref.substr(prefix.size()) : std::string();
}

bool is_struct(const json& definitions, const std::string& name) {
  const auto it = definitions.find(name);
  return it != definitions.end() && it->contains("properties") && (*it)["properties"].is_object() &&
         !(*it)["properties"].empty();
}

}  // namespace

std::string camel_identifier(const std::string& name) {
  // Words: letters and digits; anything else separates (and capitalises what follows).
  std::string out;
  bool upper_next = false;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (!std::isalnum(c)) {
      upper_next = !out.empty();
      continue;
    }
    char ch = static_cast<char>(c);
    if (std::isupper(c) && i > 0 && std::isupper(static_cast<unsigned char>(name[i - 1]))) {
      // Inside an acronym: lower case, unless this letter starts a new word ("APIService":
      // the S of Service). A plural "s" after an acronym ("IPs") is not a new word.
      const bool next_lower = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
      const bool plural = next_lower && name[i + 1] == 's' && (i + 2 == name.size() || !std::isalpha(static_cast<unsigned char>(name[i + 2])));
      if (!next_lower || plural) ch = static_cast<char>(std::tolower(c));
    }
    if (upper_next) {
      ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      upper_next = false;
    }
    out += ch;
  }
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

std::string capitalized(const std::string& ident) {
  std::string out = ident;
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

Model build_model(const json& spec, const std::string& source) {
  if (!spec.is_object() || spec.value("swagger", "") != "2.0") {
    throw Error("not a Kubernetes OpenAPI v2 document (no \"swagger\": \"2.0\")",
                "pass the swagger.json of a Kubernetes release (api/openapi-spec/swagger.json) or a cluster's /openapi/v2",
                {source});
  }
  if (!spec.contains("definitions") || !spec["definitions"].is_object() || spec["definitions"].empty()) {
    throw Error("the OpenAPI document has no definitions", "pass the full swagger.json of a Kubernetes release", {source});
  }
  const json& definitions = spec["definitions"];
  Model model;
  model.version = spec.value("info", json::object()).value("version", "");
  if (model.version.empty() || model.version[0] != 'v') {
    throw Error("the OpenAPI document has no Kubernetes version in info.version", "pass a Kubernetes swagger.json", {source});
  }
  bool modern = false;  // 1.8 and later: io.k8s.api.*, with deprecated io.k8s.kubernetes.pkg.* copies
  for (const auto& [name, def] : definitions.items()) {
    if (name.rfind("io.k8s.api.", 0) == 0) modern = true;
  }
  std::set<std::string> resource_keys;
  for (const auto& [name, def] : definitions.items()) {
    if (modern && name.rfind("io.k8s.kubernetes.pkg.", 0) == 0) continue;
    if (!is_struct(definitions, name)) continue;
    const auto parts = split_dots(name);
    if (parts.size() < 3) continue;
    Type type;
    type.definition = name;
    type.kind = parts.back();
    json gvks = def.value("x-kubernetes-group-version-kind", json::array());
    const json& props = def["properties"];
    if (gvks.empty() && props.contains("apiVersion") && props.contains("kind") && props.contains("metadata") &&
        name.rfind("io.k8s.api.", 0) != 0 && name.rfind("io.k8s.apimachinery.", 0) != 0) {
      // Extension API servers' kinds (apiextensions, apiregistration) carry no
      // group-version-kind in these specs: their group is <package>.k8s.io.
      gvks.push_back({{"group", parts[parts.size() - 3] + ".k8s.io"}, {"version", parts[parts.size() - 2]}, {"kind", parts.back()}});
    }
    if (gvks.size() == 1 && name.rfind("io.k8s.apimachinery.", 0) != 0) {
      type.group = parts[parts.size() - 3] == "api" ? "core" : parts[parts.size() - 3];
      type.version = parts[parts.size() - 2];
      const std::string api_group = gvks[0].value("group", "");
      type.api_version = api_group.empty() ? type.version : api_group + "/" + type.version;
      const std::string key = type.group + "." + type.version + "." + type.kind;
      type.resource = resource_keys.insert(key).second;
    }
    for (const auto& [prop_name, schema] : def["properties"].items()) {
      if (type.resource && (prop_name == "apiVersion" || prop_name == "kind" || prop_name == "status")) continue;
      Property p;
      p.name = prop_name;
      p.ident = camel_identifier(prop_name);
      if (p.ident.empty()) continue;
      const std::string ref = ref_target(schema);
      const std::string kind = schema.value("type", "");
      if (!ref.empty()) {
        if (is_struct(definitions, ref) && !(modern && ref.rfind("io.k8s.kubernetes.pkg.", 0) == 0)) {
          p.kind = Property::Struct;
          p.ref = ref;
        }
      } else if (kind == "array") {
        p.kind = Property::Array;
        const std::string item = schema.contains("items") ? ref_target(schema["items"]) : std::string();
        if (!item.empty() && is_struct(definitions, item)) p.ref = item;
      } else if (kind == "object") {
        p.kind = Property::Map;
      }
      type.properties.push_back(p);
    }
    model.types.emplace(name, std::move(type));
  }
  return model;
}

}  // namespace kgen::k8slib

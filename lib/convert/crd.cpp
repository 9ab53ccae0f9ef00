// CustomResourceDefinition from apiextensions.k8s.io/v1beta1 to v1 (Kubernetes 1.22
// stopped serving v1beta1). What v1 moved or stopped defaulting, per the deprecation
// guide and the 1.16 API reference:
//   - spec.version -> spec.versions[] {name, served: true, storage: true};
//   - spec.validation, spec.subresources, spec.additionalPrinterColumns -> per version
//     (printer columns' JSONPath -> jsonPath);
//   - spec.scope is required (v1beta1 defaulted Namespaced);
//   - v1 prunes unknown fields; v1beta1 kept them unless preserveUnknownFields: false,
//     so such CRDs get x-kubernetes-preserve-unknown-fields: true on every object
//     schema, and a version without a schema gets {type: object, that flag};
//   - spec.conversion.webhookClientConfig/conversionReviewVersions ->
//     spec.conversion.webhook.{clientConfig, conversionReviewVersions} (v1beta1
//     defaulted the versions to [v1beta1]).
#include <string>

#include "convert/rules.h"

namespace kgen::convert {
namespace {

using nlohmann::json;

json printer_columns_v1(const json& columns, const std::string& path, Step& step) {
  json out = columns;
  bool renamed = false;
  for (auto& column : out) {
    if (column.is_object() && column.contains("JSONPath")) {
      column["jsonPath"] = column["JSONPath"];
      column.erase("JSONPath");
      renamed = true;
    }
  }
  if (renamed) step.notes.push_back(path + ": JSONPath as jsonPath");
  return out;
}

// v1 prunes unknown fields at every level that declares properties; v1beta1 (without
// preserveUnknownFields: false) pruned none. Returns how many schemas got the flag.
int preserve_unknown_fields(json& schema) {
  if (!schema.is_object()) return 0;
  int count = 0;
  const bool object_like = schema.value("type", "") == "object" || schema.contains("properties");
  if (object_like && !schema.contains("x-kubernetes-preserve-unknown-fields")) {
    schema["x-kubernetes-preserve-unknown-fields"] = true;
    ++count;
  }
  if (schema.contains("properties") && schema["properties"].is_object()) {
    for (auto& [name, property] : schema["properties"].items()) count += preserve_unknown_fields(property);
  }
  for (const char* key : {"items", "additionalProperties"}) {
    if (schema.contains(key)) count += preserve_unknown_fields(schema[key]);
  }
  return count;
}

void move_to_versions(json& spec, const std::string& key, const std::string& to, Step& step) {
  if (!spec.contains(key)) return;
  for (auto& version : spec["versions"]) {
    if (!version.contains(to)) version[to] = spec[key];
  }
  spec.erase(key);
  step.notes.push_back("spec." + key + ": moved to each of spec.versions[]");
}

}  // namespace

void crd_to_v1(json& object, Step& step) {
  json& spec = child(object, "spec");
  if (!spec.contains("versions") || !spec["versions"].is_array() || spec["versions"].empty()) {
    if (!spec.contains("version") || !spec["version"].is_string()) {
      step.problems.push_back("spec.version: absent, and no spec.versions (v1 needs at least one version)");
      return;
    }
    spec["versions"] = json::array({{{"name", spec["version"]}, {"served", true}, {"storage", true}}});
    step.notes.push_back("spec.version: as spec.versions[] {name: " + spec["version"].get<std::string>() +
                         ", served: true, storage: true}");
  }
  spec.erase("version");
  write_default(spec, "scope", "Namespaced", "spec.scope", "v1beta1's default; v1 requires it", step);

  if (spec.contains("validation") && spec["validation"].is_object()) {
    move_to_versions(spec, "validation", "schema", step);
  }
  move_to_versions(spec, "subresources", "subresources", step);
  if (spec.contains("additionalPrinterColumns")) {
    spec["additionalPrinterColumns"] = printer_columns_v1(spec["additionalPrinterColumns"], "spec.additionalPrinterColumns", step);
    move_to_versions(spec, "additionalPrinterColumns", "additionalPrinterColumns", step);
  }

  // v1beta1 kept unknown fields unless told otherwise (preserveUnknownFields defaulted
  // to true); v1 forbids the field being true and prunes by default.
  const bool preserve = !(spec.contains("preserveUnknownFields") && spec["preserveUnknownFields"] == false);
  spec.erase("preserveUnknownFields");
  for (size_t i = 0; i < spec["versions"].size(); ++i) {
    json& version = spec["versions"][i];
    const std::string at = "spec.versions[" + std::to_string(i) + "]";
    if (version.contains("additionalPrinterColumns")) {
      version["additionalPrinterColumns"] =
          printer_columns_v1(version["additionalPrinterColumns"], at + ".additionalPrinterColumns", step);
    }
    if (!version.contains("schema") || !version["schema"].is_object() || !version["schema"].contains("openAPIV3Schema")) {
      version["schema"] = {{"openAPIV3Schema", {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}}}};
      step.notes.push_back(at + ".schema: {type: object, x-kubernetes-preserve-unknown-fields: true} (v1beta1 needed no "
                           "schema; v1 requires one)");
      continue;
    }
    json& schema = version["schema"]["openAPIV3Schema"];
    write_default(schema, "type", "object", at + ".schema.openAPIV3Schema.type", "v1 requires structural schemas", step);
    if (preserve) {
      const int flagged = preserve_unknown_fields(schema);
      if (flagged > 0) {
        step.notes.push_back(at + ".schema: x-kubernetes-preserve-unknown-fields: true on " + std::to_string(flagged) +
                             " object schema(s) (v1beta1 kept unknown fields, preserveUnknownFields defaulting to true; "
                             "v1 prunes them)");
      }
    }
  }

  if (spec.contains("conversion") && spec["conversion"].is_object()) {
    json& conversion = spec["conversion"];
    if (conversion.contains("webhookClientConfig")) {
      json webhook = {{"clientConfig", conversion["webhookClientConfig"]}};
      webhook["conversionReviewVersions"] =
          conversion.contains("conversionReviewVersions") ? conversion["conversionReviewVersions"] : json::array({"v1beta1"});
      conversion.erase("webhookClientConfig");
      conversion.erase("conversionReviewVersions");
      conversion["webhook"] = webhook;
      step.notes.push_back("spec.conversion: webhookClientConfig and conversionReviewVersions as webhook.clientConfig and "
                           "webhook.conversionReviewVersions (v1beta1 defaulted the versions to [v1beta1])");
    } else {
      conversion.erase("conversionReviewVersions");
    }
  }
}

}  // namespace kgen::convert

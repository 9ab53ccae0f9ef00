// The conversion table and the converters of each family (internal to the convert stage).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "convert/convert.h"

namespace kgen::convert {

/// What one conversion step wrote (notes) and what stopped it (problems).
struct Step {
  std::vector<std::string> notes;
  std::vector<std::string> problems;
};

/// Rewrites an object of the old version in place; apiVersion is set by the caller.
using Converter = void (*)(nlohmann::json& object, Step& step);

/// One removed (group/version, kind): the release that stopped serving it and what
/// replaced it (nullptr: nothing did). A replacement may itself be removed later (a
/// chain, as PodSecurityPolicy extensions/v1beta1 -> policy/v1beta1 -> none).
struct Rule {
  const char* api_version;
  const char* kind;
  KubeVersion removed_in;
  const char* replacement;
  Converter convert;  // nullptr: only the apiVersion changes (same fields, same defaults)
};

/// Every rule, in the table's order (for tests that check it against real specs).
std::vector<Rule> all_rules();

/// The rule for an object's apiVersion and kind, or nullptr.
const Rule* find_rule(const std::string& api_version, const std::string& kind);

// Field helpers (fields.cpp). `path` is the field's path for notes and problems
// ("spec.selector").

/// Sets parent[key] = value when absent and notes `why`.
void write_default(nlohmann::json& parent, const std::string& key, const nlohmann::json& value, const std::string& path,
                   const std::string& why, Step& step);
/// A problem when parent has `key`: the new version has no such field.
void forbid_field(const nlohmann::json& parent, const std::string& key, const std::string& path, const std::string& why,
                  Step& step);
/// The child object `key` of `parent`, created when absent.
nlohmann::json& child(nlohmann::json& parent, const std::string& key);

// Workloads (workloads.cpp), removed in 1.16.
void deployment_from_extensions(nlohmann::json& object, Step& step);
void deployment_from_apps_v1beta1(nlohmann::json& object, Step& step);
void deployment_from_apps_v1beta2(nlohmann::json& object, Step& step);
void daemonset_from_extensions(nlohmann::json& object, Step& step);
void daemonset_from_apps_v1beta2(nlohmann::json& object, Step& step);
void replicaset_from_beta(nlohmann::json& object, Step& step);
void statefulset_from_apps_v1beta1(nlohmann::json& object, Step& step);
void statefulset_from_apps_v1beta2(nlohmann::json& object, Step& step);

// Ingress (ingress.cpp), removed in 1.22.
void ingress_to_networking_v1(nlohmann::json& object, Step& step);

// CustomResourceDefinition (crd.cpp), removed in 1.22.
void crd_to_v1(nlohmann::json& object, Step& step);

// Admission webhooks (webhooks.cpp), removed in 1.22.
void webhooks_to_v1(nlohmann::json& object, Step& step);

// Smaller families (others.cpp).
void csr_to_v1(nlohmann::json& object, Step& step);             // 1.22
void pdb_to_policy_v1(nlohmann::json& object, Step& step);      // 1.25
void hpa_from_v2beta1(nlohmann::json& object, Step& step);      // 1.25

}  // namespace kgen::convert

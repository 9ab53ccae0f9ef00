// Server-side apply for the test API server: which manager owns which fields
// (metadata.managedFields, FieldsV1), conflicts between managers, and removal of
// fields a manager stopped applying. Lists are atomic here (the real server merges
// some by key); everything else follows the Kubernetes rules.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kgen::testing {

struct Conflict {
  std::string manager;
  std::string field;  // ".spec.replicas"
  // The manager as the API server names it in a conflict's message: "\"kubectl-edit\" using v1"
  // for an update, "\"kgen\"" for an apply.
  std::string described;
};

struct ApplyOutcome {
  nlohmann::json object;           // the new live object (managedFields updated)
  std::vector<Conflict> conflicts;  // non-empty: nothing was applied
};

// Applies `config` for `manager` over `live` (null: a new object). `now` stamps changed entries.
ApplyOutcome server_side_apply(const nlohmann::json& live, const nlohmann::json& config, const std::string& manager,
                               bool force, const std::string& now);

// An update (create, PUT, merge patch) by `manager`: it takes the fields it changed.
nlohmann::json record_update(const nlohmann::json& before, nlohmann::json after, const std::string& manager,
                             const std::string& now);

// The object's fields that count for ownership, as JSON pointers (lists atomic).
std::vector<std::string> owned_paths(const nlohmann::json& object);

}  // namespace kgen::testing

// An environment applied as one ApplySet (the whole of `kgen apply`): the parent
// records the set's kinds before anything is applied (so an apply that stops midway
// leaves every member findable), the objects are applied, members no longer rendered
// are pruned when asked, and the record is narrowed to what was applied.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "kube/apply.h"
#include "kube/applyset.h"

namespace kgen::kube {

struct PruneOptions {
  bool enabled = false;
  std::set<std::string> components;  // -c: prune only members of these components
  // Asked before deleting (not for dry runs); false stops the command. Empty: no question.
  std::function<bool(const std::vector<PruneCandidate>&)> confirm;
};

struct EnvironmentApplyResult {
  ApplyResult applied;
  int pruned = 0;
};

// Throws kgen::Error as apply_objects does, when the Secret that should hold the record
// belongs to another tool, or when pruning is not confirmed.
EnvironmentApplyResult apply_environment(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                                         const ApplyOptions& options, const PruneOptions& prune, const Log& log);

}  // namespace kgen::kube

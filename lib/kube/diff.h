// `kgen diff`: what an apply would change, per object: the live object against the
// server's dry-run of the apply, as unified diffs of YAML, Secret values redacted.
#pragma once

#include <string>
#include <vector>

#include "kube/plan.h"

namespace kgen::kube {

struct ObjectDiff {
  std::string label;  // "<resource> <ns>.<name>"
  std::string diff;   // unified diff, never empty
};

std::vector<ObjectDiff> diff_objects(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                                     const std::string& default_ns, const std::string& field_manager,
                                     const std::string& applyset_id);

// Secret `data`/`stringData` values replaced by "***" (before and after differ: "*** (before)"
// and "*** (after)"), as kubectl diff does, so diffs never show secret values.
void redact_secret_pair(nlohmann::json* before, nlohmann::json* after);

}  // namespace kgen::kube

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

struct DiffOptions {
  std::string default_ns;
  std::string field_manager = "kgen";
  std::string applyset_id;
  // An object the server refuses to change because immutable fields changed: without this,
  // an error saying it would need replacing; with it, the diff of the replacement (the
  // live object against the object as it would be created), labelled "(replace)".
  bool force_replace = false;
};

// Throws kgen::Error naming the object when the server refuses its dry run.
std::vector<ObjectDiff> diff_objects(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                                     const DiffOptions& options, const Log& log);

// Secret `data`/`stringData` values replaced by "***" (before and after differ: "*** (before)"
// and "*** (after)"), as kubectl diff does, so diffs never show secret values.
void redact_secret_pair(nlohmann::json* before, nlohmann::json* after);

}  // namespace kgen::kube

#include "kube/apply_environment.h"

#include "kube/json_access.h"
#include "kube/remove.h"

namespace kgen::kube {

EnvironmentApplyResult apply_environment(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                                         const ApplyOptions& options, const PruneOptions& prune, const Log& log) {
  const ApplySet& set = options.applyset;
  const bool dry = options.dry_run != DryRun::None;
  ApplySetRecord record = read_applyset(client, set);
  if (record.exists && record.tooling.rfind("kgen/", 0) != 0) {
    throw Error("Secret " + set.ns + "/" + set.name + " is an ApplySet of \"" + record.tooling + "\", not kgen's",
                "delete it or apply this environment to another namespace");
  }
  const ApplySetRecord before = record;
  for (const auto& m : manifests) {
    record.group_kinds.insert(group_kind(m.object));
    const std::string object_ns = text_at(member(m.object, "metadata"), "namespace");
    if (!object_ns.empty() && object_ns != set.ns) record.namespaces.insert(object_ns);
  }
  bool parent_written = false;
  if (!dry) {
    try {
      write_applyset(client, set, record, false);
      parent_written = true;
    } catch (const ApiError& e) {
      if (e.status() != 404) throw;  // the namespace is one of the objects to apply: record after
    }
  }

  EnvironmentApplyResult result;
  result.applied = apply_objects(client, discovery, manifests, options, log);

  if (prune.enabled) {
    const auto candidates = prune_candidates(client, discovery, set, record, result.applied.applied, prune.components);
    if (!candidates.empty() && !dry && prune.confirm) {
      for (const auto& c : candidates) log(LogLevel::Info, "Would prune " + c.describe());
      if (!prune.confirm(candidates)) {
        throw Error("not pruning " + std::to_string(candidates.size()) + " object(s) without confirmation",
                    "pass --yes to prune without asking (or --dry-run to only list them)");
      }
    }
    for (const auto& c : candidates) {
      log(LogLevel::Info, (dry ? "Would prune " : "Pruning ") + c.describe());
      if (!dry && delete_one(client, resource_path(c.info, c.ns, c.name), c.uid, false)) ++result.pruned;
    }
    // After a full prune the set holds exactly what was applied; after a partial one (-c),
    // the kinds of the components not selected stay recorded.
    if (!dry && prune.components.empty()) {
      record.group_kinds = result.applied.group_kinds;
      record.namespaces = result.applied.namespaces;
    }
  }
  if (!dry && (!parent_written || !before.exists || record.group_kinds != before.group_kinds ||
               record.namespaces != before.namespaces)) {
    try {
      write_applyset(client, set, record, false);
    } catch (const ApiError& e) {
      if (e.status() != 404) throw;
      log(LogLevel::Warning, "cannot record what this apply owns in Secret " + set.ns + "/" + set.name + " (namespace " + set.ns +
                                 " does not exist), so --prune will not find these objects");
    }
  }
  return result;
}

}  // namespace kgen::kube

// ApplySets (KEP-3659): which objects an environment's applies own, so that `--prune`
// deletes only those that are no longer rendered. The parent is a Secret in the
// environment's namespace; members carry the `applyset.kubernetes.io/part-of` label.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "kube/plan.h"

namespace kgen::kube {

struct ApplySet {
  std::string name;  // the parent Secret
  std::string ns;
  std::string id;    // applyset-<base64url(sha256(name.ns.Secret.))>-v1, as kubectl computes it
};

// The set of environment `env` in namespace `ns`.
ApplySet applyset_for(const std::string& env, const std::string& ns);

// "Kind.group" ("Kind" for the core group), the annotation's spelling.
std::string group_kind(const nlohmann::json& object);

// What the parent records: group-kinds and extra namespaces (empty when there is no parent).
struct ApplySetRecord {
  bool exists = false;
  std::string tooling;
  std::set<std::string> group_kinds;
  std::set<std::string> namespaces;  // besides the parent's
};
ApplySetRecord read_applyset(Client* client, const ApplySet& set);

// Creates or updates the parent (server-side apply, so it is idempotent).
void write_applyset(Client* client, const ApplySet& set, const ApplySetRecord& record, bool dry_run);

// A live member of the set that the current render no longer contains.
struct PruneCandidate {
  ResourceInfo info;
  std::string ns, name, uid, component;
  std::string describe() const { return info.resource + " " + (ns.empty() ? name : ns + "." + name); }
};

// Members of `set` (of the recorded group-kinds, in the recorded namespaces) that are not
// in `keep` ("group/Kind/ns/name" keys, see member_key) and have no controller owner.
// With `components` non-empty, only members labelled with one of them.
std::vector<PruneCandidate> prune_candidates(Client* client, Discovery* discovery, const ApplySet& set,
                                             const ApplySetRecord& record, const std::set<std::string>& keep,
                                             const std::set<std::string>& components);

std::string member_key(const std::string& group, const std::string& kind, const std::string& ns, const std::string& name);

}  // namespace kgen::kube

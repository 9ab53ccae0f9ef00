// `kgen apply`: server-side apply of an environment's objects, in order, with ks's log
// lines, CRDs established before their custom resources, and the ApplySet record that
// `--prune` relies on.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "kube/applyset.h"
#include "kube/plan.h"

namespace kgen::kube {

enum class DryRun { None, Client, Server };

struct ApplyOptions {
  DryRun dry_run = DryRun::None;
  bool force_conflicts = false;
  std::string field_manager = "kgen";
  std::string default_ns;
  ApplySet applyset;          // members get its part-of label; the parent records their kinds
  long crd_timeout_ms = 60000;  // waiting for a new CRD to be Established
  long poll_interval_ms = 500;
  // Objects the server refuses only because immutable fields changed are deleted
  // (foreground, waiting until gone) and created again; never on any other error.
  bool force_replace = false;
  // Asked before each replacement (not for dry runs); false stops the apply. Empty: no question.
  std::function<bool(const std::string& object, const std::vector<std::string>& fields)> confirm_replace;
  long replace_timeout_ms = 300000;
};

struct ApplyResult {
  int created = 0;
  int configured = 0;
  int unchanged = 0;
  int replaced = 0;
  std::set<std::string> applied;  // member_key() of every object sent
  std::set<std::string> group_kinds;
  std::set<std::string> namespaces;
};

// Applies `manifests` in apply order. Stops at the first object the server refuses
// (objects already applied stay applied) and throws kgen::Error naming the object, its
// component and, for field conflicts, each field and its manager; for immutable fields,
// each field path. A dry run fails where the apply would: it skips only custom resources
// whose CustomResourceDefinition is among `manifests` (the dry run did not create it).
ApplyResult apply_objects(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                          const ApplyOptions& options, const Log& log);

// What apply adds to every object: kgen's labels.
nlohmann::json with_kgen_labels(nlohmann::json object, const std::string& applyset_id);

}  // namespace kgen::kube

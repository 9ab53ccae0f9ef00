// `kgen delete` and the deleting half of `--prune`: DELETE with foreground
// propagation, NotFound counted as success, optionally waiting until objects are gone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kube/applyset.h"
#include "kube/plan.h"

namespace kgen::kube {

struct DeleteOptions {
  bool dry_run = false;
  bool wait = false;
  // Seconds each object gets to terminate (0: at once); negative: each object's own, as
  // ks's default -1 left them.
  long grace_period_seconds = -1;
  long timeout_ms = 300000;
  long poll_interval_ms = 500;
  std::string default_ns;
  // The environment's ApplySet, when the whole environment is deleted: its parent Secret
  // goes too (last), so nothing of the environment is left behind.
  std::optional<ApplySet> applyset;
};

struct DeleteResult {
  int deleted = 0;
  int missing = 0;
};

// Deletes `manifests` in reverse apply order. Throws kgen::Error naming the object.
DeleteResult delete_objects(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                            const DeleteOptions& options, const Log& log);

// One DELETE of `path` (with a UID precondition when `uid` is given, a grace period
// when it is not negative); false when it was already gone.
bool delete_one(Client* client, const std::string& path, const std::string& uid, bool dry_run,
                long grace_period_seconds = -1);

// Polls until every path answers 404, or throws at the timeout.
void wait_deleted(Client* client, const std::vector<std::pair<std::string, std::string>>& paths_and_names,
                  long timeout_ms, long poll_interval_ms, const Log& log);

}  // namespace kgen::kube

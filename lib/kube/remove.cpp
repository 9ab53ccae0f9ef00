#include "kube/remove.h"
#include "kube/json_access.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace kgen::kube {

using nlohmann::json;

bool delete_one(Client* client, const std::string& path, const std::string& uid, bool dry_run,
                long grace_period_seconds) {
  json options = {{"apiVersion", "v1"}, {"kind", "DeleteOptions"}, {"propagationPolicy", "Foreground"}};
  if (!uid.empty()) options["preconditions"] = {{"uid", uid}};
  if (grace_period_seconds >= 0) options["gracePeriodSeconds"] = grace_period_seconds;
  if (dry_run) options["dryRun"] = json::array({"All"});
  try {
    client->call("DELETE", path, options.dump());
    return true;
  } catch (const ApiError& e) {
    if (e.status() == 404) return false;
    if (e.status() == 409 && !uid.empty()) return false;  // replaced by a new object since it was listed
    throw;
  }
}

void wait_deleted(Client* client, const std::vector<std::pair<std::string, std::string>>& paths_and_names,
                  long timeout_ms, long poll_interval_ms, const Log& log) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  auto pending = paths_and_names;
  while (!pending.empty()) {
    std::vector<std::pair<std::string, std::string>> still;
    for (const auto& entry : pending) {
      try {
        client->get(entry.first);
        still.push_back(entry);
      } catch (const ApiError& e) {
        if (e.status() != 404) throw;
        log(LogLevel::Info, "Deleted " + entry.second);
      }
    }
    pending = std::move(still);
    if (pending.empty()) break;
    if (std::chrono::steady_clock::now() > deadline) {
      throw Error(std::to_string(pending.size()) + " object(s) still exist after " + std::to_string(timeout_ms / 1000) +
                      " s, first " + pending.front().second,
                  "finalizers may be holding them: kubectl get -o yaml shows metadata.finalizers");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(poll_interval_ms));
  }
}

DeleteResult delete_objects(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                            const DeleteOptions& options, const Log& log) {
  DeleteResult result;
  auto ordered = order_for_apply(manifests);
  std::reverse(ordered.begin(), ordered.end());
  std::vector<std::pair<std::string, std::string>> deleted;
  const std::string suffix = options.dry_run ? " (dry run)" : "";
  for (const Manifest* manifest : ordered) {
    if (!is_crd(manifest->object) &&
        !discovery->serves(text_at(manifest->object, "apiVersion"), text_at(manifest->object, "kind"))) {
      ++result.missing;  // its CRD is gone, so is it
      continue;
    }
    const Target target = address(*manifest, discovery, options.default_ns);
    log(LogLevel::Info, "Deleting " + target.describe() + suffix);
    try {
      if (delete_one(client, target.path(), "", options.dry_run, options.grace_period_seconds)) {
        ++result.deleted;
        deleted.emplace_back(target.path(), target.describe());
      } else {
        log(LogLevel::Debug, target.describe() + " did not exist");
        ++result.missing;
      }
    } catch (const Error& e) {
      throw Error("Error deleting " + target.describe() + " (component " + manifest->component + "): " + e.message(), e.hint());
    }
  }
  if (options.applyset) {
    const ApplySet& set = *options.applyset;
    const ApplySetRecord record = read_applyset(client, set);
    if (record.exists && record.tooling.rfind("kgen/", 0) == 0) {
      const std::string label = "secrets " + set.ns + "." + set.name + " (the record of what this environment owns)";
      const std::string path = "/api/v1/namespaces/" + set.ns + "/secrets/" + set.name;
      log(LogLevel::Info, "Deleting " + label + suffix);
      if (delete_one(client, path, "", options.dry_run, options.grace_period_seconds)) deleted.emplace_back(path, label);
    }
  }
  if (options.wait && !options.dry_run) wait_deleted(client, deleted, options.timeout_ms, options.poll_interval_ms, log);
  return result;
}

}  // namespace kgen::kube

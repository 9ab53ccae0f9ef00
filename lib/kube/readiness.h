// Whether a live object is ready, as the tutorial checks it by hand: Jobs complete
// (COMPLETIONS 1/1), PVCs Bound, Deployments and StatefulSets rolled out.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "kube/plan.h"

namespace kgen::kube {

enum class ReadyState { Ready, Progressing, Failed, Missing };

struct Readiness {
  ReadyState state = ReadyState::Missing;
  std::string summary;  // "Complete", "Bound", "Running", "Failed", "Pending", "Missing"
  std::string detail;   // "1/1", "2/3 updated", a failure reason
};

// From the live object (null when it does not exist).
Readiness readiness_of(const nlohmann::json& live);

struct ObjectStatus {
  std::string kind;
  std::string name;  // namespace.name, or name
  std::string component;
  Readiness readiness;
};

// The readiness of every object of `manifests`, in apply order.
std::vector<ObjectStatus> object_statuses(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                                          const std::string& default_ns);

const char* state_name(ReadyState state);

struct WaitOptions {
  long timeout_ms = 300000;
  long poll_interval_ms = 2000;
};

// Polls until every object is ready, calling `progress` after each round. Throws
// kgen::Error when an object fails (a Job's Failed condition, a Deployment past its
// progress deadline) or at the timeout, naming what was not ready.
std::vector<ObjectStatus> wait_ready(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                                     const std::string& default_ns, const WaitOptions& options,
                                     const std::function<void(const std::vector<ObjectStatus>&)>& progress);

}  // namespace kgen::kube

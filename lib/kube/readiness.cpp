#include "kube/readiness.h"
#include "kube/json_access.h"

#include <chrono>
#include <thread>

namespace kgen::kube {

using nlohmann::json;

namespace {

long number(const json& object, const char* key, long fallback = 0) {
  return object.is_object() && object.contains(key) && object[key].is_number_integer() ? object[key].get<long>() : fallback;
}

const json* condition(const json& status, const std::string& type) {
  if (!status.contains("conditions") || !status["conditions"].is_array()) return nullptr;
  for (const auto& c : status["conditions"]) {
    if (text_at(c, "type") == type) return &c;
  }
  return nullptr;
}

Readiness job(const json& live) {
  const json& spec = member(live, "spec");
  const json& status = member(live, "status");
  const long completions = number(spec, "completions", 1);
  const long succeeded = number(status, "succeeded");
  const std::string counts = std::to_string(succeeded) + "/" + std::to_string(completions);
  if (const json* failed = condition(status, "Failed"); failed != nullptr && text_at(*failed, "status") == "True") {
    return {ReadyState::Failed, "Failed", counts + " " + text_at(*failed, "reason") + ": " + text_at(*failed, "message")};
  }
  const json* complete = condition(status, "Complete");
  if ((complete != nullptr && text_at(*complete, "status") == "True") || succeeded >= completions) {
    return {ReadyState::Ready, "Complete", counts};
  }
  return {ReadyState::Progressing, number(status, "active") > 0 ? "Running" : "Pending", counts};
}

Readiness rollout(const json& live, bool stateful) {
  const json& spec = member(live, "spec");
  const json& status = member(live, "status");
  const long wanted = number(spec, "replicas", 1);
  const long generation = number(member(live, "metadata"), "generation");
  const long observed = number(status, "observedGeneration");
  const long updated = number(status, "updatedReplicas");
  const long ready = number(status, stateful ? "readyReplicas" : "availableReplicas");
  const std::string counts = std::to_string(ready) + "/" + std::to_string(wanted);
  if (!stateful) {
    if (const json* progressing = condition(status, "Progressing");
        progressing != nullptr && text_at(*progressing, "reason") == "ProgressDeadlineExceeded") {
      return {ReadyState::Failed, "Failed", counts + " ProgressDeadlineExceeded"};
    }
  }
  if (observed >= generation && updated >= wanted && ready >= wanted) return {ReadyState::Ready, "Available", counts};
  return {ReadyState::Progressing, "Progressing", counts + " (" + std::to_string(updated) + " updated)"};
}

}  // namespace

const char* state_name(ReadyState state) {
  switch (state) {
    case ReadyState::Ready: return "ready";
    case ReadyState::Progressing: return "progressing";
    case ReadyState::Failed: return "failed";
    case ReadyState::Missing: return "missing";
  }
  return "";
}

Readiness readiness_of(const json& live) {
  if (live.is_null()) return {ReadyState::Missing, "Missing", ""};
  const std::string kind = text_at(live, "kind");
  if (kind == "Job") return job(live);
  if (kind == "Deployment") return rollout(live, false);
  if (kind == "StatefulSet") return rollout(live, true);
  if (kind == "PersistentVolumeClaim") {
    const std::string phase = text_at(member(live, "status"), "phase", "Pending");
    if (phase == "Bound") return {ReadyState::Ready, "Bound", ""};
    if (phase == "Lost") return {ReadyState::Failed, "Lost", "the bound volume is gone"};
    return {ReadyState::Progressing, phase, ""};
  }
  return {ReadyState::Ready, "Present", ""};
}

std::vector<ObjectStatus> object_statuses(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                                          const std::string& default_ns) {
  std::vector<ObjectStatus> statuses;
  for (const Manifest* manifest : order_for_apply(manifests)) {
    ObjectStatus status;
    status.kind = text_at(manifest->object, "kind");
    status.component = manifest->component;
    if (!discovery->serves(text_at(manifest->object, "apiVersion"), status.kind)) {
      status.name = text_at(member(manifest->object, "metadata"), "name");
      statuses.push_back(status);  // missing: the server does not even serve its kind
      continue;
    }
    const Target target = address(*manifest, discovery, default_ns);
    status.name = target.ns.empty() ? target.name : target.ns + "." + target.name;
    json live;
    try {
      live = client->get(target.path());
    } catch (const ApiError& e) {
      if (e.status() != 404) throw;
    }
    status.readiness = readiness_of(live);
    statuses.push_back(status);
  }
  return statuses;
}

std::vector<ObjectStatus> wait_ready(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                                     const std::string& default_ns, const WaitOptions& options,
                                     const std::function<void(const std::vector<ObjectStatus>&)>& progress) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.timeout_ms);
  for (;;) {
    const auto statuses = object_statuses(client, discovery, manifests, default_ns);
    if (progress) progress(statuses);
    const ObjectStatus* waiting = nullptr;
    for (const auto& s : statuses) {
      if (s.readiness.state == ReadyState::Failed) {
        throw Error(s.kind + " " + s.name + " (component " + s.component + ") failed: " + s.readiness.detail,
                    "see kubectl describe " + s.kind + " " + s.name.substr(s.name.find('.') + 1) + " and its pods' logs");
      }
      if (s.readiness.state != ReadyState::Ready && waiting == nullptr) waiting = &s;
    }
    if (waiting == nullptr) return statuses;
    if (std::chrono::steady_clock::now() >= deadline) {
      throw Error("timed out after " + std::to_string(options.timeout_ms / 1000) + " s waiting for " + waiting->kind + " " +
                      waiting->name + " (" + waiting->readiness.summary +
                      (waiting->readiness.detail.empty() ? "" : " " + waiting->readiness.detail) + ")",
                  "raise --timeout, or check the object with kubectl describe");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_interval_ms));
  }
}

}  // namespace kgen::kube

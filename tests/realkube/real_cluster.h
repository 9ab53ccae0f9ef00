// The real control plane of the real_kube ctest fixture (tests/realkube/cluster.sh),
// seen from a test: its kubeconfig, an admin client, a namespace of the test's own (so
// tests run in parallel), and a bounded stand-in for the kubelet.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "kube/client.h"
#include "support/app_copy.h"
#include "support/temp_dir.h"

namespace kgen::testing {

// The folder the fixture wrote ($KGEN_REAL_KUBE_DIR); throws when the test runs without it.
std::string real_kube_dir();

// An admin client of the cluster in `dir` (its kubeconfig's current context).
std::unique_ptr<kube::Client> admin_client(const std::string& dir);

// Marks the Pending pods of one namespace Succeeded, as a kubelet would after running
// them (there is none): at most `max_pods` pods, for at most `max_seconds`, polling
// every 100 ms. `before_marking` sees each pod first (a test records or checks there).
class KubeletStandIn {
 public:
  KubeletStandIn(const std::string& dir, std::string ns, int max_pods, int max_seconds = 120,
                 std::function<void(const nlohmann::json& pod)> before_marking = {});
  ~KubeletStandIn();  // stops and joins
  std::set<std::string> marked() const;  // pod names

 private:
  void run(int max_pods, int max_seconds);
  std::unique_ptr<kube::Client> client_;
  std::string ns_;
  std::function<void(const nlohmann::json&)> before_marking_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::set<std::string> marked_;
  std::thread thread_;
};

// A test on the real cluster: a fresh namespace (deleted afterwards) and a copy of the
// repository's app whose `default` environment points at the cluster and that namespace.
class RealClusterTest : public ::testing::Test {
 protected:
  RealClusterTest();
  ~RealClusterTest() override;

  // kgen in the app with the fixture's kubeconfig (KUBECONFIG), stdin empty.
  ProcessResult kgen(std::vector<std::string> args, const std::map<std::string, std::string>& env = {});

  // Admin requests; `get` returns null for 404.
  nlohmann::json get(const std::string& path);
  nlohmann::json create(const std::string& collection_path, const nlohmann::json& object);
  // A namespace of this test (deleted at the end), ready for pods (its ServiceAccount token exists).
  std::string create_namespace(const std::string& prefix);
  // A static PersistentVolume reserved for `ns`/`claim` (claimRef), so parallel tests never share one.
  void create_volume_for(const std::string& ns, const std::string& claim, const std::string& storage_class,
                         const std::string& access_mode, const std::string& size, const std::string& volume_mode);
  // Writes components/<name>.json into the app (an object, or a List of them).
  void write_component(const std::string& name, const nlohmann::json& object);
  void remove_component(const std::string& name);
  // Polls `done` every 100 ms for up to `seconds`; true when it held.
  static bool eventually(const std::function<bool()>& done, int seconds);

  std::string dir_;
  std::string kubeconfig_;
  std::string server_;
  std::string version_;  // what the server reports ("v1.20.2")
  std::string ns_;  // the app's namespace
  std::unique_ptr<kube::Client> admin_;
  std::optional<AppCopy> app_;
  TempDir files_;

 private:
  std::vector<std::string> namespaces_;
  std::vector<std::string> volumes_;
};

}  // namespace kgen::testing

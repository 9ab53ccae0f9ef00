#include "realkube/real_cluster.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

#include "common/files.h"
#include "kube/kubeconfig.h"

namespace kgen::testing {

using nlohmann::json;

namespace {

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Lower-case letters and digits: namespace names of one run never repeat.
std::string random_suffix() {
  static std::mt19937 engine{std::random_device{}()};
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string suffix;
  for (int i = 0; i < 6; ++i) suffix += kChars[engine() % 36];
  return suffix;
}

}  // namespace

std::string real_kube_dir() {
  const char* dir = std::getenv("KGEN_REAL_KUBE_DIR");
  if (dir == nullptr || *dir == '\0') {
    throw std::runtime_error("KGEN_REAL_KUBE_DIR is not set: run this test through ctest (fixture real_kube)");
  }
  if (!try_read_file(std::string(dir) + "/server")) {
    throw std::runtime_error(std::string("no running cluster in ") + dir + ": tests/realkube/cluster.sh start " + dir);
  }
  return dir;
}

std::unique_ptr<kube::Client> admin_client(const std::string& dir) {
  kube::AccessRequest request;
  request.files = {dir + "/kubeconfig"};
  request.explicit_file = true;
  request.env_name = "real-kube";
  request.env_server = trimmed(read_file(dir + "/server"));
  kube::ClientOptions options;
  options.max_attempts = 1;
  return std::make_unique<kube::Client>(kube::resolve_access(request), options);
}

KubeletStandIn::KubeletStandIn(const std::string& dir, std::string ns, int max_pods, int max_seconds,
                               std::function<void(const json&)> before_marking)
    : client_(admin_client(dir)), ns_(std::move(ns)), before_marking_(std::move(before_marking)) {
  thread_ = std::thread([this, max_pods, max_seconds] { run(max_pods, max_seconds); });
}

KubeletStandIn::~KubeletStandIn() {
  stop_ = true;
  thread_.join();
}

std::set<std::string> KubeletStandIn::marked() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return marked_;
}

void KubeletStandIn::run(int max_pods, int max_seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(max_seconds);
  int count = 0;
  while (!stop_ && count < max_pods && std::chrono::steady_clock::now() < deadline) {
    try {
      const json pods = client_->get("/api/v1/namespaces/" + ns_ + "/pods");
      for (const auto& pod : pods.value("items", json::array())) {
        if (pod["status"].value("phase", "") != "Pending" || count >= max_pods) continue;
        const std::string name = pod["metadata"]["name"];
        if (before_marking_) before_marking_(pod);
        client_->call("PATCH", "/api/v1/namespaces/" + ns_ + "/pods/" + name + "/status",
                      R"({"status":{"phase":"Succeeded"}})", "application/merge-patch+json");
        std::lock_guard<std::mutex> lock(mutex_);
        marked_.insert(name);
        ++count;
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << "kubelet stand-in in " << ns_ << ": " << e.what();
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

RealClusterTest::RealClusterTest()
    : dir_(real_kube_dir()), kubeconfig_(dir_ + "/kubeconfig"), server_(trimmed(read_file(dir_ + "/server"))),
      version_(trimmed(read_file(dir_ + "/version"))), admin_(admin_client(dir_)) {
  app_.emplace(AppCopy::RootApp{});
  ns_ = create_namespace("kgen");
  const ProcessResult set = app_->kgen({"env", "set", "default", "--server", server_, "--namespace", ns_});
  if (set.exit_code != 0) throw std::runtime_error("env set failed: " + set.err);
}

RealClusterTest::~RealClusterTest() {
  // Not waited for: the namespace controller removes their contents meanwhile.
  for (const auto& ns : namespaces_) {
    try {
      admin_->call("DELETE", "/api/v1/namespaces/" + ns);
    } catch (const std::exception&) {
    }
  }
  for (const auto& pv : volumes_) {
    try {
      admin_->call("DELETE", "/api/v1/persistentvolumes/" + pv);
    } catch (const std::exception&) {
    }
  }
}

ProcessResult RealClusterTest::kgen(std::vector<std::string> args, const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> all = {{"KUBECONFIG", kubeconfig_}};
  for (const auto& [k, v] : env) all[k] = v;
  return app_->kgen(args, all);
}

json RealClusterTest::get(const std::string& path) {
  try {
    return admin_->get(path);
  } catch (const kube::ApiError& e) {
    if (e.status() == 404) return nullptr;
    throw;
  }
}

json RealClusterTest::create(const std::string& collection_path, const json& object) {
  return admin_->call("POST", collection_path, object.dump()).body;
}

std::string RealClusterTest::create_namespace(const std::string& prefix) {
  const std::string name = prefix + "-" + random_suffix();
  create("/api/v1/namespaces", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}});
  namespaces_.push_back(name);
  const bool ready = eventually(
      [&] {
        const json sa = get("/api/v1/namespaces/" + name + "/serviceaccounts/default");
        return !sa.is_null() && !sa.value("secrets", json::array()).empty();
      },
      60);
  if (!ready) throw std::runtime_error("namespace " + name + ": its default ServiceAccount got no token within 60 s");
  return name;
}

void RealClusterTest::create_volume_for(const std::string& ns, const std::string& claim, const std::string& storage_class,
                                        const std::string& access_mode, const std::string& size,
                                        const std::string& volume_mode) {
  const std::string name = "pv-" + ns + "-" + claim;
  create("/api/v1/persistentvolumes",
         {{"apiVersion", "v1"},
          {"kind", "PersistentVolume"},
          {"metadata", {{"name", name}}},
          {"spec",
           {{"capacity", {{"storage", size}}},
            {"accessModes", {access_mode}},
            {"storageClassName", storage_class},
            {"volumeMode", volume_mode},
            {"persistentVolumeReclaimPolicy", "Delete"},
            {"claimRef", {{"namespace", ns}, {"name", claim}}},
            {"hostPath", {{"path", "/tmp/" + name}}}}}});
  volumes_.push_back(name);
}

void RealClusterTest::write_component(const std::string& name, const json& object) {
  std::ofstream(app_->file("components/" + name + ".json"), std::ios::binary) << object.dump(2) << "\n";
}

void RealClusterTest::remove_component(const std::string& name) {
  if (std::remove(app_->file("components/" + name + ".json").c_str()) != 0) {
    throw std::runtime_error("cannot remove component " + name);
  }
}

bool RealClusterTest::eventually(const std::function<bool()>& done, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace kgen::testing

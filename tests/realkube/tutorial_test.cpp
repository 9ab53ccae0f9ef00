// The pet-detector tutorial on the real control plane, in the tutorial's order: the PVC
// (bound by the real PV controller to a static volume), then the download Jobs, then the
// decompress Jobs, then the TFRecord Job, each stage waited for with --wait before the next
// starts. A stand-in kubelet marks pods Succeeded and checks that no pod starts before the
// stage it reads from has completed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <mutex>

#include "realkube/real_cluster.h"

namespace kgen::testing {
namespace {

using nlohmann::json;

const std::vector<std::pair<std::string, std::vector<std::string>>> kStages = {
    {"get-data-job", {"dataset", "annotations", "model", "config"}},
    {"decompress-data-job", {"dataset", "annotations", "model"}},
    {"create-pet-record-job", {""}},
};

std::string job_name(const std::string& component, const std::string& suffix) {
  return suffix.empty() ? component : component + "-" + suffix;
}

class RealTutorial : public RealClusterTest {
 protected:
  bool job_complete(const std::string& name) {
    const json job = get("/apis/batch/v1/namespaces/" + ns_ + "/jobs/" + name);
    if (job.is_null()) return false;
    for (const auto& c : job["status"].value("conditions", json::array())) {
      if (c.value("type", "") == "Complete" && c.value("status", "") == "True") return true;
    }
    return false;
  }
};

TEST_F(RealTutorial, AppliesAndWaitsStageByStageInTheTutorialsOrder) {
  // The tutorial's claim asks for a block device (volumeMode: Block), which the volume must match.
  create_volume_for(ns_, "pets-pvc", "ontap-gold", "ReadWriteMany", "20Gi", "Block");
  std::mutex mutex;
  std::vector<std::string> started;  // job of each pod, in the order the stand-in saw them
  std::vector<std::string> early;    // pods that started before their input existed
  KubeletStandIn kubelet(dir_, ns_, 8, 240, [&](const json& pod) {
    const std::string job = pod["metadata"]["labels"].value("job-name", "");
    for (size_t stage = 1; stage < kStages.size(); ++stage) {
      if (job.rfind(kStages[stage].first, 0) != 0) continue;
      for (const auto& suffix : kStages[stage - 1].second) {
        if (!job_complete(job_name(kStages[stage - 1].first, suffix))) {
          std::lock_guard<std::mutex> lock(mutex);
          early.push_back(job + " before " + job_name(kStages[stage - 1].first, suffix));
        }
      }
    }
    std::lock_guard<std::mutex> lock(mutex);
    started.push_back(job);
  });

  const ProcessResult pvc = kgen({"apply", "default", "-c", "pets-pvc", "--wait", "--poll-interval-ms", "200"});
  ASSERT_EQ(pvc.exit_code, 0) << pvc.err;
  EXPECT_EQ(get("/api/v1/namespaces/" + ns_ + "/persistentvolumeclaims/pets-pvc")["status"]["phase"], "Bound");
  for (const auto& [component, suffixes] : kStages) {
    const ProcessResult stage = kgen({"apply", "default", "-c", component, "--wait", "--poll-interval-ms", "200"});
    ASSERT_EQ(stage.exit_code, 0) << component << ":\n" << stage.err;
    for (const auto& suffix : suffixes) EXPECT_TRUE(job_complete(job_name(component, suffix))) << job_name(component, suffix);
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    EXPECT_EQ(started.size(), 8u);
    EXPECT_TRUE(early.empty()) << ::testing::PrintToString(early);
  }

  const ProcessResult status = kgen({"status", "default"});
  EXPECT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find(ns_ + ".pets-pvc"), std::string::npos) << status.out;
  size_t complete = 0;
  for (size_t at = status.out.find("Complete   1/1"); at != std::string::npos; at = status.out.find("Complete   1/1", at + 1)) ++complete;
  EXPECT_EQ(complete, 8u) << status.out;
  EXPECT_NE(status.out.find("Bound"), std::string::npos) << status.out;
}

}  // namespace
}  // namespace kgen::testing

// The real kubectl against the test API server, next to kgen: each sees what the other
// applied. This is what shows the test server speaks the protocol real clusters speak.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cluster_support.h"

namespace kgen::testing {
namespace {

using nlohmann::json;

class KubectlInterop : public ClusterTest {
 protected:
  void SetUp() override {
    const ProcessResult which = run_process({"/bin/sh", "-c", "command -v kubectl"}, files_.path());
    if (which.exit_code != 0) GTEST_SKIP() << "kubectl is not installed";
    kubectl_path_ = which.out.substr(0, which.out.find('\n'));
  }
  ProcessResult kubectl(std::vector<std::string> args) {
    args.insert(args.begin(), kubectl_path_);
    ProcessResult result = run_process(args, app_->path(), {{"KUBECONFIG", kubeconfig_}, {"HOME", files_.path()}});
    outputs_.push_back(result.out + result.err);
    return result;
  }
  std::string kubectl_path_;
};

TEST_F(KubectlInterop, KubectlSeesWhatKgenApplied) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  const ProcessResult get = kubectl({"get", "jobs", "-n", "kubeflow", "-o", "json"});
  ASSERT_EQ(get.exit_code, 0) << get.err;
  const json list = json::parse(get.out);
  ASSERT_EQ(list["items"].size(), 8u);
  EXPECT_EQ(list["items"][0]["metadata"]["labels"]["app.kubernetes.io/managed-by"], "kgen");
  const ProcessResult pvc = kubectl({"get", "pvc", "pets-pvc", "-n", "kubeflow", "-o", "yaml", "--show-managed-fields"});
  ASSERT_EQ(pvc.exit_code, 0) << pvc.err;
  EXPECT_NE(pvc.out.find("manager: kgen"), std::string::npos) << pvc.out;
  EXPECT_NE(pvc.out.find("storage: 20Gi"), std::string::npos);
}

TEST_F(KubectlInterop, KgenSeesWhatKubectlAppliedAndDeleted) {
  // kubectl applies the same PVC first (server-side): the two managers share its fields.
  ASSERT_EQ(kgen({"show", "default", "-c", "pets-pvc", "-o", "json"}).exit_code, 0);
  const std::string manifest = app_->kgen({"show", "default", "-c", "pets-pvc"}).out;
  const std::string file = files_.write("pvc.yaml", manifest);
  const ProcessResult apply = kubectl({"apply", "--server-side", "--validate=false", "-f", file});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_NE(apply.out.find("persistentvolumeclaim/pets-pvc serverside-applied"), std::string::npos) << apply.out;
  EXPECT_EQ(kgen({"diff", "default", "-c", "pets-pvc"}).exit_code, 10);  // kgen's labels are missing
  const ProcessResult kgen_apply = kgen({"apply", "default", "-c", "pets-pvc"});
  ASSERT_EQ(kgen_apply.exit_code, 0) << kgen_apply.err;
  EXPECT_NE(kgen_apply.err.find("0 created, 1 configured"), std::string::npos) << kgen_apply.err;

  // kubectl changes a field kgen owns: kgen's apply reports the conflict with kubectl.
  const ProcessResult patch = kubectl({"patch", "pvc", "pets-pvc", "-n", "kubeflow", "--type", "merge", "-p",
                                       R"({"spec":{"storageClassName":"standard"}})"});
  ASSERT_EQ(patch.exit_code, 0) << patch.err;
  const ProcessResult conflict = kgen({"apply", "default", "-c", "pets-pvc"});
  EXPECT_EQ(conflict.exit_code, 1);
  EXPECT_NE(conflict.err.find(".spec.storageClassName (managed by \"kubectl-patch\")"), std::string::npos) << conflict.err;

  // kubectl deletes it: kgen's status shows it missing.
  ASSERT_EQ(kubectl({"delete", "pvc", "pets-pvc", "-n", "kubeflow", "--wait=false"}).exit_code, 0);
  const ProcessResult status = kgen({"status", "default", "-c", "pets-pvc", "-o", "json"});
  EXPECT_EQ(status.exit_code, 3);
  EXPECT_EQ(json::parse(status.out)[0]["state"], "missing");
}

TEST_F(KubectlInterop, KgenDeletesWhatKubectlThenCannotFind) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  ASSERT_EQ(kgen({"delete", "default"}).exit_code, 0);
  const ProcessResult get = kubectl({"get", "jobs,pvc", "-n", "kubeflow", "-o", "name"});
  ASSERT_EQ(get.exit_code, 0) << get.err;
  EXPECT_EQ(get.out, "");
}

}  // namespace
}  // namespace kgen::testing

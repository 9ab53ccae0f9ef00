// kgen apply / diff / delete / status on the tutorial app against the test API server.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "common/files.h"
#include "e2e/cluster_support.h"

namespace kgen::testing {
namespace {

using nlohmann::json;

const std::vector<std::string> kJobs = {"create-pet-record-job",        "decompress-data-job-annotations",
                                        "decompress-data-job-dataset",  "decompress-data-job-model",
                                        "get-data-job-annotations",     "get-data-job-config",
                                        "get-data-job-dataset",         "get-data-job-model"};

std::string job_path(const std::string& name) { return "/apis/batch/v1/namespaces/kubeflow/jobs/" + name; }
const std::string kPvcPath = "/api/v1/namespaces/kubeflow/persistentvolumeclaims/pets-pvc";

// Compares with tests/e2e/cluster/<name>; KGEN_UPDATE_GOLDEN=1 rewrites the file instead.
void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(KGEN_SOURCE_DIR) + "/tests/e2e/cluster/" + name;
  if (const char* update = std::getenv("KGEN_UPDATE_GOLDEN"); update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(actual, read_file(path)) << "golden file " << path << " (KGEN_UPDATE_GOLDEN=1 rewrites it)";
}

class ClusterApply : public ClusterTest {};

TEST_F(ClusterApply, TutorialAppCreatesOnePvcAndEightJobsWithKsLogLines) {
  const ProcessResult apply = kgen({"apply", "default"});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_EQ(apply.out, "");
  expect_golden("apply-tutorial.err", normalized(apply.err));
  const json pvc = server_.object(kPvcPath);
  ASSERT_FALSE(pvc.is_null());
  EXPECT_EQ(pvc["spec"]["resources"]["requests"]["storage"], "20Gi");
  const json labels = pvc["metadata"]["labels"];
  EXPECT_EQ(labels["app.kubernetes.io/managed-by"], "kgen");
  EXPECT_EQ(labels["ksonnet.io/component"], "pets-pvc");
  EXPECT_EQ(labels["applyset.kubernetes.io/part-of"].get<std::string>().rfind("applyset-", 0), 0u);
  EXPECT_EQ(pvc["metadata"]["managedFields"][0]["manager"], "kgen");
  EXPECT_EQ(pvc["metadata"]["managedFields"][0]["operation"], "Apply");
  for (const auto& job : kJobs) EXPECT_FALSE(server_.object(job_path(job)).is_null()) << job;
  // The ApplySet parent records what the environment owns.
  const json parent = server_.object("/api/v1/namespaces/kubeflow/secrets/kgen-applyset-default");
  ASSERT_FALSE(parent.is_null());
  EXPECT_EQ(parent["metadata"]["annotations"]["applyset.kubernetes.io/contains-group-kinds"], "Job.batch,PersistentVolumeClaim");
  EXPECT_EQ(parent["metadata"]["labels"]["applyset.kubernetes.io/id"], labels["applyset.kubernetes.io/part-of"]);
}

TEST_F(ClusterApply, ASecondApplyChangesNothing) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  const std::string version = server_.object(kPvcPath)["metadata"]["resourceVersion"];
  const ProcessResult again = kgen({"apply", "default"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 created, 0 configured, 9 unchanged"), std::string::npos) << again.err;
  EXPECT_EQ(again.err.find("Creating non-existent"), std::string::npos);
  EXPECT_EQ(server_.object(kPvcPath)["metadata"]["resourceVersion"], version);
  EXPECT_EQ(kgen({"diff", "default"}).exit_code, 0);
  // -v names every request (the fixture's TearDown checks no credential is among them).
  const ProcessResult verbose = kgen({"apply", "default", "-v"});
  ASSERT_EQ(verbose.exit_code, 0);
  EXPECT_NE(verbose.err.find("level=debug msg=\"PATCH /api/v1/namespaces/kubeflow/persistentvolumeclaims/pets-pvc?fieldManager=kgen 200 "),
            std::string::npos)
      << verbose.err;
}

TEST_F(ClusterApply, AChangedParamPatchesOneObject) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  ASSERT_EQ(app_->kgen({"param", "set", "pets-pvc", "storage", "30Gi", "--env", "default"}).exit_code, 0);
  const ProcessResult diff = kgen({"diff", "default"});
  EXPECT_EQ(diff.exit_code, 10) << diff.err;
  expect_golden("diff-storage.out", diff.out);
  const ProcessResult apply = kgen({"apply", "default"});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_NE(apply.err.find("0 created, 1 configured, 8 unchanged"), std::string::npos) << apply.err;
  EXPECT_EQ(server_.object(kPvcPath)["spec"]["resources"]["requests"]["storage"], "30Gi");
}

TEST_F(ClusterApply, OnlySelectedComponents) {
  const ProcessResult apply = kgen({"apply", "default", "-c", "pets-pvc"});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_FALSE(server_.object(kPvcPath).is_null());
  EXPECT_TRUE(server_.object(job_path("get-data-job-model")).is_null());
}

TEST_F(ClusterApply, DryRunsWriteNothing) {
  const ProcessResult client = kgen({"apply", "default", "--dry-run"});
  ASSERT_EQ(client.exit_code, 0) << client.err;
  EXPECT_NE(client.err.find("Applying persistentvolumeclaims kubeflow.pets-pvc (dry run)"), std::string::npos) << client.err;
  EXPECT_NE(client.err.find("Would apply 9 object(s)"), std::string::npos);
  const ProcessResult server_side = kgen({"apply", "default", "--dry-run=server"});
  ASSERT_EQ(server_side.exit_code, 0) << server_side.err;
  EXPECT_NE(server_side.err.find("9 created"), std::string::npos) << server_side.err;
  EXPECT_TRUE(server_.object(kPvcPath).is_null());
  EXPECT_TRUE(server_.object("/api/v1/namespaces/kubeflow/secrets/kgen-applyset-default").is_null());
  EXPECT_EQ(kgen({"apply", "default", "--dry-run=sometimes"}).exit_code, 1);
}

TEST_F(ClusterApply, PruneDeletesOnlyRemovedMembersAndOnlyWhenAsked) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  // Jobs kgen did not apply survive every prune: one without the set's label, and one
  // with it but owned by a controller (its controller deletes it, not kgen).
  const std::string id = server_.object(kPvcPath)["metadata"]["labels"]["applyset.kubernetes.io/part-of"];
  ASSERT_EQ(server_.call("POST", "/apis/batch/v1/namespaces/kubeflow/jobs",
                         R"({"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"someone-elses"}})"),
            201);
  ASSERT_EQ(server_.call("POST", "/apis/batch/v1/namespaces/kubeflow/jobs",
                         R"({"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"owned","labels":{"applyset.kubernetes.io/part-of":")" +
                             id + R"("},"ownerReferences":[{"apiVersion":"batch/v1","kind":"CronJob","name":"c","uid":"x","controller":true}]}})"),
            201);
  ASSERT_EQ(app_->kgen({"component", "rm", "decompress-data-job"}).exit_code, 0);

  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  EXPECT_FALSE(server_.object(job_path("decompress-data-job-model")).is_null()) << "pruned without --prune";

  const ProcessResult unconfirmed = kgen({"apply", "default", "--prune"});
  EXPECT_EQ(unconfirmed.exit_code, 1);
  EXPECT_NE(unconfirmed.err.find("not pruning 3 object(s) without confirmation; pass --yes"), std::string::npos) << unconfirmed.err;
  EXPECT_FALSE(server_.object(job_path("decompress-data-job-model")).is_null());

  const ProcessResult dry = kgen({"apply", "default", "--prune", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.err.find("Would prune jobs kubeflow.decompress-data-job-model"), std::string::npos) << dry.err;
  EXPECT_FALSE(server_.object(job_path("decompress-data-job-model")).is_null());

  const ProcessResult prune = kgen({"apply", "default", "--prune", "--yes"});
  ASSERT_EQ(prune.exit_code, 0) << prune.err;
  EXPECT_NE(prune.err.find("Pruning jobs kubeflow.decompress-data-job-annotations"), std::string::npos) << prune.err;
  EXPECT_NE(prune.err.find("3 pruned"), std::string::npos);
  for (const char* gone : {"decompress-data-job-annotations", "decompress-data-job-dataset", "decompress-data-job-model"}) {
    EXPECT_TRUE(server_.object(job_path(gone)).is_null()) << gone;
  }
  EXPECT_FALSE(server_.object(job_path("get-data-job-model")).is_null());
  EXPECT_FALSE(server_.object(kPvcPath).is_null());
  EXPECT_FALSE(server_.object(job_path("someone-elses")).is_null());
  EXPECT_FALSE(server_.object(job_path("owned")).is_null());
  // The set now records only what is rendered; pruning again finds nothing.
  const ProcessResult again = kgen({"apply", "default", "--prune"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 pruned"), std::string::npos) << again.err;
}

TEST_F(ClusterApply, StatusAndWaitFollowSimulatedCompletion) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  const ProcessResult pending = kgen({"status", "default"});
  EXPECT_EQ(pending.exit_code, 3) << pending.err;
  EXPECT_NE(pending.out.find("Job                     kubeflow.get-data-job-model                Pending   0/1"), std::string::npos)
      << pending.out;

  std::thread cluster([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    server_.set_status(kPvcPath, {{"phase", "Bound"}});
    for (const auto& job : kJobs) {
      server_.set_status(job_path(job), {{"succeeded", 1}, {"conditions", {{{"type", "Complete"}, {"status", "True"}}}}});
    }
  });
  const ProcessResult wait = kgen({"apply", "default", "--wait", "--poll-interval-ms", "100", "--timeout", "20s"});
  cluster.join();
  ASSERT_EQ(wait.exit_code, 0) << wait.err;
  EXPECT_NE(wait.err.find("level=info msg=\"Job kubeflow.get-data-job-model: Complete 1/1\""), std::string::npos) << wait.err;
  const ProcessResult done = kgen({"status", "default"});
  EXPECT_EQ(done.exit_code, 0);
  expect_golden("status-complete.out", normalized(done.out));
}

TEST_F(ClusterApply, WaitFailsOnAFailedJobAndOnTheTimeout) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  const ProcessResult timeout = kgen({"status", "default", "--wait", "--timeout", "1s", "--poll-interval-ms", "100"});
  EXPECT_EQ(timeout.exit_code, 1);
  EXPECT_NE(timeout.err.find("timed out after 1 s waiting for PersistentVolumeClaim kubeflow.pets-pvc (Pending)"), std::string::npos)
      << timeout.err;
  server_.set_status(job_path("get-data-job-model"),
                     {{"failed", 1}, {"conditions", {{{"type", "Failed"}, {"status", "True"}, {"reason", "BackoffLimitExceeded"},
                                                     {"message", "Job has reached the specified backoff limit"}}}}});
  const ProcessResult failed = kgen({"status", "default", "--wait", "--timeout", "10s", "--poll-interval-ms", "100"});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.err.find("Job kubeflow.get-data-job-model (component get-data-job) failed: 0/1 BackoffLimitExceeded"),
            std::string::npos)
      << failed.err;
}

TEST_F(ClusterApply, DeleteRemovesEverythingInReverseOrder) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  const ProcessResult del = kgen({"delete", "default", "--wait", "--poll-interval-ms", "100"});
  ASSERT_EQ(del.exit_code, 0) << del.err;
  EXPECT_LT(del.err.find("Deleting jobs kubeflow.get-data-job-model"), del.err.find("Deleting persistentvolumeclaims kubeflow.pets-pvc"));
  EXPECT_TRUE(server_.object(kPvcPath).is_null());
  for (const auto& job : kJobs) EXPECT_TRUE(server_.object(job_path(job)).is_null()) << job;
  const ProcessResult again = kgen({"delete", "default"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("Deleted 0 object(s)"), std::string::npos);
  EXPECT_NE(again.err.find("(9 already absent)"), std::string::npos);
}

TEST_F(ClusterApply, DeleteSendsTheGracePeriodOnlyWhenGiven) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  ASSERT_EQ(kgen({"delete", "default", "-c", "pets-pvc"}).exit_code, 0);
  ASSERT_EQ(server_.delete_options().size(), 1u);
  EXPECT_FALSE(server_.delete_options()[0].contains("gracePeriodSeconds")) << server_.delete_options()[0];
  server_.clear_requests();
  const ProcessResult del = kgen({"delete", "default", "--grace-period", "0"});
  ASSERT_EQ(del.exit_code, 0) << del.err;
  ASSERT_EQ(server_.delete_options().size(), 9u);  // the eight Jobs and the ApplySet's Secret; the PVC is already gone
  for (const auto& options : server_.delete_options()) EXPECT_EQ(options.value("gracePeriodSeconds", -1), 0) << options;
  const ProcessResult bad = kgen({"delete", "default", "--grace-period", "soon"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("--grace-period"), std::string::npos) << bad.err;
}

TEST_F(ClusterApply, AFieldOwnedByAnotherManagerIsAConflictUntilForced) {
  ASSERT_EQ(kgen({"apply", "default", "-c", "pets-pvc"}).exit_code, 0);
  // Another manager (kubectl edit, say) changes a field kgen applies.
  ASSERT_EQ(server_.call("PATCH", kPvcPath + "?fieldManager=kubectl-edit", R"({"spec":{"storageClassName":"fast"}})",
                         "application/merge-patch+json"),
            200);
  const ProcessResult conflict = kgen({"apply", "default", "-c", "pets-pvc"});
  EXPECT_EQ(conflict.exit_code, 1);
  EXPECT_NE(conflict.err.find("kgen: error: apply persistentvolumeclaims kubeflow.pets-pvc (component pets-pvc): fields are managed "
                              "by another manager: .spec.storageClassName (managed by \"kubectl-edit\"); rerun with "
                              "--force-conflicts"),
            std::string::npos)
      << conflict.err;
  EXPECT_EQ(server_.object(kPvcPath)["spec"]["storageClassName"], "fast");
  const ProcessResult forced = kgen({"apply", "default", "-c", "pets-pvc", "--force-conflicts"});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(server_.object(kPvcPath)["spec"]["storageClassName"], "ontap-gold");
}

}  // namespace
}  // namespace kgen::testing

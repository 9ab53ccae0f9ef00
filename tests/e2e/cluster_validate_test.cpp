// kgen validate: the tutorial's objects against real Kubernetes OpenAPI specs, from a
// file, from the app's lib/ksonnet-lib, or from the cluster.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/cluster_support.h"

namespace kgen::testing {
namespace {

class Validate : public ClusterTest {};

TEST_F(Validate, Kubernetes18DoesNotKnowThePvcVolumeMode) {
  // The tutorial's PVC sets volumeMode, which Kubernetes added in 1.9.
  const ProcessResult old = kgen({"validate", "default", "--api-spec", openapi_spec("v1.8.0")});
  EXPECT_EQ(old.exit_code, 1);
  EXPECT_NE(old.err.find("kgen: error: PersistentVolumeClaim kubeflow.pets-pvc (component pets-pvc): .spec.volumeMode: unknown field\n"),
            std::string::npos)
      << old.err;
  EXPECT_NE(old.err.find("kgen: error: validation failed: 1 problem(s) in 1 object(s)"), std::string::npos);
  EXPECT_NE(old.err.find("level=info msg=\"Validating Job kubeflow.get-data-job-model\""), std::string::npos);

  const ProcessResult current = kgen({"validate", "default", "--api-spec", openapi_spec("v1.10.9")});
  EXPECT_EQ(current.exit_code, 0) << current.err;
}

TEST_F(Validate, TheAppsKsonnetLibSpecThenTheClusters) {
  // The environment is v1.8.0: lib/ksonnet-lib/v1.8.0/swagger.json is used when present.
  std::filesystem::create_directories(app_->file("lib/ksonnet-lib/v1.8.0"));
  std::filesystem::copy_file(openapi_spec("v1.8.0"), app_->file("lib/ksonnet-lib/v1.8.0/swagger.json"));
  EXPECT_EQ(kgen({"validate", "default"}).exit_code, 1);
  std::filesystem::remove_all(app_->file("lib"));
  // Without it, the cluster's /openapi/v2 (the test server serves v1.10.9).
  const ProcessResult cluster = kgen({"validate", "default"});
  EXPECT_EQ(cluster.exit_code, 0) << cluster.err;
  bool asked = false;
  for (const auto& r : server_.requests()) asked = asked || r == "GET /openapi/v2";
  EXPECT_TRUE(asked);
}

TEST_F(Validate, BadSpecsAreClearErrors) {
  const std::string garbage = files_.write("garbage.json", "{not json");
  const ProcessResult bad = kgen({"validate", "default", "--api-spec", garbage});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("garbage.json: API spec is not JSON"), std::string::npos) << bad.err;
  const std::string other = files_.write("other.json", R"({"openapi": "3.0.0"})");
  const ProcessResult wrong = kgen({"validate", "default", "--api-spec", other});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find("other.json: API spec is not a Kubernetes OpenAPI v2 document with definitions"), std::string::npos)
      << wrong.err;
  const ProcessResult missing = kgen({"validate", "default", "--api-spec", files_.path() + "/absent.json"});
  EXPECT_EQ(missing.exit_code, 1);
}

class ValidateMixed : public ClusterTest {
 protected:
  ValidateMixed() : ClusterTest("cluster-mixed") {}
};

TEST_F(ValidateMixed, CustomResourcesAreSkippedWithAWarning) {
  const ProcessResult r = kgen({"validate", "default", "--api-spec", openapi_spec("v1.10.9")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("level=warning msg=\"no schema for example.com/v1 Widget mixed.blue-widget in"), std::string::npos) << r.err;
  // apiextensions.k8s.io/v1 is newer than 1.10 (which had v1beta1 only): not validated either.
  EXPECT_NE(r.err.find("no schema for apiextensions.k8s.io/v1 CustomResourceDefinition widgets.example.com"), std::string::npos);
}

}  // namespace
}  // namespace kgen::testing

namespace kgen::testing {
namespace {

class LibFromCluster : public ClusterTest {};

TEST_F(LibFromCluster, GeneratesFromTheClustersOpenApiSpec) {
  // The test server serves the v1.10.9 spec at /openapi/v2.
  const ProcessResult r = kgen({"lib", "generate", "--context", "test"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("Generated ksonnet-lib for Kubernetes v1.10.9 in lib/ksonnet-lib/v1.10.9"), std::string::npos) << r.err;
  EXPECT_TRUE(std::filesystem::exists(app_->file("lib/ksonnet-lib/v1.10.9/k8s.libsonnet")));
  EXPECT_EQ(kgen({"lib", "generate", "--context", "test", "--api-spec", "version:v1.8.0"}).exit_code, 1);
}

}  // namespace
}  // namespace kgen::testing

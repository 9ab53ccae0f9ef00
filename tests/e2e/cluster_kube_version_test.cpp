// --kube-version against the test API server, which serves only today's versions
// (apps/v1, batch/v1, rbac v1, apiextensions v1): apply and diff stop before sending
// anything when objects use versions it does not serve; converted, they apply and the
// server stores the old versions' defaults. validate checks the converted objects
// against the real 1.29 spec.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "e2e/cluster_support.h"

namespace kgen::testing {
namespace {

using nlohmann::json;

class KubeVersion : public ClusterTest {
 protected:
  KubeVersion() : ClusterTest("kube-version") {}

  bool sent_writes() const {
    for (const auto& r : server_.requests()) {
      if (r.rfind("PATCH", 0) == 0 || r.rfind("POST", 0) == 0 || r.rfind("PUT", 0) == 0 || r.rfind("DELETE", 0) == 0) return true;
    }
    return false;
  }

  // A spec cache holding the real v1.29.0 spec.
  std::string spec_cache() {
    const std::string dir = files_.path() + "/openapi";
    std::filesystem::create_directories(dir + "/v1.29.0");
    std::filesystem::copy_file(openapi_spec("v1.29.0"), dir + "/v1.29.0/swagger.json");
    return dir;
  }
};

TEST_F(KubeVersion, ApplyAndDiffStopBeforeSendingAnythingTheServerCannotServe) {
  for (const char* command : {"apply", "diff"}) {
    const ProcessResult r = kgen({command, "default"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    // The test server says it is v1.28.0.
    EXPECT_NE(r.err.find("(Kubernetes 1.28) does not serve the API versions of 6 object(s); nothing was sent; convert them "
                         "for it: --kube-version 1.28, or kubeVersion: \"1.28\" in environments/default/kgen.yaml\n"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("  Deployment web (component web): extensions/v1beta1, removed in Kubernetes 1.16\n"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("  CronJob backup (component backup): batch/v1beta1, removed in Kubernetes 1.25\n"), std::string::npos);
    EXPECT_NE(r.err.find("  CustomResourceDefinition crontabs.stable.example.com (component crontab): "
                         "apiextensions.k8s.io/v1beta1, removed in Kubernetes 1.22\n"),
              std::string::npos);
    EXPECT_FALSE(sent_writes()) << command;
  }
}

TEST_F(KubeVersion, ConvertedObjectsApplyWithTheOldDefaults) {
  const ProcessResult r = kgen({"apply", "default", "-c", "web", "-c", "backup", "-c", "rbac", "-c", "rbac-binding", "--kube-version", "1.29"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json deployment = server_.object("/apis/apps/v1/namespaces/kubeflow/deployments/web");
  ASSERT_TRUE(deployment.is_object());
  EXPECT_EQ(deployment["spec"]["selector"], json::parse(R"({"matchLabels": {"app": "web"}})"));
  EXPECT_EQ(deployment["spec"]["revisionHistoryLimit"], 2147483647);
  EXPECT_EQ(deployment["spec"]["progressDeadlineSeconds"], 2147483647);
  EXPECT_EQ(deployment["spec"]["strategy"]["rollingUpdate"], json::parse(R"({"maxSurge": 1, "maxUnavailable": 1})"));
  EXPECT_EQ(deployment["metadata"]["labels"]["ksonnet.io/component"], "web");
  EXPECT_TRUE(server_.object("/apis/batch/v1/namespaces/kubeflow/cronjobs/backup").is_object());
  EXPECT_TRUE(server_.object("/apis/rbac.authorization.k8s.io/v1/clusterroles/web-reader").is_object());
  EXPECT_TRUE(server_.object("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/web-reader").is_object());
  // Unchanged afterwards: diff against the same conversion finds nothing.
  const ProcessResult diff = kgen({"diff", "default", "-c", "web", "-c", "backup", "-c", "rbac", "-c", "rbac-binding", "--kube-version", "1.29"});
  EXPECT_EQ(diff.exit_code, 0) << diff.out << diff.err;
}

TEST_F(KubeVersion, ValidateChecksTheConvertedObjectsAgainstTheTargetsSpec) {
  const std::map<std::string, std::string> env = {{"KGEN_OPENAPI_DIR", spec_cache()}, {"KUBECONFIG", kubeconfig_}};
  // The environment's own setting (1.29), and the flag.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"validate", "modern"}, {"validate", "default", "--kube-version", "v1.29.0"}}) {
    const ProcessResult r = app_->kgen(args, env);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("level=info msg=\"Validating Deployment web\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("level=info msg=\"Validating Ingress web\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("level=info msg=\"Validating CustomResourceDefinition crontabs.stable.example.com\""), std::string::npos);
    // Only the custom resource has no schema in Kubernetes' spec.
    EXPECT_NE(r.err.find("no schema for stable.example.com/v1 CronTab nightly"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("no schema for extensions"), std::string::npos) << r.err;
  }
  // Unconverted, the same spec knows none of the old versions.
  const ProcessResult old = app_->kgen({"validate", "default", "--kube-version", "ks", "--api-spec", openapi_spec("v1.29.0")}, env);
  EXPECT_NE(old.err.find("no schema for extensions/v1beta1 Deployment web"), std::string::npos) << old.err;
  const ProcessResult missing = app_->kgen({"validate", "default", "--kube-version", "1.31"}, env);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no OpenAPI spec for Kubernetes 1.31 in the spec cache"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace kgen::testing

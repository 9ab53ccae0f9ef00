// Apply order (Namespace, then the CRD, established, before its custom resource),
// Secret redaction in diffs, and server errors, on a small app against the test API server.
#include <gtest/gtest.h>

#include "e2e/cluster_support.h"

namespace kgen::testing {
namespace {

class MixedCluster : public ClusterTest {
 protected:
  MixedCluster() : ClusterTest("cluster-mixed") {}
};

TEST_F(MixedCluster, NamespaceThenCrdThenItsCustomResource) {
  const ProcessResult apply = kgen({"apply", "default"});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  const auto& err = apply.err;
  const auto ns = err.find("Applying namespaces mixed");
  const auto crd = err.find("Applying customresourcedefinitions widgets.example.com");
  const auto secret = err.find("Applying secrets mixed.widget-secret");
  const auto widget = err.find("Applying widgets mixed.blue-widget");
  ASSERT_NE(widget, std::string::npos) << err;
  EXPECT_LT(ns, crd);
  EXPECT_LT(crd, secret);
  EXPECT_LT(crd, widget);
  EXPECT_FALSE(server_.object("/apis/example.com/v1/namespaces/mixed/widgets/blue-widget").is_null());
  // The ApplySet parent went into the namespace once it existed.
  EXPECT_FALSE(server_.object("/api/v1/namespaces/mixed/secrets/kgen-applyset-default").is_null());
  const ProcessResult again = kgen({"apply", "default"});
  EXPECT_NE(again.err.find("0 created, 0 configured, 4 unchanged"), std::string::npos) << again.err;
}

class SlowCrdCluster : public ClusterTest {
 protected:
  SlowCrdCluster() : ClusterTest("cluster-mixed", 600) {}
};

TEST_F(SlowCrdCluster, CustomResourcesWaitForTheirCrdToBeEstablished) {
  const ProcessResult apply = kgen({"apply", "default", "-v"});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_NE(apply.err.find("waiting for CustomResourceDefinition widgets.example.com to be Established"), std::string::npos) << apply.err;
  EXPECT_FALSE(server_.object("/apis/example.com/v1/namespaces/mixed/widgets/blue-widget").is_null());
}

TEST_F(MixedCluster, DryRunSkipsCustomResourcesOfCrdsNotYetInstalled) {
  const ProcessResult dry = kgen({"apply", "default", "--dry-run=server"});
  ASSERT_EQ(dry.exit_code, 1) << dry.err;  // the namespace does not exist yet, so the server refuses the Secret
  const ProcessResult client = kgen({"apply", "default", "--dry-run"});
  ASSERT_EQ(client.exit_code, 0) << client.err;
  EXPECT_NE(client.err.find("Skipping Widget blue-widget (dry run): the server does not serve example.com/v1 yet"),
            std::string::npos)
      << client.err;
}

TEST_F(MixedCluster, DiffRedactsSecretValues) {
  const ProcessResult before = kgen({"diff", "default"});
  EXPECT_EQ(before.exit_code, 10);
  EXPECT_NE(before.out.find("+  password: '*** (after)'"), std::string::npos) << before.out;
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  EXPECT_EQ(kgen({"diff", "default"}).exit_code, 0);
  ASSERT_EQ(app_->kgen({"param", "set", "widgets", "password", "correct-horse"}).exit_code, 0);
  const ProcessResult changed = kgen({"diff", "default"});
  EXPECT_EQ(changed.exit_code, 10);
  EXPECT_NE(changed.out.find("-  password: '*** (before)'\n+  password: '*** (after)'"), std::string::npos) << changed.out;
  EXPECT_EQ(changed.out.find("correct-horse"), std::string::npos);
  EXPECT_NE(changed.out.find("   user: '***'"), std::string::npos) << changed.out;
}

TEST_F(MixedCluster, DeleteGoesInReverseOrder) {
  ASSERT_EQ(kgen({"apply", "default"}).exit_code, 0);
  const ProcessResult del = kgen({"delete", "default"});
  ASSERT_EQ(del.exit_code, 0) << del.err;
  EXPECT_LT(del.err.find("Deleting widgets mixed.blue-widget"), del.err.find("Deleting customresourcedefinitions"));
  EXPECT_LT(del.err.find("Deleting customresourcedefinitions"), del.err.find("Deleting namespaces mixed"));
  EXPECT_TRUE(server_.object("/api/v1/namespaces/mixed").is_null());
}

TEST_F(MixedCluster, AnUnknownKindNamesTheComponentAndTheFix) {
  ASSERT_EQ(kgen({"apply", "default", "-c", "namespace"}).exit_code, 0);
  // Without its CRD, the Widget's kind is unknown to the server.
  const ProcessResult apply = kgen({"status", "default", "-c", "widgets"});
  EXPECT_EQ(apply.exit_code, 3);
  EXPECT_NE(apply.out.find("Widget                     blue-widget"), std::string::npos) << apply.out;
}

}  // namespace
}  // namespace kgen::testing

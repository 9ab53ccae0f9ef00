// Reaching the real API server: kubeconfigs with a client certificate and with a token,
// --server with the kubeconfig's certificate authority, the cluster's /openapi/v2 for
// validate and lib generate, and how the client reports what the server does on refusals.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/files.h"
#include "realkube/real_cluster.h"

namespace kgen::testing {
namespace {

using nlohmann::json;

class RealAccess : public RealClusterTest {};

TEST_F(RealAccess, AClientCertificateAndABearerTokenBothWork) {
  for (const std::string context : {"admin", "admin-token"}) {
    const ProcessResult apply = kgen({"apply", "default", "-c", "pets-pvc", "--context", context});
    EXPECT_EQ(apply.exit_code, 0) << context << ": " << apply.err;
    const ProcessResult status = kgen({"status", "default", "-c", "pets-pvc", "--context", context});
    EXPECT_NE(status.out.find(ns_ + ".pets-pvc"), std::string::npos) << context << ": " << status.out << status.err;
  }
  const ProcessResult wrong = kgen({"status", "default", "--context", "admin-token", "--token", "not-a-token"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find("rejected the credentials"), std::string::npos) << wrong.err;
  EXPECT_NE(wrong.err.find("401 Unauthorized"), std::string::npos) << wrong.err;
}

TEST_F(RealAccess, ServerFlagKeepsTheCertificateAuthorityOfTheClusterWithThatServer) {
  // The environment names another address; --server names the cluster's, whose CA the
  // kubeconfig holds (before, kgen dropped it and the TLS handshake failed).
  ASSERT_EQ(kgen({"env", "set", "default", "--server", "https://127.0.0.1:1"}).exit_code, 0);
  const ProcessResult apply = kgen({"apply", "default", "-c", "pets-pvc", "--server", server_});
  EXPECT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_FALSE(get("/api/v1/namespaces/" + ns_ + "/persistentvolumeclaims/pets-pvc").is_null());
  for (const std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"diff", "default", "-c", "pets-pvc", "--server", server_},
           {"status", "default", "-c", "pets-pvc", "--server", server_},
           {"validate", "default", "-c", "pets-pvc", "--server", server_}}) {
    const ProcessResult r = kgen(args);
    EXPECT_EQ(r.err.find("TLS"), std::string::npos) << args[0] << ": " << r.err;
    EXPECT_NE(r.exit_code, 1) << args[0] << ": " << r.err;
  }
  const ProcessResult generate = kgen({"lib", "generate", "--server", server_, "--out", files_.path() + "/lib"});
  EXPECT_EQ(generate.exit_code, 0) << generate.err;
  EXPECT_NE(generate.err.find("Generated ksonnet-lib for Kubernetes v1.20.2"), std::string::npos) << generate.err;
  EXPECT_TRUE(is_regular_file(files_.path() + "/lib/k.libsonnet"));
}

TEST_F(RealAccess, ValidateChecksAgainstTheClustersOpenApi) {
  const ProcessResult good = kgen({"validate", "default"});
  EXPECT_EQ(good.exit_code, 0) << good.err;
  EXPECT_NE(good.err.find("Validating Job " + ns_ + ".get-data-job-dataset"), std::string::npos) << good.err;
  json bad_job = {{"apiVersion", "batch/v1"}, {"kind", "Job"}, {"metadata", {{"name", "bad"}}}};
  bad_job["spec"] = {{"backoffLimit", "four"}, {"template", {{"spec", {{"containers", json::array()}}}}}};
  write_component("bad", bad_job);
  const ProcessResult bad = kgen({"validate", "default", "-c", "bad"});
  EXPECT_NE(bad.exit_code, 0) << bad.err;
  EXPECT_NE(bad.err.find("backoffLimit"), std::string::npos) << bad.err;
}

// The client itself, on what kube-apiserver 1.20 does with server-side applies it cannot
// handle (kgen apply avoids both, see RealApply): each reported as what it is, at once.
TEST_F(RealAccess, APersistent500IsReportedWithItsMessageAfterOneAttempt) {
  std::vector<std::string> lines;
  kube::ClientOptions options;
  options.debug = [&](const std::string& line) { lines.push_back(line); };
  kube::Client client(admin_->access(), options);
  const json service = {{"apiVersion", "v1"},
                        {"kind", "Service"},
                        {"metadata", {{"name", "web"}, {"namespace", ns_}}},
                        {"spec", {{"ports", {{{"port", 80}}}}}}};
  try {
    client.call("PATCH", "/api/v1/namespaces/" + ns_ + "/services/web?fieldManager=kgen", service.dump(), "application/apply-patch+yaml");
    FAIL() << "Kubernetes " << version_ << " accepted a port without protocol";
  } catch (const kube::ApiError& e) {
    EXPECT_EQ(e.status(), 500);
    EXPECT_NE(e.message().find("500 Internal Server Error: "), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("omits key field"), std::string::npos) << e.message();
    EXPECT_EQ(e.hint().find("overloaded"), std::string::npos) << e.hint();
  }
  EXPECT_EQ(lines.size(), 1u) << ::testing::PrintToString(lines);
}

TEST_F(RealAccess, AServerPanicIsAResetStreamNotAnUnreachableServer) {
  std::vector<std::string> lines;
  kube::ClientOptions options;
  options.debug = [&](const std::string& line) { lines.push_back(line); };
  kube::Client client(admin_->access(), options);
  const std::string name = "v1alpha1." + ns_ + ".kgen.test";
  const json service = {{"apiVersion", "apiregistration.k8s.io/v1"},
                        {"kind", "APIService"},
                        {"metadata", {{"name", name}}},
                        {"spec", {{"group", ns_ + ".kgen.test"}, {"version", "v1alpha1"}, {"groupPriorityMinimum", 100}, {"versionPriority", 10}}}};
  const std::string path = "/apis/apiregistration.k8s.io/v1/apiservices/" + name;
  try {
    client.call("PATCH", path + "?fieldManager=kgen", service.dump(), "application/apply-patch+yaml");
    admin_->call("DELETE", path);
    FAIL() << "Kubernetes " << version_ << " applied an APIService";
  } catch (const kube::ApiError& e) {
    FAIL() << "an HTTP answer: " << e.message();
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("the API server reset the request's HTTP/2 stream instead of answering"), std::string::npos)
        << e.message();
    EXPECT_EQ(e.message().find("cannot reach"), std::string::npos) << e.message();
  }
  EXPECT_EQ(lines.size(), 1u) << ::testing::PrintToString(lines);
}

}  // namespace
}  // namespace kgen::testing

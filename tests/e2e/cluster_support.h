// A test API server with the `kubeflow` namespace, a kubeconfig for it, and a copy of
// the repository's app whose `default` environment points at the server.
#pragma once

#include <sys/stat.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "apiserver/fake_apiserver.h"
#include "common/files.h"
#include "support/app_copy.h"
#include "support/temp_dir.h"

namespace kgen::testing {

class ClusterTest : public ::testing::Test {
 protected:
  // `fixture`: an app under tests/e2e/apps, or empty for the repository's own app.
  explicit ClusterTest(const std::string& fixture = {}, long crd_delay_ms = 0) : server_(options(crd_delay_ms)) {
    if (fixture.empty()) {
      app_.emplace(AppCopy::RootApp{});
    } else {
      app_.emplace(fixture);
    }
    server_.create_namespace("kubeflow");
    kubeconfig_ = write_kubeconfig("kubeconfig", server_.kubeconfig("token"));
    const ProcessResult set = app_->kgen({"env", "set", "default", "--server", server_.url()});
    if (set.exit_code != 0) throw std::runtime_error("env set failed: " + set.err);
  }

  // No credential of the test may appear in anything kgen printed.
  void TearDown() override {
    std::vector<std::string> secrets = {"test-token", "s3cret-basic", "limited-token", "exec-token-123", "file-token-456", "hunter2",
                                        "aHVudGVyMg" /* base64 of hunter2 */};
    const std::string key = read_file(server_.certs().client_key);
    secrets.push_back(key.substr(key.find('\n') + 1, 40));  // a line of the client key
    for (const auto& output : outputs_) {
      for (const auto& secret : secrets) {
        EXPECT_EQ(output.find(secret), std::string::npos) << "credential \"" << secret << "\" printed:\n" << output;
      }
    }
  }

  // A spec from tests/fixtures/openapi, unpacked into the test's folder.
  std::string openapi_spec(const std::string& version) {
    const std::string path = files_.path() + "/" + version + ".swagger.json";
    const ProcessResult unzip = run_process(
        {"/bin/sh", "-c", "gzip -dc '" + std::string(KGEN_SOURCE_DIR) + "/tests/fixtures/openapi/" + version + ".swagger.json.gz' > '" + path + "'"},
        files_.path());
    if (unzip.exit_code != 0) throw std::runtime_error("gzip failed: " + unzip.err);
    return path;
  }

  FakeApiServerOptions options(long crd_delay_ms) {
    FakeApiServerOptions o;
    o.crd_established_delay_ms = crd_delay_ms;
    o.openapi_v2_file = openapi_spec("v1.10.9");
    o.cert_dir = certs_.path();
    o.tokens = {"test-token", "exec-token-123", "file-token-456"};
    o.forbidden_tokens = {"limited-token"};
    o.basic_user = "admin";
    o.basic_password = "s3cret-basic";
    return o;
  }

  std::string write_kubeconfig(const std::string& name, const std::string& text) {
    const std::string path = files_.write(name, text);
    ::chmod(path.c_str(), 0600);
    return path;
  }

  // kgen in the app with the test kubeconfig; fast polling for --wait.
  ProcessResult kgen(std::vector<std::string> args, const std::string& kubeconfig = {}) {
    ProcessResult result = app_->kgen(args, {{"KUBECONFIG", kubeconfig.empty() ? kubeconfig_ : kubeconfig}});
    outputs_.push_back(result.out + result.err);
    return result;
  }

  // stderr with the server's URL replaced by <server>, for golden comparisons.
  std::string normalized(std::string text) const {
    const std::string url = server_.url();
    for (size_t at = text.find(url); at != std::string::npos; at = text.find(url, at)) text.replace(at, url.size(), "<server>");
    return text;
  }

  TempDir certs_;
  TempDir files_;
  FakeApiServer server_;
  std::optional<AppCopy> app_;
  std::string kubeconfig_;
  std::vector<std::string> outputs_;
};

}  // namespace kgen::testing

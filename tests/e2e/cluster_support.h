// A test API server with the `kubeflow` namespace, a kubeconfig for it, and a copy of
// the repository's app whose `default` environment points at the server.
#pragma once

#include <sys/stat.h>

#include <map>
#include <string>
#include <vector>

#include "apiserver/fake_apiserver.h"
#include "support/app_copy.h"
#include "support/temp_dir.h"

namespace kgen::testing {

class ClusterTest : public ::testing::Test {
 protected:
  ClusterTest() : server_(options()) {
    server_.create_namespace("kubeflow");
    kubeconfig_ = write_kubeconfig("kubeconfig", server_.kubeconfig("token"));
    const ProcessResult set = app_.kgen({"env", "set", "default", "--server", server_.url()});
    if (set.exit_code != 0) throw std::runtime_error("env set failed: " + set.err);
  }

  FakeApiServerOptions options() {
    FakeApiServerOptions o;
    o.cert_dir = certs_.path();
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
    return app_.kgen(args, {{"KUBECONFIG", kubeconfig.empty() ? kubeconfig_ : kubeconfig}});
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
  AppCopy app_{AppCopy::RootApp{}};
  std::string kubeconfig_;
};

}  // namespace kgen::testing

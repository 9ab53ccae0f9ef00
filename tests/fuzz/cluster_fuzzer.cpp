// libFuzzer target for the cluster client's input: kubeconfig files, and whatever an API
// server (or something pretending to be one) answers.
//
// The first byte picks the mode; the rest is the input:
//   0: kubeconfig text, resolved for an environment as `kgen apply` does;
//   1: an HTTP answer ("STATUS\nheader: value\n...\n\nbody") to discovery, a GET, an
//      ApplySet read and a status read.
// Properties: no crash, no sanitizer report, and no exception but kgen::Error escapes
// (a JSON type error on an odd answer would surface as an unclear message).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "common/error.h"
#include "kube/applyset.h"
#include "kube/client.h"
#include "kube/discovery.h"
#include "kube/kubeconfig.h"
#include "kube/readiness.h"

namespace {

class CannedTransport : public kgen::kube::Transport {
 public:
  explicit CannedTransport(kgen::kube::HttpResponse response) : response_(std::move(response)) {}
  kgen::kube::HttpResponse send(const kgen::kube::HttpRequest&) override { return response_; }

 private:
  kgen::kube::HttpResponse response_;
};

kgen::kube::HttpResponse parse_answer(const std::string& text) {
  kgen::kube::HttpResponse response;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  response.status = std::strtol(line.c_str(), nullptr, 10);
  while (std::getline(in, line) && !line.empty()) {
    const auto colon = line.find(':');
    if (colon != std::string::npos) response.headers[line.substr(0, colon)] = line.substr(colon + 1);
  }
  const auto body = text.find("\n\n");
  response.body = body == std::string::npos ? std::string() : text.substr(body + 2);
  return response;
}

void kubeconfig(const std::string& text) {
  static const std::string path = "/tmp/kgen-fuzz-kubeconfig-" + std::to_string(::getpid());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  kgen::kube::AccessRequest request;
  request.files = {path};
  request.explicit_file = true;
  request.env_name = "default";
  request.env_server = "https://127.0.0.1:6443";
  request.env_namespace = "kubeflow";
  try {
    kgen::kube::resolve_access(request);
  } catch (const kgen::Error&) {
  }
}

void answer(const std::string& text) {
  const kgen::kube::HttpResponse response = parse_answer(text);
  kgen::kube::ClusterAccess access;
  access.server = "https://127.0.0.1:6443";
  access.ns = "kubeflow";
  kgen::kube::ClientOptions options;
  options.max_attempts = 2;
  options.retry_base_ms = 0;
  options.retry_after_max_ms = 0;
  options.make_transport = [response](const kgen::kube::TransportSettings&) {
    return std::make_unique<CannedTransport>(response);
  };
  kgen::kube::Client client(access, options);
  kgen::kube::Discovery discovery(&client);
  auto attempt = [](auto&& f) {
    try {
      f();
    } catch (const kgen::Error&) {
    }
  };
  attempt([&] { discovery.resolve("batch/v1", "Job"); });
  attempt([&] { kgen::kube::readiness_of(client.get("/apis/batch/v1/namespaces/kubeflow/jobs/x")); });
  attempt([&] { kgen::kube::read_applyset(&client, kgen::kube::applyset_for("default", "kubeflow")); });
  attempt([&] {
    std::vector<kgen::kube::Manifest> manifests = {
        {{{"apiVersion", "batch/v1"}, {"kind", "Job"}, {"metadata", {{"name", "x"}}}}, "c"}};
    kgen::kube::object_statuses(&client, &discovery, manifests, "kubeflow");
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    kubeconfig(input);
  } else {
    answer(input);
  }
  return 0;
}

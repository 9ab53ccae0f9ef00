// An in-process Kubernetes API server for tests, on loopback, over HTTPS: discovery,
// namespaced and cluster-scoped CRUD, server-side apply with managedFields and
// conflicts, dry-run, resourceVersion checks (409), label selectors, deletion with
// propagation to owned objects, status subresources set by the test, CRDs that add
// kinds, bearer tokens / basic auth / client certificates (401, 403), and faults
// (error answers, delays, dropped connections). Real enough for kubectl to use it.
#pragma once

#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "apiserver/certs.h"
#include "apiserver/resources.h"

namespace httplib {
class SSLServer;
struct Request;
struct Response;
}  // namespace httplib

namespace kgen::testing {

struct FakeApiServerOptions {
  std::string cert_dir;                      // where certificates are made
  std::vector<std::string> tokens{"test-token"};  // accepted bearer tokens
  std::vector<std::string> forbidden_tokens;      // authenticated, but every write is 403
  std::string basic_user, basic_password;         // accepted basic auth, when set
  long crd_established_delay_ms = 0;
  std::string openapi_v2_file;  // served at /openapi/v2 when set
};

struct Fault {
  enum Kind { Status, Delay, Drop } kind = Status;
  int status = 500;
  int retry_after_seconds = -1;  // Retry-After header, -1: none
  long delay_ms = 0;
  std::string method;          // empty: any
  std::string path_contains;   // empty: any
  int times = 1;
};

class FakeApiServer {
 public:
  explicit FakeApiServer(FakeApiServerOptions options);
  ~FakeApiServer();

  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  const TestCertificates& certs() const { return certs_; }

  // A kubeconfig for this server: `auth` is "token", "cert", "basic" or "none".
  std::string kubeconfig(const std::string& auth, const std::string& token = "test-token") const;

  // Test controls.
  void create_namespace(const std::string& name);
  // One request through the server's own handler, as an authenticated admin; returns the HTTP status.
  int call(const std::string& method, const std::string& path_and_query, const std::string& body,
           const std::string& content_type = "application/json");
  void add_fault(const Fault& fault);
  void set_status(const std::string& api_path, const nlohmann::json& status);  // merge into .status
  nlohmann::json object(const std::string& api_path) const;  // null when absent
  std::vector<std::string> requests() const;  // "METHOD path" of every request, in order
  std::vector<nlohmann::json> delete_options() const;  // the body of every DELETE of an object, in order
  void clear_requests();

 private:
  void handle(const httplib::Request& request, httplib::Response& response);
  bool authenticate(const httplib::Request& request, httplib::Response& response, bool* may_write);
  bool inject_fault(const httplib::Request& request, httplib::Response& response);

  FakeApiServerOptions options_;
  TestCertificates certs_;
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = 0;

  mutable std::mutex mutex_;
  ResourceTable resources_;
  std::map<std::string, nlohmann::json> objects_;  // storage key -> object
  long resource_version_ = 1000;
  long uid_counter_ = 0;
  std::vector<Fault> faults_;
  std::vector<std::string> requests_;
  std::vector<nlohmann::json> delete_options_;
  std::map<std::string, long> crd_established_at_;  // CRD name -> steady ms

  friend class Router;
};

}  // namespace kgen::testing

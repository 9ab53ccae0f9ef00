// The Kubernetes API client: credentials (token, token file, basic auth, client
// certificates, exec plugins), JSON requests, retries with backoff for requests that
// are safe to repeat, and errors a user can act on. Never prints; never puts a
// credential into an error or a log line.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>

#include "common/error.h"
#include "kube/http.h"
#include "kube/kubeconfig.h"

namespace kgen::kube {

struct ClientOptions {
  long connect_timeout_ms = 10000;
  long request_timeout_ms = 30000;
  int max_attempts = 5;       // for 429, 5xx and connection errors on repeatable requests
  long retry_base_ms = 250;   // doubled after each attempt
  long retry_max_ms = 8000;
  long retry_after_max_ms = 30000;
  // Debug lines ("GET /api/v1/... 200 12ms"): method, path and status only.
  std::function<void(const std::string&)> debug;
  // For tests: replaces libcurl.
  std::function<std::unique_ptr<Transport>(const TransportSettings&)> make_transport;
};

// An HTTP error answer from the API server, with its Status object when there is one.
class ApiError : public Error {
 public:
  ApiError(long status, std::string reason, nlohmann::json body, std::string message, std::string hint)
      : Error(std::move(message), std::move(hint)), status_(status), reason_(std::move(reason)), body_(std::move(body)) {}
  long status() const { return status_; }
  const std::string& reason() const { return reason_; }  // "NotFound", "Conflict", ...
  const nlohmann::json& body() const { return body_; }

 private:
  long status_;
  std::string reason_;
  nlohmann::json body_;
};

struct Reply {
  long status = 0;
  nlohmann::json body;  // null when empty
};

class Client {
 public:
  Client(ClusterAccess access, ClientOptions options = {});
  ~Client();

  // Sends one request (JSON body unless `content_type` says otherwise) and parses the
  // JSON answer. Throws ApiError for HTTP >= 400 and kgen::Error when the server
  // cannot be reached.
  Reply call(const std::string& method, const std::string& path, const std::string& body = {},
             const std::string& content_type = "application/json");
  nlohmann::json get(const std::string& path) { return call("GET", path).body; }

  const ClusterAccess& access() const { return access_; }

 private:
  void ensure_connected();
  std::vector<std::string> auth_headers() const;
  bool refresh_credentials();  // after a 401: re-read the token file or re-run the plugin

  ClusterAccess access_;
  ClientOptions options_;
  std::unique_ptr<Transport> transport_;
  std::string exec_token_;
};

}  // namespace kgen::kube

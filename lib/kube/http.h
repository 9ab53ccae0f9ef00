// The HTTP(S) transport under the API client: one request, one response, no retries
// and no authentication headers of its own (the client adds those). libcurl behind a
// small interface so the client can be tested against anything.
#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace kgen::kube {

struct HttpRequest {
  std::string method;
  std::string path;  // with the query string, below the server's URL
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
};

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

// A request that got no HTTP answer. `retryable` when repeating it may help
// (connection refused or reset, timeout), not for TLS or address errors. `stream_reset`:
// the server was reached and reset this request's HTTP/2 stream instead of answering
// (a Go API server does that when its handler panics), which is the server failing on
// the request, not the server being unreachable.
class TransportError : public std::runtime_error {
 public:
  TransportError(const std::string& message, bool retryable, bool tls, bool stream_reset = false)
      : std::runtime_error(message), retryable_(retryable), tls_(tls), stream_reset_(stream_reset) {}
  bool retryable() const { return retryable_; }
  bool tls() const { return tls_; }
  bool stream_reset() const { return stream_reset_; }

 private:
  bool retryable_;
  bool tls_;
  bool stream_reset_;
};

struct TransportSettings {
  std::string server;  // https://host:port[/prefix]
  std::string ca_pem;
  bool insecure_skip_tls_verify = false;
  std::string tls_server_name;
  std::string proxy_url;
  std::string client_cert_pem;
  std::string client_key_pem;
  long connect_timeout_ms = 10000;
  long request_timeout_ms = 30000;
  std::string user_agent;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Throws TransportError when no HTTP response arrived.
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

std::unique_ptr<Transport> make_curl_transport(const TransportSettings& settings);

}  // namespace kgen::kube

// libcurl transport: one easy handle per client, so connections are kept alive.
#include <algorithm>
#include <cctype>

#include "kube/curl_library.h"
#include "kube/http.h"

namespace kgen::kube {
namespace {

size_t append_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t append_header(char* data, size_t size, size_t count, void* user) {
  std::string line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.pop_back();
    (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
  }
  return size * count;
}

// host and port of "https://host:port/prefix" (port defaulted from the scheme).
void split_server(const std::string& server, std::string* scheme, std::string* host, std::string* port, std::string* prefix) {
  const auto sep = server.find("://");
  *scheme = server.substr(0, sep);
  std::string rest = server.substr(sep + 3);
  const auto slash = rest.find('/');
  *prefix = slash == std::string::npos ? "" : rest.substr(slash);
  std::string hostport = rest.substr(0, slash);
  const auto colon = hostport.rfind(':');
  if (colon != std::string::npos && hostport.find(']', colon) == std::string::npos) {
    *host = hostport.substr(0, colon);
    *port = hostport.substr(colon + 1);
  } else {
    *host = hostport;
    *port = *scheme == "http" ? "80" : "443";
  }
}

class CurlTransport : public Transport {
 public:
  explicit CurlTransport(const TransportSettings& settings) : settings_(settings) {
    curl_ = lib_.easy_init();
    std::string scheme, host, port, prefix;
    split_server(settings.server, &scheme, &host, &port, &prefix);
    base_url_ = settings.server;
    if (!settings.tls_server_name.empty()) {
      // Verify the certificate against tls-server-name while connecting to the real
      // address: address the name, and let CONNECT_TO route it to the host.
      base_url_ = scheme + "://" + settings.tls_server_name + ":" + port + prefix;
      connect_to_ = lib_.slist_append(nullptr, (settings.tls_server_name + ":" + port + ":" + host + ":" + port).c_str());
    }
  }
  ~CurlTransport() override {
    lib_.slist_free_all(connect_to_);
    lib_.easy_cleanup(curl_);
  }

  HttpResponse send(const HttpRequest& request) override {
    HttpResponse response;
    lib_.easy_reset(curl_);
    const std::string url = base_url_ + request.path;
    lib_.easy_setopt(curl_, CURLOPT_URL, url.c_str());
    lib_.easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "HEAD") lib_.easy_setopt(curl_, CURLOPT_NOBODY, 1L);
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH") {
      lib_.easy_setopt(curl_, CURLOPT_POSTFIELDS, request.body.data());
      lib_.easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    curl_slist* headers = nullptr;
    for (const auto& h : request.headers) headers = lib_.slist_append(headers, h.c_str());
    headers = lib_.slist_append(headers, "Expect:");  // no 100-continue round trip
    lib_.easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    lib_.easy_setopt(curl_, CURLOPT_USERAGENT, settings_.user_agent.c_str());
    lib_.easy_setopt(curl_, CURLOPT_WRITEFUNCTION, append_body);
    lib_.easy_setopt(curl_, CURLOPT_WRITEDATA, &response.body);
    lib_.easy_setopt(curl_, CURLOPT_HEADERFUNCTION, append_header);
    lib_.easy_setopt(curl_, CURLOPT_HEADERDATA, &response.headers);
    lib_.easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, settings_.connect_timeout_ms);
    lib_.easy_setopt(curl_, CURLOPT_TIMEOUT_MS, settings_.request_timeout_ms);
    lib_.easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    lib_.easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
    lib_.easy_setopt(curl_, CURLOPT_ACCEPT_ENCODING, "gzip");  // what API servers compress with, for big lists
    if (connect_to_ != nullptr) lib_.easy_setopt(curl_, CURLOPT_CONNECT_TO, connect_to_);
    if (!settings_.proxy_url.empty()) lib_.easy_setopt(curl_, CURLOPT_PROXY, settings_.proxy_url.c_str());
    if (settings_.insecure_skip_tls_verify) {
      lib_.easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 0L);
      lib_.easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    curl_blob ca{const_cast<char*>(settings_.ca_pem.data()), settings_.ca_pem.size(), CURL_BLOB_NOCOPY};
    if (!settings_.ca_pem.empty()) lib_.easy_setopt(curl_, CURLOPT_CAINFO_BLOB, &ca);
    curl_blob cert{const_cast<char*>(settings_.client_cert_pem.data()), settings_.client_cert_pem.size(), CURL_BLOB_NOCOPY};
    curl_blob key{const_cast<char*>(settings_.client_key_pem.data()), settings_.client_key_pem.size(), CURL_BLOB_NOCOPY};
    if (!settings_.client_cert_pem.empty()) {
      lib_.easy_setopt(curl_, CURLOPT_SSLCERT_BLOB, &cert);
      lib_.easy_setopt(curl_, CURLOPT_SSLCERTTYPE, "PEM");
      lib_.easy_setopt(curl_, CURLOPT_SSLKEY_BLOB, &key);
      lib_.easy_setopt(curl_, CURLOPT_SSLKEYTYPE, "PEM");
    }
    char error[CURL_ERROR_SIZE] = {0};
    lib_.easy_setopt(curl_, CURLOPT_ERRORBUFFER, error);
    const CURLcode code = lib_.easy_perform(curl_);
    lib_.slist_free_all(headers);
    if (code != CURLE_OK) {
      // Messages of our own where curl's carry timings ("after 202 milliseconds"), so that
      // the same failure always reads the same.
      std::string detail = error[0] != '\0' ? std::string(error) : std::string(lib_.easy_strerror(code));
      // The server took the request and reset its HTTP/2 stream (INTERNAL_ERROR), which a Go
      // server does when the handler panics: the server failing on it, not a lost connection.
      const bool reset = code == CURLE_HTTP2_STREAM || code == CURLE_HTTP2 ||
                         (code == CURLE_RECV_ERROR && detail.find("HTTP/2 stream") != std::string::npos);
      if (code == CURLE_OPERATION_TIMEDOUT) detail = "no answer within " + std::to_string(settings_.request_timeout_ms) + " ms";
      if (code == CURLE_COULDNT_CONNECT) detail = "connection refused or unreachable";
      if (code == CURLE_COULDNT_RESOLVE_HOST) detail = "cannot resolve the host name";
      if (!reset && (code == CURLE_GOT_NOTHING || code == CURLE_PARTIAL_FILE || code == CURLE_RECV_ERROR)) {
        detail = "the connection closed before the answer was complete";
      }
      const bool tls = code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CONNECT_ERROR ||
                       code == CURLE_SSL_CERTPROBLEM || code == CURLE_SSL_CACERT_BADFILE || code == CURLE_SSL_CIPHER;
      const bool retryable = !reset && (code == CURLE_COULDNT_CONNECT || code == CURLE_OPERATION_TIMEDOUT || code == CURLE_GOT_NOTHING ||
                             code == CURLE_SEND_ERROR || code == CURLE_RECV_ERROR || code == CURLE_PARTIAL_FILE);
      throw TransportError(detail, retryable, tls, reset);
    }
    lib_.easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }

 private:
  const CurlLibrary& lib_ = curl_library();  // first member: loaded before anything uses it
  TransportSettings settings_;
  CURL* curl_ = nullptr;
  std::string base_url_;
  curl_slist* connect_to_ = nullptr;
};

}  // namespace

std::unique_ptr<Transport> make_curl_transport(const TransportSettings& settings) {
  return std::make_unique<CurlTransport>(settings);
}

}  // namespace kgen::kube

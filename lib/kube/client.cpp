#include "kube/client.h"
#include "kube/json_access.h"

#include <chrono>
#include <string>
#include <thread>

#include "common/base64.h"
#include "common/files.h"
#include "common/version.h"
#include "kube/exec_credential.h"

namespace kgen::kube {
namespace {

using nlohmann::json;

bool repeatable(const std::string& method, const std::string& content_type) {
  if (method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE") return true;
  // A server-side apply states the whole intent: sending it twice is the same as once.
  return method == "PATCH" && content_type == "application/apply-patch+yaml";
}

// What can succeed when repeated: the server asked to slow down (429), a proxy or the
// server is briefly unavailable (502, 503, 504), or the server itself says when to retry
// (Retry-After, as client-go honours it on any 5xx). A plain 500 is the server failing on
// this very request (an admission bug, a panic turned into a Status): the same request
// fails the same way, so it is reported at once.
bool retryable_status(const HttpResponse& response) {
  const long status = response.status;
  if (status == 429 || status == 502 || status == 503 || status == 504) return true;
  return status >= 500 && status < 600 && response.headers.count("retry-after") > 0;
}

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string reason_phrase(long status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "HTTP " + std::to_string(status);
  }
}

ApiError api_error(const std::string& method, const std::string& path, const HttpResponse& response,
                   const ClusterAccess& access, int attempts) {
  json body;
  try {
    if (!response.body.empty()) body = json::parse(response.body);
  } catch (const json::exception&) {
  }
  std::string reason, message;
  if (text_at(body, "kind") == "Status") {
    reason = text_at(body, "reason");
    message = text_at(body, "message");
  }
  if (message.empty()) message = trim(response.body.substr(0, 200));
  const std::string where = method + " " + access.server + path;
  const std::string status_text = std::to_string(response.status) + " " + reason_phrase(response.status);
  std::string text = where + ": " + status_text + (message.empty() ? "" : ": " + message);
  std::string hint;
  switch (response.status) {
    case 401:
      text = "the server at " + access.server + " rejected the credentials of user \"" + access.user + "\" (" + status_text + ")";
      hint = "the token or certificate may have expired: log in again or refresh the kubeconfig, then try "
             "`kubectl --context " + access.context + " auth whoami`";
      break;
    case 403:
      hint = "user \"" + access.user + "\" lacks RBAC permission for this: ask a cluster admin, or check `kubectl auth can-i`";
      break;
    case 429:
    case 502:
    case 503:
    case 504:
      if (attempts > 1) text += " (after " + std::to_string(attempts) + " attempts)";
      hint = "the API server is overloaded or unavailable; try again later";
      break;
    default:
      if (response.status >= 500) {
        if (attempts > 1) text += " (after " + std::to_string(attempts) + " attempts)";
        hint = "the API server failed on this request (its message above says how; its log has more); "
               "the same request fails the same way until the server or the object changes";
      }
      break;
  }
  if (reason.empty()) reason = reason_phrase(response.status);
  return ApiError(response.status, reason, body, text, hint);
}

// Retry-After in milliseconds, at most `cap_ms` (a hostile or broken server's huge value
// must neither overflow nor stall kgen); -1 when absent or not a number of seconds.
long retry_after_ms(const HttpResponse& response, long cap_ms) {
  const auto it = response.headers.find("retry-after");
  if (it == response.headers.end()) return -1;
  try {
    const long seconds = std::stol(it->second);
    if (seconds < 0) return -1;
    return seconds > cap_ms / 1000 ? cap_ms : seconds * 1000;
  } catch (const std::exception&) {
    return -1;  // an HTTP date, or out of range: use the backoff
  }
}

}  // namespace

Client::Client(ClusterAccess access, ClientOptions options) : access_(std::move(access)), options_(std::move(options)) {}
Client::~Client() = default;

void Client::ensure_connected() {
  if (transport_) return;
  TransportSettings settings;
  settings.server = access_.server;
  settings.ca_pem = access_.ca_pem;
  settings.insecure_skip_tls_verify = access_.insecure_skip_tls_verify;
  settings.tls_server_name = access_.tls_server_name;
  settings.proxy_url = access_.proxy_url;
  settings.client_cert_pem = access_.client_cert_pem;
  settings.client_key_pem = access_.client_key_pem;
  settings.connect_timeout_ms = options_.connect_timeout_ms;
  settings.request_timeout_ms = options_.request_timeout_ms;
  settings.user_agent = std::string("kgen/") + kVersion;
  if (access_.exec && exec_token_.empty()) {
    const ExecCredential credential = run_exec_plugin(*access_.exec, access_);
    exec_token_ = credential.token;
    if (!credential.client_cert_pem.empty()) {
      settings.client_cert_pem = credential.client_cert_pem;
      settings.client_key_pem = credential.client_key_pem;
    }
  }
  transport_ = options_.make_transport ? options_.make_transport(settings) : make_curl_transport(settings);
}

std::vector<std::string> Client::auth_headers() const {
  std::string token = access_.token;
  if (!exec_token_.empty()) token = exec_token_;
  if (token.empty() && !access_.token_file.empty()) token = trim(try_read_file(access_.token_file).value_or(""));
  if (!token.empty()) return {"Authorization: Bearer " + token};
  if (!access_.username.empty()) return {"Authorization: Basic " + base64_encode(access_.username + ":" + access_.password)};
  return {};
}

bool Client::refresh_credentials() {
  if (access_.exec) {
    exec_token_.clear();
    transport_.reset();  // the plugin may hand out a new client certificate too
    ensure_connected();
    return true;
  }
  return !access_.token_file.empty();  // read again by auth_headers()
}

Reply Client::call(const std::string& method, const std::string& path, const std::string& body, const std::string& content_type) {
  ensure_connected();
  HttpRequest request{method, path, {"Accept: application/json"}, body};
  if (!body.empty()) request.headers.push_back("Content-Type: " + content_type);
  const bool can_repeat = repeatable(method, content_type);
  bool refreshed = false;
  long delay = options_.retry_base_ms;
  for (int attempt = 1;; ++attempt) {
    HttpRequest sent = request;
    for (auto& h : auth_headers()) sent.headers.push_back(std::move(h));
    const auto start = std::chrono::steady_clock::now();
    HttpResponse response;
    try {
      response = transport_->send(sent);
    } catch (const TransportError& e) {
      if (options_.debug) options_.debug(method + " " + path + " failed: " + e.what());
      if (e.retryable() && can_repeat && attempt < options_.max_attempts) {
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        delay = std::min(delay * 2, options_.retry_max_ms);
        continue;
      }
      if (e.stream_reset()) {
        throw Error(method + " " + access_.server + path + ": the API server reset the request's HTTP/2 stream instead of answering (" +
                        e.what() + ")",
                    "the server failed while handling this request (a bug of the server: its log has the panic); "
                    "retrying sends the same request and fails the same way");
      }
      if (e.tls()) {
        throw Error("TLS handshake with " + access_.server + " failed: " + e.what(),
                    "check the cluster's certificate-authority and tls-server-name in the kubeconfig "
                    "(--insecure-skip-tls-verify turns checking off, for testing only)");
      }
      throw Error("cannot reach the API server at " + access_.server + ": " + e.what() +
                      (attempt > 1 ? " (after " + std::to_string(attempt) + " attempts)" : ""),
                  "check that the cluster is up and the server address is right (kgen env describe), "
                  "or raise --request-timeout");
    }
    if (options_.debug) {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
      options_.debug(method + " " + path + " " + std::to_string(response.status) + " " + std::to_string(ms) + "ms");
    }
    if (response.status == 401 && !refreshed && refresh_credentials()) {
      refreshed = true;
      continue;
    }
    if (retryable_status(response) && can_repeat && attempt < options_.max_attempts) {
      long wait = retry_after_ms(response, options_.retry_after_max_ms);
      if (wait < 0) wait = delay;
      std::this_thread::sleep_for(std::chrono::milliseconds(wait));
      delay = std::min(delay * 2, options_.retry_max_ms);
      continue;
    }
    if (response.status >= 400) throw api_error(method, path, response, access_, attempt);
    Reply reply;
    reply.status = response.status;
    if (!response.body.empty()) {
      try {
        reply.body = json::parse(response.body);
        if (!reply.body.is_object()) throw json::other_error::create(501, "not an object", nullptr);
      } catch (const json::exception&) {
        throw Error(method + " " + access_.server + path + ": the answer is not a JSON object (" + std::to_string(response.body.size()) + " bytes)",
                    "check that the server address points at a Kubernetes API server, not a proxy or web page");
      }
    }
    return reply;
  }
}

}  // namespace kgen::kube

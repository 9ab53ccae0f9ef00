#include "apiserver/fake_apiserver.h"

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

#include "apiserver/field_manager.h"
#include "encoding/yaml_decode.h"

namespace kgen::testing {

using nlohmann::json;

namespace {

std::string now_rfc3339() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

long steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

void send_json(httplib::Response& response, int status, const json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json");
}

void send_status(httplib::Response& response, int code, const std::string& reason, const std::string& message,
                 json details = json::object()) {
  json status = {{"kind", "Status"},   {"apiVersion", "v1"}, {"metadata", json::object()}, {"status", "Failure"},
                 {"message", message}, {"reason", reason},   {"code", code}};
  if (!details.empty()) status["details"] = details;
  send_json(response, code, status);
}

struct Address {
  std::string group, version, ns, resource, name, subresource;
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream in(path);
  std::string part;
  while (std::getline(in, part, '/')) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > 253) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  }
  return std::isalnum(static_cast<unsigned char>(name.front())) && std::isalnum(static_cast<unsigned char>(name.back()));
}

// Equality-based label selectors: "a=b,c!=d,e,!f".
bool matches_selector(const json& object, const std::string& selector) {
  const json labels = object.value("metadata", json::object()).value("labels", json::object());
  std::stringstream in(selector);
  std::string term;
  while (std::getline(in, term, ',')) {
    if (term.empty()) continue;
    if (const auto ne = term.find("!="); ne != std::string::npos) {
      const std::string key = term.substr(0, ne);
      if (labels.contains(key) && labels[key] == term.substr(ne + 2)) return false;
    } else if (const auto eq = term.find('='); eq != std::string::npos) {
      const std::string key = term.substr(0, eq);
      const std::string value = term.substr(term[eq + 1] == '=' ? eq + 2 : eq + 1);
      if (!labels.contains(key) || labels[key] != value) return false;
    } else if (term[0] == '!') {
      if (labels.contains(term.substr(1))) return false;
    } else if (!labels.contains(term)) {
      return false;
    }
  }
  return true;
}

json parse_body(const std::string& body, bool* ok) {
  *ok = true;
  try {
    return json::parse(body);
  } catch (const json::exception&) {
  }
  std::vector<json> docs;
  encoding::YamlError error;
  if (encoding::decode_yaml_documents(body, &docs, &error) && docs.size() == 1) return docs[0];
  *ok = false;
  return json();
}

std::string storage_key(const std::string& group, const std::string& resource, const std::string& ns, const std::string& name) {
  return group + "/" + resource + "/" + ns + "/" + name;
}

std::string qualified(const Resource& r) { return r.group.empty() ? r.name : r.name + "." + r.group; }

}  // namespace

FakeApiServer::FakeApiServer(FakeApiServerOptions options) : options_(std::move(options)) {
  certs_ = make_test_certificates(options_.cert_dir);
  const TestCertificates certs = certs_;
  server_ = std::make_unique<httplib::SSLServer>([certs](SSL_CTX& ctx) {
    if (SSL_CTX_use_certificate_chain_file(&ctx, certs.server_cert.c_str()) != 1) return false;
    if (SSL_CTX_use_PrivateKey_file(&ctx, certs.server_key.c_str(), SSL_FILETYPE_PEM) != 1) return false;
    if (SSL_CTX_load_verify_locations(&ctx, certs.ca_cert.c_str(), nullptr) != 1) return false;
    SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER, nullptr);  // client certificates optional, verified when sent
    // Without a session id context, a client resuming a TLS session is refused.
    static const unsigned char kContext[] = "kgen-test-apiserver";
    SSL_CTX_set_session_id_context(&ctx, kContext, sizeof kContext - 1);
    return true;
  });
  auto handler = [this](const httplib::Request& request, httplib::Response& response) { handle(request, response); };
  for (const char* pattern : {R"(/.*)"}) {
    server_->Get(pattern, handler);
    server_->Post(pattern, handler);
    server_->Put(pattern, handler);
    server_->Patch(pattern, handler);
    server_->Delete(pattern, handler);
  }
  server_->set_tcp_nodelay(true);  // else Nagle + delayed ACKs add 40 ms to many answers
  port_ = server_->bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  for (const char* ns : {"default", "kube-system"}) create_namespace(ns);
}

void FakeApiServer::create_namespace(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  objects_[storage_key("", "namespaces", "", name)] = {
      {"apiVersion", "v1"},
      {"kind", "Namespace"},
      {"metadata", {{"name", name}, {"uid", "ns-" + name}, {"resourceVersion", std::to_string(++resource_version_)},
                    {"creationTimestamp", now_rfc3339()}}},
      {"status", {{"phase", "Active"}}}};
}

FakeApiServer::~FakeApiServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeApiServer::kubeconfig(const std::string& auth, const std::string& token) const {
  std::string user = "  user: {}\n";
  if (auth == "token") user = "  user:\n    token: " + token + "\n";
  if (auth == "basic") user = "  user:\n    username: " + options_.basic_user + "\n    password: " + options_.basic_password + "\n";
  if (auth == "cert") {
    user = "  user:\n    client-certificate-data: " + base64(read_all(certs_.client_cert)) +
           "\n    client-key-data: " + base64(read_all(certs_.client_key)) + "\n";
  }
  return "apiVersion: v1\nkind: Config\ncurrent-context: test\nclusters:\n- name: test\n  cluster:\n    server: " + url() +
         "\n    certificate-authority-data: " + base64(read_all(certs_.ca_cert)) +
         "\ncontexts:\n- name: test\n  context:\n    cluster: test\n    user: test-user\nusers:\n- name: test-user\n" + user;
}

int FakeApiServer::call(const std::string& method, const std::string& path_and_query, const std::string& body,
                        const std::string& content_type) {
  httplib::Request request;
  request.method = method;
  const auto question = path_and_query.find('?');
  request.path = path_and_query.substr(0, question);
  if (question != std::string::npos) httplib::detail::parse_query_text(path_and_query.substr(question + 1), request.params);
  request.body = body;
  request.headers.emplace("Content-Type", content_type);
  request.headers.emplace("Authorization", "Bearer " + options_.tokens.front());
  httplib::Response response;
  handle(request, response);
  return response.status;
}

void FakeApiServer::add_fault(const Fault& fault) {
  std::lock_guard<std::mutex> lock(mutex_);
  faults_.push_back(fault);
}

std::vector<std::string> FakeApiServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

void FakeApiServer::clear_requests() {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.clear();
  delete_options_.clear();
}

std::vector<nlohmann::json> FakeApiServer::delete_options() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return delete_options_;
}

namespace {

// Resolves an API path to an address; false when it names no resource.
bool parse_address(const ResourceTable& table, const std::string& path, Address* a, std::optional<Resource>* resource) {
  std::vector<std::string> parts = split_path(path);
  size_t i = 0;
  if (parts.size() >= 2 && parts[0] == "api") {
    a->version = parts[1];
    i = 2;
  } else if (parts.size() >= 3 && parts[0] == "apis") {
    a->group = parts[1];
    a->version = parts[2];
    i = 3;
  } else {
    return false;
  }
  std::vector<std::string> rest(parts.begin() + static_cast<long>(i), parts.end());
  if (rest.size() >= 3 && rest[0] == "namespaces") {
    auto r = table.find(a->group, a->version, rest[2]);
    if (r && r->namespaced) {
      a->ns = rest[1];
      rest.erase(rest.begin(), rest.begin() + 2);
    }
  }
  if (rest.empty() || rest.size() > 3) return false;
  a->resource = rest[0];
  if (rest.size() >= 2) a->name = rest[1];
  if (rest.size() == 3) a->subresource = rest[2];
  *resource = table.find(a->group, a->version, a->resource);
  return resource->has_value();
}

}  // namespace

json FakeApiServer::object(const std::string& api_path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Address a;
  std::optional<Resource> r;
  if (!parse_address(resources_, api_path, &a, &r)) return json();
  const auto it = objects_.find(storage_key(a.group, a.resource, a.ns, a.name));
  return it == objects_.end() ? json() : it->second;
}

void FakeApiServer::set_status(const std::string& api_path, const json& status) {
  std::lock_guard<std::mutex> lock(mutex_);
  Address a;
  std::optional<Resource> r;
  if (!parse_address(resources_, api_path, &a, &r)) throw std::runtime_error("no resource at " + api_path);
  auto it = objects_.find(storage_key(a.group, a.resource, a.ns, a.name));
  if (it == objects_.end()) throw std::runtime_error("no object at " + api_path);
  it->second["status"].merge_patch(status);
  it->second["metadata"]["resourceVersion"] = std::to_string(++resource_version_);
}

bool FakeApiServer::inject_fault(const httplib::Request& request, httplib::Response& response) {
  Fault fault;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = faults_.begin();
    for (; it != faults_.end(); ++it) {
      if ((it->method.empty() || it->method == request.method) &&
          (it->path_contains.empty() || request.path.find(it->path_contains) != std::string::npos)) {
        break;
      }
    }
    if (it == faults_.end()) return false;
    fault = *it;
    if (--it->times <= 0) faults_.erase(it);
  }
  switch (fault.kind) {
    case Fault::Delay:
      std::this_thread::sleep_for(std::chrono::milliseconds(fault.delay_ms));
      return false;
    case Fault::Drop:
      // Headers, then the connection closes mid-body.
      response.set_chunked_content_provider("application/json", [](size_t, httplib::DataSink&) { return false; });
      return true;
    case Fault::Status:
      if (fault.retry_after_seconds >= 0) response.set_header("Retry-After", std::to_string(fault.retry_after_seconds));
      send_status(response, fault.status, fault.status == 429 ? "TooManyRequests" : "InternalError",
                  "injected fault " + std::to_string(fault.status));
      return true;
  }
  return false;
}

bool FakeApiServer::authenticate(const httplib::Request& request, httplib::Response& response, bool* may_write) {
  *may_write = true;
  const std::string header = request.get_header_value("Authorization");
  const std::string bearer = "Bearer ";
  if (header.compare(0, bearer.size(), bearer) == 0) {
    const std::string token = header.substr(bearer.size());
    for (const auto& t : options_.tokens) {
      if (t == token) return true;
    }
    for (const auto& t : options_.forbidden_tokens) {
      if (t == token) {
        *may_write = false;
        return true;
      }
    }
  }
  const std::string basic = "Basic ";
  if (!options_.basic_user.empty() && header.compare(0, basic.size(), basic) == 0 &&
      header.substr(basic.size()) == base64(options_.basic_user + ":" + options_.basic_password)) {
    return true;
  }
  if (request.ssl != nullptr) {
    X509* peer = SSL_get_peer_certificate(request.ssl);
    const bool verified = peer != nullptr && SSL_get_verify_result(request.ssl) == X509_V_OK;
    if (peer != nullptr) X509_free(peer);
    if (verified) return true;
  }
  send_status(response, 401, "Unauthorized", "Unauthorized");
  return false;
}

void FakeApiServer::handle(const httplib::Request& request, httplib::Response& response) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string query;
    for (const auto& [k, v] : request.params) query += (query.empty() ? "?" : "&") + k + "=" + v;
    requests_.push_back(request.method + " " + request.path + query);
  }
  if (inject_fault(request, response)) return;
  bool may_write = true;
  if (!authenticate(request, response, &may_write)) return;

  std::lock_guard<std::mutex> lock(mutex_);
  const std::string& path = request.path;
  const std::string method = request.method;
  // Discovery.
  if (method == "GET") {
    if (path == "/version") {
      return send_json(response, 200, {{"major", "1"}, {"minor", "28"}, {"gitVersion", "v1.28.0-kgen-test"}, {"platform", "linux/amd64"}});
    }
    if (path == "/api") return send_json(response, 200, resources_.api_versions());
    if (path == "/openapi/v2" && !options_.openapi_v2_file.empty()) {
      response.set_content(read_all(options_.openapi_v2_file), "application/json");
      return;
    }
    if (path == "/apis") return send_json(response, 200, resources_.group_list());
    const auto parts = split_path(path);
    if (parts.size() == 2 && parts[0] == "api") {
      if (auto list = resources_.resource_list("", parts[1])) return send_json(response, 200, *list);
    }
    if (parts.size() == 2 && parts[0] == "apis") {
      if (auto group = resources_.group(parts[1])) return send_json(response, 200, *group);
    }
    if (parts.size() == 3 && parts[0] == "apis") {
      if (auto list = resources_.resource_list(parts[1], parts[2])) return send_json(response, 200, *list);
    }
  }
  Address a;
  std::optional<Resource> found;
  if (!parse_address(resources_, path, &a, &found)) {
    return send_status(response, 404, "NotFound", "the server could not find the requested resource");
  }
  const Resource& r = *found;
  const bool dry_run = request.get_param_value("dryRun") == "All";
  const std::string key = storage_key(a.group, a.resource, a.ns, a.name);
  const std::string what = qualified(r) + " \"" + a.name + "\"";
  auto not_found = [&] {
    send_status(response, 404, "NotFound", what + " not found", {{"name", a.name}, {"group", r.group}, {"kind", r.name}});
  };
  if (method != "GET" && !may_write) {
    std::string verb = method == "POST" ? "create" : method == "PUT" ? "update" : method == "PATCH" ? "patch" : "delete";
    return send_status(response, 403, "Forbidden",
                       what + " is forbidden: User \"limited\" cannot " + verb + " resource \"" + r.name + "\" in API group \"" +
                           r.group + "\"" + (a.ns.empty() ? "" : " in the namespace \"" + a.ns + "\""));
  }
  if (a.ns.empty() && r.namespaced && a.name.empty() && method != "GET") {
    return send_status(response, 404, "NotFound", "the server could not find the requested resource");
  }

  // Reads.
  if (method == "GET" && a.name.empty()) {
    json items = json::array();
    const std::string selector = request.get_param_value("labelSelector");
    for (const auto& [k, object] : objects_) {
      const std::string prefix = storage_key(a.group, a.resource, a.ns, "");
      if (a.ns.empty() ? k.compare(0, (a.group + "/" + a.resource + "/").size(), a.group + "/" + a.resource + "/") != 0
                       : k.compare(0, prefix.size(), prefix) != 0) {
        continue;
      }
      if (matches_selector(object, selector)) items.push_back(object);
    }
    return send_json(response, 200,
                     {{"kind", r.kind + "List"},
                      {"apiVersion", r.group.empty() ? r.version : r.group + "/" + r.version},
                      {"metadata", {{"resourceVersion", std::to_string(resource_version_)}}},
                      {"items", items}});
  }
  auto existing = objects_.find(key);
  if (existing != objects_.end() && r.kind == "CustomResourceDefinition" && options_.crd_established_delay_ms > 0) {
    const auto at = crd_established_at_.find(a.name);
    if (at != crd_established_at_.end() && steady_ms() >= at->second) {
      existing->second["status"]["conditions"] = {{{"type", "Established"}, {"status", "True"}},
                                                   {{"type", "NamesAccepted"}, {"status", "True"}}};
    }
  }
  if (method == "GET") {
    if (existing == objects_.end()) return not_found();
    return send_json(response, 200, existing->second);
  }
  if (r.namespaced && objects_.count(storage_key("", "namespaces", "", a.ns)) == 0 && method != "DELETE") {
    return send_status(response, 404, "NotFound", "namespaces \"" + a.ns + "\" not found",
                       {{"name", a.ns}, {"kind", "namespaces"}});
  }

  // Deletion, with propagation to owned objects (foreground and background alike here).
  if (method == "DELETE") {
    if (existing == objects_.end()) return not_found();
    bool ok = true;
    const json options = request.body.empty() ? json::object() : parse_body(request.body, &ok);
    delete_options_.push_back(options);
    const std::string uid = existing->second["metadata"].value("uid", "");
    if (options.is_object() && options.contains("preconditions") &&
        options["preconditions"].value("uid", uid) != uid) {
      return send_status(response, 409, "Conflict", "Precondition failed: UID in precondition: " +
                                                        options["preconditions"].value("uid", "") + ", UID in object meta: " + uid);
    }
    const bool dry = dry_run || (options.is_object() && options.contains("dryRun"));
    json deleted = existing->second;
    if (!dry) {
      std::set<std::string> gone{uid};
      objects_.erase(existing);
      if (r.kind == "Namespace") {
        for (auto it = objects_.begin(); it != objects_.end();) {
          it = it->second["metadata"].value("namespace", "") == a.name ? objects_.erase(it) : std::next(it);
        }
      }
      if (r.kind == "CustomResourceDefinition") {
        const std::string group = deleted["spec"].value("group", "");
        const std::string plural = deleted["spec"]["names"].value("plural", "");
        for (auto it = objects_.begin(); it != objects_.end();) {
          it = it->first.compare(0, (group + "/" + plural + "/").size(), group + "/" + plural + "/") == 0 ? objects_.erase(it)
                                                                                                           : std::next(it);
        }
        resources_.remove_crd(a.name);
      }
      const bool orphan = options.is_object() && options.value("propagationPolicy", "") == "Orphan";
      for (bool again = !orphan; again;) {
        again = false;
        for (auto it = objects_.begin(); it != objects_.end();) {
          bool owned = false;
          for (const auto& owner : it->second["metadata"].value("ownerReferences", json::array())) {
            if (gone.count(owner.value("uid", "")) > 0) owned = true;
          }
          if (owned) {
            gone.insert(it->second["metadata"].value("uid", ""));
            it = objects_.erase(it);
            again = true;
          } else {
            ++it;
          }
        }
      }
    }
    return send_json(response, 200, deleted);
  }

  bool parsed = true;
  json body = request.body.empty() ? json() : parse_body(request.body, &parsed);
  if (!parsed || (!body.is_null() && !body.is_object())) {
    return send_status(response, 400, "BadRequest", "the body of the request was in an unknown format");
  }
  const std::string now = now_rfc3339();
  json before = existing == objects_.end() ? json() : existing->second;
  json result;
  int status = 200;

  if (!a.subresource.empty()) {
    if (a.subresource != "status" || !r.has_status) return not_found();
    if (existing == objects_.end()) return not_found();
    result = before;
    if (method == "PUT") result["status"] = body.value("status", json::object());
    else result["status"].merge_patch(body.value("status", json::object()));
  } else if (method == "PATCH" && request.get_header_value("Content-Type") == "application/apply-patch+yaml") {
    const std::string manager = request.get_param_value("fieldManager");
    if (manager.empty()) {
      return send_status(response, 422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
    }
    const ApplyOutcome outcome = server_side_apply(before, body, manager, request.get_param_value("force") == "true", now);
    if (!outcome.conflicts.empty()) {
      json causes = json::array();
      std::string message = "Apply failed with " + std::to_string(outcome.conflicts.size()) + " conflict" +
                            (outcome.conflicts.size() == 1 ? "" : "s") + ":";
      // As a real server: the message names manager and field, each cause keeps them apart.
      for (const auto& c : outcome.conflicts) {
        const std::string with = "conflict with " + c.described;
        message += " " + with + ": " + c.field;
        causes.push_back({{"reason", "FieldManagerConflict"}, {"message", with}, {"field", c.field}});
      }
      return send_status(response, 409, "Conflict", message, {{"causes", causes}});
    }
    result = outcome.object;
    if (existing == objects_.end()) status = 201;
  } else if (method == "PATCH") {
    if (existing == objects_.end()) return not_found();
    const std::string type = request.get_header_value("Content-Type");
    if (type == "application/json-patch+json") {
      try {
        result = before.patch(json::parse(request.body));
      } catch (const json::exception& e) {
        return send_status(response, 422, "Invalid", std::string("invalid JSON patch: ") + e.what());
      }
    } else if (type == "application/merge-patch+json" || type == "application/strategic-merge-patch+json") {
      result = before;
      result.merge_patch(body);  // strategic merge treated as a merge patch here
    } else {
      return send_status(response, 415, "UnsupportedMediaType", "the body of the request was in an unknown format");
    }
    result = record_update(before, result, request.get_param_value("fieldManager").empty() ? "unknown" : request.get_param_value("fieldManager"), now);
  } else if (method == "POST" || method == "PUT") {
    if (method == "POST" && existing != objects_.end()) {
      return send_status(response, 409, "AlreadyExists", what + " already exists");
    }
    if (method == "PUT" && existing == objects_.end()) return not_found();
    const std::string rv = body.value("metadata", json::object()).value("resourceVersion", "");
    if (method == "PUT" && !rv.empty() && rv != before["metadata"].value("resourceVersion", "")) {
      return send_status(response, 409, "Conflict",
                         "Operation cannot be fulfilled on " + what + ": the object has been modified; please apply your changes to the latest version and try again");
    }
    result = record_update(before, body, request.get_param_value("fieldManager").empty() ? "unknown" : request.get_param_value("fieldManager"), now);
    if (method == "PUT" && before.contains("status")) result["status"] = before["status"];
    if (method == "POST") status = 201;
  } else {
    return send_status(response, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  }

  // Validation, as the real server does it for every write.
  const std::string api_version = r.group.empty() ? r.version : r.group + "/" + r.version;
  if (result.value("kind", "") != r.kind || result.value("apiVersion", "") != api_version) {
    return send_status(response, 400, "BadRequest",
                       "the API version in the data (" + result.value("apiVersion", "") + ") does not match the expected API version (" + api_version + ")");
  }
  json& metadata = result["metadata"];
  if (a.name.empty()) a.name = metadata.value("name", "");
  if (metadata.value("name", "") != a.name) {
    return send_status(response, 400, "BadRequest", "the name of the object (" + metadata.value("name", "") +
                                                        ") does not match the name on the URL (" + a.name + ")");
  }
  if (r.namespaced) {
    if (metadata.value("namespace", a.ns) != a.ns) {
      return send_status(response, 400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request");
    }
    metadata["namespace"] = a.ns;
  }
  if (!valid_name(a.name)) {
    return send_status(response, 422, "Invalid",
                       r.kind + (r.group.empty() ? "" : "." + r.group) + " \"" + a.name + "\" is invalid: metadata.name: Invalid value: \"" + a.name +
                           "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
  }
  const std::string final_key = storage_key(a.group, a.resource, a.ns, a.name);
  if (r.kind == "Secret" && result.contains("stringData")) {
    // As the real server: stringData is write-only, merged into data (base64).
    for (const auto& [k, v] : result["stringData"].items()) result["data"][k] = base64(v.get<std::string>());
    result.erase("stringData");
  }

  // Server-owned fields; a write that changes nothing keeps its resourceVersion.
  if (before.is_null()) {
    metadata["uid"] = "uid-" + std::to_string(++uid_counter_);
    metadata["creationTimestamp"] = now;
    metadata["generation"] = 1;
    if (r.kind == "PersistentVolumeClaim") result["status"] = {{"phase", "Pending"}};
    if (r.kind == "Namespace") result["status"] = {{"phase", "Active"}};
    if (r.kind == "Job") result["status"] = json::object();
  } else {
    for (const char* field : {"uid", "creationTimestamp", "generation", "resourceVersion"}) {
      if (before["metadata"].contains(field)) metadata[field] = before["metadata"][field];
    }
    if (a.subresource.empty() && before.contains("status")) result["status"] = before["status"];
    json spec_before = before, spec_after = result;
    spec_before.erase("metadata");
    spec_before.erase("status");
    spec_after.erase("metadata");
    spec_after.erase("status");
    if (spec_before != spec_after) metadata["generation"] = before["metadata"].value("generation", 1) + 1;
  }
  if (r.kind == "CustomResourceDefinition") {
    if (options_.crd_established_delay_ms > 0) {
      if (!dry_run) crd_established_at_[a.name] = steady_ms() + options_.crd_established_delay_ms;
      if (!result.contains("status")) result["status"] = {{"conditions", json::array()}};
    } else {
      result["status"]["conditions"] = {{{"type", "Established"}, {"status", "True"}}, {{"type", "NamesAccepted"}, {"status", "True"}}};
    }
  }
  if (before != result) metadata["resourceVersion"] = std::to_string(++resource_version_);
  if (!dry_run) {
    objects_[final_key] = result;
    if (r.kind == "CustomResourceDefinition") resources_.add_crd(result);
  }
  send_json(response, status, result);
}

}  // namespace kgen::testing

// The API client against the test API server: retries, credential refresh, discovery.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>

#include "apiserver/fake_apiserver.h"
#include "common/files.h"
#include "kube/client.h"
#include "kube/discovery.h"
#include "support/temp_dir.h"

namespace kgen::kube {
namespace {

using nlohmann::json;
using testing::FakeApiServer;
using testing::FakeApiServerOptions;
using testing::Fault;
using testing::TempDir;

class ClientTest : public ::testing::Test {
 protected:
  ClientTest() : server_(options()) {}
  FakeApiServerOptions options() {
    FakeApiServerOptions o;
    o.cert_dir = certs_.path();
    o.tokens = {"fresh-token"};
    return o;
  }
  ClusterAccess access() const {
    ClusterAccess a;
    a.server = server_.url();
    a.ca_pem = read_file(server_.certs().ca_cert);
    a.user = "u";
    a.context = "c";
    a.ns = "default";
    return a;
  }
  ClientOptions fast() const {
    ClientOptions o;
    o.retry_base_ms = 10;
    return o;
  }
  size_t count(const std::string& prefix) const {
    const auto requests = server_.requests();
    return static_cast<size_t>(std::count_if(requests.begin(), requests.end(),
                                             [&](const std::string& r) { return r.rfind(prefix, 0) == 0; }));
  }
  TempDir certs_;
  TempDir files_;
  FakeApiServer server_;
};

TEST_F(ClientTest, RetriesRepeatableRequestsOnlyAndHonoursRetryAfter) {
  ClusterAccess a = access();
  a.token = "fresh-token";
  Client client(a, fast());
  server_.add_fault({Fault::Status, 503, 0, 0, "GET", "/api/v1/namespaces/default", 2});
  EXPECT_EQ(client.get("/api/v1/namespaces/default")["metadata"]["name"], "default");
  EXPECT_EQ(count("GET /api/v1/namespaces/default"), 3u);

  // A POST is not repeated: the first answer is the result.
  server_.add_fault({Fault::Status, 500, -1, 0, "POST", "", 1});
  try {
    client.call("POST", "/api/v1/namespaces/default/configmaps", R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}})");
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 500);
    EXPECT_EQ(e.reason(), "InternalError");
  }
  EXPECT_EQ(count("POST "), 1u);

  // Retry-After: 1 waits about a second, not the 10 ms backoff.
  server_.add_fault({Fault::Status, 429, 1, 0, "GET", "/api/v1/namespaces/kube-system", 1});
  const auto start = std::chrono::steady_clock::now();
  client.get("/api/v1/namespaces/kube-system");
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(900));
}

TEST_F(ClientTest, ATokenFileIsReadAgainWhenRotated) {
  const std::string token = files_.write("token", "stale-token");
  ClusterAccess a = access();
  a.token_file = token;
  Client client(a, fast());
  try {
    client.get("/api/v1/namespaces/default");
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 401);
    EXPECT_EQ(e.message().find("stale-token"), std::string::npos);
  }
  files_.write("token", "fresh-token\n");  // rotated, as Kubernetes rotates projected tokens
  EXPECT_NO_THROW(client.get("/api/v1/namespaces/default"));
}

TEST_F(ClientTest, AnExecPluginRunsOnceAndAgainAfterA401) {
  const std::string counter = files_.path() + "/runs";
  const std::string plugin = files_.write("plugin.sh",
      "#!/bin/sh\necho run >> " + counter + "\n"
      "if [ $(wc -l < " + counter + ") -eq 1 ]; then t=stale-token; else t=fresh-token; fi\n"
      "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s\"}}' $t\n");
  ::chmod(plugin.c_str(), 0755);
  ClusterAccess a = access();
  ExecConfig exec;
  exec.api_version = "client.authentication.k8s.io/v1";
  exec.command = plugin;
  exec.user = "u";
  a.exec = exec;
  Client client(a, fast());
  EXPECT_NO_THROW(client.get("/api/v1/namespaces/default"));  // 401 with the stale token, then fresh
  EXPECT_NO_THROW(client.get("/api/v1/namespaces/kube-system"));
  EXPECT_EQ(read_file(counter), "run\nrun\n");  // not once per request
}

TEST_F(ClientTest, DebugLinesNameRequestsNeverCredentials) {
  ClusterAccess a = access();
  a.token = "fresh-token";
  ClientOptions o = fast();
  std::vector<std::string> lines;
  o.debug = [&](const std::string& line) { lines.push_back(line); };
  Client client(a, o);
  client.get("/api");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind("GET /api 200 ", 0), 0u) << lines[0];
  EXPECT_EQ(lines[0].find("fresh-token"), std::string::npos);
}

TEST_F(ClientTest, APersistent500IsReportedAtOnceUnlessTheServerSaysWhenToRetry) {
  ClusterAccess a = access();
  a.token = "fresh-token";
  Client client(a, fast());
  // A 500 is the server failing on this request: repeating a GET gets the same answer.
  server_.add_fault({Fault::Status, 500, -1, 0, "GET", "/api/v1/namespaces/default", 5});
  try {
    client.get("/api/v1/namespaces/default");
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 500);
    EXPECT_NE(e.message().find("500 Internal Server Error: injected fault 500"), std::string::npos) << e.message();
    EXPECT_EQ(e.message().find("attempts"), std::string::npos) << e.message();
    EXPECT_EQ(e.hint().find("overloaded"), std::string::npos) << e.hint();
  }
  EXPECT_EQ(count("GET /api/v1/namespaces/default"), 1u);
  // With Retry-After the server says a retry can succeed.
  server_.add_fault({Fault::Status, 500, 0, 0, "GET", "/api/v1/namespaces/kube-system", 1});
  EXPECT_EQ(client.get("/api/v1/namespaces/kube-system")["metadata"]["name"], "kube-system");
  EXPECT_EQ(count("GET /api/v1/namespaces/kube-system"), 2u);
}

// A transport whose every request ends in an HTTP/2 stream reset, as a Go API server's
// panicking handler ends it (cpp-httplib, the test server, speaks only HTTP/1.1).
class ResettingTransport : public Transport {
 public:
  explicit ResettingTransport(int* sent) : sent_(sent) {}
  HttpResponse send(const HttpRequest&) override {
    ++*sent_;
    throw TransportError("HTTP/2 stream 1 was not closed cleanly: INTERNAL_ERROR (err 2)", false, false, true);
  }

 private:
  int* sent_;
};

TEST_F(ClientTest, AResetStreamIsTheServerFailingNotAnUnreachableServer) {
  int sent = 0;
  ClientOptions o = fast();
  o.make_transport = [&](const TransportSettings&) { return std::make_unique<ResettingTransport>(&sent); };
  Client client(access(), o);
  try {
    client.call("PATCH", "/apis/apiregistration.k8s.io/v1/apiservices/v1.example.com?fieldManager=kgen", "{}",
                "application/apply-patch+yaml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "PATCH " + server_.url() +
                               "/apis/apiregistration.k8s.io/v1/apiservices/v1.example.com?fieldManager=kgen: the API server reset the "
                               "request's HTTP/2 stream instead of answering (HTTP/2 stream 1 was not closed cleanly: INTERNAL_ERROR (err 2))");
    EXPECT_EQ(e.message().find("cannot reach"), std::string::npos);
  }
  EXPECT_EQ(sent, 1);  // the same request would fail the same way
}

TEST_F(ClientTest, NonJsonAnswersAreClearErrors) {
  ClusterAccess a = access();
  a.token = "fresh-token";
  Client client(a, fast());
  server_.add_fault({Fault::Drop, 0, -1, 0, "GET", "/api", 10});
  try {
    client.get("/api");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("cannot reach the API server at " + server_.url()), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("(after 5 attempts)"), std::string::npos) << e.message();
  }
}

TEST_F(ClientTest, TheTestServerChecksResourceVersionsAndPropagatesDeletion) {
  ClusterAccess a = access();
  a.token = "fresh-token";
  Client client(a, fast());
  const json created = client.call("POST", "/api/v1/namespaces/default/configmaps",
                                   R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owner"}})").body;
  json update = created;
  update["data"] = {{"a", "1"}};
  client.call("PUT", "/api/v1/namespaces/default/configmaps/owner", update.dump());
  try {
    client.call("PUT", "/api/v1/namespaces/default/configmaps/owner", update.dump());  // stale resourceVersion
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_NE(e.message().find("the object has been modified"), std::string::npos);
  }
  const std::string uid = created["metadata"]["uid"];
  client.call("POST", "/api/v1/namespaces/default/configmaps",
              R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dependent","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":")" +
                  uid + R"("}]}})");
  client.call("DELETE", "/api/v1/namespaces/default/configmaps/owner", R"({"propagationPolicy":"Foreground"})");
  EXPECT_TRUE(server_.object("/api/v1/namespaces/default/configmaps/dependent").is_null());
  const json list = client.get("/api/v1/namespaces/default/configmaps?labelSelector=x%3Dy");
  EXPECT_TRUE(list["items"].empty());
}

TEST_F(ClientTest, DiscoveryResolvesKindsAndLearnsNewCrds) {
  ClusterAccess a = access();
  a.token = "fresh-token";
  Client client(a, fast());
  Discovery discovery(&client);
  const ResourceInfo& pvc = discovery.resolve("v1", "PersistentVolumeClaim");
  EXPECT_EQ(pvc.resource, "persistentvolumeclaims");
  EXPECT_TRUE(pvc.namespaced);
  EXPECT_EQ(resource_path(pvc, "ns", "p"), "/api/v1/namespaces/ns/persistentvolumeclaims/p");
  const ResourceInfo& crd = discovery.resolve("apiextensions.k8s.io/v1", "CustomResourceDefinition");
  EXPECT_FALSE(crd.namespaced);
  EXPECT_EQ(resource_path(crd, "ignored", "x"), "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/x");
  EXPECT_THROW(discovery.resolve("v1", "Pet"), UnknownKind);
  EXPECT_FALSE(discovery.serves("example.com/v1", "Widget"));
  client.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
              R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.com"},
                  "spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"widgets","singular":"widget","kind":"Widget"},
                  "versions":[{"name":"v1","served":true,"storage":true}]}})");
  EXPECT_FALSE(discovery.serves("example.com/v1", "Widget"));  // remembered until refreshed
  discovery.refresh();
  EXPECT_TRUE(discovery.serves("example.com/v1", "Widget"));
  EXPECT_EQ(discovery.resolve("example.com/v1", "Widget").resource, "widgets");
}

}  // namespace
}  // namespace kgen::kube

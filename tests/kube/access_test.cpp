// Choosing cluster and credentials for an environment (section 7.1 of the ks notes).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "common/error.h"
#include "kube/kubeconfig.h"
#include "support/temp_dir.h"

namespace kgen::kube {
namespace {

using testing::TempDir;

const char* kTwoClusters = R"(apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: dev
  cluster:
    server: https://dev.example.com:6443
    certificate-authority-data: Q0EtREFUQQ==
- name: prod
  cluster:
    server: https://PROD.example.com:443/
    insecure-skip-tls-verify: true
    proxy-url: http://proxy:3128
    tls-server-name: api.prod
contexts:
- name: dev
  context: {cluster: dev, user: alice, namespace: team}
users:
- name: alice
  user:
    token: alice-token
- name: bob
  user:
    username: bob
    password: pw
)";

AccessRequest request_for(const std::string& file, const std::string& server, const std::string& ns = "apps") {
  AccessRequest r;
  r.files = {file};
  r.env_name = "default";
  r.env_server = server;
  r.env_namespace = ns;
  return r;
}

TEST(Access, NormalisesServers) {
  EXPECT_EQ(normalize_server("https://Host.Example.com:443/"), "https://host.example.com");
  EXPECT_EQ(normalize_server("HTTP://h:80"), "http://h");
  EXPECT_EQ(normalize_server("https://h:6443/prefix//"), "https://h:6443/prefix");
  EXPECT_EQ(normalize_server("h:6443"), "https://h:6443");
}

TEST(Access, TheClusterWhoseServerIsTheEnvironmentsWithTheContextsUser) {
  TempDir dir;
  const std::string file = dir.write("config", kTwoClusters);
  ::chmod(file.c_str(), 0600);
  const ClusterAccess a = resolve_access(request_for(file, "https://prod.example.com"));
  EXPECT_EQ(a.cluster, "prod");
  EXPECT_EQ(a.server, "https://prod.example.com");
  EXPECT_TRUE(a.insecure_skip_tls_verify);
  EXPECT_EQ(a.proxy_url, "http://proxy:3128");
  EXPECT_EQ(a.tls_server_name, "api.prod");
  EXPECT_EQ(a.user, "alice");
  EXPECT_EQ(a.token, "alice-token");
  EXPECT_EQ(a.ns, "apps");  // the environment's namespace, not the context's
  ASSERT_EQ(a.warnings.size(), 1u);  // TLS verification off
  EXPECT_NE(a.warnings[0].find("TLS verification is off"), std::string::npos);
}

TEST(Access, FlagsOverride) {
  TempDir dir;
  const std::string file = dir.write("config", kTwoClusters);
  ::chmod(file.c_str(), 0600);
  AccessRequest r = request_for(file, "https://nowhere.example.com", "");
  r.cluster = "dev";
  r.user = "bob";
  r.ns = "other";
  const ClusterAccess a = resolve_access(r);
  EXPECT_EQ(a.server, "https://dev.example.com:6443");
  EXPECT_EQ(a.ca_pem, "CA-DATA");
  EXPECT_EQ(a.username, "bob");
  EXPECT_EQ(a.password, "pw");
  EXPECT_EQ(a.ns, "other");
  r.ns.clear();
  r.env_namespace.clear();
  EXPECT_EQ(resolve_access(r).ns, "team");  // then the context's namespace
  r.token = "flag-token";
  EXPECT_EQ(resolve_access(r).token, "flag-token");
  r.server = "https://override:1";
  EXPECT_EQ(resolve_access(r).server, "https://override:1");
}

TEST(Access, ServerFlagKeepsTheCertificateAuthorityOfItsCluster) {
  TempDir dir;
  const std::string file = dir.write("config", kTwoClusters);
  ::chmod(file.c_str(), 0600);
  // A cluster with exactly that server: its CA and TLS server name, whatever the environment says.
  AccessRequest r = request_for(file, "https://nowhere.example.com");
  r.server = "https://prod.example.com:443";
  ClusterAccess a = resolve_access(r);
  EXPECT_EQ(a.cluster, "prod");
  EXPECT_EQ(a.server, "https://prod.example.com");
  EXPECT_EQ(a.tls_server_name, "api.prod");
  r.server = "https://dev.example.com:6443/";
  a = resolve_access(r);
  EXPECT_EQ(a.cluster, "dev");
  EXPECT_EQ(a.ca_pem, "CA-DATA");
  // No cluster has it: as kubectl, the context's cluster with only its address replaced.
  r.server = "https://10.1.2.3:6443";
  a = resolve_access(r);
  EXPECT_EQ(a.cluster, "dev");
  EXPECT_EQ(a.server, "https://10.1.2.3:6443");
  EXPECT_EQ(a.ca_pem, "CA-DATA");
  EXPECT_EQ(a.token, "alice-token");
}

TEST(Access, NoMatchingClusterIsAnError) {
  TempDir dir;
  const std::string file = dir.write("config", kTwoClusters);
  try {
    resolve_access(request_for(file, "https://elsewhere:6443"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "Attempting to deploy to environment 'default' at 'https://elsewhere:6443', but cannot locate a server at that address");
  }
}

TEST(Access, NoKubeconfigUsesTheEnvironmentsServerWithTlsVerified) {
  TempDir dir;
  const ClusterAccess a = resolve_access(request_for(dir.path() + "/absent", "https://h:6443"));
  EXPECT_EQ(a.server, "https://h:6443");
  EXPECT_FALSE(a.insecure_skip_tls_verify);  // ks turned it off here; kgen does not
  EXPECT_EQ(a.ns, "apps");
}

TEST(Access, WorldReadableKubeconfigsWithCredentialsAreReported) {
  TempDir dir;
  const std::string file = dir.write("config", kTwoClusters);
  ::chmod(file.c_str(), 0644);
  const ClusterAccess a = resolve_access(request_for(file, "https://dev.example.com:6443"));
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_NE(a.warnings[0].find("readable by other users; run: chmod 600"), std::string::npos);
}

TEST(Access, ReferencedFilesAndPlugins) {
  TempDir dir;
  dir.write("certs/ca.crt", "CA-FILE");
  dir.write("token", "file-token\n");
  const std::string file = dir.write("config", R"(current-context: c
clusters:
- name: k
  cluster: {server: "https://k:6443", certificate-authority: certs/ca.crt}
contexts:
- name: c
  context: {cluster: k, user: u}
users:
- name: u
  user:
    tokenFile: token
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: ./bin/login
      args: [--quiet]
      env: [{name: A, value: b}]
      provideClusterInfo: true
)");
  const ClusterAccess a = resolve_access(request_for(file, "https://k:6443"));
  EXPECT_EQ(a.ca_pem, "CA-FILE");  // relative to the kubeconfig's folder
  EXPECT_EQ(a.token_file, dir.path() + "/token");
  ASSERT_TRUE(a.exec.has_value());
  EXPECT_EQ(a.exec->command, "./bin/login");
  EXPECT_EQ(a.exec->dir, dir.path());
  EXPECT_EQ(a.exec->args, std::vector<std::string>{"--quiet"});
  EXPECT_TRUE(a.exec->provide_cluster_info);
  ASSERT_EQ(a.exec->env.size(), 1u);
  EXPECT_EQ(a.exec->env[0].second, "b");
}

TEST(Access, BrokenReferencesNameTheFile) {
  TempDir dir;
  const std::string file = dir.write("config", R"(current-context: c
clusters:
- {name: k, cluster: {server: "https://k", certificate-authority-data: "not base64!"}}
contexts:
- {name: c, context: {cluster: k, user: u}}
users:
- {name: u, user: {client-certificate: missing.crt, client-key: missing.key}}
- {name: half, user: {client-certificate-data: QQ==}}
- {name: old, user: {auth-provider: {name: gcp}}}
)");
  EXPECT_THROW(resolve_access(request_for(file, "https://k")), Error);  // bad base64
  const std::string fixed = dir.write("config2", R"(current-context: c
clusters:
- {name: k, cluster: {server: "https://k"}}
contexts:
- {name: c, context: {cluster: k, user: u}}
users:
- {name: u, user: {client-certificate: missing.crt, client-key: missing.key}}
- {name: half, user: {client-certificate-data: QQ==}}
- {name: old, user: {auth-provider: {name: gcp}}}
)");
  try {
    resolve_access(request_for(fixed, "https://k"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "cannot read client-certificate file " + dir.path() + "/missing.crt (user \"u\")");
  }
  AccessRequest half = request_for(fixed, "https://k");
  half.user = "half";
  EXPECT_THROW(resolve_access(half), Error);
  AccessRequest old = request_for(fixed, "https://k");
  old.user = "old";
  try {
    resolve_access(old);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.hint().find("exec plugin"), std::string::npos);
  }
  AccessRequest unknown = request_for(fixed, "https://k");
  unknown.user = "nobody";
  EXPECT_THROW(resolve_access(unknown), Error);
}

}  // namespace
}  // namespace kgen::kube

// Every way kgen authenticates to a cluster, and every way a cluster can fail it:
// each gives a clear one-line error and a non-zero exit, and what was applied stays.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "e2e/cluster_support.h"

namespace kgen::testing {
namespace {

const std::string kPvcPath = "/api/v1/namespaces/kubeflow/persistentvolumeclaims/pets-pvc";

class ClusterAuth : public ClusterTest {
 protected:
  // The test kubeconfig with its user replaced by `user_yaml` (indented under `user:`).
  std::string kubeconfig_with_user(const std::string& name, const std::string& user_yaml) {
    std::string text = server_.kubeconfig("none");
    const std::string empty = "  user: {}\n";
    text.replace(text.find(empty), empty.size(), "  user:\n" + user_yaml);
    return write_kubeconfig(name, text);
  }
  std::string kubeconfig_with_cluster_line(const std::string& name, const std::string& old_line, const std::string& new_line) {
    std::string text = server_.kubeconfig("token");
    const auto at = text.find(old_line);
    if (at == std::string::npos) throw std::runtime_error("no " + old_line);
    text.replace(at, old_line.size(), new_line);
    return write_kubeconfig(name, text);
  }
  std::string executable(const std::string& name, const std::string& script) {
    const std::string path = files_.write(name, script);
    ::chmod(path.c_str(), 0755);
    return path;
  }
  ProcessResult apply_pvc(const std::string& kubeconfig, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"apply", "default", "-c", "pets-pvc"};
    args.insert(args.end(), extra.begin(), extra.end());
    return kgen(args, kubeconfig);
  }
};

TEST_F(ClusterAuth, ClientCertificate) {
  const ProcessResult r = apply_pvc(write_kubeconfig("cert", server_.kubeconfig("cert")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(server_.object(kPvcPath).is_null());
}

TEST_F(ClusterAuth, ClientCertificateFilesRelativeToTheKubeconfig) {
  const std::string user = "    client-certificate: " + server_.certs().client_cert + "\n    client-key: client.key\n";
  // client.key relative to the kubeconfig's folder: the certificates folder.
  std::string text = server_.kubeconfig("none");
  text.replace(text.find("  user: {}\n"), 11, "  user:\n" + user);
  const std::string path = certs_.write("relative-kubeconfig", text);
  ::chmod(path.c_str(), 0600);
  const ProcessResult r = apply_pvc(path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ClusterAuth, BasicAuth) {
  const ProcessResult r = apply_pvc(write_kubeconfig("basic", server_.kubeconfig("basic")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ClusterAuth, TokenFile) {
  files_.write("token.txt", "file-token-456\n");
  const ProcessResult r = apply_pvc(kubeconfig_with_user("tokenfile", "    tokenFile: token.txt\n"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ClusterAuth, ExecPluginsV1AndV1beta1WithClusterInfo) {
  for (const std::string version : {"v1", "v1beta1"}) {
    const std::string api = "client.authentication.k8s.io/" + version;
    const std::string plugin = executable("plugin-" + version + ".sh",
        "#!/bin/sh\n"
        "case \"$KUBERNETES_EXEC_INFO\" in\n"
        "  *'\"apiVersion\":\"" + api + "\"'*'\"server\":\"'\"$EXPECT_SERVER\"'\"'*) ;;\n"
        "  *) echo \"unexpected exec info: $KUBERNETES_EXEC_INFO\" >&2; exit 3;;\n"
        "esac\n"
        "printf '{\"apiVersion\":\"" + api + "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"exec-token-123\"}}'\n");
    const std::string user = "    exec:\n      apiVersion: " + api + "\n      command: " + plugin +
                             "\n      provideClusterInfo: true\n      env:\n      - name: EXPECT_SERVER\n        value: " + server_.url() + "\n";
    const ProcessResult r = apply_pvc(kubeconfig_with_user("exec-" + version, user));
    EXPECT_EQ(r.exit_code, 0) << version << ": " << r.err;
  }
}

TEST_F(ClusterAuth, FailingOrMissingExecPlugin) {
  const std::string failing = executable("fail.sh", "#!/bin/sh\necho 'error: login required (token expired)' >&2\nexit 1\n");
  const ProcessResult r = apply_pvc(kubeconfig_with_user(
      "exec-fail", "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: " + failing + "\n"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("failed with exit status 1: error: login required (token expired); run the plugin by hand"), std::string::npos)
      << r.err;
  const ProcessResult missing = apply_pvc(kubeconfig_with_user(
      "exec-missing", "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: gke-gcloud-auth-plugin-absent\n"
                      "      installHint: Install gke-gcloud-auth-plugin with gcloud components install\n"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot be run: No such file or directory; Install gke-gcloud-auth-plugin"), std::string::npos)
      << missing.err;
  const ProcessResult alpha = apply_pvc(kubeconfig_with_user(
      "exec-alpha", "    exec:\n      apiVersion: client.authentication.k8s.io/v1alpha1\n      command: x\n"));
  EXPECT_NE(alpha.err.find("v1alpha1\" is not supported"), std::string::npos) << alpha.err;
}

TEST_F(ClusterAuth, RejectedAndForbiddenTokens) {
  const ProcessResult expired = apply_pvc(write_kubeconfig("expired", server_.kubeconfig("token", "expired-token")));
  EXPECT_EQ(expired.exit_code, 1);
  EXPECT_NE(expired.err.find("rejected the credentials of user \"test-user\" (401 Unauthorized); the token or certificate may have "
                             "expired"),
            std::string::npos)
      << expired.err;
  const ProcessResult forbidden = apply_pvc(write_kubeconfig("limited", server_.kubeconfig("token", "limited-token")));
  EXPECT_EQ(forbidden.exit_code, 1);
  EXPECT_NE(forbidden.err.find("403 Forbidden: secrets \"kgen-applyset-default\" is forbidden: User \"limited\" cannot patch"),
            std::string::npos)
      << forbidden.err;
  EXPECT_NE(forbidden.err.find("lacks RBAC permission"), std::string::npos);
  EXPECT_TRUE(server_.object(kPvcPath).is_null());
}

TEST_F(ClusterAuth, TlsIsVerified) {
  const ProcessResult mismatch =
      apply_pvc(kubeconfig_with_cluster_line("tls-name", "    server: ", "    tls-server-name: wrong.example.com\n    server: "));
  EXPECT_EQ(mismatch.exit_code, 1);
  EXPECT_NE(mismatch.err.find("TLS handshake with " + server_.url() + " failed"), std::string::npos) << mismatch.err;
  EXPECT_NE(mismatch.err.find("wrong.example.com"), std::string::npos) << mismatch.err;

  // The server's own name is fine.
  const ProcessResult named =
      apply_pvc(kubeconfig_with_cluster_line("tls-name-ok", "    server: ", "    tls-server-name: localhost\n    server: "));
  EXPECT_EQ(named.exit_code, 0) << named.err;

  // Without the CA, the system's CAs do not know the test CA.
  const std::string no_ca = kubeconfig_with_cluster_line("no-ca", "    certificate-authority-data: ", "    x-removed: ");
  const ProcessResult unknown = apply_pvc(no_ca);
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("TLS handshake"), std::string::npos) << unknown.err;
  const ProcessResult insecure = apply_pvc(no_ca, {"--insecure-skip-tls-verify"});
  EXPECT_EQ(insecure.exit_code, 0) << insecure.err;
  EXPECT_NE(insecure.err.find("TLS verification is off for " + server_.url()), std::string::npos) << insecure.err;
}

TEST_F(ClusterAuth, KubeconfigProblems) {
  const ProcessResult missing = kgen({"apply", "default", "--kubeconfig", files_.path() + "/none"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("kubeconfig file"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("cannot be read; check the --kubeconfig path"), std::string::npos) << missing.err;

  const ProcessResult context = kgen({"apply", "default", "--context", "nope"});
  EXPECT_EQ(context.exit_code, 1);
  EXPECT_NE(context.err.find("context \"nope\" is not in the kubeconfig"), std::string::npos) << context.err;

  const ProcessResult cert = apply_pvc(kubeconfig_with_user("bad-cert", "    client-certificate: /nonexistent/client.crt\n    client-key: /nonexistent/client.key\n"));
  EXPECT_EQ(cert.exit_code, 1);
  EXPECT_NE(cert.err.find("cannot read client-certificate file /nonexistent/client.crt (user \"test-user\")"), std::string::npos) << cert.err;

  const std::string readable = write_kubeconfig("readable", server_.kubeconfig("token"));
  ::chmod(readable.c_str(), 0644);
  const ProcessResult warned = apply_pvc(readable);
  EXPECT_EQ(warned.exit_code, 0);
  EXPECT_NE(warned.err.find("is readable by other users; run: chmod 600"), std::string::npos) << warned.err;

  ASSERT_EQ(app_->kgen({"env", "set", "default", "--server", "https://cluster.example.com"}).exit_code, 0);
  const ProcessResult unmatched = kgen({"apply", "default"});
  EXPECT_EQ(unmatched.exit_code, 1);
  EXPECT_NE(unmatched.err.find("Attempting to deploy to environment 'default' at 'https://cluster.example.com', but cannot locate a "
                               "server at that address"),
            std::string::npos)
      << unmatched.err;
}

TEST_F(ClusterAuth, RetriesServerErrorsAndDroppedConnections) {
  // A 500 is retried only when the server says when to (Retry-After); a 503 always.
  server_.add_fault({Fault::Status, 500, 0, 0, "PATCH", "/persistentvolumeclaims/", 1});
  server_.add_fault({Fault::Status, 503, -1, 0, "PATCH", "/persistentvolumeclaims/", 1});
  server_.add_fault({Fault::Status, 429, 1, 0, "GET", "/jobs/get-data-job-model", 1});
  server_.add_fault({Fault::Drop, 0, -1, 0, "GET", "/jobs/get-data-job-config", 1});
  const ProcessResult r = kgen({"apply", "default"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("9 created"), std::string::npos) << r.err;
}

TEST_F(ClusterAuth, PersistentFailureStopsWithoutLosingWhatWasApplied) {
  server_.add_fault({Fault::Status, 503, -1, 0, "PATCH", "/jobs/get-data-job-annotations", 100});
  const ProcessResult r = kgen({"apply", "default"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("apply jobs kubeflow.get-data-job-annotations (component get-data-job): PATCH " + server_.url()), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("503 Service Unavailable: injected fault 503 (after 5 attempts); the API server is overloaded"), std::string::npos)
      << r.err;
  EXPECT_FALSE(server_.object(kPvcPath).is_null());
  EXPECT_FALSE(server_.object("/apis/batch/v1/namespaces/kubeflow/jobs/decompress-data-job-model").is_null());
}

TEST_F(ClusterAuth, TimeoutsAndAnUnreachableServer) {
  server_.add_fault({Fault::Delay, 0, -1, 1500, "GET", "/persistentvolumeclaims/", 10});
  const ProcessResult slow = apply_pvc(kubeconfig_, {"--request-timeout", "300ms"});
  EXPECT_EQ(slow.exit_code, 1);
  EXPECT_NE(slow.err.find("cannot reach the API server at " + server_.url() + ": no answer within 300 ms"), std::string::npos) << slow.err;
  EXPECT_NE(slow.err.find("(after 5 attempts)"), std::string::npos) << slow.err;

  ASSERT_EQ(app_->kgen({"env", "set", "default", "--server", "https://127.0.0.1:1"}).exit_code, 0);
  const ProcessResult down = kgen({"apply", "default", "--cluster", "test", "--server", "https://127.0.0.1:1"});
  EXPECT_EQ(down.exit_code, 1);
  EXPECT_NE(down.err.find("cannot reach the API server at https://127.0.0.1:1"), std::string::npos) << down.err;
}

TEST_F(ClusterAuth, InvalidObjectsAndMissingNamespaces) {
  ASSERT_EQ(app_->kgen({"param", "set", "pets-pvc", "name", "Pets_PVC"}).exit_code, 0);
  const ProcessResult invalid = apply_pvc(kubeconfig_);
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_NE(invalid.err.find("the server rejected persistentvolumeclaims kubeflow.Pets_PVC (component pets-pvc): "
                             "PersistentVolumeClaim \"Pets_PVC\" is invalid: metadata.name"),
            std::string::npos)
      << invalid.err;
  ASSERT_EQ(app_->kgen({"param", "set", "pets-pvc", "name", "pets-pvc"}).exit_code, 0);
  const ProcessResult no_ns = apply_pvc(kubeconfig_, {"-n", "absent"});
  EXPECT_EQ(no_ns.exit_code, 0) << "the PVC names its namespace (kubeflow): -n only fills in missing ones\n" << no_ns.err;
  ASSERT_EQ(app_->kgen({"env", "set", "default", "--namespace", "absent"}).exit_code, 0);
  const ProcessResult missing = apply_pvc(kubeconfig_);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("namespace \"absent\" does not exist; create it first"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace kgen::testing

// Stage 7a: reading kubeconfig files as kubectl does, and choosing the cluster and
// credentials for an environment as ks did (section 7.1 of the compatibility notes).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kgen::kube {

struct ContextTarget {
  std::string context;
  std::string cluster;
  std::string server;
  std::string ns;    // the context's namespace, empty when it sets none
  std::string file;  // the kubeconfig file the context came from
};

// An `exec` credential plugin (client.authentication.k8s.io/v1 or v1beta1).
struct ExecConfig {
  std::string api_version;
  std::string command;  // relative paths with a slash are resolved against `dir`
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> env;
  std::string install_hint;
  bool provide_cluster_info = false;
  std::string dir;   // folder of the kubeconfig file that declared it
  std::string user;  // for messages
};

// Everything needed to talk to one API server as one user. Certificates and keys are
// PEM text (read from files when the kubeconfig names files).
struct ClusterAccess {
  std::string context;
  std::string cluster;
  std::string user;
  std::string server;  // normalised: no trailing slash
  std::string ns;      // namespace for objects that name none
  std::string ca_pem;  // empty: the system's CAs
  bool insecure_skip_tls_verify = false;
  std::string tls_server_name;
  std::string proxy_url;
  std::string client_cert_pem;
  std::string client_key_pem;
  std::string token;       // never printed
  std::string token_file;  // read again on every 401, as client-go does
  std::string username;
  std::string password;    // never printed
  std::optional<ExecConfig> exec;
  std::vector<std::string> warnings;  // for cmd/ to print
};

// What the command line and the environment ask for.
struct AccessRequest {
  std::vector<std::string> files;  // from kubeconfig_files()
  bool explicit_file = false;      // --kubeconfig: a missing file is an error
  std::string context, cluster, user, ns, server, token;
  bool insecure_skip_tls_verify = false;
  std::string env_name;       // for messages
  std::string env_server;     // the environment's server (app.yaml)
  std::string env_namespace;  // the environment's namespace
};

// The kubeconfig files to read, as kubectl chooses them: `explicit_file` if given, else
// every file in $KUBECONFIG (':'-separated), else ~/.kube/config.
std::vector<std::string> kubeconfig_files(const std::string& explicit_file);

// The context `name` (empty: the current-context) merged over `files` (the first file
// to define a name wins, as kubectl merges). Throws kgen::Error naming the file and
// what is missing.
ContextTarget resolve_context(const std::vector<std::string>& files, const std::string& name);

// The cluster whose server matches the environment's (URLs normalised; --cluster
// overrides), with the credentials of --user or the context's user. --server picks the
// cluster whose server it names, else (as kubectl) replaces the address of the context's
// cluster: either way the cluster's certificate authority and TLS server name stay. With no
// kubeconfig cluster at all, the environment's server is used directly (TLS verified
// against the system's CAs, unlike ks, which turned verification off). Throws
// kgen::Error when nothing matches or a referenced file cannot be read.
ClusterAccess resolve_access(const AccessRequest& request);

// "https://Host:443/" -> "https://host": lower-case scheme and host, default port and
// trailing slashes dropped, so equal servers compare equal.
std::string normalize_server(const std::string& url);

}  // namespace kgen::kube

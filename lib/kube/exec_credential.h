// Running a kubeconfig `exec` credential plugin (gke-gcloud-auth-plugin, aws eks
// get-token, kubelogin...) as client-go does, non-interactively.
#pragma once

#include <string>

#include "kube/kubeconfig.h"

namespace kgen::kube {

struct ExecCredential {
  std::string token;
  std::string client_cert_pem;
  std::string client_key_pem;
  std::string expiration;  // RFC 3339, empty when the plugin gave none
};

// Runs the plugin with KUBERNETES_EXEC_INFO set (cluster info included when the
// kubeconfig asks) and parses the ExecCredential it prints. Throws kgen::Error with
// the plugin's first stderr line and its install hint when it fails or prints garbage.
ExecCredential run_exec_plugin(const ExecConfig& config, const ClusterAccess& cluster);

}  // namespace kgen::kube

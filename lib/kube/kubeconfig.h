// Stage 7 (started): reading kubeconfig files as kubectl does. For now: which server
// and namespace a context names (`kgen env add --context`); the cluster client builds
// on this.
#pragma once

#include <string>
#include <vector>

namespace kgen::kube {

struct ContextTarget {
  std::string context;
  std::string cluster;
  std::string server;
  std::string ns;    // the context's namespace, empty when it sets none
  std::string file;  // the kubeconfig file the context came from
};

// The kubeconfig files to read, as kubectl chooses them: `explicit_file` if given, else
// every file in $KUBECONFIG (':'-separated), else ~/.kube/config.
std::vector<std::string> kubeconfig_files(const std::string& explicit_file);

// The context `name` (empty: the current-context) merged over `files` (the first file
// to define a name wins, as kubectl merges). Throws kgen::Error naming the file and
// what is missing.
ContextTarget resolve_context(const std::vector<std::string>& files, const std::string& name);

}  // namespace kgen::kube

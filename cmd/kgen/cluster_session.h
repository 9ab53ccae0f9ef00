// What every cluster command (apply, delete, diff, status, validate) shares: its flags,
// rendering the environment, connecting to the cluster, and ks-style log lines.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "app/app.h"
#include "kgen/app_flags.h"
#include "kgen/kube_version.h"
#include "kube/client.h"
#include "kube/discovery.h"
#include "kube/plan.h"

namespace kgen::cmd {

struct ClusterFlags {
  AppFlags app;
  JsonnetFlags jsonnet;
  KubeVersionFlags kube_version;
  std::string environment;
  std::vector<std::string> components;
  std::string kubeconfig, context, cluster, user, ns, server, token;
  bool insecure_skip_tls_verify = false;
  std::string request_timeout = "30s";
  bool verbose = false;
};

void add_cluster_flags(CLI::App* command, ClusterFlags* flags);

// "90s", "5m", "1h30m", "250ms" or plain seconds -> milliseconds. Throws kgen::Error.
long parse_duration_ms(const std::string& text, const std::string& flag);

// The environment rendered and the cluster it lives on.
struct ClusterSession {
  app::App app;
  const app::Environment* environment = nullptr;
  std::vector<kube::Manifest> manifests;
  std::unique_ptr<kube::Client> client;
  std::unique_ptr<kube::Discovery> discovery;
  kube::Log log;
  bool stderr_is_terminal = false;
};

// Renders; connects unless `connect` is false (validate with a local spec).
ClusterSession open_session(const ClusterFlags& flags, bool connect = true);
// Connects a session opened without connecting.
void connect_session(const ClusterFlags& flags, ClusterSession* session);

// ks's log line: "INFO <msg>" on a terminal, `level=info msg="<msg>"` otherwise.
void log_line(kube::LogLevel level, const std::string& message, bool terminal);

}  // namespace kgen::cmd

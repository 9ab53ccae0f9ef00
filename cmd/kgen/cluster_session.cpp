#include "kgen/cluster_session.h"

#include <unistd.h>

#include <cctype>
#include <iostream>

#include "common/error.h"
#include "kgen/commands.h"
#include "kgen/library_setup.h"
#include "kube/kubeconfig.h"
#include "render/render.h"

namespace kgen::cmd {

void add_cluster_flags(CLI::App* command, ClusterFlags* flags) {
  command->add_option("env", flags->environment, "Environment (default: the current one)");
  command->add_option("-c,--component", flags->components, "Only this component (repeatable)")->allow_extra_args(false);
  command->add_option("--kubeconfig", flags->kubeconfig, "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config)");
  command->add_option("--context", flags->context, "Kubeconfig context whose user to use");
  command->add_option("--cluster", flags->cluster, "Kubeconfig cluster to use instead of the one matching the server");
  command->add_option("--user", flags->user, "Kubeconfig user to use");
  command->add_option("-n,--namespace", flags->ns, "Namespace for objects that name none (default: the environment's)");
  command->add_option("--server", flags->server, "API server URL (default: the environment's)");
  command->add_option("--token", flags->token, "Bearer token");
  command->add_flag("--insecure-skip-tls-verify,--tls-skip-verify", flags->insecure_skip_tls_verify, "Do not check the server's certificate");
  command->add_option("--request-timeout", flags->request_timeout, "Timeout of one request (e.g. 30s)")->capture_default_str();
  command->add_flag("-v,--verbose", flags->verbose, "Debug log lines (requests, never credentials)");
  add_app_flags(command, &flags->app);
  add_jsonnet_flags(command, &flags->jsonnet);
}

long parse_duration_ms(const std::string& text, const std::string& flag) {
  long total = 0;
  size_t i = 0;
  bool any = false;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i) break;
    const long value = std::stol(text.substr(i, j - i));
    std::string unit;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) unit += text[j++];
    if (unit.empty() || unit == "s") total += value * 1000;
    else if (unit == "ms") total += value;
    else if (unit == "m") total += value * 60000;
    else if (unit == "h") total += value * 3600000;
    else break;
    any = true;
    i = j;
    if (unit.empty()) break;
  }
  if (!any || i != text.size()) {
    throw Error(flag + " \"" + text + "\" is not a duration", "write it like 30s, 5m or 1h30m");
  }
  return total;
}

void log_line(kube::LogLevel level, const std::string& message, bool terminal) {
  const char* word = level == kube::LogLevel::Debug ? "debug" : level == kube::LogLevel::Warning ? "warning" : "info";
  if (terminal) {
    const char* colour = level == kube::LogLevel::Warning ? "\033[33m" : level == kube::LogLevel::Debug ? "\033[37m" : "\033[36m";
    std::string upper = word;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper == "WARNING") upper = "WARN";
    std::cerr << colour << upper << "\033[0m " << message << "\n";
    return;
  }
  std::string quoted;
  for (char c : message) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (c == '\n') {
      quoted += "\\n";
      continue;
    }
    quoted += c;
  }
  std::cerr << "level=" << word << " msg=\"" << quoted << "\"\n";
}

void connect_session(const ClusterFlags& flags, ClusterSession* session) {
  kube::AccessRequest request;
  request.files = kube::kubeconfig_files(flags.kubeconfig);
  request.explicit_file = !flags.kubeconfig.empty();
  request.context = flags.context;
  request.cluster = flags.cluster;
  request.user = flags.user;
  request.ns = flags.ns;
  request.server = flags.server;
  request.token = flags.token;
  request.insecure_skip_tls_verify = flags.insecure_skip_tls_verify;
  request.env_name = session->environment->name;
  request.env_server = session->environment->server;
  request.env_namespace = session->environment->ns;
  kube::ClusterAccess access = kube::resolve_access(request);
  for (const auto& warning : access.warnings) session->log(kube::LogLevel::Warning, warning);
  kube::ClientOptions options;
  options.request_timeout_ms = parse_duration_ms(flags.request_timeout, "--request-timeout");
  options.connect_timeout_ms = std::min(options.request_timeout_ms, 10000L);
  if (flags.verbose) options.debug = [log = session->log](const std::string& line) { log(kube::LogLevel::Debug, line); };
  session->client = std::make_unique<kube::Client>(std::move(access), options);
  session->discovery = std::make_unique<kube::Discovery>(session->client.get());
}

ClusterSession open_session(const ClusterFlags& flags, bool connect) {
  ClusterSession session;
  session.stderr_is_terminal = ::isatty(2) == 1;
  const bool terminal = session.stderr_is_terminal;
  const bool verbose = flags.verbose;
  session.log = [terminal, verbose](kube::LogLevel level, const std::string& message) {
    if (level == kube::LogLevel::Debug && !verbose) return;
    log_line(level, message, terminal);
  };
  session.app = app::load_app(app::find_app_root(flags.app.dir));
  session.environment = &app::select_environment(session.app, flags.environment);
  render::RenderOptions options;
  options.environment = session.environment->name;
  options.components = flags.components;
  apply_jsonnet_flags(flags.jsonnet, &options);
  use_cached_library(session.app, *session.environment, &options);
  render::RenderResult result = render::render_environment(session.app, options);
  for (const auto& warning : result.warnings) print_warning(warning);
  for (auto& object : result.objects) session.manifests.push_back({std::move(object.value), std::move(object.component)});
  if (connect) connect_session(flags, &session);
  return session;
}

}  // namespace kgen::cmd

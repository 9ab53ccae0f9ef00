#include "kube/exec_credential.h"
#include "kube/json_access.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "common/base64.h"
#include "common/error.h"

extern char** environ;

namespace kgen::kube {
namespace {

using nlohmann::json;

constexpr int kPluginTimeoutSeconds = 120;

struct Output {
  int status = -1;
  std::string out, err;
};

std::string command_path(const ExecConfig& config) {
  // client-go: a relative command with a slash is relative to the kubeconfig's folder.
  if (config.command[0] != '/' && config.command.find('/') != std::string::npos) return config.dir + "/" + config.command;
  return config.command;
}

Output run(const ExecConfig& config, const std::string& exec_info) {
  std::map<std::string, std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const auto eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [name, value] : config.env) env[name] = value;
  env["KUBERNETES_EXEC_INFO"] = exec_info;
  std::vector<std::string> env_strings;
  for (const auto& [name, value] : env) env_strings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  std::vector<std::string> argv_strings{command_path(config)};
  argv_strings.insert(argv_strings.end(), config.args.begin(), config.args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) throw Error("cannot create a pipe for the exec plugin");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);  // never interactive
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    std::string hint = config.install_hint.empty() ? "install it or fix the command in the kubeconfig" : config.install_hint;
    for (char& c : hint) {
      if (c == '\n') c = ' ';
    }
    throw Error("exec plugin \"" + config.command + "\" of user \"" + config.user + "\" cannot be run: " + std::strerror(spawned),
                hint);
  }
  Output output;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kPluginTimeoutSeconds);
  int open_fds = 2;
  bool timed_out = false;
  while (open_fds > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    if (::poll(fds, 2, static_cast<int>(left)) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[4096];
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? output.out : output.err).append(buffer, static_cast<size_t>(n));
      }
    }
  }
  for (auto& fd : fds) {
    if (fd.fd >= 0) ::close(fd.fd);
  }
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    throw Error("exec plugin \"" + config.command + "\" gave no answer within " + std::to_string(kPluginTimeoutSeconds) + " s",
                "run it by hand to see whether it waits for input");
  }
  output.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return output;
}

std::string first_line(const std::string& text) {
  const auto start = text.find_first_not_of(" \t\n");
  if (start == std::string::npos) return {};
  return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

ExecCredential run_exec_plugin(const ExecConfig& config, const ClusterAccess& cluster) {
  json info = {{"apiVersion", config.api_version}, {"kind", "ExecCredential"}, {"spec", {{"interactive", false}}}};
  if (config.provide_cluster_info) {
    json c = {{"server", cluster.server}};
    if (!cluster.ca_pem.empty()) c["certificate-authority-data"] = base64_encode(cluster.ca_pem);
    if (!cluster.tls_server_name.empty()) c["tls-server-name"] = cluster.tls_server_name;
    if (cluster.insecure_skip_tls_verify) c["insecure-skip-tls-verify"] = true;
    info["spec"]["cluster"] = c;
  }
  const Output output = run(config, info.dump());
  const std::string who = "exec plugin \"" + config.command + "\" of user \"" + config.user + "\"";
  if (output.status != 0) {
    const std::string line = first_line(output.err);
    throw Error(who + " failed with exit status " + std::to_string(output.status) + (line.empty() ? "" : ": " + line),
                "run the plugin by hand (log in again if your session expired)");
  }
  json credential;
  try {
    credential = json::parse(output.out);
  } catch (const json::exception&) {
    throw Error(who + " printed no ExecCredential JSON", "run the plugin by hand and check what it prints");
  }
  if (!credential.is_object() || text_at(credential, "kind") != "ExecCredential" || !credential.contains("status") ||
      !credential["status"].is_object()) {
    throw Error(who + " printed JSON that is not an ExecCredential with a status", "check the plugin's version");
  }
  if (text_at(credential, "apiVersion") != config.api_version) {
    throw Error(who + " answered with apiVersion \"" + text_at(credential, "apiVersion") + "\", not \"" + config.api_version + "\"",
                "set the kubeconfig's exec apiVersion to what the plugin speaks");
  }
  const json& status = credential["status"];
  ExecCredential result;
  result.token = text_at(status, "token");
  result.client_cert_pem = text_at(status, "clientCertificateData");
  result.client_key_pem = text_at(status, "clientKeyData");
  result.expiration = text_at(status, "expirationTimestamp");
  if (result.token.empty() && result.client_cert_pem.empty()) {
    throw Error(who + " returned neither a token nor a client certificate", "check the plugin's configuration");
  }
  if (result.client_cert_pem.empty() != result.client_key_pem.empty()) {
    throw Error(who + " returned a client certificate without its key (or a key without a certificate)",
                "check the plugin's configuration");
  }
  return result;
}

}  // namespace kgen::kube

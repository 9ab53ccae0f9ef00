#include "kube/exec_credential.h"
#include "kube/json_access.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "common/base64.h"
#include "common/error.h"
#include "common/subprocess.h"

namespace kgen::kube {
namespace {

using nlohmann::json;

constexpr int kPluginTimeoutSeconds = 120;

std::string command_path(const ExecConfig& config) {
  // client-go: a relative command with a slash is relative to the kubeconfig's folder.
  if (config.command[0] != '/' && config.command.find('/') != std::string::npos) return config.dir + "/" + config.command;
  return config.command;
}

ProcessOutput run(const ExecConfig& config, const std::string& exec_info) {
  std::map<std::string, std::string> env;
  for (const auto& [name, value] : config.env) env[name] = value;
  env["KUBERNETES_EXEC_INFO"] = exec_info;
  std::vector<std::string> argv{command_path(config)};
  argv.insert(argv.end(), config.args.begin(), config.args.end());
  ProcessOutput output = run_process(argv, env, kPluginTimeoutSeconds);
  if (output.spawn_error != 0) {
    std::string hint = config.install_hint.empty() ? "install it or fix the command in the kubeconfig" : config.install_hint;
    for (char& c : hint) {
      if (c == '\n') c = ' ';
    }
    throw Error("exec plugin \"" + config.command + "\" of user \"" + config.user + "\" cannot be run: " +
                    std::strerror(output.spawn_error),
                hint);
  }
  if (output.timed_out) {
    throw Error("exec plugin \"" + config.command + "\" gave no answer within " + std::to_string(kPluginTimeoutSeconds) + " s",
                "run it by hand to see whether it waits for input");
  }
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
  const ProcessOutput output = run(config, info.dump());
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

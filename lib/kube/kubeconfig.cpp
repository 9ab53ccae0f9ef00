#include "kube/kubeconfig.h"

#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <string>

#include "common/base64.h"
#include "common/error.h"
#include "common/files.h"
#include "encoding/yaml_syntax.h"

namespace kgen::kube {
namespace {

struct Entry {
  YAML::Node node;
  std::string file;
};

struct Merged {
  std::string current_context;
  std::map<std::string, Entry> contexts, clusters, users;
  std::vector<std::string> read_files;
  std::vector<std::string> warnings;
};

void merge_named(const YAML::Node& list, const char* inner, const std::string& file, std::map<std::string, Entry>* into) {
  if (!list || !list.IsSequence()) return;
  for (const auto& item : list) {
    if (!item.IsMap() || !item["name"] || !item["name"].IsScalar()) continue;
    YAML::Node body = item[inner] ? item[inner] : YAML::Node(YAML::NodeType::Map);
    if (!body.IsMap() && !body.IsNull()) {
      // kubectl refuses such a file too; reading fields of a scalar would throw later.
      throw Error("invalid kubeconfig: the " + std::string(inner) + " of \"" + item["name"].as<std::string>() +
                      "\" is not a mapping",
                  "write its fields under " + std::string(inner) + ":",
                  {display_path(file), body.Mark().is_null() ? 0 : body.Mark().line + 1});
    }
    if (body.IsNull()) body = YAML::Node(YAML::NodeType::Map);
    into->emplace(item["name"].as<std::string>(), Entry{body, file});  // the first file to name it wins
  }
}

std::string text(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  return value && value.IsScalar() ? value.as<std::string>() : std::string();
}

bool flag(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  return value && value.IsScalar() && value.as<std::string>() == "true";
}

std::string directory_of(const std::string& file) {
  const auto slash = file.rfind('/');
  return slash == std::string::npos ? std::string(".") : file.substr(0, slash);
}

// kubectl resolves relative paths in a kubeconfig against the file's own folder.
std::string resolve_relative(const std::string& path, const std::string& kubeconfig) {
  if (path.empty() || path[0] == '/') return path;
  return join_path(directory_of(kubeconfig), path);
}

Merged load(const std::vector<std::string>& files, bool explicit_file) {
  Merged merged;
  for (const auto& file : files) {
    const auto content = try_read_file(file);
    if (!content) {
      if (explicit_file) {
        throw Error("kubeconfig file " + display_path(file) + " cannot be read", "check the --kubeconfig path");
      }
      continue;  // kubectl skips $KUBECONFIG entries that do not exist
    }
    merged.read_files.push_back(file);
    int line = 0, column = 0;
    std::string problem;
    if (!encoding::check_yaml_syntax(*content, &line, &column, &problem)) {
      throw Error("invalid kubeconfig: " + problem, "fix the file", {display_path(file), line, column});
    }
    YAML::Node root;
    try {
      root = YAML::Load(*content);
    } catch (const YAML::Exception& e) {
      throw Error("invalid kubeconfig: " + e.msg, "fix the file", {display_path(file), e.mark.is_null() ? 0 : e.mark.line + 1});
    }
    if (root.IsNull()) continue;
    if (!root.IsMap()) throw Error("invalid kubeconfig: not a mapping", "fix the file", {display_path(file), 1});
    if (merged.current_context.empty()) merged.current_context = text(root, "current-context");
    merge_named(root["contexts"], "context", file, &merged.contexts);
    merge_named(root["clusters"], "cluster", file, &merged.clusters);
    merge_named(root["users"], "user", file, &merged.users);
    struct stat st {};
    if (root["users"] && ::stat(file.c_str(), &st) == 0 && (st.st_mode & 0044) != 0) {
      merged.warnings.push_back("kubeconfig " + display_path(file) +
                                " holds credentials and is readable by other users; run: chmod 600 " + display_path(file));
    }
  }
  return merged;
}

// PEM text from `<key>-data` (base64) or the file `<key>`.
std::string pem_field(const Entry& entry, const std::string& key, const std::string& what) {
  const std::string data = text(entry.node, (key + "-data").c_str());
  if (!data.empty()) {
    auto decoded = base64_decode(data);
    if (!decoded) {
      throw Error(what + " " + key + "-data is not valid base64", "fix the kubeconfig", {display_path(entry.file)});
    }
    return *decoded;
  }
  const std::string path = text(entry.node, key.c_str());
  if (path.empty()) return {};
  const std::string resolved = resolve_relative(path, entry.file);
  auto content = try_read_file(resolved);
  if (!content) {
    throw Error("cannot read " + key + " file " + resolved + " (" + what + ")",
                "fix the path in the kubeconfig or restore the file", {display_path(entry.file)});
  }
  return *content;
}

ExecConfig exec_config(const Entry& user, const std::string& user_name) {
  const YAML::Node exec = user.node["exec"];
  ExecConfig config;
  config.api_version = text(exec, "apiVersion");
  config.command = text(exec, "command");
  config.install_hint = text(exec, "installHint");
  config.provide_cluster_info = flag(exec, "provideClusterInfo");
  config.dir = directory_of(user.file);
  config.user = user_name;
  if (config.command.empty()) {
    throw Error("user \"" + user_name + "\" has an exec plugin without a command", "fix the kubeconfig",
                {display_path(user.file)});
  }
  if (config.api_version != "client.authentication.k8s.io/v1" && config.api_version != "client.authentication.k8s.io/v1beta1") {
    throw Error("user \"" + user_name + "\": exec plugin apiVersion \"" + config.api_version + "\" is not supported",
                "use client.authentication.k8s.io/v1 or v1beta1 (v1alpha1 was removed from Kubernetes)",
                {display_path(user.file)});
  }
  if (exec["args"] && exec["args"].IsSequence()) {
    for (const auto& arg : exec["args"]) config.args.push_back(arg.as<std::string>());
  }
  if (exec["env"] && exec["env"].IsSequence()) {
    for (const auto& var : exec["env"]) config.env.emplace_back(text(var, "name"), text(var, "value"));
  }
  return config;
}

void fill_credentials(const Entry& user, const std::string& user_name, ClusterAccess* access) {
  const std::string what = "user \"" + user_name + "\"";
  access->client_cert_pem = pem_field(user, "client-certificate", what);
  access->client_key_pem = pem_field(user, "client-key", what);
  if (access->client_cert_pem.empty() != access->client_key_pem.empty()) {
    throw Error(what + " has a client certificate without a key, or a key without a certificate",
                "give both client-certificate and client-key", {display_path(user.file)});
  }
  access->token = text(user.node, "token");
  const std::string token_file = text(user.node, "tokenFile");
  if (access->token.empty() && !token_file.empty()) {
    access->token_file = resolve_relative(token_file, user.file);
    auto content = try_read_file(access->token_file);
    if (!content) {
      throw Error("cannot read tokenFile " + access->token_file + " (" + what + ")", "fix the path in the kubeconfig",
                  {display_path(user.file)});
    }
  }
  access->username = text(user.node, "username");
  access->password = text(user.node, "password");
  if (user.node["exec"]) access->exec = exec_config(user, user_name);
  if (user.node["auth-provider"]) {
    throw Error(what + " uses an auth-provider, which Kubernetes removed",
                "switch the kubeconfig to an exec plugin (gke-gcloud-auth-plugin, kubelogin, aws eks get-token)",
                {display_path(user.file)});
  }
}

}  // namespace

std::vector<std::string> kubeconfig_files(const std::string& explicit_file) {
  if (!explicit_file.empty()) return {explicit_file};
  std::vector<std::string> files;
  if (const char* env = std::getenv("KUBECONFIG"); env != nullptr && *env != '\0') {
    std::string list = env;
    size_t start = 0;
    for (;;) {
      const size_t colon = list.find(':', start);
      const std::string file = list.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!file.empty()) files.push_back(file);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    return files;
  }
  if (const char* home = std::getenv("HOME"); home != nullptr) files.push_back(std::string(home) + "/.kube/config");
  return files;
}

ContextTarget resolve_context(const std::vector<std::string>& files, const std::string& name) {
  const Merged merged = load(files, false);
  if (merged.read_files.empty()) {
    throw Error("no kubeconfig file found (looked at " + std::to_string(files.size()) + " path(s))",
                "pass --kubeconfig FILE, set $KUBECONFIG, or give --server instead of --context");
  }
  ContextTarget target;
  target.context = name.empty() ? merged.current_context : name;
  if (target.context.empty()) {
    throw Error("No current context found. Make sure a kubeconfig file is present", "pass --context NAME or --server URL");
  }
  const auto context = merged.contexts.find(target.context);
  if (context == merged.contexts.end()) {
    throw Error("context \"" + target.context + "\" is not in the kubeconfig", "see kubectl config get-contexts",
                {display_path(files.front())});
  }
  target.file = context->second.file;
  target.cluster = text(context->second.node, "cluster");
  target.ns = text(context->second.node, "namespace");
  const auto cluster = merged.clusters.find(target.cluster);
  if (cluster == merged.clusters.end() || text(cluster->second.node, "server").empty()) {
    throw Error("context \"" + target.context + "\" names cluster \"" + target.cluster + "\", which has no server",
                "fix the kubeconfig's clusters", {display_path(target.file)});
  }
  target.server = text(cluster->second.node, "server");
  return target;
}

std::string normalize_server(const std::string& url) {
  std::string rest = url;
  std::string scheme = "https";
  if (const auto pos = rest.find("://"); pos != std::string::npos) {
    scheme = rest.substr(0, pos);
    rest = rest.substr(pos + 3);
  }
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  const auto slash = rest.find('/');
  std::string host = rest.substr(0, slash);
  std::string path = slash == std::string::npos ? std::string() : rest.substr(slash);
  while (!path.empty() && path.back() == '/') path.pop_back();
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::string default_port = scheme == "http" ? ":80" : ":443";
  if (host.size() > default_port.size() && host.compare(host.size() - default_port.size(), default_port.size(), default_port) == 0) {
    host.resize(host.size() - default_port.size());
  }
  return scheme + "://" + host + path;
}

ClusterAccess resolve_access(const AccessRequest& request) {
  Merged merged = load(request.files, request.explicit_file);
  ClusterAccess access;
  access.warnings = std::move(merged.warnings);
  access.context = request.context.empty() ? merged.current_context : request.context;
  const Entry* context = nullptr;
  if (!access.context.empty()) {
    const auto found = merged.contexts.find(access.context);
    if (found != merged.contexts.end()) {
      context = &found->second;
    } else if (!request.context.empty() || !merged.contexts.empty()) {
      throw Error("context \"" + access.context + "\" is not in the kubeconfig",
                  "see kubectl config get-contexts, or pass --context NAME",
                  {merged.read_files.empty() ? std::string() : display_path(merged.read_files.front())});
    }
  }

  // Which cluster: --cluster, else the one whose server is the environment's (§7.1).
  const Entry* cluster = nullptr;
  if (!request.cluster.empty()) {
    const auto found = merged.clusters.find(request.cluster);
    if (found == merged.clusters.end()) {
      throw Error("cluster \"" + request.cluster + "\" is not in the kubeconfig", "see kubectl config get-clusters");
    }
    access.cluster = request.cluster;
    cluster = &found->second;
  } else {
    // The cluster whose server is --server's, else the environment's: its certificate
    // authority and TLS server name belong to that address.
    const std::string wanted = normalize_server(request.server.empty() ? request.env_server : request.server);
    // The context's own cluster first, so equal servers under two names pick the expected one.
    std::vector<std::string> names;
    if (context != nullptr) names.push_back(text(context->node, "cluster"));
    for (const auto& [name, entry] : merged.clusters) names.push_back(name);
    for (const auto& name : names) {
      const auto found = merged.clusters.find(name);
      if (found != merged.clusters.end() && normalize_server(text(found->second.node, "server")) == wanted) {
        access.cluster = name;
        cluster = &found->second;
        break;
      }
    }
    if (cluster == nullptr && !request.server.empty() && context != nullptr) {
      // As kubectl: --server replaces only the address of the context's cluster, whose
      // certificate authority and TLS server name stay.
      const auto found = merged.clusters.find(text(context->node, "cluster"));
      if (found != merged.clusters.end()) {
        access.cluster = found->first;
        cluster = &found->second;
      }
    }
    if (cluster == nullptr && request.server.empty() && !merged.clusters.empty()) {
      throw Error("Attempting to deploy to environment '" + request.env_name + "' at '" + request.env_server +
                      "', but cannot locate a server at that address",
                  "add a cluster with that server to the kubeconfig, or change the environment's server "
                  "(kgen env set " + request.env_name + " --server URL), or pass --cluster NAME");
    }
  }
  if (cluster != nullptr) {
    access.server = text(cluster->node, "server");
    access.ca_pem = pem_field(*cluster, "certificate-authority", "cluster \"" + access.cluster + "\"");
    access.insecure_skip_tls_verify = flag(cluster->node, "insecure-skip-tls-verify");
    access.tls_server_name = text(cluster->node, "tls-server-name");
    access.proxy_url = text(cluster->node, "proxy-url");
  } else {
    access.server = request.env_server;
  }
  if (!request.server.empty()) access.server = request.server;  // --server wins, as in kubectl
  if (access.server.empty()) {
    throw Error("environment '" + request.env_name + "' has no server", "kgen env set " + request.env_name + " --server URL");
  }
  access.server = normalize_server(access.server);

  // Whose credentials: --user, else the context's user.
  access.user = request.user;
  if (access.user.empty() && context != nullptr) access.user = text(context->node, "user");
  if (!access.user.empty()) {
    const auto found = merged.users.find(access.user);
    if (found == merged.users.end()) {
      if (!request.user.empty()) throw Error("user \"" + access.user + "\" is not in the kubeconfig", "see kubectl config view");
    } else {
      fill_credentials(found->second, access.user, &access);
    }
  }
  if (!request.token.empty()) {
    access.token = request.token;
    access.token_file.clear();
    access.exec.reset();
  }
  if (request.insecure_skip_tls_verify) access.insecure_skip_tls_verify = true;
  if (access.insecure_skip_tls_verify) {
    access.warnings.push_back("TLS verification is off for " + access.server +
                              ": the server's identity is not checked, so credentials can be intercepted");
  }

  access.ns = request.ns;
  if (access.ns.empty()) access.ns = request.env_namespace;
  if (access.ns.empty() && context != nullptr) access.ns = text(context->node, "namespace");
  if (access.ns.empty()) access.ns = "default";
  return access;
}

}  // namespace kgen::kube

#include "kube/discovery.h"
#include "kube/json_access.h"

#include <cctype>
#include <set>

namespace kgen::kube {

using nlohmann::json;

void split_api_version(const std::string& api_version, std::string* group, std::string* version) {
  const auto slash = api_version.find('/');
  if (slash == std::string::npos) {
    group->clear();
    *version = api_version;
  } else {
    *group = api_version.substr(0, slash);
    *version = api_version.substr(slash + 1);
  }
}

std::string resource_path(const ResourceInfo& info, const std::string& ns, const std::string& name) {
  std::string path = info.group.empty() ? "/api/" + info.version : "/apis/" + info.group + "/" + info.version;
  if (info.namespaced && !ns.empty()) path += "/namespaces/" + ns;
  path += "/" + info.resource;
  if (!name.empty()) path += "/" + name;
  return path;
}

const std::map<std::string, ResourceInfo>* Discovery::kinds_of(const std::string& api_version) {
  if (auto it = versions_.find(api_version); it != versions_.end()) return &it->second;
  std::string group, version;
  split_api_version(api_version, &group, &version);
  std::map<std::string, ResourceInfo> kinds;
  try {
    const json list = client_->get(group.empty() ? "/api/" + version : "/apis/" + group + "/" + version);
    std::set<std::string> with_status;
    for (const auto& r : items_at(list, "resources")) {
      const std::string name = text_at(r, "name");
      const auto slash = name.find('/');
      if (slash != std::string::npos && name.substr(slash) == "/status") with_status.insert(name.substr(0, slash));
    }
    for (const auto& r : items_at(list, "resources")) {
      const std::string name = text_at(r, "name");
      if (name.empty() || name.find('/') != std::string::npos) continue;  // subresources
      ResourceInfo info{group, version, text_at(r, "kind"), name, flag_at(r, "namespaced"), with_status.count(name) > 0};
      if (info.kind.empty()) continue;
      kinds.emplace(info.kind, info);
    }
  } catch (const ApiError& e) {
    if (e.status() != 404) throw;
  }
  return &versions_.emplace(api_version, std::move(kinds)).first->second;
}

const ServerVersion& Discovery::server_version() {
  if (server_version_) return *server_version_;
  json answer;
  try {
    answer = client_->get("/version");
  } catch (const ApiError&) {
    // Not readable by this user: an unknown version, for which no workaround applies.
  }
  ServerVersion v;
  v.git_version = text_at(answer, "gitVersion");
  // Leading digits only: managed clusters report minors like "20+".
  auto number = [](const std::string& text) {
    int n = 0;
    for (char c : text) {
      if (!std::isdigit(static_cast<unsigned char>(c))) break;
      n = n * 10 + (c - '0');
    }
    return n;
  };
  v.major = number(text_at(answer, "major"));
  v.minor = number(text_at(answer, "minor"));
  server_version_ = v;
  return *server_version_;
}

bool Discovery::serves(const std::string& api_version, const std::string& kind) {
  const auto* kinds = kinds_of(api_version);
  return kinds->count(kind) > 0;
}

const ResourceInfo& Discovery::resolve(const std::string& api_version, const std::string& kind) {
  const auto* kinds = kinds_of(api_version);
  if (kinds->empty()) {
    throw UnknownKind("the server at " + client_->access().server + " does not serve " + api_version + " (kind " + kind + ")",
                "is the apiVersion right for this cluster's Kubernetes version (kubectl api-versions), "
                "or is the CustomResourceDefinition installed?");
  }
  const auto it = kinds->find(kind);
  if (it == kinds->end()) {
    throw UnknownKind("the server at " + client_->access().server + " has no kind " + kind + " in " + api_version,
                "check the kind's spelling and apiVersion (kubectl api-resources)");
  }
  return it->second;
}

}  // namespace kgen::kube

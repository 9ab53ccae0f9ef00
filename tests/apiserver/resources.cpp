#include "apiserver/resources.h"

#include <algorithm>
#include <cctype>

namespace kgen::testing {

using nlohmann::json;

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

ResourceTable::ResourceTable() {
  auto add = [this](std::string group, std::string version, std::string name, std::string kind, bool namespaced, bool status) {
    static const std::vector<std::pair<std::string, std::string>> kShortNames = {
        {"namespaces", "ns"}, {"pods", "po"}, {"services", "svc"}, {"configmaps", "cm"}, {"serviceaccounts", "sa"},
        {"persistentvolumeclaims", "pvc"}, {"persistentvolumes", "pv"}, {"deployments", "deploy"}, {"statefulsets", "sts"},
        {"daemonsets", "ds"}, {"replicasets", "rs"}, {"cronjobs", "cj"}, {"storageclasses", "sc"},
        {"customresourcedefinitions", "crd"}};
    std::vector<std::string> shorts;
    for (const auto& [plural, short_name] : kShortNames) {
      if (plural == name) shorts.push_back(short_name);
    }
    resources_.push_back({group, version, name, lower(kind), kind, namespaced, status, "", shorts});
  };
  add("", "v1", "namespaces", "Namespace", false, true);
  add("", "v1", "pods", "Pod", true, true);
  add("", "v1", "services", "Service", true, true);
  add("", "v1", "configmaps", "ConfigMap", true, false);
  add("", "v1", "secrets", "Secret", true, false);
  add("", "v1", "serviceaccounts", "ServiceAccount", true, false);
  add("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, true);
  add("", "v1", "persistentvolumes", "PersistentVolume", false, true);
  add("apps", "v1", "deployments", "Deployment", true, true);
  add("apps", "v1", "statefulsets", "StatefulSet", true, true);
  add("apps", "v1", "daemonsets", "DaemonSet", true, true);
  add("apps", "v1", "replicasets", "ReplicaSet", true, true);
  add("batch", "v1", "jobs", "Job", true, true);
  add("batch", "v1", "cronjobs", "CronJob", true, true);
  add("rbac.authorization.k8s.io", "v1", "roles", "Role", true, false);
  add("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, false);
  add("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, false);
  add("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, false);
  add("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, false);
  add("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, true);
}

std::optional<Resource> ResourceTable::find(const std::string& group, const std::string& version, const std::string& plural) const {
  for (const auto& r : resources_) {
    if (r.group == group && r.version == version && r.name == plural) return r;
  }
  return std::nullopt;
}

void ResourceTable::add_crd(const json& crd) {
  const std::string name = crd["metadata"].value("name", "");
  remove_crd(name);
  const json spec = crd.value("spec", json::object());
  const json names = spec.value("names", json::object());
  const bool namespaced = spec.value("scope", "Namespaced") == "Namespaced";
  std::vector<std::string> versions;
  for (const auto& v : spec.value("versions", json::array())) {
    if (v.value("served", true)) versions.push_back(v.value("name", ""));
  }
  if (versions.empty() && spec.contains("version")) versions.push_back(spec.value("version", ""));  // v1beta1 CRDs
  for (const auto& version : versions) {
    resources_.push_back({spec.value("group", ""), version, names.value("plural", ""), names.value("singular", ""),
                          names.value("kind", ""), namespaced, true, name, names.value("shortNames", std::vector<std::string>{})});
  }
}

void ResourceTable::remove_crd(const std::string& name) {
  resources_.erase(std::remove_if(resources_.begin(), resources_.end(), [&](const Resource& r) { return r.crd == name; }),
                   resources_.end());
}

std::vector<std::pair<std::string, std::string>> ResourceTable::group_versions() const {
  std::vector<std::pair<std::string, std::string>> seen;
  for (const auto& r : resources_) {
    const auto gv = std::make_pair(r.group, r.version);
    if (std::find(seen.begin(), seen.end(), gv) == seen.end()) seen.push_back(gv);
  }
  return seen;
}

json ResourceTable::api_versions() const {
  return {{"kind", "APIVersions"}, {"versions", {"v1"}}, {"serverAddressByClientCIDRs", json::array()}};
}

std::optional<json> ResourceTable::group(const std::string& name) const {
  json versions = json::array();
  for (const auto& [group, version] : group_versions()) {
    if (group == name) versions.push_back({{"groupVersion", group + "/" + version}, {"version", version}});
  }
  if (versions.empty()) return std::nullopt;
  return json{{"kind", "APIGroup"}, {"apiVersion", "v1"}, {"name", name}, {"versions", versions}, {"preferredVersion", versions[0]}};
}

json ResourceTable::group_list() const {
  json groups = json::array();
  std::vector<std::string> names;
  for (const auto& [group, version] : group_versions()) {
    if (!group.empty() && std::find(names.begin(), names.end(), group) == names.end()) names.push_back(group);
  }
  for (const auto& name : names) {
    json g = *this->group(name);
    g.erase("kind");
    g.erase("apiVersion");
    groups.push_back(g);
  }
  return {{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", groups}};
}

std::optional<json> ResourceTable::resource_list(const std::string& group, const std::string& version) const {
  json resources = json::array();
  for (const auto& r : resources_) {
    if (r.group != group || r.version != version) continue;
    resources.push_back({{"name", r.name},
                         {"singularName", r.singular},
                         {"namespaced", r.namespaced},
                         {"kind", r.kind},
                         {"verbs", {"create", "delete", "get", "list", "patch", "update"}},
                         {"shortNames", r.short_names}});
    if (r.has_status) {
      resources.push_back({{"name", r.name + "/status"}, {"singularName", ""}, {"namespaced", r.namespaced}, {"kind", r.kind},
                           {"verbs", {"get", "patch", "update"}}});
    }
  }
  if (resources.empty()) return std::nullopt;
  return json{{"kind", "APIResourceList"},
              {"apiVersion", "v1"},
              {"groupVersion", group.empty() ? version : group + "/" + version},
              {"resources", resources}};
}

}  // namespace kgen::testing

#include "render/sort.h"

#include <algorithm>
#include <array>
#include <string>
#include <tuple>

namespace kgen::render {
namespace {

constexpr std::array<const char*, 26> kKindOrder = {
    "Namespace", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "Secret", "ConfigMap", "StorageClass",
    "PersistentVolume", "PersistentVolumeClaim", "ServiceAccount", "CustomResourceDefinition", "ClusterRole",
    "ClusterRoleBinding", "Role", "RoleBinding", "Service", "DaemonSet", "Pod", "ReplicationController",
    "ReplicaSet", "Deployment", "StatefulSet", "Job", "CronJob", "Ingress", "APIService"};

int kind_rank(const std::string& kind) {
  for (size_t i = 0; i < kKindOrder.size(); ++i) {
    if (kind == kKindOrder[i]) return static_cast<int>(i);
  }
  return static_cast<int>(kKindOrder.size());
}

std::string text_at(const nlohmann::json& object, const char* a, const char* b = nullptr) {
  const nlohmann::json* node = &object;
  for (const char* key : {a, b}) {
    if (key == nullptr) break;
    if (!node->is_object()) return {};
    auto it = node->find(key);
    if (it == node->end()) return {};
    node = &*it;
  }
  return node->is_string() ? node->get<std::string>() : std::string();
}

struct SortKey {
  std::string ns;
  int rank;
  std::string kind;
  std::string api_version;
  std::string name;
  std::string generate_name;
  std::string uid;

  bool operator<(const SortKey& o) const {
    return std::tie(ns, rank, kind, api_version, name, generate_name, uid) <
           std::tie(o.ns, o.rank, o.kind, o.api_version, o.name, o.generate_name, o.uid);
  }
};

SortKey key_of(const nlohmann::json& object) {
  SortKey key;
  key.ns = text_at(object, "metadata", "namespace");
  key.kind = text_at(object, "kind");
  key.rank = kind_rank(key.kind);
  if (key.rank < static_cast<int>(kKindOrder.size())) key.kind.clear();  // known kinds compare by rank only
  key.api_version = text_at(object, "apiVersion");
  key.name = text_at(object, "metadata", "name");
  key.generate_name = text_at(object, "metadata", "generateName");
  key.uid = text_at(object, "metadata", "uid");
  return key;
}

}  // namespace

void sort_objects(std::vector<Object>* objects) {
  std::vector<std::pair<SortKey, size_t>> keys;
  keys.reserve(objects->size());
  for (size_t i = 0; i < objects->size(); ++i) keys.emplace_back(key_of((*objects)[i].value), i);
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Object> sorted;
  sorted.reserve(objects->size());
  for (const auto& [key, index] : keys) sorted.push_back(std::move((*objects)[index]));
  *objects = std::move(sorted);
}

}  // namespace kgen::render

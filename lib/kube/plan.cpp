#include "kube/plan.h"

#include <algorithm>

namespace kgen::kube {

using nlohmann::json;

namespace {

std::string text(const json& object, const char* key) {
  return object.is_object() && object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : "";
}

std::string group_of(const json& object) {
  std::string group, version;
  split_api_version(text(object, "apiVersion"), &group, &version);
  return group;
}

}  // namespace

bool is_crd(const json& object) {
  return text(object, "kind") == "CustomResourceDefinition" && group_of(object) == "apiextensions.k8s.io";
}

int apply_tier(const json& object) {
  const std::string kind = text(object, "kind");
  const std::string group = group_of(object);
  if (kind == "Namespace" && group.empty()) return 0;
  if (is_crd(object)) return 1;
  if ((kind == "StorageClass" && group == "storage.k8s.io") || (kind == "ThirdPartyResource" && group == "extensions")) return 10;
  if ((kind == "Pod" && group.empty()) || (kind == "Job" && group == "batch") ||
      ((kind == "Deployment" || kind == "DaemonSet" || kind == "ReplicaSet") && (group == "extensions" || group == "apps")) ||
      (kind == "StatefulSet" && group == "apps")) {
    return 100;
  }
  return 50;
}

std::vector<const Manifest*> order_for_apply(const std::vector<Manifest>& manifests) {
  std::vector<const Manifest*> ordered;
  for (const auto& m : manifests) ordered.push_back(&m);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Manifest* a, const Manifest* b) { return apply_tier(a->object) < apply_tier(b->object); });
  return ordered;
}

Target address(const Manifest& manifest, Discovery* discovery, const std::string& default_ns) {
  Target target;
  target.manifest = &manifest;
  const json& metadata = manifest.object.contains("metadata") ? manifest.object["metadata"] : json::object();
  target.name = text(metadata, "name");
  if (target.name.empty()) {
    throw Error("an object of component " + manifest.component + " (kind " + text(manifest.object, "kind") + ") has no metadata.name",
                "give every object a name");
  }
  try {
    target.info = discovery->resolve(text(manifest.object, "apiVersion"), text(manifest.object, "kind"));
  } catch (const UnknownKind& e) {
    throw Error("component " + manifest.component + ": " + e.message(), e.hint());
  }
  if (target.info.namespaced) {
    target.ns = text(metadata, "namespace");
    if (target.ns.empty()) target.ns = default_ns;
  }
  return target;
}

json without_server_fields(json object) {
  if (!object.is_object()) return object;
  object.erase("status");
  if (object.contains("metadata") && object["metadata"].is_object()) {
    json& metadata = object["metadata"];
    for (const char* key : {"resourceVersion", "uid", "managedFields", "creationTimestamp", "generation", "selfLink"}) {
      metadata.erase(key);
    }
    if (metadata.contains("annotations") && metadata["annotations"].is_object()) {
      metadata["annotations"].erase("kubectl.kubernetes.io/last-applied-configuration");
      if (metadata["annotations"].empty()) metadata.erase("annotations");
    }
  }
  return object;
}

}  // namespace kgen::kube

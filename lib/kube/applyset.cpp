#include "kube/applyset.h"
#include "kube/json_access.h"

#include <cctype>
#include <sstream>

#include "common/base64.h"
#include "common/sha256.h"
#include "common/version.h"

namespace kgen::kube {

using nlohmann::json;

namespace {

constexpr const char* kIdLabel = "applyset.kubernetes.io/id";
constexpr const char* kPartOfLabel = "applyset.kubernetes.io/part-of";
constexpr const char* kToolingAnnotation = "applyset.kubernetes.io/tooling";
constexpr const char* kGroupKindsAnnotation = "applyset.kubernetes.io/contains-group-kinds";
constexpr const char* kNamespacesAnnotation = "applyset.kubernetes.io/additional-namespaces";

std::set<std::string> split_list(const std::string& text) {
  std::set<std::string> items;
  std::istringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) items.insert(item);
  }
  return items;
}

std::string join_list(const std::set<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

std::string parent_path(const ApplySet& set) { return "/api/v1/namespaces/" + set.ns + "/secrets/" + set.name; }

}  // namespace

ApplySet applyset_for(const std::string& env, const std::string& ns) {
  ApplySet set;
  set.ns = ns;
  set.name = "kgen-applyset-";
  for (char c : env) {
    const auto u = static_cast<unsigned char>(c);
    set.name += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '-';
  }
  set.id = "applyset-" + base64url_encode_unpadded(sha256_bytes(set.name + "." + set.ns + ".Secret.")) + "-v1";
  return set;
}

std::string group_kind(const json& object) {
  std::string group, version;
  split_api_version(text_at(object, "apiVersion"), &group, &version);
  const std::string kind = text_at(object, "kind");
  return group.empty() ? kind : kind + "." + group;
}

std::string member_key(const std::string& group, const std::string& kind, const std::string& ns, const std::string& name) {
  return group + "/" + kind + "/" + ns + "/" + name;
}

ApplySetRecord read_applyset(Client* client, const ApplySet& set) {
  ApplySetRecord record;
  json parent;
  try {
    parent = client->get(parent_path(set));
  } catch (const ApiError& e) {
    if (e.status() == 404) return record;
    throw;
  }
  record.exists = true;
  const json& metadata = member(parent, "metadata");
  if (text_at(member(metadata, "labels"), kIdLabel) != set.id) {
    throw Error("Secret " + set.ns + "/" + set.name + " exists but is not this environment's ApplySet parent (label " +
                    kIdLabel + " differs)",
                "rename or delete that Secret; kgen keeps its prune record there");
  }
  const json& annotations = member(metadata, "annotations");
  record.tooling = text_at(annotations, kToolingAnnotation);
  record.group_kinds = split_list(text_at(annotations, kGroupKindsAnnotation));
  record.namespaces = split_list(text_at(annotations, kNamespacesAnnotation));
  return record;
}

void write_applyset(Client* client, const ApplySet& set, const ApplySetRecord& record, bool dry_run) {
  json parent = {{"apiVersion", "v1"},
                 {"kind", "Secret"},
                 {"metadata",
                  {{"name", set.name},
                   {"namespace", set.ns},
                   {"labels", {{kIdLabel, set.id}, {"app.kubernetes.io/managed-by", "kgen"}}},
                   {"annotations",
                    {{kToolingAnnotation, std::string("kgen/v") + kVersion},
                     {kGroupKindsAnnotation, join_list(record.group_kinds)},
                     {kNamespacesAnnotation, join_list(record.namespaces)}}}}}};
  client->call("PATCH", parent_path(set) + "?fieldManager=kgen&force=true" + std::string(dry_run ? "&dryRun=All" : ""),
               parent.dump(), "application/apply-patch+yaml");
}

std::vector<PruneCandidate> prune_candidates(Client* client, Discovery* discovery, const ApplySet& set,
                                             const ApplySetRecord& record, const std::set<std::string>& keep,
                                             const std::set<std::string>& components) {
  std::vector<PruneCandidate> candidates;
  std::set<std::string> namespaces = record.namespaces;
  namespaces.insert(set.ns);
  for (const auto& gk : record.group_kinds) {
    const auto dot = gk.find('.');
    const std::string kind = gk.substr(0, dot);
    const std::string group = dot == std::string::npos ? "" : gk.substr(dot + 1);
    // The preferred version of the group serves the kind; the core group has only v1.
    std::string api_version = "v1";
    if (!group.empty()) {
      json info;
      try {
        info = client->get("/apis/" + group);
      } catch (const ApiError& e) {
        if (e.status() == 404) continue;  // the group is gone, and its objects with it
        throw;
      }
      api_version = text_at(member(info, "preferredVersion"), "groupVersion");
      if (api_version.empty()) continue;
    }
    if (!discovery->serves(api_version, kind)) continue;
    const ResourceInfo info = discovery->resolve(api_version, kind);
    std::vector<std::string> scopes;
    if (info.namespaced) {
      scopes.assign(namespaces.begin(), namespaces.end());
    } else {
      scopes.push_back("");
    }
    for (const auto& ns : scopes) {
      const json list = client->get(resource_path(info, ns) + "?labelSelector=" + std::string(kPartOfLabel) + "%3D" + set.id);
      for (const auto& item : items_at(list, "items")) {
        const json& metadata = member(item, "metadata");
        const std::string name = text_at(metadata, "name");
        if (name.empty()) continue;
        const std::string item_ns = info.namespaced ? text_at(metadata, "namespace", ns) : "";
        if (keep.count(member_key(group, kind, item_ns, name)) > 0) continue;
        bool controlled = false;
        for (const auto& owner : items_at(metadata, "ownerReferences")) {
          if (flag_at(owner, "controller")) controlled = true;
        }
        if (controlled) continue;  // its controller deletes it
        const std::string component = text_at(member(metadata, "labels"), "ksonnet.io/component");
        if (!components.empty() && components.count(component) == 0) continue;
        candidates.push_back({info, item_ns, name, text_at(metadata, "uid"), component});
      }
    }
  }
  return candidates;
}

}  // namespace kgen::kube

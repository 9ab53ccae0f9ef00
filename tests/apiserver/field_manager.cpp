#include "apiserver/field_manager.h"

#include <map>
#include <set>

namespace kgen::testing {

using nlohmann::json;

namespace {

using Paths = std::set<std::string>;

struct Owner {
  std::string manager;
  std::string operation;  // "Apply" or "Update"
  std::string api_version;
  std::string time;
  Paths paths;
};

std::string escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

bool skipped(const std::string& path) {
  static const std::set<std::string> kServerOwned = {
      "/apiVersion", "/kind", "/metadata/name", "/metadata/namespace", "/metadata/resourceVersion", "/metadata/uid",
      "/metadata/managedFields", "/metadata/creationTimestamp", "/metadata/generation", "/status", "/metadata/selfLink"};
  return kServerOwned.count(path) > 0;
}

void collect(const json& value, const std::string& path, Paths* out) {
  if (skipped(path)) return;
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, item] : value.items()) collect(item, path + "/" + escape(key), out);
  } else if (!path.empty()) {
    out->insert(path);
  }
}

std::string unescape(const std::string& segment) {
  std::string out;
  for (size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '~' && i + 1 < segment.size()) {
      out += segment[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += segment[i];
    }
  }
  return out;
}

json to_fields_v1(const Paths& paths) {
  json root = json::object();
  for (const auto& path : paths) {
    json* node = &root;
    size_t start = 1;
    for (;;) {
      const size_t slash = path.find('/', start);
      const std::string segment = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      node = &(*node)["f:" + unescape(segment)];
      if (!node->is_object()) *node = json::object();
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
  }
  return root;
}

void from_fields_v1(const json& fields, const std::string& path, Paths* out) {
  bool leaf = true;
  for (const auto& [key, item] : fields.items()) {
    if (key.rfind("f:", 0) != 0) continue;  // ".", "k:", "v:" entries are not produced here
    leaf = false;
    from_fields_v1(item, path + "/" + escape(key.substr(2)), out);
  }
  if (leaf && !path.empty()) out->insert(path);
}

std::vector<Owner> owners_of(const json& object) {
  std::vector<Owner> owners;
  if (!object.is_object()) return owners;
  for (const auto& entry : object.value("metadata", json::object()).value("managedFields", json::array())) {
    Owner owner{entry.value("manager", ""), entry.value("operation", "Update"), entry.value("apiVersion", ""),
                entry.value("time", ""), {}};
    from_fields_v1(entry.value("fieldsV1", json::object()), "", &owner.paths);
    owners.push_back(owner);
  }
  return owners;
}

json managed_fields(const std::vector<Owner>& owners) {
  json entries = json::array();
  for (const auto& owner : owners) {
    if (owner.paths.empty()) continue;
    entries.push_back({{"manager", owner.manager},
                       {"operation", owner.operation},
                       {"apiVersion", owner.api_version},
                       {"time", owner.time},
                       {"fieldsType", "FieldsV1"},
                       {"fieldsV1", to_fields_v1(owner.paths)}});
  }
  return entries;
}

const json* at(const json& object, const std::string& path) {
  const json::json_pointer pointer(path);
  return object.contains(pointer) ? &object.at(pointer) : nullptr;
}

bool same_value(const json& a, const json& b, const std::string& path) {
  const json* x = at(a, path);
  const json* y = at(b, path);
  if (x == nullptr || y == nullptr) return x == y;
  return *x == *y;
}

// Deletes the field at `path` and any objects it leaves empty on the way up.
void erase_path(json* object, std::string path) {
  while (!path.empty()) {
    const auto slash = path.rfind('/');
    const std::string parent = path.substr(0, slash);
    const std::string key = json::json_pointer(path).back();
    json* container = parent.empty() ? object : (object->contains(json::json_pointer(parent)) ? &object->at(json::json_pointer(parent)) : nullptr);
    if (container == nullptr || !container->is_object()) return;
    container->erase(key);
    if (!container->empty() || parent.empty()) return;
    path = parent;
  }
}

void merge_into(json* target, const json& patch) {
  if (!patch.is_object() || !target->is_object()) {
    *target = patch;
    return;
  }
  for (const auto& [key, value] : patch.items()) {
    if (value.is_object() && target->contains(key) && (*target)[key].is_object()) {
      merge_into(&(*target)[key], value);
    } else {
      (*target)[key] = value;
    }
  }
}

std::string api_version_of(const json& object) { return object.value("apiVersion", ""); }

// "/spec/replicas" -> ".spec.replicas", as the API server names fields in conflicts.
std::string dotted(const std::string& path) {
  std::string out;
  size_t start = 1;
  for (;;) {
    const size_t slash = path.find('/', start);
    out += "." + unescape(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) return out;
    start = slash + 1;
  }
}

}  // namespace

std::vector<std::string> owned_paths(const json& object) {
  Paths paths;
  collect(object, "", &paths);
  return {paths.begin(), paths.end()};
}

ApplyOutcome server_side_apply(const json& live, const json& config, const std::string& manager, bool force,
                               const std::string& now) {
  ApplyOutcome outcome;
  std::vector<Owner> owners = owners_of(live);
  Paths applied;
  collect(config, "", &applied);
  const json base = live.is_null() ? json::object() : live;

  for (auto& owner : owners) {
    if (owner.manager == manager && owner.operation == "Apply") continue;
    for (const auto& path : applied) {
      if (owner.paths.count(path) > 0 && !same_value(base, config, path)) {
        const std::string quoted = nlohmann::json(owner.manager).dump();
        outcome.conflicts.push_back(
            {owner.manager, dotted(path), owner.operation == "Update" ? quoted + " using " + owner.api_version : quoted});
      }
    }
  }
  if (!outcome.conflicts.empty() && !force) return outcome;
  outcome.conflicts.clear();

  json merged = base;
  Owner* mine = nullptr;
  for (auto& owner : owners) {
    if (owner.manager == manager && owner.operation == "Apply") mine = &owner;
  }
  // Fields this manager applied before and no longer applies go, unless someone else owns them.
  if (mine != nullptr) {
    for (const auto& path : mine->paths) {
      if (applied.count(path) > 0) continue;
      bool shared = false;
      for (const auto& owner : owners) {
        if (&owner != mine && owner.paths.count(path) > 0) shared = true;
      }
      if (!shared) erase_path(&merged, path);
    }
  }
  for (auto& owner : owners) {
    if (&owner == mine) continue;
    for (const auto& path : applied) {
      if (force && !same_value(base, config, path)) owner.paths.erase(path);
    }
  }
  json body = config;
  if (body.contains("metadata")) body["metadata"].erase("managedFields");
  body.erase("status");
  merge_into(&merged, body);

  if (mine == nullptr) {
    owners.push_back({manager, "Apply", api_version_of(config), now, {}});
    mine = &owners.back();
  }
  if (mine->paths != applied) {
    mine->paths = applied;
    mine->time = now;
  }
  mine->api_version = api_version_of(config);
  merged["metadata"]["managedFields"] = managed_fields(owners);
  if (merged["metadata"]["managedFields"].empty()) merged["metadata"].erase("managedFields");
  outcome.object = merged;
  return outcome;
}

json record_update(const json& before, json after, const std::string& manager, const std::string& now) {
  std::vector<Owner> owners = owners_of(before.is_null() ? json::object() : before);
  Paths changed;
  Paths now_paths;
  collect(after, "", &now_paths);
  for (const auto& path : now_paths) {
    if (before.is_null() || !same_value(before, after, path)) changed.insert(path);
  }
  Owner* mine = nullptr;
  for (auto& owner : owners) {
    for (const auto& path : changed) owner.paths.erase(path);
    // Fields that no longer exist belong to nobody.
    for (auto it = owner.paths.begin(); it != owner.paths.end();) it = now_paths.count(*it) ? std::next(it) : owner.paths.erase(it);
    if (owner.manager == manager && owner.operation == "Update") mine = &owner;
  }
  if (!changed.empty()) {
    if (mine == nullptr) {
      owners.push_back({manager, "Update", api_version_of(after), now, {}});
      mine = &owners.back();
    }
    mine->paths.insert(changed.begin(), changed.end());
    mine->time = now;
  }
  after["metadata"]["managedFields"] = managed_fields(owners);
  if (after["metadata"]["managedFields"].empty()) after["metadata"].erase("managedFields");
  return after;
}

}  // namespace kgen::testing

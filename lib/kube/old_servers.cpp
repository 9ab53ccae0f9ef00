#include "kube/old_servers.h"

namespace kgen::kube {

using nlohmann::json;

bool add_default_port_protocols(const ServerVersion& version, const ResourceInfo& info, json* object) {
  if (info.group != "" || info.kind != "Service" || !version.before(1, 21)) return false;
  if (!object->is_object() || !object->contains("spec") || !(*object)["spec"].is_object()) return false;
  json& spec = (*object)["spec"];
  if (!spec.contains("ports") || !spec["ports"].is_array()) return false;
  bool changed = false;
  for (json& port : spec["ports"]) {
    if (port.is_object() && !port.contains("protocol")) {
      port["protocol"] = "TCP";
      changed = true;
    }
  }
  return changed;
}

bool server_side_apply_broken(const ServerVersion& version, const ResourceInfo& info) {
  return info.group == "apiregistration.k8s.io" && info.kind == "APIService" && version.before(1, 21);
}

}  // namespace kgen::kube

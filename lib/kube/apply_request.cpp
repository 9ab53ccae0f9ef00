#include "kube/apply_request.h"

#include "kube/json_access.h"
#include "kube/old_servers.h"

namespace kgen::kube {

using nlohmann::json;

json prepared_for_server(Discovery* discovery, const Target& target, json object, const Log& log) {
  if (target.info.status_subresource && object.is_object()) object.erase("status");
  if (target.info.group.empty() && target.info.kind == "Service" &&
      add_default_port_protocols(discovery->server_version(), target.info, &object)) {
    log(LogLevel::Debug, "Setting protocol TCP on the ports of " + target.describe() + " that omit it (Kubernetes " +
                             discovery->server_version().git_version + " refuses them in a server-side apply)");
  }
  return object;
}

json send_object(Client* client, Discovery* discovery, const Target& target, const json& object, const json& live,
                 const SendOptions& options, const Log& log) {
  const std::string dry = options.dry_run ? "&dryRun=All" : "";
  if (target.info.group == "apiregistration.k8s.io" && server_side_apply_broken(discovery->server_version(), target.info)) {
    log(LogLevel::Info, std::string(live.is_null() ? "Creating " : "Updating ") + target.describe() +
                            " whole (field manager " + options.field_manager + "): server-side apply of " + target.info.kind +
                            " makes Kubernetes " + discovery->server_version().git_version + " fail");
    if (live.is_null()) {
      return client->call("POST", resource_path(target.info, target.ns) + "?fieldManager=" + options.field_manager + dry, object.dump())
          .body;
    }
    json whole = object;
    whole["metadata"]["resourceVersion"] = text_at(member(live, "metadata"), "resourceVersion");
    return client->call("PUT", target.path() + "?fieldManager=" + options.field_manager + dry, whole.dump()).body;
  }
  const std::string query = "?fieldManager=" + options.field_manager + (options.force_conflicts ? "&force=true" : "") + dry;
  return client->call("PATCH", target.path() + query, object.dump(), "application/apply-patch+yaml").body;
}

std::vector<std::string> immutable_fields(const Error& error) {
  const auto* api = dynamic_cast<const ApiError*>(&error);
  if (api == nullptr || api->status() != 422) return {};
  std::vector<std::string> fields;
  for (const auto& cause : items_at(member(api->body(), "details"), "causes")) {
    const std::string field = text_at(cause, "field");
    if (field.empty() || text_at(cause, "message").find("is immutable") == std::string::npos) return {};
    fields.push_back(field);
  }
  return fields;
}

}  // namespace kgen::kube

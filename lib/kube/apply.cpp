#include "kube/apply.h"
#include "kube/apply_request.h"
#include "kube/json_access.h"
#include "kube/remove.h"

#include <chrono>
#include <thread>

namespace kgen::kube {

using nlohmann::json;

namespace {

std::string resource_version(const json& object) {
  return text_at(member(object, "metadata"), "resourceVersion");
}

// The manager a conflict cause names: its message is `conflict with "NAME"`, then
// details (` using v1`, ` at TIME`, ` with subresource "status"`). Empty if not in that shape.
std::string conflicting_manager(const std::string& message) {
  const std::string lead = "conflict with \"";
  if (message.rfind(lead, 0) != 0) return {};
  std::string name;
  for (size_t i = lead.size(); i < message.size(); ++i) {
    if (message[i] == '"') return name;
    if (message[i] == '\\' && i + 1 < message.size()) ++i;
    name += message[i];
  }
  return {};
}

// `.spec.replicas (managed by "kubectl-edit")` per conflict of a 409 Status: the
// server keeps the field apart from the message in details.causes[].
std::string conflict_details(const ApiError& e) {
  std::string details;
  const json& causes = items_at(member(e.body(), "details"), "causes");
  for (const auto& cause : causes) {
    const std::string field = text_at(cause, "field");
    const std::string message = text_at(cause, "message");
    const std::string manager = conflicting_manager(message);
    if (!details.empty()) details += "; ";
    if (field.empty()) details += message;
    else if (!manager.empty()) details += field + " (managed by \"" + manager + "\")";
    else details += field + (message.empty() ? "" : " (" + message + ")");
  }
  return details.empty() ? e.message() : details;
}

std::string joined(const std::vector<std::string>& fields) {
  std::string text;
  for (const auto& f : fields) text += (text.empty() ? "" : ", ") + f;
  return text;
}

// Whether a CustomResourceDefinition among `manifests` defines the object's kind.
bool defined_by_crd_among(const std::vector<Manifest>& manifests, const json& object) {
  std::string group, version;
  split_api_version(text_at(object, "apiVersion"), &group, &version);
  const std::string kind = text_at(object, "kind");
  for (const auto& m : manifests) {
    if (!is_crd(m.object)) continue;
    const json& spec = member(m.object, "spec");
    if (text_at(spec, "group") != group || text_at(member(spec, "names"), "kind") != kind) continue;
    if (text_at(spec, "version") == version) return true;  // v1beta1
    for (const auto& v : items_at(spec, "versions")) {
      if (text_at(v, "name") == version) return true;
    }
  }
  return false;
}

Error object_error(const Target& target, const Error& e) {
  const std::string where = target.describe() + " (component " + target.manifest->component + ")";
  if (const auto fields = immutable_fields(e); !fields.empty()) {
    return Error("apply " + where + ": the server refuses to change immutable field(s) " + joined(fields),
                 "rerun with --force-replace to delete the object (and what it owns, such as a Job's pods) and create it "
                 "again, or give it a new name");
  }
  if (const auto* api = dynamic_cast<const ApiError*>(&e)) {
    if (api->status() == 409) {
      return Error("apply " + where + ": fields are managed by another manager: " + conflict_details(*api),
                   "rerun with --force-conflicts to take these fields over, or remove them from the component");
    }
    if (api->status() == 422 || api->status() == 400) {
      return Error("the server rejected " + where + ": " + text_at(api->body(), "message", api->message()),
                   "fix the component (kgen validate checks objects against the API schema)");
    }
  }
  if (const auto* api = dynamic_cast<const ApiError*>(&e);
      api != nullptr && api->status() == 404 && api->message().find("namespaces \"" + target.ns + "\" not found") != std::string::npos) {
    return Error("apply " + where + ": namespace \"" + target.ns + "\" does not exist",
                 "create it first: a Namespace object in a component, or kubectl create namespace " + target.ns);
  }
  return Error("apply " + where + ": " + e.message(), e.hint());
}

void wait_established(Client* client, const Target& target, const ApplyOptions& options, const Log& log) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.crd_timeout_ms);
  for (;;) {
    const json crd = client->get(target.path());
    for (const auto& c : items_at(member(crd, "status"), "conditions")) {
      if (text_at(c, "type") == "Established" && text_at(c, "status") == "True") return;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw Error("CustomResourceDefinition " + target.name + " was not Established within " +
                      std::to_string(options.crd_timeout_ms / 1000) + " s",
                  "check the CRD with kubectl describe crd " + target.name);
    }
    log(LogLevel::Debug, "waiting for CustomResourceDefinition " + target.name + " to be Established");
    std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_interval_ms));
  }
}

// Deletes the object (foreground: what it owns first), waits until it is gone, and
// creates it again from `desired`.
void replace(Client* client, Discovery* discovery, const Target& target, const json& desired, const json& live,
             const std::vector<std::string>& fields, const SendOptions& send, const ApplyOptions& options, const Log& log) {
  if (options.confirm_replace && !options.confirm_replace(target.describe(), fields)) {
    throw Error("not replacing " + target.describe() + " (component " + target.manifest->component + ") without confirmation",
                "pass --yes to replace without asking");
  }
  log(LogLevel::Info, "Replacing " + target.describe() + ": the server refuses to change its immutable field(s) " + joined(fields) +
                          ", so it is deleted and created again");
  try {
    delete_one(client, target.path(), text_at(member(live, "metadata"), "uid"), false);
    wait_deleted(client, {{target.path(), target.describe()}}, options.replace_timeout_ms, options.poll_interval_ms, log);
    send_object(client, discovery, target, desired, json(), send, log);
  } catch (const Error& e) {
    throw object_error(target, e);
  }
}

}  // namespace

json with_kgen_labels(json object, const std::string& applyset_id) {
  json& labels = object["metadata"]["labels"];
  if (!labels.is_object()) labels = json::object();
  labels["app.kubernetes.io/managed-by"] = "kgen";
  if (!applyset_id.empty()) labels["applyset.kubernetes.io/part-of"] = applyset_id;
  return object;
}

ApplyResult apply_objects(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                          const ApplyOptions& options, const Log& log) {
  ApplyResult result;
  const std::string dry_suffix = options.dry_run == DryRun::Client   ? " (dry run)"
                                 : options.dry_run == DryRun::Server ? " (server dry run)"
                                                                     : "";
  bool crds_changed = false;
  for (const Manifest* manifest : order_for_apply(manifests)) {
    if (crds_changed) {
      discovery->refresh();
      crds_changed = false;
    }
    if (options.dry_run != DryRun::None && !is_crd(manifest->object) && defined_by_crd_among(manifests, manifest->object) &&
        !discovery->serves(text_at(manifest->object, "apiVersion"), text_at(manifest->object, "kind"))) {
      // A custom resource whose CRD this dry run did not create: nothing to ask the server.
      log(LogLevel::Warning, "Skipping " + text_at(manifest->object, "kind") + " " +
                                 text_at(member(manifest->object, "metadata"), "name") + dry_suffix +
                                 ": the server does not serve " + text_at(manifest->object, "apiVersion") + " yet");
      continue;
    }
    const Target target = address(*manifest, discovery, options.default_ns);
    result.applied.insert(member_key(target.info.group, target.info.kind, target.ns, target.name));
    result.group_kinds.insert(group_kind(manifest->object));
    if (!target.ns.empty() && target.ns != options.applyset.ns) result.namespaces.insert(target.ns);

    log(LogLevel::Info, "Applying " + target.describe() + dry_suffix);
    json live;
    try {
      live = client->get(target.path());
    } catch (const ApiError& e) {
      if (e.status() != 404) throw object_error(target, e);
    } catch (const Error& e) {
      throw object_error(target, e);
    }
    if (live.is_null()) log(LogLevel::Info, "Creating non-existent " + target.describe() + dry_suffix);
    if (options.dry_run == DryRun::Client) {
      ++(live.is_null() ? result.created : result.configured);
      continue;
    }

    json desired = with_kgen_labels(manifest->object, options.applyset.id);
    if (target.info.namespaced) desired["metadata"]["namespace"] = target.ns;
    desired = prepared_for_server(discovery, target, std::move(desired), log);
    SendOptions send;
    send.field_manager = options.field_manager;
    send.force_conflicts = options.force_conflicts;
    send.dry_run = options.dry_run == DryRun::Server;
    Reply reply;
    try {
      reply.body = send_object(client, discovery, target, desired, live, send, log);
    } catch (const Error& e) {
      const std::vector<std::string> fields = immutable_fields(e);
      if (!options.force_replace || fields.empty() || live.is_null()) throw object_error(target, e);
      if (options.dry_run == DryRun::Server) {
        log(LogLevel::Info, "Would replace " + target.describe() + dry_suffix + ": immutable field(s) " + joined(fields) + " changed");
        ++result.replaced;
        continue;
      }
      replace(client, discovery, target, desired, live, fields, send, options, log);
      ++result.replaced;
      continue;
    }
    if (live.is_null()) {
      ++result.created;
    } else if (options.dry_run == DryRun::Server
                   ? without_server_fields(reply.body) != without_server_fields(live)
                   : resource_version(reply.body) != resource_version(live)) {
      ++result.configured;
    } else {
      ++result.unchanged;
    }
    if (is_crd(manifest->object) && options.dry_run == DryRun::None) {
      wait_established(client, target, options, log);
      crds_changed = true;
    }
  }
  return result;
}

}  // namespace kgen::kube

#include "kube/diff.h"
#include "kube/json_access.h"

#include "common/unified_diff.h"
#include "encoding/go_yaml.h"
#include "kube/apply.h"
#include "kube/apply_request.h"

namespace kgen::kube {

using nlohmann::json;

namespace {

bool is_secret(const json& object) { return object.is_object() && text_at(object, "kind") == "Secret"; }

}  // namespace

void redact_secret_pair(json* before, json* after) {
  if (!is_secret(*before) && !is_secret(*after)) return;
  auto field_of = [](json* object, const char* field) -> json* {
    return object->is_object() && object->contains(field) && (*object)[field].is_object() ? &(*object)[field] : nullptr;
  };
  for (const char* field : {"data", "stringData"}) {
    json* b = field_of(before, field);
    json* a = field_of(after, field);
    const json original_b = b != nullptr ? *b : json::object();
    const json original_a = a != nullptr ? *a : json::object();
    auto same = [](const json& other, const std::string& key, const json& value) {
      return other.contains(key) && other[key] == value;
    };
    if (b != nullptr) {
      for (auto& [key, value] : b->items()) value = same(original_a, key, value) ? "***" : "*** (before)";
    }
    if (a != nullptr) {
      for (auto& [key, value] : a->items()) value = same(original_b, key, value) ? "***" : "*** (after)";
    }
  }
}

std::vector<ObjectDiff> diff_objects(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                                     const DiffOptions& options, const Log& log) {
  std::vector<ObjectDiff> diffs;
  for (const Manifest* manifest : order_for_apply(manifests)) {
    json live;
    json predicted = with_kgen_labels(manifest->object, options.applyset_id);
    std::string label;
    if (discovery->serves(text_at(manifest->object, "apiVersion"), text_at(manifest->object, "kind"))) {
      const Target target = address(*manifest, discovery, options.default_ns);
      label = target.describe();
      const std::string where = "diff " + label + " (component " + manifest->component + ")";
      if (target.info.namespaced) predicted["metadata"]["namespace"] = target.ns;
      predicted = prepared_for_server(discovery, target, std::move(predicted), log);
      try {
        live = client->get(target.path());
      } catch (const ApiError& e) {
        if (e.status() != 404) throw;
      }
      SendOptions send;
      send.field_manager = options.field_manager;
      send.force_conflicts = true;
      send.dry_run = true;
      try {
        predicted = send_object(client, discovery, target, predicted, live, send, log);
      } catch (const Error& e) {
        const std::vector<std::string> fields = immutable_fields(e);
        std::string list;
        for (const auto& f : fields) list += (list.empty() ? "" : ", ") + f;
        const auto* api = dynamic_cast<const ApiError*>(&e);
        if (!fields.empty() && !live.is_null()) {
          if (!options.force_replace) {
            throw Error(where + ": would need replacing: the server refuses to change immutable field(s) " + list,
                        "kgen diff --force-replace shows the replacement; kgen apply --force-replace deletes the object "
                        "(and what it owns) and creates it again");
          }
          label += " (replace)";  // the object as it would be created, server defaults aside
        } else if (api != nullptr && api->status() == 404 && live.is_null()) {
          // The object's namespace is created by this same apply: the server cannot dry-run
          // it yet, and all of it is new.
        } else {
          throw Error(where + ": " + e.message(), e.hint());
        }
      }
    } else {
      // A custom resource whose CRD is not installed yet: all of it is new.
      label = text_at(manifest->object, "kind") + " " + text_at(member(manifest->object, "metadata"), "name");
    }
    json before = live.is_null() ? json() : without_server_fields(live);
    json after = without_server_fields(predicted);
    redact_secret_pair(&before, &after);
    const std::string before_text = before.is_null() ? "" : encoding::to_go_yaml(before);
    const std::string after_text = encoding::to_go_yaml(after);
    std::string diff = unified_diff(label, before_text, after_text);
    if (!diff.empty()) diffs.push_back({label, diff});
  }
  return diffs;
}

}  // namespace kgen::kube

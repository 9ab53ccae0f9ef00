// One object as apply (and diff's dry run) sends it: what the object carries, adjusted for
// the server (no `status` where status is a subresource; the workarounds of old_servers.h),
// the request itself, and what a refusal for immutable fields names.
#pragma once

#include <string>
#include <vector>

#include "kube/plan.h"

namespace kgen::kube {

// `object` ready to send for `target`: without `status` when the server keeps status in a
// subresource (built-in kinds, CRDs, custom resources whose CRD declares one: applying it
// would make kgen an owner of fields the server's controllers write), Service ports with
// the protocol old servers insist on.
nlohmann::json prepared_for_server(Discovery* discovery, const Target& target, nlohmann::json object, const Log& log);

struct SendOptions {
  std::string field_manager = "kgen";
  bool force_conflicts = false;
  bool dry_run = false;  // dryRun=All
};

// Server-side apply of `object`; for kinds whose server-side apply the server's version
// breaks, a create (no `live`) or update of the whole object with the same field manager,
// said on a log line. Returns the server's answer; throws ApiError / kgen::Error.
nlohmann::json send_object(Client* client, Discovery* discovery, const Target& target, const nlohmann::json& object,
                           const nlohmann::json& live, const SendOptions& options, const Log& log);

// The field paths of a 422 that refuses only changes of immutable fields ("spec.template");
// empty for any other error, or when any cause is something else.
std::vector<std::string> immutable_fields(const Error& error);

}  // namespace kgen::kube

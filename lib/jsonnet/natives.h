// ks's native functions (std.native(...)), registered on every kgen VM
// (internal to the jsonnet stage).
#pragma once

#include <nlohmann/json.hpp>

struct JsonnetVm;
struct JsonnetJsonValue;

namespace kgen::jsonnet {

// parseJson, parseYaml, escapeStringRegex, regexMatch, regexSubst,
// manifestJsonFromJson, manifestYamlFromJson, sha256.
void register_natives(JsonnetVm* vm);

// `value` as a libjsonnet JSON value (numbers become doubles, as Jsonnet has no others).
JsonnetJsonValue* json_to_jsonnet(JsonnetVm* vm, const nlohmann::json& value);

}  // namespace kgen::jsonnet

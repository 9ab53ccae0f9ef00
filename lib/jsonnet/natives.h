// ks's native functions (std.native(...)), registered on every kgen VM
// (internal to the jsonnet stage).
#pragma once

struct JsonnetVm;

namespace kgen::jsonnet {

// parseJson, parseYaml, escapeStringRegex, regexMatch, regexSubst,
// manifestJsonFromJson, manifestYamlFromJson, sha256.
void register_natives(JsonnetVm* vm);

}  // namespace kgen::jsonnet

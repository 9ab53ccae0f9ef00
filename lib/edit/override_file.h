// app.override.yaml (internal to the edit stage): ks's local overrides of app.yaml's
// environments and registries, written by the -o/--override flags.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace kgen::edit {

// Rewrites the app's app.override.yaml with `change` applied to its `section`
// ("environments" or "registries"), atomically; a new file gets ks's header. A file
// left with neither section is removed, as ks removed it. Throws kgen::Error.
void change_override_file(const std::string& app_root, const std::string& section,
                          const std::function<void(nlohmann::json& entries)>& change);

}  // namespace kgen::edit

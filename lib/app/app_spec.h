// Parsing of app.yaml and app.override.yaml text (internal to the app stage).
#pragma once

#include <string>

#include "app/app.h"

namespace kgen::app {

// Fills app->api_version, name, environments and libraries from app.yaml text,
// migrating 0.1.0 and 0.2.0 shapes to 0.3.0 in memory. `file` names the file in errors.
void parse_app_spec(const std::string& text, const std::string& file, App* app);

// Applies app.override.yaml: environments replace or add, as ks merged them.
void apply_app_override(const std::string& text, const std::string& file, App* app);

// Reads each environment's environments/<path>/kgen.yaml when there is one (kgen's own
// settings: `kubeVersion: "1.29"`). Throws kgen::Error naming the file and line for
// anything but a mapping of known keys to plain values.
void read_environment_settings(App* app);

}  // namespace kgen::app

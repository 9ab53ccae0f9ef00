// The names completion offers from the app a command line points at.
#pragma once

#include <string>
#include <vector>

#include "cli/command_tree.h"

namespace kgen::cli {

// The environments, components (module ones as module.name) or modules of the app
// holding `dir`; empty outside an app or when the app does not load (completion must
// never fail).
std::vector<std::string> app_names(ValueKind kind, const std::string& dir);

}  // namespace kgen::cli

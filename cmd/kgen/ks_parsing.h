// Command-line rules of ks (cobra and pflag), applied to kgen's CLI11 commands.
#pragma once

#include <CLI/CLI.hpp>

namespace kgen::cmd {

// ks's global flags (-v, --tls-skip-verify, --dir), accepted after any command; a flag
// given twice takes its last value; one value per flag, never split at commas. Call
// after every command is registered.
void apply_ks_parsing(CLI::App* app);

}  // namespace kgen::cmd

// The parser's commands and flags (CLI11) as cli::Command, for completion and the man page.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_tree.h"

namespace kgen::cmd {

// Every visible subcommand of `app`, recursively (hidden ones, group "", left out).
cli::Command describe_commands(const CLI::App& app);

}  // namespace kgen::cmd

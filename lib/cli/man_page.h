// kgen(1) in roff, written from the command tree's help texts at build time (the build
// runs `kgen __man`), so the page lists exactly the commands and flags --help shows.
#pragma once

#include <string>

#include "cli/command_tree.h"

namespace kgen::cli {

std::string man_page(const Command& root, const std::string& version);

}  // namespace kgen::cli

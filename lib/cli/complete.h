// Shell completion: the candidates for the word under the cursor, from the command tree.
// The shell scripts (completion_scripts.h) pass the command line to `kgen __complete`,
// which calls this, so they never list a command or flag themselves.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/command_tree.h"

namespace kgen::cli {

struct Candidate {
  std::string word;
  std::string description;  // may be empty
};

struct Completion {
  std::vector<Candidate> candidates;  // starting with the word under the cursor
  bool files = false;                 // let the shell complete a file name instead
  bool directories = false;           // ... or a folder name
};

// Names of the app's environments, components or modules (Environment, Component,
// Module), read from the app holding `dir` (the command line's --dir, else "."); empty
// outside an app.
using NameLookup = std::function<std::vector<std::string>(ValueKind kind, const std::string& dir)>;

// `words` are the arguments after `kgen`, the last one the (possibly empty) word being
// completed.
Completion complete(const Command& root, const std::vector<std::string>& words, const NameLookup& names);

}  // namespace kgen::cli

// Checks shared by the install and package tests: a kgen installed under a prefix
// (cmake --install, or a .deb unpacked with dpkg -x) renders the tutorial app as the
// build's kgen does, bash completes through the installed script, the man page formats.
#pragma once

#include <string>
#include <vector>

namespace kgen::testing {

// The files a prefix must hold: bin/kgen and share/... (completions, man page, Argo CD files).
std::vector<std::string> installed_files();

// Checks (gtest expectations) each installed_files() exists under `prefix` and the
// installed kgen renders the tutorial app (this repository's root) as the build's does.
void expect_working_install(const std::string& prefix);

// What bash offers for `words` (the last one being completed) with the installed
// completion script sourced and the installed kgen first on PATH, run in `cwd`.
std::vector<std::string> bash_candidates(const std::string& prefix, const std::vector<std::string>& words,
                                         const std::string& cwd);

// `name` found on PATH (run_process takes a path), or "" when it is not installed.
std::string find_program(const std::string& name);

// The top-level commands `kgen --help` lists.
std::vector<std::string> help_commands(const std::string& kgen);

}  // namespace kgen::testing

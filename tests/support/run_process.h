// Runs a program and captures what it printed (for the end-to-end tests).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kgen::testing {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

// Runs `argv` in folder `cwd` with the current environment plus `env`, stdin empty.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd,
                          const std::map<std::string, std::string>& env = {});

// Starts `argv` in `cwd` with output discarded and returns its pid (for tests that
// kill it midway).
int spawn_process(const std::vector<std::string>& argv, const std::string& cwd);

}  // namespace kgen::testing

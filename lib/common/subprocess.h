// Runs another program (the exec credential plugins, git) without a shell: argv as
// given, stdin from /dev/null so it never waits for a prompt, stdout and stderr
// captured, killed when it runs past its time.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kgen {

struct ProcessOutput {
  int spawn_error = 0;     // errno of a program that could not be started (0 when it ran)
  bool timed_out = false;  // killed after `timeout_seconds`
  int status = -1;         // exit status (128 + signal when killed by one)
  std::string out, err;
};

/// Runs argv[0] (looked up on PATH) with argv[1..], the environment of kgen with
/// `env` set over it, and waits at most `timeout_seconds`.
ProcessOutput run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                          int timeout_seconds);

}  // namespace kgen

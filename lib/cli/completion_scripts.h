// The completion scripts `kgen completion bash|zsh|fish` prints. Each one hands the
// command line to `kgen __complete WORD...` and offers what it prints (one candidate a
// line, a tab before its description; `__files__` or `__dirs__` alone: complete a path),
// so the commands, flags and app names come from the binary itself.
#pragma once

#include <string>
#include <vector>

namespace kgen::cli {

const std::vector<std::string>& completion_shells();  // bash, zsh, fish

// Throws kgen::Error for a shell not in completion_shells().
std::string completion_script(const std::string& shell);

}  // namespace kgen::cli

// Small file-system helpers shared by the stages.
#pragma once

#include <optional>
#include <string>

namespace kgen {

// The whole file; throws kgen::Error naming the file when it cannot be read.
std::string read_file(const std::string& path);

// The whole file, or nothing when it does not exist or cannot be read.
std::optional<std::string> try_read_file(const std::string& path);

bool is_regular_file(const std::string& path);
bool is_directory(const std::string& path);

// kgen's cache folder (rendered environments, generated ksonnet-lib): $KGEN_CACHE_DIR,
// else $XDG_CACHE_HOME/kgen, else ~/.cache/kgen; empty when none of them is set.
std::string default_cache_dir();

// `a/b` joined without doubling slashes.
std::string join_path(const std::string& a, const std::string& b);

}  // namespace kgen

// Writing a file so that readers see the old content or the new, never a mix.
#pragma once

#include <string>

namespace kgen {

// Writes `content` to a temporary file beside `path`, flushes it and renames it over
// `path`. Keeps the permissions of an existing file. Throws kgen::Error on failure,
// leaving `path` untouched.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace kgen

// The kgen command lines in the documentation's ```sh blocks (README.md, docs/*.md).
#pragma once

#include <string>
#include <vector>

namespace kgen::testing {

struct DocExample {
  std::string file;     // relative to the repository
  int line = 0;
  std::string section;  // the "## " heading above it
  std::vector<std::string> args;  // after `kgen` (or `build/cmd/kgen`)
  std::string text;     // the line as written
};

// Shell words with '...' and "..." quoting; comments (` # ...`), redirections, a leading
// `exec` and VAR=value assignments dropped. Lines that do not run kgen are left out.
std::vector<DocExample> doc_examples(const std::string& file, const std::string& markdown);

}  // namespace kgen::testing

// Finds the import expressions of Jsonnet source text (internal to the jsonnet stage).
//
// A lexer just deep enough to skip comments, strings and text blocks correctly, so
// that kgen can link a program's files into one (see linker.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kgen::jsonnet {

struct ImportSite {
  enum class Kind { Import, ImportStr };
  Kind kind = Kind::Import;
  size_t begin = 0;  // offset of the keyword
  size_t end = 0;    // offset just past the string literal
  std::string path;  // the literal's value
};

// Every `import "..."` and `importstr "..."` whose argument is a quoted or verbatim
// string literal, in source order. Text-block arguments are left out.
std::vector<ImportSite> scan_imports(std::string_view source);

}  // namespace kgen::jsonnet

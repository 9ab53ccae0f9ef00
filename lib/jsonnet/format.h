// libjsonnet's formatter (the `jsonnetfmt` rules: 2-space indent, single quotes,
// // comments, sorted imports).
#pragma once

#include <string>

namespace kgen::jsonnet {

// The formatted text. Throws kgen::Error naming `file`:line:column on a syntax error.
std::string format_jsonnet(const std::string& text, const std::string& file);

}  // namespace kgen::jsonnet

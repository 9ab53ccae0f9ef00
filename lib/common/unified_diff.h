// Unified diffs of text (golden check, kgen diff), computed by the dtl library.
#pragma once

#include <string>

namespace kgen {

// "--- a/<label>\n+++ b/<label>\n" and the hunks; empty when the texts are equal.
std::string unified_diff(const std::string& label, const std::string& before, const std::string& after);

}  // namespace kgen

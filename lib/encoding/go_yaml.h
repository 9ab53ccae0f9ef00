// YAML exactly as ks printed it: go-yaml v2's emitter (block style, 2-space indent,
// sequences in mappings not indented, 80-column folding, its quoting rules) fed with
// the value ks's JSON-to-YAML round trip produced (natural key order, Go number text).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace kgen::encoding {

// One YAML document for `value`, ending in a newline, without a "---" line.
std::string to_go_yaml(const nlohmann::json& value);

// go-yaml's map key order: rune by rune, letters after non-letters, digit runs
// compared as numbers ("k2" < "k10"), shorter prefix first.
bool go_yaml_key_less(std::string_view a, std::string_view b);

}  // namespace kgen::encoding

// JSON as Go's encoding/json printed it for ks: sorted keys, "<>&" escaped as \u003c
// \u003e \u0026, Go number text, MarshalIndent layout.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace kgen::encoding {

// json.MarshalIndent(value, "", <indent spaces>), no trailing newline; a negative
// indent gives json.Marshal's compact form.
std::string to_go_json(const nlohmann::json& value, int indent);

// json.Indent(src, "", <indent spaces>): re-indents JSON text, keeping key order,
// string escapes and number spellings. Returns false (and leaves *out alone) when `src`
// is not valid JSON.
bool go_json_indent(std::string_view src, int indent, std::string* out);

}  // namespace kgen::encoding

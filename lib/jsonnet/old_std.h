// The text-building functions of the standard library ks evaluated with (go-jsonnet
// v0.11.2's std.jsonnet), in C++: the same bytes, without building strings piece by piece
// in Jsonnet (internal to the jsonnet stage).
//
// Natives only receive primitives, so values arrive as JSON text (libjsonnet's own
// manifestation of the value: visible fields only, sorted keys, numbers exact).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kgen::jsonnet {

// std.escapeStringJson: `"`, `\`, \b \f \n \r \t by name; below U+0020 and U+007E..U+009F
// (`~` and DEL included) as \u00xx.
std::string old_escape_string_json(const std::string& text);

// std.manifestJsonEx(value, indent): "[\n\n]" for an empty array, as the old std wrote it.
std::string old_manifest_json_ex(const nlohmann::json& value, const std::string& indent);

// std.manifestYamlDoc(value), with the old layouts of arrays (a top-level array's objects
// and arrays are not indented) and "key": followed by a space before a nested value.
std::string old_manifest_yaml_doc(const nlohmann::json& value);

// std.manifestYamlStream(array): "---\n" documents joined by "\n---\n", then "\n...\n".
std::string old_manifest_yaml_stream(const nlohmann::json& documents);

// std.manifestPython(value) and std.manifestPythonVars(object).
std::string old_manifest_python(const nlohmann::json& value);
std::string old_manifest_python_vars(const nlohmann::json& object);

// std.format(format, vals) as the old std computed it (old_std_format.cpp). `vals` is an array
// (values by position) or an object (values by mapping key); each value is a primitive or
// {"t": type, "s": std.toString(value)} ("s" absent for functions). kOk: *out is the text;
// kError: *out is the old std's error message; kOverflow: go-jsonnet stopped on a non-finite
// intermediate ("%e" % 0 is log(0)), where kgen keeps libjsonnet's result.
enum class FormatStatus { kOk, kError, kOverflow };
FormatStatus old_format(const std::string& format, const nlohmann::json& vals, std::string* out);

// The mapping keys `%(key)` of a format string, each once (none if it does not parse).
std::vector<std::string> old_format_mapping_keys(const std::string& format);

// A number as Jsonnet printed it: integral values without a fraction, others with %.17g.
std::string old_number(double v);

}  // namespace kgen::jsonnet

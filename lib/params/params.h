// Stage 2 (text side): editing params files the way a careful human would. Each edit
// parses the user's Jsonnet, finds the place, and splices the new text in; every other
// byte (comments, order, quoting, layout) stays as it was. Pure functions: text in,
// text out; throws kgen::Error with the file, line and what to do.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kgen::params {

// A command-line value typed as `ks param set` typed it: integers, true/false (in
// those spellings), JSON arrays and objects, strings otherwise; except that decimal
// numbers such as 1.5 become numbers (ks kept them as strings). `as_string` forces a
// string. Throws kgen::Error on a blank value, a malformed array/object, or a
// true/false spelled in mixed case.
nlohmann::json parse_cli_value(const std::string& text, bool as_string);

// Checks that `text` is valid Jsonnet; throws kgen::Error naming `file`:line:column.
void check_syntax(const std::string& text, const std::string& file);

// Module params.libsonnet: `components.<component>.<path...> = value`.
std::string set_component_param(const std::string& text, const std::string& file, const std::string& component,
                                const std::vector<std::string>& path, const nlohmann::json& value);
std::string delete_component_param(const std::string& text, const std::string& file, const std::string& component,
                                   const std::vector<std::string>& path);

// Environment params.libsonnet: `components+: { "<component>"+: { <key>: value } }`.
std::string set_env_param(const std::string& text, const std::string& file, const std::string& component,
                          const std::string& key, const nlohmann::json& value);
std::string delete_env_param(const std::string& text, const std::string& file, const std::string& component,
                             const std::string& key);

// Environment globals.libsonnet (an object): `<path...> = value`.
std::string set_global_param(const std::string& text, const std::string& file, const std::vector<std::string>& path,
                             const nlohmann::json& value);
std::string delete_global_param(const std::string& text, const std::string& file,
                                const std::vector<std::string>& path);

// Removes a component's whole entry: from `components: {...}` of a module params file,
// or (`env_overrides`) from `components+: {...}` of an environment params file.
// Returns the text unchanged when there is no entry.
std::string remove_component_entry(const std::string& text, const std::string& file, const std::string& component,
                                   bool env_overrides);

// Adds a new component's entry to `components: {...}` of a module params file, one
// parameter per line in the order given; each value is Jsonnet text, written as it is.
// Throws kgen::Error when the component already has an entry.
std::string add_component_entry(const std::string& text, const std::string& file, const std::string& component,
                                const std::vector<std::pair<std::string, std::string>>& params);

// A Jsonnet string literal in double quotes (what `ks generate` wrote for string params).
std::string jsonnet_quoted(const std::string& text);

// "a.b.c" -> {"a", "b", "c"}; throws on empty segments.
std::vector<std::string> split_param_path(const std::string& dotted);

}  // namespace kgen::params

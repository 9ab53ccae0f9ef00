// Stage 5 (beside render): the tables and JSON listings of kgen's informational
// commands, byte for byte as ks printed them (`env list`, `component list`,
// `param list`, `param diff`).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/app.h"

namespace kgen::report {

enum class ListFormat { Table, Json };

// "table" or "json" (also "" for the table); throws kgen::Error otherwise.
ListFormat parse_list_format(const std::string& name);

// ks's tables: upper-case header, a line of '=' under each header, every column but
// the last padded to its widest cell, one space between columns, lines right-trimmed.
std::string format_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows);

// ks's JSON listings: {"kind": <kind>, "data": [<item>...]} indented with tabs, item
// keys sorted, "<>&" escaped as Go's encoding/json did.
std::string format_json_listing(const std::string& kind, const std::vector<nlohmann::json>& items);

// A parameter value as `ks param list` showed it: Jsonnet literal syntax, strings in
// single quotes ('x'), objects as { key: value }, arrays as [a, b].
std::string jsonnet_literal(const nlohmann::json& value);

// A parameter's value in `param list`: jsonnet_literal, except that the objects and
// arrays inside an object value take several lines, as ks printed them.
std::string param_value_literal(const nlohmann::json& value);

// A value as `ks param diff` showed it: strings Go-quoted ("x"), other values as JSON.
std::string diff_value(const nlohmann::json& value);

std::string env_list(const app::App& app, ListFormat format);
std::string component_list(const std::vector<app::Module>& modules, ListFormat format);

// `ks module list`: one MODULE column.
std::string module_list(const std::vector<std::string>& modules, ListFormat format);

// `params`: component name -> its params object, in any order.
std::string param_list(const nlohmann::json& params, ListFormat format);
std::string param_diff(const nlohmann::json& params1, const nlohmann::json& params2, ListFormat format);

}  // namespace kgen::report

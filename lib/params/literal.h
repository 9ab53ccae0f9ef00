// Jsonnet literal text for JSON values: what `param set` writes into files and what
// `param list` shows.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace kgen::params {

// An identifier Jsonnet accepts as a bare field name (not a keyword).
bool is_jsonnet_identifier(const std::string& s);

// A string literal in `quote` ('\'' or '"'), using the other quote when the text holds
// this one and not the other, as ks did.
std::string jsonnet_string(const std::string& s, char quote);

// A one-line literal: strings in `quote`, objects as { key: value } (keys bare when
// they can be, else in `key_quote`), arrays as [a, b], numbers as Go printed them.
std::string jsonnet_literal(const nlohmann::json& value, char quote, char key_quote);

}  // namespace kgen::params

// YAML text to JSON values, typed the way ks's YAML-to-JSON conversion typed them
// (go-yaml v2 resolution of unquoted scalars; "1e3" and dates stay strings).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kgen::encoding {

struct YamlError {
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based
  std::string message;
};

// Every document of `text` in order; documents with no content are skipped.
// Returns false and fills *error on invalid YAML or values JSON cannot hold (.inf).
bool decode_yaml_documents(const std::string& text, std::vector<nlohmann::json>* docs, YamlError* error);

}  // namespace kgen::encoding

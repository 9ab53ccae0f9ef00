// A syntax check of YAML text with libyaml, run before yaml-cpp sees the text:
// yaml-cpp 0.7 loops forever on some invalid input (for example "{},\n{},\n{}", found
// by the YAML fuzzer), while libyaml rejects it with a position.
#pragma once

#include <string>

namespace kgen::encoding {

// False, with the 1-based line and column and libyaml's message, for invalid YAML.
bool check_yaml_syntax(const std::string& text, int* line, int* column, std::string* message);

}  // namespace kgen::encoding

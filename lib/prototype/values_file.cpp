#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "common/error.h"
#include "common/files.h"
#include "jsonnet/evaluator.h"
#include "prototype/prototype.h"

namespace kgen::prototype {

std::map<std::string, std::string> read_values_file(const std::string& path) {
  jsonnet::Evaluator vm{jsonnet::VmOptions{}};
  const std::string file = display_path(path);
  const nlohmann::json values = nlohmann::json::parse(vm.evaluate(file, read_file(path)));
  if (!values.is_object()) {
    throw Error("the values file is not an object", "write { param: value, ... }", {file, 1});
  }
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : values.items()) out[name] = value.is_string() ? value.get<std::string>() : value.dump();
  return out;
}

}  // namespace kgen::prototype

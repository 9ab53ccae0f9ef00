#include "cli/command_tree.h"

#include <algorithm>

namespace kgen::cli {
namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool has_name(const std::vector<std::string>& names, std::initializer_list<const char*> wanted) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return std::find(wanted.begin(), wanted.end(), name) != wanted.end();
  });
}

}  // namespace

ValueKind value_kind(const std::vector<std::string>& names, const std::string& description) {
  if (has_name(names, {"env", "env1", "env2", "environments", "--env"}) || description == "Environment") {
    return ValueKind::Environment;
  }
  const bool new_one = description.find("new") != std::string::npos;
  if ((has_name(names, {"component", "--component"}) && !new_one) || starts_with(description, "Component")) {
    return ValueKind::Component;
  }
  if (has_name(names, {"--module"})) return ValueKind::Module;
  if (has_name(names, {"--dir", "dir", "--out", "--jpath", "--cache-dir"})) return ValueKind::Directory;
  if (has_name(names, {"--filename", "--kubeconfig", "--values-file", "--params-file"}) ||
      std::any_of(names.begin(), names.end(), [](const std::string& n) { return ends_with(n, "-file"); })) {
    return ValueKind::File;
  }
  return ValueKind::Text;
}

}  // namespace kgen::cli

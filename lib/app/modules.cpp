#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include "app/app.h"
#include "common/error.h"
#include "common/files.h"

namespace kgen::app {
namespace {

namespace fs = std::filesystem;

bool component_type_for(const fs::path& file, ComponentType* type) {
  const std::string ext = file.extension().string();
  if (ext == ".jsonnet") {
    *type = ComponentType::Jsonnet;
  } else if (ext == ".yaml") {
    *type = ComponentType::Yaml;
  } else if (ext == ".json") {
    *type = ComponentType::Json;
  } else {
    return false;
  }
  return true;
}

Module read_module(const std::string& name, const std::string& dir) {
  Module module;
  module.name = name;
  module.dir = dir;
  std::map<std::string, std::string> seen;  // component name -> file, to report duplicates
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    const fs::path file = entry.path();
    if (file.filename().string().front() == '.') continue;
    ComponentType type;
    if (!component_type_for(file, &type)) continue;
    Component component;
    component.name = file.stem().string();
    component.qualified = name == "/" ? component.name : name + "." + component.name;
    component.path = file.string();
    component.type = type;
    if (auto [it, inserted] = seen.emplace(component.name, file.filename().string()); !inserted) {
      throw Error("two components are named \"" + component.name + "\": " + it->second + " and " +
                      file.filename().string(),
                  "rename or remove one of them", {display_path(dir)});
    }
    module.components.push_back(component);
  }
  std::sort(module.components.begin(), module.components.end(),
            [](const Component& a, const Component& b) { return a.name < b.name; });
  return module;
}

}  // namespace

Module module_named(const App& app, const std::string& name) {
  std::string rel = name;
  std::replace(rel.begin(), rel.end(), '.', '/');
  const std::string dir = name == "/" ? app.root + "/components" : app.root + "/components/" + rel;
  if (!is_directory(dir)) {
    throw Error("no module \"" + name + "\"", "modules are folders under components/ (\"a.b\" is components/a/b/)",
                {display_path(app.root + "/components")});
  }
  return read_module(name, dir);
}

std::vector<std::string> module_names(const App& app) {
  const fs::path components = fs::path(app.root) / "components";
  std::vector<std::string> names;
  if (!is_directory(components.string())) return names;
  if (is_regular_file((components / "params.libsonnet").string())) names.push_back("/");
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(components, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    if (!it->is_directory(ec) || !is_regular_file((it->path() / "params.libsonnet").string())) continue;
    std::string name = it->path().lexically_relative(components).generic_string();
    std::replace(name.begin(), name.end(), '/', '.');
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<Module> modules_for(const App& app, const Environment& env) {
  const std::string components = app.root + "/components";
  if (env.targets.empty()) {
    if (!is_directory(components)) return {};
    return {read_module("/", components)};
  }
  std::vector<std::pair<std::string, std::string>> chosen;  // (dir, module name)
  for (const std::string& target : env.targets) {
    if (target == "/") {
      chosen.emplace_back(components, "/");
      continue;
    }
    std::string rel = target;
    std::replace(rel.begin(), rel.end(), '.', '/');
    const std::string dir = components + "/" + rel;
    if (!is_directory(dir)) {
      throw Error("target \"" + target + "\" of environment \"" + env.name + "\" is not a module",
                  "create components/" + rel + "/ or fix the targets in app.yaml",
                  {display_path(app.root + "/app.yaml")});
    }
    chosen.emplace_back(dir, target);
  }
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  std::vector<Module> modules;
  for (const auto& [dir, name] : chosen) modules.push_back(read_module(name, dir));
  return modules;
}

}  // namespace kgen::app

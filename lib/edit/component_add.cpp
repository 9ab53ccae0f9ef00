#include <nlohmann/json.hpp>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/app_lock.h"
#include "edit/components.h"
#include "encoding/yaml_decode.h"
#include "params/params.h"
#include "render/render.h"

namespace kgen::edit {
namespace {

void check_component_text(const NewComponent& c, const std::string& file) {
  if (c.extension == ".jsonnet") {
    params::check_syntax(c.text, file);
  } else if (c.extension == ".json") {
    if (!nlohmann::json::accept(c.text)) throw Error("not valid JSON", "fix the manifest", {file});
  } else {
    std::vector<nlohmann::json> docs;
    encoding::YamlError error;
    if (!encoding::decode_yaml_documents(c.text, &docs, &error)) {
      throw Error("not valid YAML: " + error.message, "fix the manifest", {file, error.line, error.column});
    }
  }
}

}  // namespace

std::vector<std::string> add_components(const std::string& app_root, const std::string& module_name,
                                        const std::vector<NewComponent>& components) {
  AppLock lock(app_root);
  const app::App app = app::load_app(app_root);
  const app::Module module = app::module_named(app, module_name);
  const std::string params_file = module.dir + "/params.libsonnet";
  if (!is_regular_file(params_file)) {
    throw Error("module \"" + module_name + "\" has no params.libsonnet", "create it with kgen module create",
                {display_path(module.dir)});
  }
  std::set<std::string> taken;
  for (const auto& c : module.components) taken.insert(c.name);
  std::string params_text = read_file(params_file);
  for (const auto& c : components) {
    if (!app::is_valid_name(c.name) || c.name.find('/') != std::string::npos || c.name.find('.') != std::string::npos) {
      throw Error("\"" + c.name + "\" is not a valid component name",
                  "use letters, digits, '-' or '_' ('.' separates modules)");
    }
    if (!taken.insert(c.name).second) {
      throw Error("component \"" + c.name + "\" already exists in module \"" + module_name + "\"",
                  "pick another name, or remove it first with kgen component rm", {display_path(module.dir)});
    }
    check_component_text(c, display_path(module.dir + "/" + c.name + c.extension));
    params_text = params::add_component_entry(params_text, display_path(params_file), c.name, c.params);
  }
  // The params must still evaluate before anything is written.
  params::check_syntax(params_text, display_path(params_file));
  render::ParamsQuery check;
  check.module = module_name;
  check.overlays[params_file] = params_text;
  render::component_params(app, check);

  std::vector<std::string> written;
  try {
    for (const auto& c : components) {
      const std::string file = module.dir + "/" + c.name + c.extension;
      write_file_atomically(file, c.text);
      written.push_back(file);
    }
    write_file_atomically(params_file, params_text);
  } catch (...) {
    // A component without its params entry is half a change: take the files back.
    for (const auto& file : written) std::remove(file.c_str());
    throw;
  }
  written.push_back(params_file);
  return written;
}

}  // namespace kgen::edit

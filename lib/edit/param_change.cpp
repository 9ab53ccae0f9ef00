#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <string>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/app_lock.h"
#include "edit/edit.h"
#include "params/params.h"
#include "render/render.h"

namespace kgen::edit {
namespace {

struct Target {
  std::string module;     // module of the component
  std::string local;      // component name inside its module
};

Target find_component(const app::App& app, const std::string& qualified) {
  const size_t dot = qualified.rfind('.');
  Target target{dot == std::string::npos ? "/" : qualified.substr(0, dot),
                dot == std::string::npos ? qualified : qualified.substr(dot + 1)};
  std::string known;
  try {
    const app::Module module = app::module_named(app, target.module);
    for (const auto& component : module.components) {
      if (component.name == target.local) return target;
    }
  } catch (const Error&) {
  }
  for (const auto& component : app::module_named(app, "/").components) {
    known += (known.empty() ? "" : ", ") + component.qualified;
  }
  throw Error("no component \"" + qualified + "\"",
              known.empty() ? "the app has no components" : "components: " + known,
              {display_path(app.root + "/components")});
}

// A file without its owner's write bit is read-only to kgen, also when run as root.
void require_writable(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && (st.st_mode & S_IWUSR) == 0) {
    throw Error("the file is read-only", "make it writable (chmod u+w) and run the command again",
                {display_path(path)});
  }
  if (access(path.c_str(), W_OK) != 0) {
    throw Error("the file is read-only", "make it writable (chmod u+w) and run the command again",
                {display_path(path)});
  }
}

}  // namespace

std::string apply_param_change(const std::string& app_root, const ParamChange& change) {
  AppLock lock(app_root);
  const app::App app = app::load_app(app_root);  // read under the lock: the latest state
  render::ParamsQuery check;
  std::string file;
  std::string before, after;
  const bool setting = change.value.has_value();

  if (change.environment.empty()) {
    const Target target = find_component(app, change.component);
    std::string rel = target.module;
    for (char& c : rel) {
      if (c == '.') c = '/';
    }
    file = target.module == "/" ? app.root + "/components/params.libsonnet"
                                : app.root + "/components/" + rel + "/params.libsonnet";
    before = read_file(file);
    const auto path = params::split_param_path(change.param);
    after = setting ? params::set_component_param(before, display_path(file), target.local, path, *change.value)
                    : params::delete_component_param(before, display_path(file), target.local, path);
    check.module = target.module;
  } else {
    const app::Environment& env = app::select_environment(app, change.environment);
    const std::string env_dir = app.root + "/environments/" + env.path;
    if (!is_directory(env_dir)) {
      throw Error("environment folder environments/" + env.path + "/ is missing",
                  "create it (kgen env add, or copy another environment's files)", {display_path(app.root + "/app.yaml")});
    }
    check.environment = env.name;
    check.module = "";
    if (change.component.empty()) {
      file = env_dir + "/globals.libsonnet";
      before = try_read_file(file).value_or("{\n}\n");
      const auto path = params::split_param_path(change.param);
      after = setting ? params::set_global_param(before, display_path(file), path, *change.value)
                      : params::delete_global_param(before, display_path(file), path);
    } else {
      find_component(app, change.component);
      file = env_dir + "/params.libsonnet";
      before = read_file(file);
      after = setting ? params::set_env_param(before, display_path(file), change.component, change.param, *change.value)
                      : params::delete_env_param(before, display_path(file), change.component, change.param);
    }
  }
  if (after == before && is_regular_file(file)) return {};

  // Nothing is written unless the new text parses and the params still evaluate.
  params::check_syntax(after, display_path(file));
  check.overlays[file] = after;
  render::component_params(app, check);
  if (is_regular_file(file)) require_writable(file);
  write_file_atomically(file, after);
  return file;
}

std::vector<std::string> remove_component(const std::string& app_root, const std::string& qualified) {
  AppLock lock(app_root);
  const app::App app = app::load_app(app_root);
  const Target target = find_component(app, qualified);
  const app::Module module = app::module_named(app, target.module);
  std::string component_file;
  for (const auto& component : module.components) {
    if (component.name == target.local) component_file = component.path;
  }
  // Every params file that mentions the component, changed in memory first.
  std::map<std::string, std::string> changes;  // file -> new text
  const std::string module_params = module.dir + "/params.libsonnet";
  if (const auto text = try_read_file(module_params)) {
    const std::string after = params::remove_component_entry(*text, display_path(module_params), target.local, false);
    if (after != *text) changes[module_params] = after;
  }
  for (const auto& [name, env] : app.environments) {
    const std::string file = app.root + "/environments/" + env.path + "/params.libsonnet";
    if (const auto text = try_read_file(file)) {
      const std::string after = params::remove_component_entry(*text, display_path(file), qualified, true);
      if (after != *text) changes[file] = after;
    }
  }
  // The params must still evaluate, for the module and every environment, before
  // anything is written.
  render::ParamsQuery check;
  check.module = target.module;
  for (const auto& [file, text] : changes) check.overlays[file] = text;
  render::component_params(app, check);
  for (const auto& [name, env] : app.environments) {
    if (!is_directory(app.root + "/environments/" + env.path)) continue;
    check.environment = name;
    check.module = "";
    render::component_params(app, check);
  }
  std::vector<std::string> touched;
  for (const auto& [file, text] : changes) {
    require_writable(file);
    write_file_atomically(file, text);
    touched.push_back(file);
  }
  if (std::remove(component_file.c_str()) != 0) {
    throw Error("cannot remove the component file", "check the folder's permissions", {display_path(component_file)});
  }
  touched.push_back(component_file);
  return touched;
}

}  // namespace kgen::edit

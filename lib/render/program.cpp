#include "render/program.h"

#include <algorithm>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/files.h"
#include "encoding/yaml_decode.h"
#include "jsonnet/format.h"
#include "jsonnet/ks_dialect.h"

namespace kgen::render {
namespace {

using nlohmann::json;

// The native that turns an environment's manifested params into one module's.
constexpr const char* kNarrowParamsNative = "kgen.internal.narrowParams";
// The native that parses a module's own component params and applies the overrides.
constexpr const char* kModuleRawNative = "kgen.internal.moduleRaw";

std::string quote(const std::string& s) { return json(s).dump(); }

std::string import_of(const std::string& path) { return "(import " + quote(path) + ")"; }

// The library folder of an environment's Kubernetes version: lib/ksonnet-lib/<v>/,
// the pre-0.12 lib/<v>/, a 0.0.1 app's environments/<env>/.metadata/, or one generated
// into kgen's cache.
std::string ksonnet_lib_dir(const app::App& app, const app::Environment& env, const RenderOptions& options,
                            std::vector<std::string>* warnings) {
  if (!env.legacy_metadata_dir.empty()) return env.legacy_metadata_dir;
  if (env.k8s_version.empty()) return {};
  const std::string old_dir = app.root + "/lib/" + env.k8s_version;
  if (is_directory(old_dir)) {
    warnings->push_back("using the old ksonnet-lib location lib/" + env.k8s_version +
                        "/; 'kgen upgrade' moves it to lib/ksonnet-lib/" + env.k8s_version + "/");
    return old_dir;
  }
  const std::string own = app.root + "/lib/ksonnet-lib/" + env.k8s_version;
  // A library kgen generated into its cache, unless the app carries its own.
  if (!options.library_dir.empty() && !is_directory(own)) return options.library_dir;
  return own;
}

// Versioned vendor packages are imported as "<registry>/<name>/..." whatever their
// version: map that prefix to vendor/<registry>/<name>@<version>/ instead of copying.
jsonnet::SearchEntry vendor_packages(const app::App& app, const app::Environment& env,
                                     std::vector<std::string>* warnings) {
  std::map<std::string, app::Library> libraries = app.libraries;
  for (const auto& [key, lib] : env.libraries) libraries[key] = lib;  // env-scoped entries win
  jsonnet::SearchEntry entry;
  for (const auto& [key, lib] : libraries) {
    if (lib.version.empty()) continue;
    const std::string prefix = lib.registry + "/" + lib.name;
    const std::string versioned = app.root + "/vendor/" + prefix + "@" + lib.version;
    if (is_directory(versioned)) {
      entry.packages[prefix] = versioned;
    } else if (!is_directory(app.root + "/vendor/" + prefix)) {
      warnings->push_back("package " + key + " is not vendored (no vendor/" + prefix + "@" + lib.version +
                          "/); imports of it will fail");
    }
  }
  return entry;
}

json yaml_component_object(const app::Component& component, jsonnet::Evaluator* evaluator) {
  const std::string text = evaluator->read_input(component.path);
  std::vector<json> docs;
  encoding::YamlError error;
  if (!encoding::decode_yaml_documents(text, &docs, &error)) {
    throw Error("invalid YAML: " + error.message, "fix the component's syntax",
                {display_path(component.path), error.line, error.column});
  }
  if (docs.empty()) {
    throw Error("component \"" + component.qualified + "\" is empty", "add an object or remove the file",
                {display_path(component.path)});
  }
  if (!docs.front().is_object()) {
    throw Error("component \"" + component.qualified + "\" is not an object",
                "a YAML component holds one Kubernetes object", {display_path(component.path), 1});
  }
  return docs.front();
}

bool has_data_components(const app::Module& module) {
  for (const auto& component : module.components) {
    if (component.type != app::ComponentType::Jsonnet) return true;
  }
  return false;
}

}  // namespace

bool operator<(const OutputPosition& a, const OutputPosition& b) {
  return a.module_id != b.module_id ? a.module_id < b.module_id : a.field < b.field;
}

PipelineLayout layout_pipeline(const app::App& app, const app::Environment& env,
                               const std::vector<app::Module>& modules, const RenderOptions& options) {
  PipelineLayout layout;
  const std::string& root = app.root;
  layout.app_root = root;
  layout.env_dir = root + "/environments/" + env.path;
  if (!is_directory(layout.env_dir)) {
    layout.warnings.push_back("environment folder environments/" + env.path +
                              "/ is missing; rendering with ks's default environment files");
  }
  // Stage E's search path, in ks's order.
  if (env.targets.empty()) {
    layout.main_path.push_back({root + "/components", {}});
  } else {
    for (const auto& module : modules) layout.main_path.push_back({module.dir, {}});
  }
  layout.main_path.push_back(vendor_packages(app, env, &layout.warnings));
  if (const std::string lib_dir = ksonnet_lib_dir(app, env, options, &layout.warnings); !lib_dir.empty()) {
    layout.main_path.push_back({lib_dir, {}});
  }
  layout.main_path.push_back({root + "/lib", {}});
  layout.main_path.push_back({root + "/vendor", {}});
  layout.main_path.push_back({layout.env_dir, {}});
  layout.main_path.push_back({root + "/environments", {}});
  for (const auto& dir : options.jpaths) layout.main_path.push_back({dir, {}});
  layout.module_params_path = {{root + "/lib", {}}, {root + "/vendor", {}}};
  layout.env_params_path = {{layout.env_dir, {}}};
  return layout;
}

std::string build_params_program(const std::vector<app::Module>& modules, const PipelineLayout& layout,
                                 jsonnet::Evaluator* evaluator, bool without_modules) {
  std::string top = "{\n";
  for (size_t i = 0; i < modules.size(); ++i) {
    const app::Module& module = modules[i];
    const std::string id = std::to_string(i);
    const int ctx_a = evaluator->add_context({layout.module_params_path, {{"__ksonnet/environments", layout.env_object}}});
    const std::string params_b = "params-b/" + id;
    const int ctx_c = evaluator->add_context(
        {layout.env_params_path,
         {{"__ksonnet/params", import_of(jsonnet::Evaluator::virtual_path(params_b))},
          {"__ksonnet/environments", layout.env_object}}});

    // A and B: module params, each component's entry merge-patched with the module's
    // globals; outside the root module, keys qualified with the module name.
    const std::string module_params = module.dir + "/params.libsonnet";
    const bool has_module_params = !without_modules && evaluator->input_exists(module_params);
    const std::string module_source =
        has_module_params ? import_of(evaluator->import_path(ctx_a, module_params)) : "{ components: {} }";
    const std::string prefix = module.name == "/" ? "" : module.name + ".";
    // Object fields are not cached by libjsonnet, so every object that is read more
    // than once is bound to a local (locals are evaluated once): reading p.components
    // again per component would cost O(components^2).
    const std::string merged = prefix.empty()
        ? "if std.length(g) == 0 then c else { [k]: std.mergePatch(c[k], g) for k in std.objectFields(c) }"
        : "{ [" + quote(prefix) + " + k]: if std.length(g) == 0 then c[k] else std.mergePatch(c[k], g) "
          "for k in std.objectFields(c) }";
    // A params file that is not an object with a `components` object is named in the
    // error, rather than failing later inside the code that reads it.
    const std::string module_file = quote(display_path(module_params));
    evaluator->add_virtual_file(
        params_b, "local p = " + module_source + ";\n" +
                      "assert std.type(p) == 'object' : " + module_file + " + ' evaluates to ' + std.type(p) + "
                      "' (an ' + 'object {global: {...}, components: {...}} is needed)';\n" +
                      "assert std.objectHas(p, 'components') && std.type(p.components) == 'object' : " + module_file +
                      " + ': components must be an object of component names to their parameters';\n" +
                      "local c = p.components;\n" +
                      "local g = if std.objectHas(p, 'global') then p.global else {};\n" +
                      "local b = " + merged + ";\n{ components: b }\n");

    // C: the environment's params over B, narrowed to this module's components.
    const std::string env_params = layout.env_dir + "/params.libsonnet";
    const std::string env_source = evaluator->input_exists(env_params) ? import_of(evaluator->import_path(ctx_c, env_params))
                                                               : import_of(jsonnet::Evaluator::virtual_path(params_b));
    const std::string env_file = quote(display_path(env_params));
    top += "  " + quote(id) + ": { env: (local e = " + env_source + "; assert std.type(e) == 'object' && std.objectHas(e, 'components') : " +
           env_file + " + ' must evaluate to an object with components (it evaluates to ' + std.type(e) + ')'; " +
           "assert std.type(e.components) == 'object' : " + env_file +
           " + ': components must be an object of component names to their parameters'; e.components)";
    if (has_data_components(module)) {
      top += ", raw: " + (has_module_params ? import_of(evaluator->import_path(ctx_a, module_params)) + ".components"
                                            : std::string("{}"));
    }
    top += " },\n";
  }
  return top + "}\n";
}

json narrow_module_params(const std::string& module_name, const json& all) {
  if (!all.is_object()) throw Error("the environment's component parameters are not an object");
  json narrowed = json::object();
  for (auto it = all.begin(); it != all.end(); ++it) {
    const std::string& key = it.key();
    if (module_name == "/") {
      if (key.find('.') == std::string::npos) narrowed[key] = it.value();
    } else if (key.rfind(module_name, 0) == 0) {
      const std::string local = key.substr(key.rfind('.') + 1);
      if (narrowed.contains(local) && narrowed[local].is_object() && it.value().is_object()) {
        narrowed[local].update(it.value());  // Jsonnet's `+` on the two objects
      } else {
        narrowed[local] = it.value();
      }
    }
  }
  return narrowed;
}

json narrow_params(const std::vector<app::Module>& modules, const json& evaluated) {
  json out = json::object();
  for (size_t i = 0; i < modules.size(); ++i) {
    const std::string id = std::to_string(i);
    const json& module = evaluated.at(id);
    out[id] = {{"params", {{"components", narrow_module_params(modules[i].name, module.at("env"))}}}};
  }
  return out;
}

std::string build_render_program(const std::vector<app::Module>& modules, const PipelineLayout& layout,
                                  const RenderOptions& options, const std::set<std::string>& selected,
                                  const OutputRange& range, jsonnet::Evaluator* evaluator) {
  // Stages A-C run inside this same evaluation: libjsonnet rebuilds its standard library
  // for every evaluation (about a third of a small app's run time), so kgen evaluates
  // once. ks passed the params between stages as JSON; `'' + value` manifests them with
  // libjsonnet's own (C++) JSON writer, and a native parses and narrows them, so
  // components still see plain data: hidden fields gone, `+:` resolved, functions and
  // errors anywhere in the params fatal.
  evaluator->add_virtual_file("params-all", build_params_program(modules, layout, evaluator));
  const std::string all_params = import_of(jsonnet::Evaluator::virtual_path("params-all"));
  std::vector<std::string> module_names;
  for (const auto& module : modules) module_names.push_back(module.name);
  evaluator->add_json_function(kNarrowParamsNative, {"components", "module"},
                               [module_names, overrides = layout.overrides](const std::vector<std::string>& args) {
                                 const size_t module = std::stoul(args[1]);
                                 json narrowed = narrow_module_params(module_names.at(module), json::parse(args[0]));
                                 apply_overrides(module, overrides, &narrowed);
                                 return narrowed;
                               });
  // A module's YAML components take its own params only (as in ks): the overrides
  // reach them there.
  evaluator->add_json_function(kModuleRawNative, {"components", "module"},
                               [overrides = layout.overrides](const std::vector<std::string>& args) {
                                 json raw = json::parse(args[0]);
                                 if (raw.is_object()) apply_overrides(std::stoul(args[1]), overrides, &raw);
                                 return raw;
                               });

  json selection = json::object();
  for (const auto& name : selected) selection[name] = true;
  // A main.jsonnet that is a function is called with the top-level arguments (none:
  // its defaults), as the jsonnet tool does.
  std::string tla_args;
  for (const auto& [key, value] : options.tla_str) {
    tla_args += (tla_args.empty() ? "" : ", ") + key + "=" + quote(value);
  }

  std::string forced_params;  // every module's params, evaluated before any component
  std::string top = "{\n";
  for (size_t i = 0; i < modules.size(); ++i) {
    const app::Module& module = modules[i];
    const std::string id = std::to_string(i);
    const std::string params_file = "params/" + id;
    const std::string components_file = "components/" + id;
    const std::string params_import = import_of(jsonnet::Evaluator::virtual_path(params_file));
    // Bound to a local so that each component's read of .components is a lookup, not
    // a re-evaluation.
    evaluator->add_virtual_file(params_file, "local c = std.native(" + quote(kNarrowParamsNative) + ")('' + " +
                                                 all_params + "[" + quote(id) + "].env, " + quote(id) +
                                                 ");\n{ components: c }\n");
    forced_params += std::string(forced_params.empty() ? "" : " && ") + "std.type(" + params_import +
                     ".components) == 'object'";
    const int ctx_e = evaluator->add_context(
        {layout.main_path,
         {{"__ksonnet/params", params_import},
          {"__ksonnet/components", import_of(jsonnet::Evaluator::virtual_path(components_file))},
          {"__ksonnet/environments", layout.env_object}}});

    // D: one field per component, evaluated lazily. Jsonnet components are pasted into
    // one bundle file, as ks pasted them into one object: libjsonnet re-parses its
    // standard library for every file it loads (about 20 ms and several MB each), so
    // one file per component would dominate the run time of large apps.
    std::string bundle = "{\n";
    std::vector<jsonnet::Evaluator::BundlePart> parts;
    int line = 2;
    std::string data_components;
    // Every component is in the bundle, selected with -c or not: a component may read
    // the others' objects through std.extVar("__ksonnet/components"), as Kubeflow's
    // `application` did. Only the selected fields are rendered, and fields are lazy, so
    // an unselected component is evaluated only when another one reads it; one that
    // does not even parse becomes an error value, so that it cannot fail -c either.
    for (const app::Component& component : module.components) {
      const bool wanted = selected.empty() || selected.count(component.qualified) != 0;
      const auto broken = [&](const Error& e) {
        const std::string stub = quote(component.qualified) + ": error " +
                                 quote("component " + component.qualified + " (not selected with -c): " + e.one_line()) +
                                 ",\n";
        if (component.type == app::ComponentType::Jsonnet) {
          bundle += stub;
          ++line;
        } else {
          data_components += "  " + stub;
        }
      };
      if (component.type == app::ComponentType::Jsonnet) {
        // As ks evaluated it (its text blocks and std.thisFile), on the lines it has.
        jsonnet::ComponentDialect source = jsonnet::component_in_ks_dialect(evaluator->read_input(component.path));
        if (source.text.empty() || source.text.back() != '\n') source.text += '\n';
        if (!wanted) {
          try {
            jsonnet::format_jsonnet(source.locals + "\n" + source.text, display_path(component.path));
          } catch (const Error& e) {
            broken(e);
            continue;
          }
        }
        const int lines = static_cast<int>(std::count(source.text.begin(), source.text.end(), '\n'));
        bundle += quote(component.qualified) + ": " + source.locals + "\n" + source.text + ",\n";
        parts.push_back({line + 1, lines, component.path});
        line += lines + 2;
        continue;
      }
      // YAML/JSON components take their module params by merge patch, then (root
      // module only, as in ks) the environment's.
      std::string object;
      try {
        object = yaml_component_object(component, evaluator).dump();
      } catch (const Error& e) {
        if (wanted) throw;
        broken(e);
        continue;
      }
      const std::string name = quote(component.name);
      const std::string qualified = quote(component.qualified);
      data_components += "  " + qualified + ": (local o = " + object + ";\n" +
                         "    local m = if std.objectHas(raw, " + name + ") then std.mergePatch(o, raw[" + name +
                         "]) else o;\n";
      data_components += module.name == "/" ? "    if std.objectHas(env, " + qualified + ") then std.mergePatch(m, env[" +
                                                  qualified + "]) else m),\n"
                                            : "    m),\n";
    }
    const std::string bundle_path = module.dir + "/.kgen-components-" + id + ".jsonnet";
    evaluator->add_bundle(ctx_e, bundle_path, bundle + "}\n", std::move(parts));
    std::string components_code;
    if (!data_components.empty()) {
      // The module params' own components, as JSON, for the merge patches.
      const std::string raw = module.name == "/" ? "std.native('kgen.parseJson')('' + " + all_params + "[" + quote(id) + "].raw)"
                                                 : "std.native(" + quote(kModuleRawNative) + ")('' + " + all_params + "[" +
                                                       quote(id) + "].raw, " + quote(id) + ")";
      components_code = "local raw = " + raw + ";\nlocal env = " + params_import + ".components;\n";
    }
    evaluator->add_virtual_file(components_file, components_code +
                                                     import_of(evaluator->import_path(ctx_e, bundle_path)) + " + {\n" +
                                                     data_components + "}\n");

    // E: main.jsonnet (or ks's default one) over the components.
    const std::string main_file = layout.env_dir + "/main.jsonnet";
    const std::string base_file = layout.env_dir + "/../base.libsonnet";
    std::string main_source = import_of(jsonnet::Evaluator::virtual_path(components_file));
    if (evaluator->input_exists(main_file)) {
      main_source = import_of(evaluator->import_path(ctx_e, main_file));
    } else if (evaluator->input_exists(base_file)) {
      main_source = import_of(evaluator->import_path(ctx_e, base_file));
    }
    // The fields this evaluation renders: those selected with -c, and those in its
    // slice of the output.
    std::vector<std::string> conditions;
    if (!selected.empty()) conditions.push_back("std.objectHas(" + selection.dump() + ", k)");
    bool outside_range = false;
    if (range.from && id <= range.from->module_id) {
      if (id < range.from->module_id) outside_range = true;
      conditions.push_back("k >= " + quote(range.from->field));
    }
    if (range.to && id >= range.to->module_id) {
      if (id > range.to->module_id) outside_range = true;
      conditions.push_back("k < " + quote(range.to->field));
    }
    if (outside_range) {
      top += "  " + quote(id) + ": {},\n";
      continue;
    }
    top += "  " + quote(id) + ": (\n    local main = " + main_source + ";\n" +
           "    local m = if std.type(main) == 'function' then main(" + tla_args + ") else main;\n";
    if (conditions.empty()) {
      top += "    m\n  ),\n";
    } else {
      std::string condition;
      for (const auto& c : conditions) condition += (condition.empty() ? "" : " && ") + c;
      top += "    { [k]: m[k] for k in std.objectFields(m) if " + condition + " }\n  ),\n";
    }
  }
  // ks evaluated the params before any component: their errors come first.
  const std::string prologue = forced_params.empty() ? "" : "assert " + forced_params + ";\n";
  return prologue + top + "}\n";
}

}  // namespace kgen::render

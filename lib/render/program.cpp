#include "render/program.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "common/error.h"
#include "common/files.h"
#include "encoding/yaml_decode.h"

namespace kgen::render {
namespace {

using nlohmann::json;

std::string quote(const std::string& s) { return json(s).dump(); }

std::string import_of(const std::string& path) { return "import " + quote(path); }

// The library folder of an environment's Kubernetes version: lib/ksonnet-lib/<v>/,
// the pre-0.12 lib/<v>/, or a 0.0.1 app's environments/<env>/.metadata/.
std::string ksonnet_lib_dir(const app::App& app, const app::Environment& env, std::vector<std::string>* warnings) {
  if (!env.legacy_metadata_dir.empty()) return env.legacy_metadata_dir;
  if (env.k8s_version.empty()) return {};
  const std::string old_dir = app.root + "/lib/" + env.k8s_version;
  if (is_directory(old_dir)) {
    warnings->push_back("using the old ksonnet-lib location lib/" + env.k8s_version +
                        "/; 'kgen upgrade' moves it to lib/ksonnet-lib/" + env.k8s_version + "/");
    return old_dir;
  }
  return app.root + "/lib/ksonnet-lib/" + env.k8s_version;
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

std::string yaml_component_json(const app::Component& component) {
  const std::string text = read_file(component.path);
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
  return docs.front().dump();
}

}  // namespace

Program build_program(const app::App& app, const app::Environment& env, const std::vector<app::Module>& modules,
                      const RenderOptions& options, const std::set<std::string>& selected,
                      jsonnet::Evaluator* evaluator) {
  Program program;
  const std::string root = app.root;
  const std::string env_dir = root + "/environments/" + env.path;
  if (!is_directory(env_dir)) {
    program.warnings.push_back("environment folder environments/" + env.path +
                               "/ is missing; rendering with ks's default environment files");
  }

  // Search paths of the three evaluation stages, as ks ordered them.
  std::vector<jsonnet::SearchEntry> main_path;
  if (env.targets.empty()) {
    main_path.push_back({root + "/components", {}});
  } else {
    for (const auto& module : modules) main_path.push_back({module.dir, {}});
  }
  main_path.push_back(vendor_packages(app, env, &program.warnings));
  if (const std::string lib_dir = ksonnet_lib_dir(app, env, &program.warnings); !lib_dir.empty()) {
    main_path.push_back({lib_dir, {}});
  }
  main_path.push_back({root + "/lib", {}});
  main_path.push_back({root + "/vendor", {}});
  main_path.push_back({env_dir, {}});
  main_path.push_back({root + "/environments", {}});
  for (const auto& dir : options.jpaths) main_path.push_back({dir, {}});
  const std::vector<jsonnet::SearchEntry> module_params_path = {{root + "/lib", {}}, {root + "/vendor", {}}};
  const std::vector<jsonnet::SearchEntry> env_params_path = {{env_dir, {}}};

  json selection = json::object();
  for (const auto& name : selected) selection[name] = true;

  std::string top = "{\n";
  for (size_t i = 0; i < modules.size(); ++i) {
    const app::Module& module = modules[i];
    const std::string id = std::to_string(i);
    const std::string params_a = jsonnet::Evaluator::virtual_path("params-a/" + id);
    const std::string params_b = jsonnet::Evaluator::virtual_path("params-b/" + id);
    const std::string params_c = jsonnet::Evaluator::virtual_path("params-c/" + id);
    const std::string components = jsonnet::Evaluator::virtual_path("components/" + id);

    const int ctx_a = evaluator->add_context({module_params_path, {}});
    const int ctx_c = evaluator->add_context({env_params_path, {{"__ksonnet/params", import_of(params_b)}}});
    const int ctx_e = evaluator->add_context(
        {main_path, {{"__ksonnet/params", import_of(params_c)}, {"__ksonnet/components", import_of(components)}}});

    // A: module params, each component's entry merge-patched with the module's globals.
    const std::string module_params = module.dir + "/params.libsonnet";
    const bool has_module_params = is_regular_file(module_params);
    if (has_module_params) {
      evaluator->add_virtual_file(
          "params-a/" + id,
          "local p = " + import_of(evaluator->import_path(ctx_a, module_params)) + ";\n" +
              "local g = if std.objectHas(p, 'global') then p.global else {};\n"
              "{ components: { [k]: std.mergePatch(p.components[k], g) for k in std.objectFields(p.components) } }\n");
    } else {
      evaluator->add_virtual_file("params-a/" + id, "{ components: {} }\n");
    }
    // B: outside the root module, keys are qualified with the module name.
    const std::string prefix = module.name == "/" ? "" : module.name + ".";
    evaluator->add_virtual_file(
        "params-b/" + id, "local a = " + import_of(params_a) + ";\n{ components: { [" + quote(prefix) +
                              " + k]: a.components[k] for k in std.objectFields(a.components) } }\n");
    // C: the environment's params, narrowed to this module's components.
    const std::string env_params = env_dir + "/params.libsonnet";
    const std::string env_source = is_regular_file(env_params)
                                       ? import_of(evaluator->import_path(ctx_c, env_params))
                                       : import_of(params_b);
    if (module.name == "/") {
      evaluator->add_virtual_file(
          "params-c/" + id,
          "local p = " + env_source + ";\n" +
              "{ components: { [k]: p.components[k] for k in std.objectFields(p.components) "
              "if std.length(std.findSubstr('.', k)) == 0 } }\n");
    } else {
      // ks matched the module name as a plain prefix and kept the last dotted segment.
      evaluator->add_virtual_file(
          "params-c/" + id,
          "local p = " + env_source + ";\n" + "local last(k) = local parts = std.split(k, '.'); parts[std.length(parts) - 1];\n" +
              "{ components: std.foldl(function(acc, k) acc + { [last(k)]+: p.components[k] }, "
              "[k for k in std.objectFields(p.components) if std.startsWith(k, " +
              quote(module.name) + ")], {}) }\n");
    }
    // D: one field per component, evaluated lazily.
    std::string d = "{\n";
    if (has_module_params) d = "local raw = (" + import_of(evaluator->import_path(ctx_a, module_params)) + ").components;\n{\n";
    bool has_yaml = false;
    for (const app::Component& component : module.components) {
      d += "  " + quote(component.qualified) + ": ";
      if (component.type == app::ComponentType::Jsonnet) {
        d += import_of(evaluator->import_path(ctx_e, component.path));
      } else {
        has_yaml = true;
        if (!selected.empty() && selected.count(component.qualified) == 0) {
          // Not asked for: not read either, so a broken file elsewhere cannot fail -c.
          d += "error " + quote("component " + component.qualified + " was not selected with -c") + ",\n";
          continue;
        }
        const std::string object = yaml_component_json(component);
        if (has_module_params) {
          d += "std.mergePatch(" + object + ", if std.objectHas(raw, " + quote(component.name) + ") then raw[" +
               quote(component.name) + "] else {})";
        } else {
          d += object;
        }
      }
      d += ",\n";
    }
    d += "}\n";
    evaluator->add_virtual_file("components/" + id, d);

    // E: main.jsonnet (or ks's default one) over the components.
    const std::string main_file = env_dir + "/main.jsonnet";
    std::string main_source;
    if (is_regular_file(main_file)) {
      main_source = import_of(evaluator->import_path(ctx_e, main_file));
    } else if (is_regular_file(root + "/environments/base.libsonnet")) {
      main_source = import_of(evaluator->import_path(ctx_e, root + "/environments/base.libsonnet"));
    } else {
      main_source = import_of(components);
    }
    // A main.jsonnet that is a function is called with the top-level arguments (none:
    // its defaults), as the jsonnet tool does.
    std::string args;
    for (const auto& [key, value] : options.tla_str) args += (args.empty() ? "" : ", ") + key + "=" + quote(value);
    const std::string apply_tlas = "if std.type(main) == 'function' then main(" + args + ") else main";
    // F (partly): root YAML components take environment overrides by merge patch.
    std::string value = "m[k]";
    if (has_yaml && module.name == "/") {
      value = "if std.objectHas(yamlComponents, k) && std.objectHas(cp, k) then std.mergePatch(m[k], cp[k]) else m[k]";
    }
    json yaml_components = json::object();
    for (const auto& component : module.components) {
      if (component.type != app::ComponentType::Jsonnet) yaml_components[component.qualified] = true;
    }
    top += "  " + quote(id) + ": (\n    local main = " + main_source + ";\n    local m = " + apply_tlas + ";\n";
    if (has_yaml && module.name == "/") {
      top += "    local cp = (" + import_of(params_c) + ").components;\n";
      top += "    local yamlComponents = " + yaml_components.dump() + ";\n";
    }
    if (selected.empty()) {
      top += "    { [k]: " + value + " for k in std.objectFields(m) }\n  ),\n";
    } else {
      top += "    local selected = " + selection.dump() + ";\n";
      top += "    { [k]: " + value + " for k in std.objectFields(m) if std.objectHas(selected, k) }\n  ),\n";
    }
  }
  top += "}\n";
  program.code = top;
  return program;
}

}  // namespace kgen::render

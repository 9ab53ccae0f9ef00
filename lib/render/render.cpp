#include "render/render.h"

#include <exception>
#include <set>
#include <string>
#include <thread>

#include "common/error.h"
#include "common/files.h"
#include "common/large_stack.h"
#include "jsonnet/evaluator.h"
#include "render/cache.h"
#include "render/normalize.h"
#include "render/overrides.h"
#include "render/program.h"
#include "render/slices.h"
#include "render/sort.h"

namespace kgen::render {
namespace {

using nlohmann::json;

// ks (go-jsonnet 0.11.2) used no stack frames for `+:` and super chains, manifestation,
// ==, std.toString and mergePatch of nested values, where libjsonnet 0.18 stops near
// 500 frames: apps with 600 layered mixins or 1,000-deep values rendered under ks.
// libjsonnet spends up to ~KB of C++ stack per frame, hence the stack.
constexpr unsigned kMaxStackFrames = 5000;
constexpr size_t kEvaluationStackBytes = size_t{1} << 30;

std::set<std::string> check_selection(const std::vector<app::Module>& modules, const std::vector<std::string>& wanted,
                                      const std::string& env_name) {
  std::set<std::string> known;
  for (const auto& module : modules) {
    for (const auto& component : module.components) known.insert(component.qualified);
  }
  std::set<std::string> selected;
  for (const auto& name : wanted) {
    if (known.count(name) == 0) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      throw Error("environment \"" + env_name + "\" has no component \"" + name + "\"",
                  list.empty() ? "it renders no components" : "known components: " + list);
    }
    selected.insert(name);
  }
  return selected;
}

std::string env_object(const app::Environment& env) {
  return json{{"namespace", env.ns}, {"server", env.server}}.dump();
}

// Whether a "field does not exist" error is a reach into ksonnet-lib: a group, version
// or builder name, or a line that walks a builder's mixin path.
bool looks_like_ksonnet_lib_access(const Error& e) {
  const std::string marker = "field does not exist: ";
  const auto at = e.message().find(marker);
  if (at == std::string::npos) return false;
  std::string field = e.message().substr(at + marker.size());
  field = field.substr(0, field.find_first_of(" \n"));
  static const std::set<std::string> kLibraryNames = {
      "apps", "batch", "extensions", "rbac", "storage", "apiextensions", "autoscaling", "policy", "networking",
      "admissionregistration", "authentication", "authorization", "certificates", "settings", "scheduling",
      "apiregistration", "events", "core", "v1", "v1beta1", "v1beta2", "v2alpha1", "v2beta1", "v1alpha1", "mixin",
      "mixinInstance", "mapContainers", "mapContainersWithName"};
  auto starts = [&](const char* prefix) { return field.rfind(prefix, 0) == 0; };
  const std::string type_suffix = "Type";
  if (kLibraryNames.count(field) > 0 || starts("with") || starts("from") || starts("new") ||
      (field.size() > type_suffix.size() && field.compare(field.size() - type_suffix.size(), type_suffix.size(), type_suffix) == 0)) {
    return true;
  }
  if (e.where().file.empty() || e.where().line <= 0) return false;
  const auto text = try_read_file(e.where().file);
  if (!text) return false;
  size_t start = 0;
  for (int line = 1; line < e.where().line && start != std::string::npos; ++line) {
    start = text->find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return false;
  return text->substr(start, text->find('\n', start) - start).find(".mixin.") != std::string::npos;
}

// What one evaluation of the pipeline rendered: its output, or the error it raised.
struct SliceResult {
  json output;
  std::vector<jsonnet::Evaluator::Input> inputs;
  std::exception_ptr error;
};

SliceResult render_slice(const app::Environment& env, const std::vector<app::Module>& modules,
                         const PipelineLayout& layout, const RenderOptions& options,
                         const std::set<std::string>& selected, const OutputRange& range) {
  SliceResult result;
  try {
    jsonnet::VmOptions vm_options;
    vm_options.ext_str = options.ext_str;
    vm_options.max_stack = kMaxStackFrames;
    vm_options.this_file_root = layout.app_root;
    jsonnet::Evaluator evaluator(vm_options);
    const std::string code = build_render_program(modules, layout, options, selected, range, &evaluator);
    try {
      result.output = json::parse(evaluator.evaluate("render", code));
    } catch (const Error& e) {
      // The built-in k.libsonnet is a subset: say how to get the whole library when a
      // field is missing and that subset was in use.
      if (!evaluator.served_builtin_klib() || !looks_like_ksonnet_lib_access(e)) throw;
      const std::string version = env.k8s_version.empty() ? "v1.8.0" : env.k8s_version;
      throw Error(e.message(), e.hint(), e.where(),
                  e.details() + "kgen: note: k.libsonnet is kgen's built-in subset of ksonnet-lib here; generate the full library with: "
                                "kgen lib generate --api-spec file:swagger.json (the " + version + " spec)\n");
    }
    // Hashing every input is only worth it for the render cache.
    if (!options.cache_dir.empty()) result.inputs = evaluator.inputs();
  } catch (...) {
    result.error = std::current_exception();
  }
  return result;
}

// Renders the slices, all but the first on threads of their own, and joins their
// outputs. Rethrows the error of the first slice that failed, which is the error one
// evaluation would have raised.
SliceResult render_slices(const app::Environment& env, const std::vector<app::Module>& modules,
                          const PipelineLayout& layout, const RenderOptions& options,
                          const std::set<std::string>& selected) {
  const std::vector<OutputRange> ranges = plan_slices(modules, slice_count(options.jobs, modules, selected));
  std::vector<SliceResult> results(ranges.size());
  // Each slice on a stack large enough for the nesting ks rendered (see kMaxStackFrames).
  const auto render_one = [&](size_t i) {
    try {
      run_with_stack(kEvaluationStackBytes,
                     [&] { results[i] = render_slice(env, modules, layout, options, selected, ranges[i]); });
    } catch (...) {
      results[i].error = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (size_t i = 1; i < ranges.size(); ++i) threads.emplace_back(render_one, i);
  render_one(0);
  for (auto& thread : threads) thread.join();

  SliceResult joined = std::move(results[0]);
  std::set<std::string> recorded;
  for (const auto& input : joined.inputs) recorded.insert(input.path);
  for (size_t i = 1; i < results.size(); ++i) {
    if (joined.error) break;
    if (results[i].error) {
      joined.error = results[i].error;
      break;
    }
    for (auto it = results[i].output.begin(); it != results[i].output.end(); ++it) {
      joined.output[it.key()].update(it.value());
    }
    for (auto& input : results[i].inputs) {
      if (recorded.insert(input.path).second) joined.inputs.push_back(std::move(input));
    }
  }
  if (joined.error) std::rethrow_exception(joined.error);
  return joined;
}

// ks failed without the folder; rendering (or listing params) with defaults would
// silently drop the overrides a team keeps there (often gitignored), and deploy the
// wrong thing.
void require_environment_folder(const app::App& app, const app::Environment& env) {
  const std::string env_folder = "environments/" + env.path + "/";
  if (!is_directory(app.root + "/" + env_folder)) {
    throw Error("environment \"" + env.name + "\" has no folder " + env_folder + " (ks failed here too)",
                "restore it (it is often gitignored), or create it from ks's templates with kgen migrate --write "
                "(a new environment: kgen env add)");
  }
}

}  // namespace

RenderResult render_environment(const app::App& app, const RenderOptions& options) {
  const app::Environment& env = app::select_environment(app, options.environment);
  const std::vector<app::Module> modules = app::modules_for(app, env);
  const std::set<std::string> selected = check_selection(modules, options.components, env.name);

  require_environment_folder(app, env);
  PipelineLayout layout = layout_pipeline(app, env, modules, options);
  layout.env_object = env_object(env);
  layout.overrides = resolve_overrides(modules, options.overrides, env.name);

  std::string fingerprint;
  if (!options.cache_dir.empty()) {
    fingerprint = render_fingerprint(app, env, modules, options, layout);
    if (auto cached = cache_lookup(options.cache_dir, app.root, fingerprint)) return *cached;
  }

  RenderResult result;
  result.warnings = app.warnings;
  result.warnings.insert(result.warnings.end(), layout.warnings.begin(), layout.warnings.end());

  const SliceResult rendered = render_slices(env, modules, layout, options, selected);
  for (size_t i = 0; i < modules.size(); ++i) {
    const json& module_output = rendered.output.at(std::to_string(i));
    // Fields in sorted order, as ks walked them; a field main.jsonnet added without a
    // component file is rendered too and blamed on main.jsonnet.
    for (auto it = module_output.begin(); it != module_output.end(); ++it) {
      std::string file = display_path(app.root + "/environments/" + env.path + "/main.jsonnet");
      for (const auto& component : modules[i].components) {
        if (component.qualified == it.key()) file = display_path(component.path);
      }
      auto objects = normalize_component(it.key(), it.value(), file);
      for (auto& object : objects) result.objects.push_back(std::move(object));
    }
  }
  sort_objects(&result.objects);
  if (!options.cache_dir.empty()) cache_store(options.cache_dir, app.root, fingerprint, rendered.inputs, result);
  return result;
}

nlohmann::json component_params(const app::App& app, const ParamsQuery& query) {
  app::Environment env;
  std::vector<app::Module> modules;
  if (query.environment.empty()) {
    // ks evaluated a module's params with an empty destination.
    env.name = "";
    env.path = "";
    modules.push_back(app::module_named(app, query.module));
  } else {
    env = app::select_environment(app, query.environment);
    require_environment_folder(app, env);
    for (auto& module : app::modules_for(app, env)) {
      if (query.module.empty() || module.name == query.module) modules.push_back(std::move(module));
    }
  }
  RenderOptions options;
  options.jpaths = query.jpaths;
  PipelineLayout layout = layout_pipeline(app, env, modules, options);
  layout.env_object = query.environment.empty() ? env_object(app::Environment{}) : env_object(env);
  if (query.environment.empty()) layout.env_dir = app.root + "/environments/.kgen-no-environment";

  jsonnet::Evaluator evaluator({});
  for (const auto& [path, content] : query.overlays) evaluator.add_overlay(path, content);
  const json narrowed =
      narrow_params(modules, json::parse(evaluator.evaluate(
                                    "params", build_params_program(modules, layout, &evaluator, query.without_modules))));
  json out = json::object();
  for (size_t i = 0; i < modules.size(); ++i) {
    const std::string prefix = modules[i].name == "/" ? "" : modules[i].name + ".";
    const json& components = narrowed.at(std::to_string(i)).at("params").at("components");
    for (auto it = components.begin(); it != components.end(); ++it) out[prefix + it.key()] = it.value();
  }
  return out;
}

}  // namespace kgen::render

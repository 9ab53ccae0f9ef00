#include "kgen/kube_version.h"

#include <iostream>

#include "kgen/commands.h"
#include "kgen/library_setup.h"

namespace kgen::cmd {

void add_kube_version_flags(CLI::App* command, KubeVersionFlags* flags) {
  command->add_option("--kube-version", flags->version,
                      "Convert objects to API versions this Kubernetes serves (e.g. 1.29; default: the environment's "
                      "kubeVersion in environments/ENV/kgen.yaml, else ks's output as it was; ks: ks's output)");
  command->add_flag("--drop-removed", flags->drop_removed,
                    "With a version: leave out objects of kinds it removed with no replacement (PodSecurityPolicy)");
}

std::optional<convert::Target> conversion_target(const KubeVersionFlags& flags, const app::Environment& env) {
  convert::TargetSources sources;
  sources.flag = flags.version;
  sources.drop_removed = flags.drop_removed;
  return convert::choose_target(sources, env);
}

std::vector<render::Object> convert_for_target(const KubeVersionFlags& flags, const app::Environment& env,
                                               std::vector<render::Object> objects) {
  const auto target = conversion_target(flags, env);
  if (!target) return objects;
  return convert::convert_objects(std::move(objects), *target);
}

int explain_conversion(const std::string& root, const KubeVersionFlags& flags, const std::vector<std::string>& environments) {
  const app::App app = app::load_app(root);
  std::vector<std::string> names = environments;
  if (names.empty()) {
    for (const auto& [name, env] : app.environments) names.push_back(name);
  }
  bool all_ok = true;
  for (const auto& name : names) {
    const app::Environment& env = app::select_environment(app, name);
    const auto target = conversion_target(flags, env);
    if (!target) continue;  // --kube-version ks
    render::RenderOptions options;
    options.environment = name;
    use_cached_library(app, env, &options);
    const render::RenderResult result = render::render_environment(app, options);
    for (const auto& warning : result.warnings) print_warning(warning);
    bool ok = true;
    std::cout << "environment " << name << " for Kubernetes " << convert::to_string(target->version) << ":\n";
    for (const auto& line : convert::plan_lines(convert::plan_conversion(result.objects, *target), *target, &ok)) {
      std::cout << line << "\n";
    }
    all_ok = all_ok && ok;
  }
  return all_ok ? 0 : 1;
}

}  // namespace kgen::cmd

// kgen env list | current | describe
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "encoding/go_yaml.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "report/report.h"

namespace kgen::cmd {
namespace {

struct EnvFlags {
  AppFlags app;
  std::string format;
  std::string name;
  std::string set;
  bool unset = false;
};

app::App load(const EnvFlags& flags) { return app::load_app(app::find_app_root(flags.app.dir)); }

int run_list(const EnvFlags& flags) {
  const auto format = report::parse_list_format(flags.format);
  std::cout << report::env_list(load(flags), format);
  return 0;
}

int run_current(const EnvFlags& flags) {
  const app::App app = load(flags);
  const std::string file = app.root + "/.ks_environment";
  if (!flags.set.empty() && flags.unset) throw Error("--set and --unset together", "use one of them");
  if (!flags.set.empty()) {
    app::select_environment(app, flags.set);  // throws for an unknown environment
    write_file_atomically(file, flags.set);   // ks wrote the name without a newline
    return 0;
  }
  if (flags.unset) {
    if (std::remove(file.c_str()) != 0 && errno != ENOENT) {
      throw Error("cannot remove .ks_environment", "check the folder's permissions", {display_path(file)});
    }
    return 0;
  }
  std::cout << app.current_environment << "\n";
  return 0;
}

int run_describe(const EnvFlags& flags) {
  const app::App app = load(flags);
  const app::Environment& env = app::select_environment(app, flags.name);
  nlohmann::json out = {{"destination", {{"namespace", env.ns}, {"server", env.server}}},
                        {"k8sVersion", env.k8s_version},
                        {"path", env.path}};
  if (!env.targets.empty()) out["targets"] = env.targets;
  if (!env.libraries.empty()) {
    nlohmann::json libraries = nlohmann::json::object();
    for (const auto& [key, lib] : env.libraries) {
      libraries[key] = {{"name", lib.name}, {"registry", lib.registry}, {"version", lib.version}};
    }
    out["libraries"] = libraries;
  }
  std::cout << encoding::to_go_yaml(out);
  return 0;
}

}  // namespace

void register_env(CLI::App& app, Action* action) {
  auto flags = std::make_shared<EnvFlags>();
  CLI::App* env = app.add_subcommand("env", "List and inspect environments");
  env->require_subcommand(1);
  add_app_flags(env, &flags->app);

  CLI::App* list = env->add_subcommand("list", "List environments");
  list->add_option("-o,--output", flags->format, "Output format: table or json");
  list->callback([flags, action] { *action = [flags] { return run_list(*flags); }; });

  CLI::App* current = env->add_subcommand("current", "Show, set or unset the current environment (.ks_environment)");
  current->add_option("--set", flags->set, "Make this environment the current one");
  current->add_flag("--unset", flags->unset, "Forget the current environment");
  current->callback([flags, action] { *action = [flags] { return run_current(*flags); }; });

  CLI::App* describe = env->add_subcommand("describe", "Show an environment's settings");
  describe->add_option("name", flags->name, "Environment")->required();
  describe->callback([flags, action] { *action = [flags] { return run_describe(*flags); }; });
}

}  // namespace kgen::cmd

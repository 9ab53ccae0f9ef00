// kgen module create | list
#include <iostream>
#include <memory>

#include "app/app.h"
#include "edit/components.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "report/report.h"

namespace kgen::cmd {
namespace {

struct ModuleFlags {
  AppFlags app;
  std::string name;
  std::string environment;
  std::string format;
};

int run_list(const ModuleFlags& flags) {
  const auto format = report::parse_list_format(flags.format);
  const app::App app = app::load_app(app::find_app_root(flags.app.dir));
  std::vector<std::string> modules;
  if (flags.environment.empty()) {
    modules = app::module_names(app);
  } else {
    // An environment renders its targets, or the root module when it names none.
    const app::Environment& env = app::select_environment(app, flags.environment);
    modules = env.targets.empty() ? std::vector<std::string>{"/"} : env.targets;
  }
  std::cout << report::module_list(modules, format);
  return 0;
}

int run_create(const ModuleFlags& flags) {
  edit::create_module(app::find_app_root(flags.app.dir), flags.name);
  return 0;
}

}  // namespace

void register_module(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ModuleFlags>();
  CLI::App* module = app.add_subcommand("module", "Create and list modules (folders of components under components/)");
  module->require_subcommand(1);
  add_app_flags(module, &flags->app);

  CLI::App* create = module->add_subcommand("create", "Create a module: components/<a>/<b>/params.libsonnet for a.b");
  create->add_option("name", flags->name, "Module name (a.b is components/a/b/)")->required();
  add_example(create, "kgen module create monitoring\n  kgen import -f prometheus.yaml --module monitoring");
  create->callback([flags, action] { *action = [flags] { return run_create(*flags); }; });

  CLI::App* list = module->add_subcommand("list", "List the app's modules (or those an environment renders)");
  list->add_option("--env", flags->environment, "Only the modules this environment renders (its targets)");
  list->add_option("-o,--output", flags->format, "Output format: table or json");
  add_example(list, "kgen module list --env prod -o json");
  list->callback([flags, action] { *action = [flags] { return run_list(*flags); }; });
}

}  // namespace kgen::cmd

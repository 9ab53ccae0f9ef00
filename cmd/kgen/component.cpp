// kgen component list
#include <iostream>
#include <memory>

#include "app/app.h"
#include "edit/edit.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "report/report.h"

namespace kgen::cmd {
namespace {

struct ComponentFlags {
  AppFlags app;
  std::string format;
  std::string module = "/";
  std::string name;
};

int run_list(const ComponentFlags& flags) {
  const auto format = report::parse_list_format(flags.format);
  const app::App app = app::load_app(app::find_app_root(flags.app.dir));
  std::cout << report::component_list({app::module_named(app, flags.module)}, format);
  return 0;
}

int run_rm(const ComponentFlags& flags) {
  edit::remove_component(app::find_app_root(flags.app.dir), flags.name);
  return 0;
}

}  // namespace

void register_component(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ComponentFlags>();
  CLI::App* component = app.add_subcommand("component", "List and remove components");
  component->require_subcommand(1);
  add_app_flags(component, &flags->app);
  CLI::App* list = component->add_subcommand("list", "List the components of a module");
  list->add_option("-o,--output", flags->format, "Output format: table or json");
  list->add_option("-m,--module", flags->module, "Module (default: the root module, /)");
  add_example(list, "kgen component list --module web -o json");
  list->callback([flags, action] { *action = [flags] { return run_list(*flags); }; });
  CLI::App* rm = component->add_subcommand("rm", "Delete a component: its file and every params entry");
  rm->add_option("name", flags->name, "Component (module components as module.name)")->required();
  add_example(rm, "kgen component rm get-data-job");
  rm->callback([flags, action] { *action = [flags] { return run_rm(*flags); }; });
}

}  // namespace kgen::cmd

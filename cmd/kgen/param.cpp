// kgen param list | diff
#include <iostream>
#include <memory>

#include "app/app.h"
#include "common/error.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "render/render.h"
#include "report/report.h"

namespace kgen::cmd {
namespace {

struct ParamFlags {
  AppFlags app;
  JsonnetFlags jsonnet;
  std::string format;
  std::string environment;
  std::string module;
  std::string component;
  std::string env1, env2;
};

// Keeps only `component`'s row set; an unknown name is an error naming the known ones.
nlohmann::json only_component(const nlohmann::json& params, const std::string& component) {
  if (component.empty()) return params;
  if (!params.contains(component)) {
    std::string known;
    for (auto it = params.begin(); it != params.end(); ++it) known += (known.empty() ? "" : ", ") + it.key();
    throw Error("no parameters for component \"" + component + "\"",
                known.empty() ? "no component has parameters" : "components with parameters: " + known);
  }
  return {{component, params[component]}};
}

int run_list(const ParamFlags& flags) {
  const auto format = report::parse_list_format(flags.format);
  const app::App app = app::load_app(app::find_app_root(flags.app.dir));
  render::ParamsQuery query;
  query.environment = flags.environment;
  query.module = flags.module.empty() ? (flags.environment.empty() ? "/" : "") : flags.module;
  query.jpaths = flags.jsonnet.jpath;
  std::cout << report::param_list(only_component(render::component_params(app, query), flags.component), format);
  return 0;
}

int run_diff(const ParamFlags& flags) {
  const auto format = report::parse_list_format(flags.format);
  const app::App app = app::load_app(app::find_app_root(flags.app.dir));
  render::ParamsQuery query;
  query.module = "";
  query.environment = flags.env1;
  const auto params1 = render::component_params(app, query);
  query.environment = flags.env2;
  const auto params2 = render::component_params(app, query);
  nlohmann::json p1 = params1, p2 = params2;
  if (!flags.component.empty()) {
    p1 = params1.contains(flags.component) ? nlohmann::json{{flags.component, params1[flags.component]}}
                                           : nlohmann::json::object();
    p2 = params2.contains(flags.component) ? nlohmann::json{{flags.component, params2[flags.component]}}
                                           : nlohmann::json::object();
  }
  std::cout << report::param_diff(p1, p2, format);
  return 0;
}

}  // namespace

void register_param(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ParamFlags>();
  CLI::App* param = app.add_subcommand("param", "List and compare component parameters");
  param->require_subcommand(1);
  add_app_flags(param, &flags->app);

  CLI::App* list = param->add_subcommand("list", "List parameters (of one component, or all)");
  list->add_option("component", flags->component, "Only this component");
  list->add_option("--env", flags->environment, "After this environment's overrides");
  list->add_option("-m,--module", flags->module, "Only this module");
  list->add_option("-o,--output", flags->format, "Output format: table or json");
  list->add_option("-J,--jpath", flags->jsonnet.jpath, "Additional Jsonnet library search path")
      ->allow_extra_args(false);
  list->callback([flags, action] { *action = [flags] { return run_list(*flags); }; });

  CLI::App* diff = param->add_subcommand("diff", "Compare the parameters of two environments");
  diff->add_option("env1", flags->env1, "First environment")->required();
  diff->add_option("env2", flags->env2, "Second environment")->required();
  diff->add_option("--component", flags->component, "Only this component");
  diff->add_option("-o,--output", flags->format, "Output format: table or json");
  diff->callback([flags, action] { *action = [flags] { return run_diff(*flags); }; });
}

}  // namespace kgen::cmd

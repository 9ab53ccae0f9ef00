// kgen param list | diff
#include <iostream>
#include <memory>

#include "app/app.h"
#include "common/error.h"
#include "edit/edit.h"
#include "params/params.h"
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
  bool as_string = false;
  bool without_modules = false;
  std::vector<std::string> positionals;  // [COMPONENT] PARAM [VALUE]
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
  query.without_modules = flags.without_modules;
  if (flags.without_modules && flags.environment.empty()) {
    throw Error("--without-modules needs --env", "it lists only the environment's own values");
  }
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

// `param set [COMPONENT] PARAM VALUE` and `param delete [COMPONENT] PARAM`: with --env
// and no component the parameter is one of the environment's globals.
int run_change(const ParamFlags& flags, bool setting) {
  const size_t wanted = setting ? 3 : 2;
  const auto& p = flags.positionals;
  const bool env_global = !flags.environment.empty() && p.size() == wanted - 1;
  if (p.size() != wanted && !env_global) {
    throw Error(std::string("param ") + (setting ? "set" : "delete") + " takes " +
                    (setting ? "[COMPONENT] PARAM VALUE" : "[COMPONENT] PARAM") + ", got " + std::to_string(p.size()) +
                    " arguments",
                flags.environment.empty() ? "name the component (module globals are edited by hand)"
                                          : "check the arguments");
  }
  edit::ParamChange change;
  change.environment = flags.environment;
  size_t next = 0;
  if (!env_global) change.component = p[next++];
  change.param = p[next++];
  if (setting) change.value = params::parse_cli_value(p[next], flags.as_string);
  edit::apply_param_change(app::find_app_root(flags.app.dir), change);
  return 0;
}

}  // namespace

void register_param(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ParamFlags>();
  CLI::App* param = app.add_subcommand("param", "List, set, delete and compare component and environment parameters");
  param->require_subcommand(1);
  add_app_flags(param, &flags->app);

  CLI::App* list = param->add_subcommand("list", "List parameters (of one component, or all)");
  list->add_option("component", flags->component, "Only this component");
  list->add_option("--env", flags->environment, "After this environment's overrides");
  list->add_option("-m,--module", flags->module, "Only this module");
  list->add_flag("--without-modules", flags->without_modules, "With --env: only the environment's own values");
  list->add_option("-o,--output", flags->format, "Output format: table or json");
  list->add_option("-J,--jpath", flags->jsonnet.jpath, "Additional Jsonnet library search path")
      ->allow_extra_args(false);
  add_example(list, "kgen param list pets-pvc --env prod -o json");
  list->callback([flags, action] { *action = [flags] { return run_list(*flags); }; });

  CLI::App* set = param->add_subcommand("set", "Set a parameter: [COMPONENT] PARAM VALUE");
  add_positional_words(set,
                       {{"component", "Component (none with --env: an environment global)"},
                        {"param", "Parameter (a dotted path: a.b.c)"},
                        {"value", "Value: a number, true/false, a JSON array or object, else text"}},
                       &flags->positionals);
  set->add_option("--env", flags->environment, "Set it as this environment's override (or global)");
  set->add_flag("--as-string", flags->as_string, "Keep VALUE as text even if it looks like a number or boolean");
  add_example(set, "kgen param set pets-pvc storage 20Gi\n  kgen param set pets-pvc storage 10Gi --env default");
  set->callback([flags, action] { *action = [flags] { return run_change(*flags, true); }; });

  CLI::App* del = param->add_subcommand("delete", "Delete a parameter: [COMPONENT] PARAM");
  del->alias("unset");
  add_positional_words(del,
                       {{"component", "Component (none with --env: an environment global)"},
                        {"param", "Parameter (a dotted path: a.b.c)"}},
                       &flags->positionals);
  del->add_option("--env", flags->environment, "Delete this environment's override (or global)");
  add_example(del, "kgen param delete pets-pvc storage --env default");
  del->callback([flags, action] { *action = [flags] { return run_change(*flags, false); }; });

  CLI::App* diff = param->add_subcommand("diff", "Compare the parameters of two environments");
  diff->add_option("env1", flags->env1, "First environment")->required();
  diff->add_option("env2", flags->env2, "Second environment")->required();
  diff->add_option("--component", flags->component, "Only this component");
  diff->add_option("-o,--output", flags->format, "Output format: table or json");
  add_example(diff, "kgen param diff default prod --component pets-pvc");
  diff->callback([flags, action] { *action = [flags] { return run_diff(*flags); }; });
}

}  // namespace kgen::cmd

// kgen prototype list | describe | search | preview | use, and kgen generate (= prototype use)
#include <iostream>
#include <map>
#include <memory>

#include "app/app.h"
#include "common/error.h"
#include "edit/components.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "prototype/prototype.h"
#include "report/report.h"

namespace kgen::cmd {
namespace {

struct PrototypeFlags {
  AppFlags app;
  std::string prototype;
  std::string component;
  std::string format;
  std::string module = "/";
  std::string values_file;
  std::vector<std::string> extras;  // the prototype's own --PARAM VALUE flags
};

// Prototypes of the app's installed packages too, when run inside an app.
std::vector<prototype::Prototype> prototypes_for(const AppFlags& flags) {
  std::string root;
  try {
    root = app::find_app_root(flags.dir);
  } catch (const Error&) {
    return prototype::system_prototypes();  // outside an app: kgen's own
  }
  return prototype::all_prototypes(root);
}

std::string listing(const std::vector<prototype::Prototype>& prototypes, const std::string& kind,
                    const std::string& format_name) {
  const auto format = report::parse_list_format(format_name);
  std::vector<std::vector<std::string>> rows;
  std::vector<nlohmann::json> items;
  for (const auto& p : prototypes) {
    rows.push_back({p.name, p.short_description});
    items.push_back({{"name", p.name}, {"description", p.short_description}});
  }
  return format == report::ListFormat::Json ? report::format_json_listing(kind, items)
                                            : report::format_table({"name", "description"}, rows);
}

void check_type(const std::string& type) {
  if (!type.empty() && type != "jsonnet") {
    throw Error("template type '" + type + "' is not available", "the prototypes' template type is jsonnet");
  }
}

// --PARAM VALUE and --PARAM=VALUE pairs, over the --values-file's values.
std::map<std::string, std::string> parameter_values(const PrototypeFlags& flags) {
  std::map<std::string, std::string> values;
  if (!flags.values_file.empty()) values = prototype::read_values_file(flags.values_file);
  const auto& extras = flags.extras;
  for (size_t i = 0; i < extras.size(); ++i) {
    const std::string& arg = extras[i];
    // ks's optional [type] argument after the component name.
    if (i == 0 && (arg == "jsonnet" || arg == "yaml" || arg == "json")) {
      check_type(arg);
      continue;
    }
    if (arg.compare(0, 2, "--") != 0 || arg.size() == 2) {
      throw Error("unexpected argument '" + arg + "'", "prototype parameters are flags: --NAME VALUE or --NAME=VALUE");
    }
    const size_t eq = arg.find('=');
    if (eq != std::string::npos) {
      values[arg.substr(2, eq - 2)] = arg.substr(eq + 1);
    } else if (i + 1 < extras.size()) {
      values[arg.substr(2)] = extras[++i];
    } else {
      throw Error("flag " + arg + " has no value", "write " + arg + " VALUE");
    }
  }
  return values;
}

int run_use(const PrototypeFlags& flags) {
  const std::string root = app::find_app_root(flags.app.dir);
  const auto prototypes = prototype::all_prototypes(root);
  const auto& chosen = prototype::find_prototype(prototypes, flags.prototype);
  const auto expansion = prototype::expand(chosen, flags.component, parameter_values(flags));
  edit::NewComponent component{flags.component, ".jsonnet", expansion.component_text, expansion.params};
  const auto written = edit::add_components(root, flags.module, {component});
  std::cerr << "kgen: Writing component at '" << display_path(written.front()) << "'\n";
  return 0;
}

int run_preview(const PrototypeFlags& flags) {
  const auto prototypes = prototypes_for(flags.app);
  const auto& chosen = prototype::find_prototype(prototypes, flags.prototype);
  std::cout << prototype::expand(chosen, "preview", parameter_values(flags)).component_text << "\n";
  return 0;
}

void add_use_flags(CLI::App* command, const std::shared_ptr<PrototypeFlags>& flags) {
  command->add_option("prototype", flags->prototype, "Prototype: its full name or the end of it")->required();
  command->add_option("component", flags->component, "Name of the new component")->required();
  command->add_option("--module", flags->module, "Module to add the component to (default: the root module, /)");
  command->add_option("--values-file", flags->values_file, "Jsonnet or JSON file with parameter values");
  command->allow_extras();
  add_example(command,
              "kgen generate deployed-service web --image nginx --replicas 2\n"
              "  kgen prototype use single-port-service web-svc --targetLabelSelector \"{app: 'web'}\" --module front");
}

}  // namespace

void register_prototype(CLI::App& app, Action* action) {
  auto flags = std::make_shared<PrototypeFlags>();
  CLI::App* proto = app.add_subcommand("prototype", "List, search, describe, preview and use prototypes");
  proto->require_subcommand(1);
  add_app_flags(proto, &flags->app);

  CLI::App* list = proto->add_subcommand("list", "List the system prototypes and those of installed packages");
  list->add_option("-o,--output", flags->format, "Output format: table or json");
  add_example(list, "kgen prototype list -o json");
  list->callback([flags, action] {
    *action = [flags] {
      std::cout << listing(prototypes_for(flags->app), "prototypeList", flags->format);
      return 0;
    };
  });

  CLI::App* describe = proto->add_subcommand("describe", "Show a prototype's description and parameters");
  describe->add_option("prototype", flags->prototype, "Prototype: its full name or the end of it")->required();
  add_example(describe, "kgen prototype describe deployed-service");
  describe->callback([flags, action] {
    *action = [flags] {
      std::cout << prototype::describe(prototype::find_prototype(prototypes_for(flags->app), flags->prototype));
      return 0;
    };
  });

  CLI::App* search = proto->add_subcommand("search", "List the prototypes whose name contains TEXT");
  search->add_option("text", flags->prototype, "Part of a prototype's name")->required();
  search->add_option("-o,--output", flags->format, "Output format: table or json");
  add_example(search, "kgen prototype search service");
  search->callback([flags, action] {
    *action = [flags] {
      std::cout << listing(prototype::search_prototypes(prototypes_for(flags->app), flags->prototype),
                           "prototypeSearch", flags->format);
      return 0;
    };
  });

  CLI::App* preview = proto->add_subcommand("preview", "Print the component a prototype would make (Jsonnet)");
  preview->add_option("prototype", flags->prototype, "Prototype: its full name or the end of it")->required();
  preview->add_option("--values-file", flags->values_file, "Jsonnet or JSON file with parameter values");
  preview->allow_extras();
  // Its own --dir: the group's would be taken for a --PARAM here (see main.cpp).
  preview->add_option("--dir", flags->app.dir, "Folder inside the app (default: the current folder)");
  add_example(preview, "kgen prototype preview single-port-deployment --name nginx --image nginx");
  preview->callback([flags, action, preview] {
    flags->extras = preview->remaining();
    *action = [flags] { return run_preview(*flags); };
  });

  CLI::App* use = proto->add_subcommand("use", "Make a component (and its params entry) from a prototype");
  add_use_flags(use, flags);
  use->add_option("--dir", flags->app.dir, "Folder inside the app (default: the current folder)");
  use->callback([flags, action, use] {
    flags->extras = use->remaining();
    *action = [flags] { return run_use(*flags); };
  });
}

void register_generate(CLI::App& app, Action* action) {
  auto flags = std::make_shared<PrototypeFlags>();
  CLI::App* generate = app.add_subcommand("generate", "Make a component from a prototype (= prototype use)");
  add_app_flags(generate, &flags->app);
  add_use_flags(generate, flags);
  generate->callback([flags, action, generate] {
    flags->extras = generate->remaining();
    *action = [flags] { return run_use(*flags); };
  });
}

}  // namespace kgen::cmd

// kgen registry add | list | describe | set
#include <iostream>
#include <memory>

#include "app/app.h"
#include "edit/packages.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "registry/registry.h"
#include "report/report.h"

namespace kgen::cmd {
namespace {

struct RegistryFlags {
  AppFlags app;
  std::string name;
  std::string uri;
  std::string format;
  bool override = false;
};

int run_list(const RegistryFlags& flags) {
  const auto format = report::parse_list_format(flags.format);
  const auto registries = registry::app_registries(app::find_app_root(flags.app.dir));
  std::vector<std::vector<std::string>> rows;
  std::vector<nlohmann::json> items;
  for (const auto& r : registries) {
    const std::string mark = r.overridden ? "*" : "";
    rows.push_back({r.name, mark, r.protocol, r.uri});
    items.push_back({{"name", r.name}, {"override", mark}, {"protocol", r.protocol}, {"uri", r.uri}});
  }
  std::cout << (format == report::ListFormat::Json ? report::format_json_listing("registryList", items)
                                                   : report::format_table({"name", "override", "protocol", "uri"}, rows));
  return 0;
}

int run_describe(const RegistryFlags& flags) {
  const std::string root = app::find_app_root(flags.app.dir);
  std::cout << registry::describe_registry(root, registry::find_registry(registry::app_registries(root), flags.name));
  return 0;
}

}  // namespace

void register_registry(CLI::App& app, Action* action) {
  auto flags = std::make_shared<RegistryFlags>();
  CLI::App* reg = app.add_subcommand("registry", "Add, list, describe and change package registries");
  reg->require_subcommand(1);
  add_app_flags(reg, &flags->app);

  CLI::App* add = reg->add_subcommand("add", "Add a registry: a folder holding registry.yaml (or a GitHub URI)");
  add->add_option("name", flags->name, "Registry name")->required();
  add->add_option("uri", flags->uri, "Folder (relative to the app's root, or absolute) or github.com/ORG/REPO/tree/REF/PATH")
      ->required();
  add->add_flag("-o,--override", flags->override, "Record it in app.override.yaml instead of app.yaml");
  add_example(add, "kgen registry add kubeflow ../kubeflow/kubeflow   # a local clone, read offline");
  add->callback([flags, action] {
    *action = [flags] {
      edit::add_registry(app::find_app_root(flags->app.dir), flags->name, flags->uri, flags->override);
      return 0;
    };
  });

  CLI::App* list = reg->add_subcommand("list", "List the app's registries");
  list->add_option("-o,--output", flags->format, "Output format: table or json");
  add_example(list, "kgen registry list -o json");
  list->callback([flags, action] { *action = [flags] { return run_list(*flags); }; });

  CLI::App* describe = reg->add_subcommand("describe", "Show a registry's URI, protocol and packages");
  describe->add_option("name", flags->name, "Registry")->required();
  add_example(describe, "kgen registry describe kubeflow");
  describe->callback([flags, action] { *action = [flags] { return run_describe(*flags); }; });

  CLI::App* set = reg->add_subcommand("set", "Point a registry at another URI");
  set->add_option("name", flags->name, "Registry")->required();
  set->add_option("--uri", flags->uri, "New folder or GitHub URI")->required();
  add_example(set, "kgen registry set incubator --uri ../parts/incubator");
  set->callback([flags, action] {
    *action = [flags] {
      edit::set_registry_uri(app::find_app_root(flags->app.dir), flags->name, flags->uri);
      return 0;
    };
  });
}

}  // namespace kgen::cmd

// kgen pkg install | list | describe | remove
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

struct PkgFlags {
  AppFlags app;
  std::string package;
  std::string format;
  bool installed = false;
  edit::InstallOptions install;
};

int run_install(const PkgFlags& flags) {
  const auto result = edit::install_package(app::find_app_root(flags.app.dir), flags.package, flags.install);
  if (!result.recorded) {
    std::cerr << "kgen: " << result.library << " is already installed\n";
  } else if (result.files > 0) {
    std::cerr << "kgen: Retrieved " << result.files << " files\n";
  }
  return 0;
}

int run_list(const PkgFlags& flags) {
  const auto format = report::parse_list_format(flags.format);
  const app::App app = app::load_app(app::find_app_root(flags.app.dir));
  std::vector<std::string> warnings;
  const auto rows = registry::package_rows(app, flags.installed, &warnings);
  for (const auto& w : warnings) print_warning(w);
  std::vector<std::vector<std::string>> table;
  std::vector<nlohmann::json> items;
  for (const auto& r : rows) {
    table.push_back({r.registry, r.name, r.version, r.installed, r.environments});
    items.push_back({{"registry", r.registry},
                     {"name", r.name},
                     {"version", r.version},
                     {"installed", r.installed},
                     {"environments", r.environments}});
  }
  std::cout << (format == report::ListFormat::Json
                    ? report::format_json_listing("pkgList", items)
                    : report::format_table({"registry", "name", "version", "installed", "environments"}, table));
  return 0;
}

}  // namespace

void register_pkg(CLI::App& app, Action* action) {
  auto flags = std::make_shared<PkgFlags>();
  CLI::App* pkg = app.add_subcommand("pkg", "Install, list, describe and remove packages from registries");
  pkg->require_subcommand(1);
  add_app_flags(pkg, &flags->app);

  CLI::App* install = pkg->add_subcommand("install", "Install a package into vendor/ and record it in app.yaml");
  install->alias("get");
  install->add_option("package", flags->package, "REGISTRY/PACKAGE[@VERSION] (GitHub registries: VERSION is a branch, tag or commit)")
      ->required();
  install->add_option("--env", flags->install.env, "Record it in this environment's libraries instead of the app's");
  install->add_option("--name", flags->install.name, "The package's own name only (ks 0.13.1 failed on any other)");
  install->add_flag("--force", flags->install.force, "Copy the package's files again even when it is installed");
  add_example(install,
              "kgen pkg install kubeflow/tf-serving\n  kgen pkg install --env stage incubator/nginx@40285d8a14f1ac5787e405e1023cf0c07f6aa28c\n"
              "  kgen generate tf-serving serving --name=inception");
  install->callback([flags, action] { *action = [flags] { return run_install(*flags); }; });

  CLI::App* list = pkg->add_subcommand("list", "List the packages of the app's registries, and the installed ones");
  list->add_flag("--installed", flags->installed, "Only the installed packages");
  list->add_option("-o,--output", flags->format, "Output format: table or json");
  add_example(list, "kgen pkg list --installed");
  list->callback([flags, action] { *action = [flags] { return run_list(*flags); }; });

  CLI::App* describe = pkg->add_subcommand("describe", "Show a package's description");
  describe->add_option("package", flags->package, "[REGISTRY/]PACKAGE")->required();
  add_example(describe, "kgen pkg describe kubeflow/tf-serving");
  describe->callback([flags, action] {
    *action = [flags] {
      std::cout << registry::describe_package(app::load_app(app::find_app_root(flags->app.dir)), flags->package);
      return 0;
    };
  });

  CLI::App* remove = pkg->add_subcommand("remove", "Remove an installed package: its vendor/ folder and app.yaml entry");
  remove->add_option("package", flags->package, "[REGISTRY/]PACKAGE")->required();
  remove->add_option("--env", flags->install.env, "Remove it from this environment's libraries instead of the app's");
  add_example(remove, "kgen pkg remove kubeflow/tf-serving\n  kgen pkg remove incubator/nginx --env stage");
  remove->callback([flags, action] {
    *action = [flags] {
      edit::remove_package(app::find_app_root(flags->app.dir), flags->package, flags->install.env);
      std::cerr << "kgen: Removing package " << flags->package << "\n";
      return 0;
    };
  });
}

}  // namespace kgen::cmd

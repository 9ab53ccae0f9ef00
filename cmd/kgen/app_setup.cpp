// kgen init | upgrade
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/app.h"
#include "edit/edit.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "kgen/kube_version.h"
#include "kgen/library_setup.h"
#include "kube/kubeconfig.h"

namespace kgen::cmd {

void register_app_setup(CLI::App& app, Action* action) {
  auto init = std::make_shared<edit::InitOptions>();
  CLI::App* init_cmd = app.add_subcommand("init", "Create a new app with one environment (offline)");
  init_cmd->add_option("name", init->name, "App name")->required();
  init_cmd->add_option("--dir", init->dir, "Folder to create (default: ./NAME)");
  auto context = std::make_shared<std::string>();
  auto kubeconfig = std::make_shared<std::string>();
  init_cmd->add_option("--server", init->server, "API server of the first environment");
  init_cmd->add_option("--context", *context, "Take the server (and namespace) from this kubeconfig context");
  init_cmd->add_option("--kubeconfig", *kubeconfig, "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config)");
  init_cmd->add_option("--namespace", init->ns, "Its namespace (default: default)");
  init_cmd->add_option("--env", init->env_name, "Its name (default: default)");
  init_cmd->add_option("--api-spec", init->api_spec, "Kubernetes version: version:vX.Y.Z or file:swagger.json");
  init_cmd->add_flag("--skip-default-registries", init->skip_default_registries, "Do not list the incubator registry");
  add_example(init_cmd, "kgen init my-app --context=$(kubectl config current-context) --namespace kubeflow");
  init_cmd->callback([init, context, kubeconfig, action] {
    *action = [init, context, kubeconfig] {
      edit::InitOptions options = *init;
      if (options.server.empty()) {
        // As ks init: the server of a kubeconfig context (the current one by default).
        const auto target = kube::resolve_context(kube::kubeconfig_files(*kubeconfig), *context);
        options.server = target.server;
        if (options.ns.empty()) options.ns = target.ns;
      }
      std::cerr << "kgen: created " << edit::init_app(options) << "\n";
      return 0;
    };
  });

  auto fmt_paths = std::make_shared<std::vector<std::string>>();
  auto fmt_check = std::make_shared<bool>(false);
  CLI::App* fmt = app.add_subcommand("fmt", "Format Jsonnet files (default: the app's own)");
  fmt->add_option("paths", *fmt_paths, "Files or folders");
  fmt->add_flag("--check", *fmt_check, "Only list the files that would change; exit 1 if any");
  add_example(fmt, "kgen fmt --check");
  fmt->callback([fmt_paths, fmt_check, action] {
    *action = [fmt_paths, fmt_check] {
      std::vector<std::string> paths = *fmt_paths;
      if (paths.empty()) {
        const std::string root = app::find_app_root(".");
        for (const char* dir : {"components", "environments", "lib"}) {
          if (std::filesystem::is_directory(root + "/" + dir)) paths.push_back(root + "/" + dir);
        }
      }
      const auto result = edit::format_files(paths, *fmt_check);
      for (const auto& file : result.changed) std::cout << file << "\n";
      return *fmt_check && !result.changed.empty() ? 1 : 0;
    };
  });

  auto migrate_dir = std::make_shared<std::string>(".");
  auto migrate_write = std::make_shared<bool>(false);
  auto migrate_kube = std::make_shared<KubeVersionFlags>();
  auto migrate_envs = std::make_shared<std::vector<std::string>>();
  CLI::App* migrate = app.add_subcommand("migrate", "Check an existing ks app for kgen and print a checklist");
  migrate->add_option("dir", *migrate_dir, "The app (default: the current folder)");
  migrate->add_flag("--write", *migrate_write, "Also do the safe steps: upgrade, missing environment folders");
  add_kube_version_flags(migrate, migrate_kube.get());
  migrate->add_option("--env", *migrate_envs, "With --kube-version: only this environment (repeatable)")
      ->allow_extra_args(false);
  add_example(migrate, "kgen migrate examples/object_detection/ks-app --write\n  kgen migrate --kube-version 1.29");
  migrate->callback([migrate_dir, migrate_write, migrate_kube, migrate_envs, action] {
    *action = [migrate_dir, migrate_write, migrate_kube, migrate_envs] {
      if (!migrate_kube->version.empty()) {
        return explain_conversion(app::find_app_root(*migrate_dir), *migrate_kube, *migrate_envs);
      }
      const auto report = edit::migrate_app(app::find_app_root(*migrate_dir), *migrate_write);
      for (const auto& line : report.lines) std::cout << line << "\n";
      return report.ready ? 0 : 1;
    };
  });

  auto flags = std::make_shared<AppFlags>();
  auto dry_run = std::make_shared<bool>(false);
  CLI::App* upgrade = app.add_subcommand("upgrade", "Rewrite an older ks app (0.0.1 to 0.2.0) as apiVersion 0.3.0");
  upgrade->add_flag("--dry-run", *dry_run, "Only print what would change");
  add_app_flags(upgrade, flags.get());
  add_example(upgrade, "kgen upgrade --dry-run");
  upgrade->callback([flags, dry_run, action] {
    *action = [flags, dry_run] {
      const std::string root = app::find_app_root(flags->dir);
      for (const auto& line : edit::upgrade_app(root, *dry_run)) std::cout << line << "\n";
      if (!*dry_run) {
        // Every environment's Kubernetes version gets its library, when the spec cache has it.
        const app::App upgraded = app::load_app(root);
        for (const auto& [name, environment] : upgraded.environments) ensure_environment_library(upgraded, environment);
      }
      return 0;
    };
  });
}

}  // namespace kgen::cmd

// kgen env list | current | describe | add | rm | set | targets | update
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "edit/edit.h"
#include "encoding/go_yaml.h"
#include "kgen/app_flags.h"
#include "kube/kubeconfig.h"
#include "kgen/commands.h"
#include "kgen/library_setup.h"
#include "report/report.h"

namespace kgen::cmd {
namespace {

struct EnvFlags {
  AppFlags app;
  std::string format;
  std::string name;
  std::string set;
  bool unset = false;
  std::string server;
  std::string ns;
  std::string api_spec;
  std::string new_name;
  std::vector<std::string> modules;
  std::string context;
  std::string kubeconfig;
  bool override = false;  // ks's -o: app.override.yaml
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

// Each line of `text` indented by two spaces.
std::string indented(const std::string& text) {
  std::string out;
  size_t begin = 0;
  while (begin < text.size()) {
    const size_t end = text.find('\n', begin);
    out += "  " + text.substr(begin, end - begin) + "\n";
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  return out;
}

// ks printed its EnvironmentConfig struct through go-yaml: its fields in declaration
// order with lower-cased names, `targets: []` and `libraries: {}` when empty.
int run_describe(const EnvFlags& flags) {
  const app::App app = load(flags);
  const app::Environment& env = app::select_environment(app, flags.name);
  using nlohmann::json;
  nlohmann::json libraries = nlohmann::json::object();
  for (const auto& [key, lib] : env.libraries) {
    libraries[key] = {{"name", lib.name}, {"registry", lib.registry}, {"version", lib.version}};
  }
  std::cout << encoding::to_go_yaml(json{{"name", env.name}}) +
                   encoding::to_go_yaml(json{{"kubernetesversion", env.k8s_version}}) +
                   encoding::to_go_yaml(json{{"path", env.path}}) + "destination:\n" +
                   indented(encoding::to_go_yaml(json{{"server", env.server}})) +
                   indented(encoding::to_go_yaml(json{{"namespace", env.ns}})) +
                   encoding::to_go_yaml(json{{"targets", env.targets.empty() ? json::array() : json(env.targets)}}) +
                   encoding::to_go_yaml(json{{"libraries", libraries}});
  return 0;
}

int run_add(const EnvFlags& flags) {
  edit::NewEnvironment env;
  env.name = flags.name;
  env.server = flags.server;
  if (!flags.server.empty() && !flags.context.empty()) {
    throw Error("--server and --context together", "give one: the context's cluster names the server");
  }
  if (flags.server.empty()) {
    // The server (and namespace) of a kubeconfig context: --context, else the current one.
    const auto target = kube::resolve_context(kube::kubeconfig_files(flags.kubeconfig), flags.context);
    std::cerr << "kgen: Using context \"" << target.context << "\" from kubeconfig file \""
              << display_path(target.file) << "\"\n";
    env.server = target.server;
    if (!target.ns.empty()) env.ns = target.ns;
  }
  if (!flags.ns.empty()) env.ns = flags.ns;
  env.api_spec = flags.api_spec;
  env.override = flags.override;
  const std::string root = app::find_app_root(flags.app.dir);
  // The library is generated before the environment is added, so a bad spec changes nothing.
  const auto library = prepare_library_for(root, flags.api_spec);
  const std::string created = edit::add_environment(root, env);  // may throw: print nothing before
  std::cerr << "kgen: " << created << "\n";
  commit_prepared_library(library);
  return 0;
}

int run_rm(const EnvFlags& flags) {
  edit::remove_environment(app::find_app_root(flags.app.dir), flags.name, flags.override);
  return 0;
}

int run_set(const EnvFlags& flags) {
  edit::EnvironmentUpdate update;
  update.name = flags.name;
  if (!flags.new_name.empty()) update.new_name = flags.new_name;
  if (!flags.ns.empty()) update.ns = flags.ns;
  if (!flags.server.empty()) update.server = flags.server;
  if (!flags.api_spec.empty()) update.api_spec = flags.api_spec;
  update.override = flags.override;
  const std::string root = app::find_app_root(flags.app.dir);
  const auto library = flags.api_spec.empty() ? std::nullopt : prepare_library_for(root, flags.api_spec);
  edit::update_environment(root, update);
  commit_prepared_library(library);
  return 0;
}

// ks env update ENV: regenerates the environment's ksonnet-lib in the app, as ks did (it
// touched nothing else: packages stay as installed).
int run_update(const EnvFlags& flags) {
  const app::App app = load(flags);
  const app::Environment& environment = app::select_environment(app, flags.name);
  if (!environment.legacy_metadata_dir.empty() || environment.k8s_version.empty()) {
    throw Error("environment \"" + environment.name + "\" has no Kubernetes version of its own (an app before 0.3.0)",
                "run `kgen upgrade` first");
  }
  commit_prepared_library(k8slib::regenerate_library(app.root, environment.k8s_version));
  return 0;
}

int run_targets(const EnvFlags& flags) {
  edit::set_environment_targets(app::find_app_root(flags.app.dir), flags.name, flags.modules, flags.override);
  return 0;
}

}  // namespace

void register_env(CLI::App& app, Action* action) {
  auto flags = std::make_shared<EnvFlags>();
  CLI::App* env = app.add_subcommand("env", "Add, change, remove and inspect environments");
  env->require_subcommand(1);
  add_app_flags(env, &flags->app);

  CLI::App* list = env->add_subcommand("list", "List environments");
  list->add_option("-o,--output", flags->format, "Output format: table or json");
  add_example(list, "kgen env list -o json");
  list->callback([flags, action] { *action = [flags] { return run_list(*flags); }; });

  CLI::App* current = env->add_subcommand("current", "Show, set or unset the current environment (.ks_environment)");
  current->add_option("--set", flags->set, "Make this environment the current one");
  current->add_flag("--unset", flags->unset, "Forget the current environment");
  add_example(current, "kgen env current --set prod");
  current->callback([flags, action] { *action = [flags] { return run_current(*flags); }; });

  CLI::App* add = env->add_subcommand("add", "Add an environment");
  add->add_option("name", flags->name, "Environment name")->required();
  add->add_option("--server", flags->server, "The cluster's API server URL");
  add->add_option("--context", flags->context, "Take the server (and namespace) from this kubeconfig context");
  add->add_option("--kubeconfig", flags->kubeconfig, "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config)");
  add->add_option("--namespace", flags->ns, "Namespace (default: default)");
  add->add_option("--api-spec", flags->api_spec, "Kubernetes version: version:vX.Y.Z or file:swagger.json");
  add->add_flag("-o,--override", flags->override, "Record it in app.override.yaml (local, gitignored), even over app.yaml's");
  add_example(add, "kgen env add prod --server https://10.0.0.1:6443 --namespace kubeflow\n  kgen env add lab --context=$(kubectl config current-context)");
  add->callback([flags, action] { *action = [flags] { return run_add(*flags); }; });

  CLI::App* rm = env->add_subcommand("rm", "Remove an environment and its folder");
  rm->add_option("name", flags->name, "Environment")->required();
  rm->add_flag("-o,--override", flags->override, "Remove its app.override.yaml entry only");
  add_example(rm, "kgen env rm staging");
  rm->callback([flags, action] { *action = [flags] { return run_rm(*flags); }; });

  CLI::App* set = env->add_subcommand("set", "Rename an environment or change its namespace or server");
  set->add_option("name", flags->name, "Environment")->required();
  set->add_option("--name", flags->new_name, "New name (moves its folder)");
  set->add_option("--namespace", flags->ns, "New namespace");
  set->add_option("--server", flags->server, "New API server URL");
  set->add_option("--api-spec", flags->api_spec, "New Kubernetes version: version:vX.Y.Z or file:swagger.json");
  set->add_flag("-o,--override", flags->override, "Change it in app.override.yaml (starting from the environment as it is)");
  add_example(set, "kgen env set prod --name production --namespace prd");
  set->callback([flags, action] { *action = [flags] { return run_set(*flags); }; });

  CLI::App* update = env->add_subcommand("update", "Generate an environment's ksonnet-lib again (lib/ksonnet-lib/<version>/)");
  update->add_option("name", flags->name, "Environment")->required();
  add_example(update, "kgen env update default");
  update->callback([flags, action] { *action = [flags] { return run_update(*flags); }; });

  CLI::App* targets = env->add_subcommand("targets", "Set the modules an environment renders");
  targets->add_option("name", flags->name, "Environment")->required();
  targets->add_option("--module", flags->modules, "Module (repeatable; / for the root module)")
      ->allow_extra_args(false);
  targets->add_flag("-o,--override", flags->override, "Set them in app.override.yaml (starting from the environment as it is)");
  add_example(targets, "kgen env targets prod --module / --module web");
  targets->callback([flags, action] { *action = [flags] { return run_targets(*flags); }; });

  CLI::App* describe = env->add_subcommand("describe", "Show an environment's settings");
  describe->add_option("name", flags->name, "Environment")->required();
  add_example(describe, "kgen env describe default");
  describe->callback([flags, action] { *action = [flags] { return run_describe(*flags); }; });
}

}  // namespace kgen::cmd

// kgen argocd discover | generate | parameters: the commands of Argo CD's config
// management plugin (deploy/argocd/plugin.yaml). Argo CD's cmp-server runs them in a
// copy of the Application's source folder; they read its ARGOCD_* variables, print
// only manifests (or JSON) on stdout, and on error one line on stderr.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include "app/app.h"
#include "argocd/argocd.h"
#include "common/error.h"
#include "common/files.h"
#include "convert/convert.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "kgen/library_setup.h"
#include "render/render.h"

namespace kgen::cmd {
namespace {

std::string env_var(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

// Argo CD shows a failed command's stderr to the user: one line, the Jsonnet stack
// left out, and nothing on stdout.
int one_line_errors(const std::function<int()>& body) {
  try {
    return body();
  } catch (const Error& e) {
    std::cerr << "kgen: error: " << e.one_line() << "\n";
    return 1;
  }
}

struct Session {
  app::App app;
  std::vector<argocd::Parameter> parameters;
  const app::Environment* environment = nullptr;
};

Session open_session(const AppFlags& flags) {
  Session session;
  session.app = app::load_app(app::find_app_root(flags.dir));
  session.parameters = argocd::parse_parameters(env_var("ARGOCD_APP_PARAMETERS"));
  session.environment = &argocd::choose_environment(session.app, session.parameters, env_var("ARGOCD_ENV_KGEN_ENV"));
  return session;
}

nlohmann::json current_params(const Session& session) {
  render::ParamsQuery query;
  query.environment = session.environment->name;
  query.module = "";
  return render::component_params(session.app, query);
}

int run_discover(const AppFlags& flags) {
  // Argo CD takes the plugin when this prints something and exits 0.
  if (argocd::is_ksonnet_app(flags.dir)) std::cout << join_path(flags.dir, "app.yaml") << "\n";
  return 0;
}

int run_generate(const AppFlags& flags) {
  const Session session = open_session(flags);
  const app::Environment& env = *session.environment;
  std::optional<nlohmann::json> current;
  render::RenderOptions options;
  options.environment = env.name;
  options.overrides = argocd::overrides_from_parameters(session.parameters, [&]() -> const nlohmann::json& {
    if (!current) current = current_params(session);
    return *current;
  });
  options.cache_dir = default_cache_dir();
  use_cached_library(session.app, env, &options);
  render::RenderResult result = render::render_environment(session.app, options);
  for (const auto& warning : result.warnings) print_warning(warning);
  // The environment's kubeVersion, else the cluster's version Argo CD passes.
  convert::TargetSources sources;
  sources.argocd_kube_version = env_var("KUBE_VERSION");
  sources.argocd_api_versions = env_var("KUBE_API_VERSIONS");
  if (const auto target = convert::choose_target(sources, env)) {
    result.objects = convert::convert_objects(std::move(result.objects), *target);
  }
  const std::string destination = env_var("ARGOCD_APP_NAMESPACE");
  if (!destination.empty() && !env.ns.empty() && destination != env.ns) {
    print_warning("the Application's destination namespace " + destination + " is not environment " + env.name +
                  "'s namespace " + env.ns + ": objects without a namespace go to " + destination);
  }
  std::cout << render::format_objects(result.objects, render::Format::Yaml) << std::flush;
  return 0;
}

int run_parameters(const AppFlags& flags) {
  const Session session = open_session(flags);
  std::cout << argocd::announcement(session.app, session.environment->name, current_params(session)).dump() << "\n";
  return 0;
}

}  // namespace

void register_argocd(CLI::App& app, Action* action) {
  CLI::App* argocd = app.add_subcommand("argocd", "Argo CD config management plugin commands (deploy/argocd/plugin.yaml)");
  argocd->require_subcommand(1);
  auto flags = std::make_shared<AppFlags>();
  const auto add = [&](const char* name, const char* help, int (*run)(const AppFlags&)) {
    CLI::App* command = argocd->add_subcommand(name, help);
    add_app_flags(command, flags.get());
    command->callback([flags, action, run] { *action = [flags, run] { return one_line_errors([&] { return run(*flags); }); }; });
  };
  add("discover", "Print app.yaml when the folder is a ks app (kind ksonnet.io/app), else nothing", run_discover);
  add("generate",
      "Print the manifests of $ARGOCD_ENV_KGEN_ENV (default: the only environment) with $ARGOCD_APP_PARAMETERS applied",
      run_generate);
  add("parameters", "Print Argo CD's parameter announcement: the environment and each component's parameters",
      run_parameters);
}

}  // namespace kgen::cmd

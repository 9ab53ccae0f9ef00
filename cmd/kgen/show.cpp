// kgen show [ENV] [-c COMPONENT]... [-o yaml|json] [--set C.P=V]... [--params-file FILE]...
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <memory>

#include "app/app.h"
#include "common/error.h"
#include "common/files.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "kgen/kube_version.h"
#include "kgen/library_setup.h"
#include "params/params.h"
#include "render/render.h"

namespace kgen::cmd {
namespace {

struct ShowFlags {
  AppFlags app;
  JsonnetFlags jsonnet;
  KubeVersionFlags kube_version;
  std::string environment;
  std::vector<std::string> components;
  std::string format = "yaml";
  bool no_cache = false;
  std::string cache_dir;
  std::vector<std::string> params_files;
  std::vector<std::string> sets;
};

// --params-file FILE (JSON; "-" reads stdin), then --set COMPONENT.PARAM=VALUE, typed
// as `param set` types values: later ones win.
std::vector<render::ParamOverride> overrides_from_flags(const ShowFlags& flags) {
  std::vector<render::ParamOverride> overrides;
  for (const auto& file : flags.params_files) {
    const std::string text = file == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), {}) : read_file(file);
    for (auto& o : render::overrides_from_json(text, file == "-" ? "<stdin>" : display_path(file))) {
      overrides.push_back(std::move(o));
    }
  }
  for (const auto& set : flags.sets) {
    const auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw Error("--set " + set + ": no value", "write --set COMPONENT.PARAM=VALUE");
    }
    try {
      overrides.push_back({set.substr(0, eq), params::parse_cli_value(set.substr(eq + 1), false), "--set"});
    } catch (const Error& e) {
      throw Error("--set " + set + ": " + e.message(), e.hint());
    }
  }
  return overrides;
}

// --cache-dir, else kgen's cache folder ($KGEN_CACHE_DIR, ...).
std::string cache_dir_for(const ShowFlags& flags) {
  if (flags.no_cache) return {};
  return flags.cache_dir.empty() ? default_cache_dir() : flags.cache_dir;
}

int run_show(const ShowFlags& flags) {
  render::RenderOptions options;
  options.environment = flags.environment;
  options.components = flags.components;
  options.cache_dir = cache_dir_for(flags);
  options.overrides = overrides_from_flags(flags);
  apply_jsonnet_flags(flags.jsonnet, &options);
  const render::Format format = render::parse_format(flags.format);

  const app::App app = app::load_app(app::find_app_root(flags.app.dir));
  const app::Environment& env = app::select_environment(app, options.environment);
  use_cached_library(app, env, &options);
  render::RenderResult result = render::render_environment(app, options);
  for (const auto& warning : result.warnings) print_warning(warning);
  const auto objects = convert_for_target(flags.kube_version, env, std::move(result.objects));
  std::cout << render::format_objects(objects, format) << std::flush;
  return 0;
}

}  // namespace

void register_show(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ShowFlags>();
  CLI::App* show = app.add_subcommand("show", "Print an environment's manifests as ks show did");
  show->add_option("env", flags->environment, "Environment (default: the current one, .ks_environment)");
  show->add_option("-c,--component", flags->components, "Only this component (repeatable)")
      ->allow_extra_args(false);  // one value per flag, as ks took them
  show->add_option("-o,--format", flags->format, "Output format: yaml or json")->capture_default_str();
  show->add_flag("--no-cache", flags->no_cache, "Evaluate even when an unchanged render is cached");
  show->add_option("--cache-dir", flags->cache_dir, "Render cache folder (default: $KGEN_CACHE_DIR or ~/.cache/kgen)");
  show->add_option("--set", flags->sets,
                   "Override a parameter for this render only: COMPONENT.PARAM=VALUE, typed as param set types it "
                   "(repeatable)")
      ->allow_extra_args(false);
  show->add_option("--params-file", flags->params_files,
                   "Override parameters for this render only from JSON {\"COMPONENT\": {\"PARAM\": VALUE}} (- reads stdin)")
      ->allow_extra_args(false);
  add_app_flags(show, &flags->app);
  add_jsonnet_flags(show, &flags->jsonnet);
  add_kube_version_flags(show, &flags->kube_version);
  add_example(show, "kgen show default -c pets-pvc -o json\n  kgen show default --kube-version 1.29");
  show->callback([flags, action] { *action = [flags] { return run_show(*flags); }; });
}

}  // namespace kgen::cmd

// kgen show [ENV] [-c COMPONENT]... [-o yaml|json]
#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/app.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "kgen/library_setup.h"
#include "render/render.h"

namespace kgen::cmd {
namespace {

struct ShowFlags {
  AppFlags app;
  JsonnetFlags jsonnet;
  std::string environment;
  std::vector<std::string> components;
  std::string format = "yaml";
  bool no_cache = false;
  std::string cache_dir;
};

// --cache-dir, else $KGEN_CACHE_DIR, else $XDG_CACHE_HOME/kgen, else ~/.cache/kgen.
std::string cache_dir_for(const ShowFlags& flags) {
  if (flags.no_cache) return {};
  if (!flags.cache_dir.empty()) return flags.cache_dir;
  if (const char* dir = std::getenv("KGEN_CACHE_DIR"); dir != nullptr && *dir != '\0') return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') return std::string(xdg) + "/kgen";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') return std::string(home) + "/.cache/kgen";
  return {};
}

int run_show(const ShowFlags& flags) {
  render::RenderOptions options;
  options.environment = flags.environment;
  options.components = flags.components;
  options.cache_dir = cache_dir_for(flags);
  apply_jsonnet_flags(flags.jsonnet, &options);
  const render::Format format = render::parse_format(flags.format);

  const app::App app = app::load_app(app::find_app_root(flags.app.dir));
  ensure_environment_library(app, app::select_environment(app, options.environment));
  const render::RenderResult result = render::render_environment(app, options);
  for (const auto& warning : result.warnings) print_warning(warning);
  std::cout << render::format_objects(result.objects, format) << std::flush;
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
  add_app_flags(show, &flags->app);
  add_jsonnet_flags(show, &flags->jsonnet);
  add_example(show, "kgen show default -c pets-pvc -o json");
  show->callback([flags, action] { *action = [flags] { return run_show(*flags); }; });
}

}  // namespace kgen::cmd

// kgen golden update | check
#include <iostream>
#include <memory>

#include "app/app.h"
#include "golden/golden.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"
#include "kgen/kube_version.h"
#include "kgen/library_setup.h"
#include "render/render.h"
#include "report/report.h"

namespace kgen::cmd {
namespace {

struct GoldenFlags {
  AppFlags app;
  KubeVersionFlags kube_version;
  std::vector<std::string> environments;
  bool include_secrets = false;
  bool prune = false;
  std::string format;
};

// The environments named, or all of them.
std::vector<std::string> environments_of(const app::App& app, const GoldenFlags& flags) {
  if (!flags.environments.empty()) return flags.environments;
  std::vector<std::string> all;
  for (const auto& [name, env] : app.environments) all.push_back(name);
  return all;
}

std::vector<golden::GoldenFile> render_files(const app::App& app, const std::string& env, const GoldenFlags& flags) {
  render::RenderOptions options;
  options.environment = env;
  const app::Environment& environment = app::select_environment(app, env);
  use_cached_library(app, environment, &options);
  render::RenderResult result = render::render_environment(app, options);
  for (const auto& warning : result.warnings) print_warning(warning);
  return golden::golden_files(convert_for_target(flags.kube_version, environment, std::move(result.objects)),
                              flags.include_secrets);
}

int run_update(const GoldenFlags& flags) {
  const app::App app = app::load_app(app::find_app_root(flags.app.dir));
  for (const auto& env : environments_of(app, flags)) {
    const auto files = render_files(app, env, flags);
    const auto result = golden::update(app.root + "/golden/" + env, files, flags.prune);
    std::cerr << "kgen: golden/" << env << ": " << files.size() - 1 << " objects (" << result.added.size()
              << " added, " << result.changed.size() << " changed, " << result.removed.size() << " removed)\n";
    for (const auto& path : result.foreign) {
      std::cerr << "kgen: golden/" << env << "/" << path << " was not written by kgen; "
                << (flags.prune ? "deleted (--prune)" : "kept (--prune deletes it)") << "\n";
    }
  }
  return 0;
}

int run_check(const GoldenFlags& flags) {
  const auto format = report::parse_list_format(flags.format);
  const app::App app = app::load_app(app::find_app_root(flags.app.dir));
  bool ok = true;
  nlohmann::json reports = nlohmann::json::array();
  for (const auto& env : environments_of(app, flags)) {
    const auto result = golden::check(app.root + "/golden/" + env, render_files(app, env, flags));
    ok = ok && result.ok();
    if (format == report::ListFormat::Json) {
      reports.push_back(golden::check_json(env, result));
    } else {
      std::cout << golden::format_check(env, result);
    }
  }
  if (format == report::ListFormat::Json) std::cout << reports.dump(2) << "\n";
  return ok ? 0 : 1;
}

}  // namespace

void register_golden(CLI::App& app, Action* action) {
  auto flags = std::make_shared<GoldenFlags>();
  CLI::App* golden = app.add_subcommand("golden", "Keep rendered manifests in golden/ for review");
  golden->require_subcommand(1);
  add_app_flags(golden, &flags->app);
  add_kube_version_flags(golden, &flags->kube_version);

  CLI::App* update = golden->add_subcommand("update", "Write golden/<env>/ from a fresh render");
  update->add_option("environments", flags->environments, "Environments (default: all)");
  update->add_flag("--include-secrets", flags->include_secrets, "Keep Secret values instead of their hashes");
  update->add_flag("--prune", flags->prune, "Also delete files in golden/<env>/ that kgen did not write");
  add_example(update, "kgen golden update default");
  update->callback([flags, action] { *action = [flags] { return run_update(*flags); }; });

  CLI::App* check = golden->add_subcommand("check", "Exit 1 and show the differences when golden/ is stale");
  check->add_option("environments", flags->environments, "Environments (default: all)");
  check->add_flag("--include-secrets", flags->include_secrets, "Compare Secret values instead of their hashes");
  check->add_option("-o,--output", flags->format, "Output format: table (diffs) or json");
  add_example(check, "kgen golden check   # in CI or a pre-commit hook");
  check->callback([flags, action] { *action = [flags] { return run_check(*flags); }; });
}

}  // namespace kgen::cmd

// kgen import -f FILE|DIR [--module M]
#include <iostream>
#include <memory>

#include "app/app.h"
#include "common/error.h"
#include "edit/components.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"

namespace kgen::cmd {
namespace {

struct ImportFlags {
  AppFlags app;
  std::string file;
  std::string module = "/";
};

int run_import(const ImportFlags& flags) {
  const std::string root = app::find_app_root(flags.app.dir);
  const edit::ImportedManifests manifests = edit::read_manifests(flags.file);
  const auto written = edit::add_components(root, flags.module, manifests.components);
  for (const auto& file : manifests.skipped) print_warning("skipped " + file + ": not a .yaml, .yml or .json file");
  for (size_t i = 0; i < manifests.components.size(); ++i) {
    std::cerr << "kgen: Writing component at '" << display_path(written[i]) << "'\n";
  }
  return 0;
}

}  // namespace

void register_import(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ImportFlags>();
  CLI::App* import = app.add_subcommand("import", "Import YAML/JSON manifests as components");
  add_app_flags(import, &flags->app);
  import->add_option("-f,--filename", flags->file, "Manifest file, or a folder of them (.yaml, .yml, .json)")
      ->required();
  import->add_option("--module", flags->module, "Module to add the components to (default: the root module, /)");
  add_example(import,
              "kgen import -f deploy.yaml          # one component per YAML document: <kind>-<name>.yaml\n"
              "  kgen import -f manifests/ --module web");
  import->callback([flags, action] { *action = [flags] { return run_import(*flags); }; });
}

}  // namespace kgen::cmd

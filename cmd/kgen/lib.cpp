// kgen lib generate --api-spec file:PATH|version:vX.Y.Z [--out DIR]
#include <chrono>
#include <iostream>
#include <memory>

#include "app/app.h"
#include "common/error.h"
#include "common/files.h"
#include "k8slib/k8slib.h"
#include "kgen/app_flags.h"
#include "kgen/commands.h"

namespace kgen::cmd {
namespace {

struct LibGenerateFlags {
  AppFlags app;
  std::string api_spec;
  std::string out;
};

int run_generate(const LibGenerateFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  const std::string text = k8slib::read_api_spec(flags.api_spec);
  const std::string source = flags.api_spec.rfind("file:", 0) == 0 ? flags.api_spec.substr(5) : flags.api_spec;
  const k8slib::GeneratedLibrary library = k8slib::generate_library_from_text(text, source);
  std::string out = flags.out;
  if (out.empty()) out = join_path(app::find_app_root(flags.app.dir), "lib/ksonnet-lib/" + library.version);
  k8slib::write_library(out, library, text);
  k8slib::remember_spec(library.version, text);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "Generated ksonnet-lib for Kubernetes " << library.version << " in " << display_path(out) << " ("
            << library.k8s_libsonnet.size() / 1024 << " KiB, " << ms << " ms)\n";
  return 0;
}

}  // namespace

void register_lib(CLI::App& app, Action* action) {
  CLI::App* lib = app.add_subcommand("lib", "ksonnet-lib for the app's Kubernetes versions");
  lib->require_subcommand(1);
  auto flags = std::make_shared<LibGenerateFlags>();
  CLI::App* generate = lib->add_subcommand("generate", "Generate k8s.libsonnet and k.libsonnet from an OpenAPI spec");
  generate->add_option("--api-spec", flags->api_spec, "file:swagger.json, or version:vX.Y.Z from the spec cache ($KGEN_OPENAPI_DIR)")
      ->required();
  generate->add_option("--out", flags->out, "Output folder (default: the app's lib/ksonnet-lib/<version>/)");
  add_app_flags(generate, &flags->app);
  generate->callback([flags, action] { *action = [flags] { return run_generate(*flags); }; });
}

}  // namespace kgen::cmd

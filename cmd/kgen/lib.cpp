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
#include "kube/client.h"
#include "kube/kubeconfig.h"

namespace kgen::cmd {
namespace {

struct LibGenerateFlags {
  AppFlags app;
  std::string api_spec;
  std::string out;
  // The cluster's /openapi/v2 instead of --api-spec.
  std::string kubeconfig, context, server;
};

// The spec a cluster serves, through kgen's cluster client: --server (with the current
// context's credentials, and the CA of the cluster that has that server), else the context's cluster.
std::string cluster_spec(const LibGenerateFlags& flags, std::string* source) {
  kube::AccessRequest request;
  request.files = kube::kubeconfig_files(flags.kubeconfig);
  request.explicit_file = !flags.kubeconfig.empty();
  request.context = flags.context;
  request.server = flags.server;
  request.env_name = "lib generate";
  if (flags.server.empty()) {
    const kube::ContextTarget target = kube::resolve_context(request.files, flags.context);
    request.env_server = target.server;
    request.context = target.context;
  }
  kube::ClusterAccess access = kube::resolve_access(request);
  for (const auto& warning : access.warnings) print_warning(warning);
  kube::ClientOptions options;
  options.request_timeout_ms = 120000;  // a spec is several MB
  kube::Client client(std::move(access), options);
  *source = client.access().server + "/openapi/v2";
  return client.get("/openapi/v2").dump();
}

int run_generate(const LibGenerateFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  const bool from_cluster = !flags.context.empty() || !flags.server.empty() || flags.api_spec.empty();
  if (from_cluster && !flags.api_spec.empty()) {
    throw Error("--api-spec and --context/--server together", "give one source: a spec file or version, or a cluster");
  }
  std::string source = flags.api_spec.rfind("file:", 0) == 0 ? flags.api_spec.substr(5) : flags.api_spec;
  const std::string text = from_cluster ? cluster_spec(flags, &source) : k8slib::read_api_spec(flags.api_spec);
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
  CLI::App* lib = app.add_subcommand("lib", "Generate ksonnet-lib (k.libsonnet) for a Kubernetes version");
  lib->require_subcommand(1);
  auto flags = std::make_shared<LibGenerateFlags>();
  CLI::App* generate = lib->add_subcommand("generate", "Generate k8s.libsonnet and k.libsonnet from an OpenAPI spec");
  generate->add_option("--api-spec", flags->api_spec,
                       "file:swagger.json, or version:vX.Y.Z from the spec cache ($KGEN_OPENAPI_DIR); without it, the cluster's");
  generate->add_option("--context", flags->context, "Read the spec from this kubeconfig context's cluster (default: the current one)");
  generate->add_option("--server", flags->server, "Read the spec from this API server (credentials of the current context)");
  generate->add_option("--kubeconfig", flags->kubeconfig, "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config)");
  generate->add_option("--out", flags->out, "Output folder (default: the app's lib/ksonnet-lib/<version>/)");
  add_app_flags(generate, &flags->app);
  add_example(generate, "kgen lib generate --api-spec version:v1.10.9");
  generate->callback([flags, action] { *action = [flags] { return run_generate(*flags); }; });
}

}  // namespace kgen::cmd

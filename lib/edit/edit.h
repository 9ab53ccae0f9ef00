// Stage 6: changes to an app's files, made safely. Finds the file a change belongs
// in, splices the change in (params/), evaluates the result before anything is
// written (render/), and replaces the file atomically, under a lock on the app so two
// kgen processes never lose each other's update.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "app/app.h"

namespace kgen::edit {

struct ParamChange {
  std::string environment;  // empty: the component's own params (module params.libsonnet)
  std::string component;    // qualified; empty with an environment: the environment's globals
  std::string param;        // dotted path (a literal key for environment overrides)
  std::optional<nlohmann::json> value;  // nothing: delete the parameter
};

// Applies the change. Returns the file it rewrote, or "" when the file already said
// so (then it is left untouched, same bytes, same mtime). Throws kgen::Error.
std::string apply_param_change(const std::string& app_root, const ParamChange& change);

}  // namespace kgen::edit

namespace kgen::edit {

struct NewEnvironment {
  std::string name;
  std::string server;
  std::string ns = "default";
  std::string api_spec;  // "version:vX.Y.Z" or "file:PATH"; empty: v1.8.0, as ks assumed offline
  bool override = false;  // record it in app.override.yaml (ks's -o), even over app.yaml's
};

// Writes environments/<name>/{main.jsonnet,params.libsonnet,globals.libsonnet} from
// ks's templates and the app.yaml entry. Returns the line ks logged about it.
std::string add_environment(const std::string& app_root, const NewEnvironment& env);

// Deletes the app.yaml entry (`override`: the app.override.yaml one) and the
// environment's folder (and folders left empty), unless the environment is still
// defined after that (an override removed, app.yaml's entry left).
void remove_environment(const std::string& app_root, const std::string& name, bool override = false);

struct EnvironmentUpdate {
  std::string name;
  std::optional<std::string> new_name;  // moves environments/<path> to environments/<new name>
  std::optional<std::string> ns;
  std::optional<std::string> server;
  std::optional<std::string> api_spec;  // changes k8sVersion (version:vX.Y.Z or file:PATH)
  bool override = false;  // write the environment as it now is into app.override.yaml
};
void update_environment(const std::string& app_root, const EnvironmentUpdate& update);

struct InitOptions {
  std::string name;
  std::string dir;  // default: ./<name>
  std::string server;
  std::string ns;
  std::string env_name;  // default: "default"
  std::string api_spec;
  bool skip_default_registries = false;
};

// Creates a new app with ks's layout and one environment, offline. Returns its folder.
std::string init_app(const InitOptions& options);

// Rewrites an older app (0.0.1, 0.1.0, 0.2.0) as apiVersion 0.3.0: app.yaml, 0.0.1
// spec.json environments, lib/vX.Y.Z -> lib/ksonnet-lib/vX.Y.Z, versioned vendor
// folders. Returns what it did (or would do, with `dry_run`).
std::vector<std::string> upgrade_app(const std::string& app_root, bool dry_run);

// Replaces an environment's targets (module names, "/" for the root module), in app.yaml
// or (`override`) in app.override.yaml, whose entry starts as the environment is.
void set_environment_targets(const std::string& app_root, const std::string& name,
                             const std::vector<std::string>& modules, bool override = false);

// Deletes a component's file and its entries in the module's params and in every
// environment's overrides. Returns the files changed or removed.
std::vector<std::string> remove_component(const std::string& app_root, const std::string& qualified);

}  // namespace kgen::edit

namespace kgen::edit {

struct FormatResult {
  std::vector<std::string> changed;  // files that were (or, checking, would be) rewritten
  size_t checked = 0;
};

// Formats the Jsonnet files among `paths` (folders are searched for .jsonnet and
// .libsonnet files, skipping vendor/ and lib/ksonnet-lib/). With `check_only`, nothing
// is written. Files are rewritten atomically, only when their text changes.
FormatResult format_files(const std::vector<std::string>& paths, bool check_only);

}  // namespace kgen::edit

namespace kgen::edit {

struct MigrationReport {
  std::vector<std::string> lines;  // the checklist, one finding per line
  bool ready = false;              // every environment renders
};

// Inspects an existing ks app: app.yaml version and what upgrade changes, environments
// without folders (and folders without entries), Kubernetes versions and libraries,
// vendored packages, registries that would need the network, ksonnet-only features,
// and whether each environment renders. With `write`, first performs the safe steps
// (upgrade, environment folders from app.yaml).
MigrationReport migrate_app(const std::string& app_root, bool write);

}  // namespace kgen::edit

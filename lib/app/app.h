// Stage 1: find a ks-style app and read its layout (app.yaml 0.0.1 to 0.3.0,
// app.override.yaml, .ks_environment, environments, modules, components, libraries).
// After load_app() nothing here touches the disk again except modules_for(), which
// lists component files.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kgen::app {

struct Library {
  std::string name;
  std::string registry;
  std::string version;  // empty for unversioned packages
};

struct Environment {
  std::string name;         // may contain '/'
  std::string path;         // folder under environments/
  std::string k8s_version;  // "v1.8.0"; empty when unknown (0.0.1 apps)
  std::string server;
  std::string ns;           // destination namespace
  std::vector<std::string> targets;        // module names ("/" or "a.b"); empty: root only
  std::map<std::string, Library> libraries;  // env-scoped, keyed "<registry>/<name>"
  bool overridden = false;  // defined or changed by app.override.yaml
  std::string legacy_metadata_dir;  // 0.0.1 apps: environments/<env>/.metadata (absolute)
  // kgen's own settings, in environments/<path>/kgen.yaml (a file ks never reads, so the
  // app still works with ks): the Kubernetes version to convert the objects for.
  std::string kube_version;         // "1.29"; empty: ks's bytes
  std::string settings_file;        // that file, for errors; empty when there is none
};

struct App {
  std::string root;         // absolute, no trailing slash
  std::string api_version;  // as written in app.yaml
  std::string name;
  std::map<std::string, Environment> environments;
  std::map<std::string, Library> libraries;  // keyed "<registry>/<name>"
  std::string current_environment;           // from .ks_environment, may be empty
  std::vector<std::string> warnings;         // things worth telling the user, not errors
};

enum class ComponentType { Jsonnet, Yaml, Json };

struct Component {
  std::string name;       // file name without extension
  std::string qualified;  // "<module>.<name>" outside the root module
  std::string path;       // absolute
  ComponentType type = ComponentType::Jsonnet;
};

struct Module {
  std::string name;  // "/" for components/, else the relative path with '/' -> '.'
  std::string dir;   // absolute
  std::vector<Component> components;  // sorted by name
};

// Walks up from `start` to the first folder holding app.yaml. Throws kgen::Error.
std::string find_app_root(const std::string& start);

// Reads the app at `root`. Throws kgen::Error naming the file and line of bad input.
App load_app(const std::string& root);

// The environment to use: `requested`, else .ks_environment. Throws when unknown or unset.
const Environment& select_environment(const App& app, const std::string& requested);

// The modules an environment renders (its targets, or the root module alone), each with
// its components. Throws on a target that names no module or on duplicate component names.
std::vector<Module> modules_for(const App& app, const Environment& env);

// Every module of the app: "/" and each folder under components/ that holds a
// params.libsonnet ("a.b" for components/a/b/), sorted, as `ks module list` listed them.
std::vector<std::string> module_names(const App& app);

// The module named `name` ("/" for components/, "a.b" for components/a/b/) with its
// components. Throws kgen::Error when there is no such folder.
Module module_named(const App& app, const std::string& name);

// app.yaml text as ks saved it after a change: migrated to apiVersion 0.3.0, keys
// sorted, with `change` applied to the environments map (name -> {destination:
// {namespace, server}, k8sVersion, path, targets?, libraries?}). `file` names app.yaml
// in errors.
std::string rewrite_app_spec(const std::string& text, const std::string& file,
                             const std::function<void(nlohmann::json& environments)>& change);

// The same, with `change` applied to the whole spec (registries, libraries, ...).
// Empty `environments`, `libraries` and `registries` maps are left out, as ks left them.
std::string rewrite_app_spec_document(const std::string& text, const std::string& file,
                                      const std::function<void(nlohmann::json& spec)>& change);

// ks's rule for environment and component names.
bool is_valid_name(const std::string& name);

}  // namespace kgen::app

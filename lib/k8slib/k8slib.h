// Stage 8: ksonnet-lib (k8s.libsonnet and k.libsonnet) generated from a Kubernetes
// OpenAPI v2 spec, with the API ksonnet-lib had: per group, version and kind a `new`,
// `withX`/`withXMixin` setters, nested `mixin.<path>` builders with `mixinInstance`,
// `<field>Type` for non-resource types, ksonnet-lib's custom constructors, and in
// k.libsonnet `core.v1.list` and `mapContainers`/`mapContainersWithName`.
//
// The emitted Jsonnet keeps evaluation lazy: each type's setters are written once and
// instantiated only when a builder is used, so importing the library costs parsing
// (well under ksonnet-lib's 3 MB) and nothing else.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace kgen::k8slib {

struct GeneratedLibrary {
  std::string version;  // "v1.8.0", from info.version
  std::string k8s_libsonnet;
  std::string k_libsonnet;
};

// Throws kgen::Error naming `source` when `spec` is not a Kubernetes OpenAPI v2
// document with definitions. `spec_text` is checksummed into `__ksonnet`.
GeneratedLibrary generate_library(const nlohmann::json& spec, const std::string& spec_text, const std::string& source);

// Parses the spec text (kgen::Error naming `source` when it is not JSON) and generates.
GeneratedLibrary generate_library_from_text(const std::string& spec_text, const std::string& source);

// Writes DIR/{k8s.libsonnet,k.libsonnet,swagger.json}: into a temporary folder beside
// DIR first, then renamed over it, so a failed or partial run never replaces a good
// library.
void write_library(const std::string& dir, const GeneratedLibrary& library, const std::string& spec_text);

// Where `--api-spec version:vX.Y.Z` specs are looked up: $KGEN_OPENAPI_DIR, else
// $XDG_CACHE_HOME/kgen/openapi, else ~/.cache/kgen/openapi; each holds <version>/swagger.json.
std::string spec_cache_dir();

// The spec cache's swagger.json for Kubernetes `minor` ("1.29"): the highest patch
// release of it there (v1.29.0, v1.29.3, ...), or "" when the cache has none.
std::string cached_spec_for_minor(const std::string& minor);

// The text of the spec `api_spec` names: "file:PATH" or "version:vX.Y.Z" (from the cache).
// Throws kgen::Error saying where it looked.
std::string read_api_spec(const std::string& api_spec);

// Keeps a copy of a spec in the cache, so that `version:` finds it later. Best effort.
void remember_spec(const std::string& version, const std::string& spec_text);

// A library ready to be written into an app.
struct PreparedLibrary {
  std::string dir;  // <app>/lib/ksonnet-lib/<version>
  GeneratedLibrary library;
  std::string spec_text;
};

// The library an app's environment of Kubernetes `version` lacks, generated in memory
// (so a bad spec fails before anything is written): from `api_spec` when given
// (file:PATH, whose info.version then decides the folder, or version:vX.Y.Z), else from
// the spec cache. Nothing when the app already has lib/ksonnet-lib/<version>/k8s.libsonnet,
// or when no spec (or version:vX.Y.Z) was given and the cache lacks it (kgen's built-in
// subset then serves).
std::optional<PreparedLibrary> prepare_library(const std::string& app_root, const std::string& version,
                                               const std::string& api_spec);

// `ks env update`: the library of Kubernetes `version` generated again, replacing the app's
// lib/ksonnet-lib/<version>/ (ks regenerated it from the version's published spec). The spec
// comes from the spec cache, else from the copy the app's library was made from
// (lib/ksonnet-lib/<version>/swagger.json); throws kgen::Error naming both when neither exists.
PreparedLibrary regenerate_library(const std::string& app_root, const std::string& version);

// Writes a prepared library (all or nothing) and keeps its spec in the cache.
void commit_library(const PreparedLibrary& prepared);

// The library of Kubernetes `version` for commands that only read an app: generated
// from the spec cache's <version>/swagger.json into `cache_root`/ksonnet-lib/<SHA-256 of
// the spec>/ on first use (never into the app), then reused. Nothing when `cache_root`
// is empty or the spec cache lacks the version (kgen's built-in subset then serves).
// `generated` is set when this call wrote the folder.
struct CachedLibrary {
  std::string dir;
  bool generated = false;
};
std::optional<CachedLibrary> cached_library(const std::string& cache_root, const std::string& version);

}  // namespace kgen::k8slib

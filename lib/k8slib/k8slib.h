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

// The text of the spec `api_spec` names: "file:PATH" or "version:vX.Y.Z" (from the cache).
// Throws kgen::Error saying where it looked.
std::string read_api_spec(const std::string& api_spec);

// Keeps a copy of a spec in the cache, so that `version:` finds it later. Best effort.
void remember_spec(const std::string& version, const std::string& spec_text);

}  // namespace kgen::k8slib

// Adding components to an app: new modules, imported manifests and generated
// prototypes all end as component files plus an entry in the module's params file.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kgen::edit {

// Creates components/<a>/<b>/params.libsonnet (module "a.b") from ks's template.
// Throws kgen::Error when the module exists or the name is not valid.
void create_module(const std::string& app_root, const std::string& name);

struct NewComponent {
  std::string name;       // file name without extension (the component's local name)
  std::string extension;  // ".jsonnet", ".yaml" or ".json"
  std::string text;       // the file's content
  // Its entry in the module's params file: (name, Jsonnet text) in the order written.
  std::vector<std::pair<std::string, std::string>> params;
};

// Writes the components into `module` ("/" or "a.b") and their params entries. Every
// name is checked against the module's components and params entries, every file's
// text and the new params are checked to parse and evaluate, before anything is
// written. Returns the files written, components first. Throws kgen::Error.
std::vector<std::string> add_components(const std::string& app_root, const std::string& module,
                                        const std::vector<NewComponent>& components);

struct ImportedManifests {
  std::vector<NewComponent> components;
  std::vector<std::string> skipped;  // files of a folder that are not .yaml, .yml or .json
};

// The components `ks import -f PATH` made: a JSON file is one component named after
// the file; each document of a YAML file is one component named <kind>-<metadata.name>
// (ks added a random suffix; kgen does not, so the name is stable). A folder imports
// its .yaml, .yml and .json files in name order. Throws kgen::Error on a file that is
// not a Kubernetes object (no kind or metadata.name), or a bad YAML/JSON document.
ImportedManifests read_manifests(const std::string& path);

}  // namespace kgen::edit

// Prototypes: templates that `kgen generate` (ks's `prototype use`) expands into a
// component and its params entry. kgen's own system prototypes (io.ksonnet.pkg.*, as ks
// listed them) and those of installed packages (vendor/**/prototypes/*.jsonnet), read
// from their comment annotations (@apiVersion, @name, @description,
// @shortDescription, @param, @optionalParam). Pure text in, text out; throws
// kgen::Error naming the file and line.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kgen::prototype {

struct Param {
  std::string name;
  std::string type;           // string, number, number-or-string, object, array, bool
  std::string default_value;  // as written in the annotation (optional params only)
  std::string description;
  bool optional = false;
};

struct Prototype {
  std::string name;               // io.ksonnet.pkg.deployed-service
  std::string description;        // continuation lines joined with '\n'
  std::string short_description;
  std::vector<Param> params;      // in annotation order
  std::string body;               // the template without its annotation lines
  std::string file;               // where it was read from ("" for kgen's own)
};

/// Parses a prototype file. Throws kgen::Error (`file`:line) on a malformed annotation
/// or a missing @name.
Prototype parse_prototype(const std::string& text, const std::string& file);

/// kgen's own prototypes (ks's system prototypes), sorted by name.
std::vector<Prototype> system_prototypes();

/// The system prototypes and those of every package under `app_root`/vendor/, sorted
/// by name; a package prototype with a system prototype's name replaces it.
std::vector<Prototype> all_prototypes(const std::string& app_root);

/// The prototype named `query`: its full name, or the one whose name ends with it
/// ("deployed-service"). Throws kgen::Error when none or several match.
const Prototype& find_prototype(const std::vector<Prototype>& prototypes, const std::string& query);

/// Prototypes whose name contains `text`.
std::vector<Prototype> search_prototypes(const std::vector<Prototype>& prototypes, const std::string& text);

/// `ks prototype describe`'s text.
std::string describe(const Prototype& prototype);

struct Expansion {
  std::string component_text;  // the component file
  std::vector<std::pair<std::string, std::string>> params;  // params entry: name -> Jsonnet text, sorted
};

/// Expands `prototype` for component `component`: `values` maps parameter names to
/// their command-line text (`name` defaults to the component's name, optional ones to
/// their default). Strings become double-quoted literals, numbers are checked, objects
/// and arrays are Jsonnet text kept as written (as ks kept them). Throws kgen::Error
/// on a missing required parameter, an unknown one, or a value of the wrong type.
Expansion expand(const Prototype& prototype, const std::string& component,
                 const std::map<std::string, std::string>& values);

/// --values-file: a Jsonnet (or JSON) file evaluating to an object of parameter values,
/// as command-line text (strings as they are, other values as JSON).
std::map<std::string, std::string> read_values_file(const std::string& path);

}  // namespace kgen::prototype

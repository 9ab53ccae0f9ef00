// Stage 3: one libjsonnet VM with kgen's import resolution, native functions and
// error translation.
//
// Files are evaluated in *contexts*. A context has its own search path (and vendor
// package mapping) and may give std.extVar different values than the VM's ext vars, so
// a whole ks pipeline (module params, environment params, main.jsonnet and every
// component) runs as one Jsonnet evaluation: libjsonnet rebuilds its standard library
// on every evaluation, which costs tens of milliseconds, so kgen evaluates once.
//
// A context-specific extVar works by serving a file behind a one-line prelude that
// rebinds `std` to `std + {extVar(name):: ...}`; line numbers stay right and error
// columns on line 1 are corrected before the user sees them.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kgen::jsonnet {

// One place to look for an import: a folder, or a set of vendored packages mapped by
// import prefix ("kubeflow/tf-serving" -> ".../vendor/kubeflow/tf-serving@<version>").
struct SearchEntry {
  std::string dir;                              // absolute; empty for a package mapping
  std::map<std::string, std::string> packages;  // prefix -> absolute folder
};

struct Context {
  std::vector<SearchEntry> search_path;  // highest priority first; the importing file's folder comes before all
  // std.extVar(name) in files of this context evaluates this Jsonnet code instead of the
  // VM's binding. The code runs in a virtual file whose own `std` is the real one.
  std::map<std::string, std::string> ext_code_overrides;
};

struct VmOptions {
  std::map<std::string, std::string> ext_str;   // -V / --ext-str, --ext-str-file
  std::map<std::string, std::string> ext_code;  // ext code (for example __ksonnet/environments)
  unsigned max_stack = 500;
  // std.thisFile of a file gives its path from here, as ks (run from the app's root)
  // gave it; empty: the absolute path.
  std::string this_file_root;
  unsigned max_trace = 40;
};

// The ksonnet-lib subset compiled into kgen (served for "k.libsonnet" when an app
// has none of its own).
const char* builtin_k_libsonnet();

class Evaluator {
 public:
  explicit Evaluator(const VmOptions& options);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // Registers a context; the returned id tags the files evaluated in it.
  int add_context(Context context);

  // The import path that evaluates `absolute_path` in context `context_id`.
  std::string import_path(int context_id, const std::string& absolute_path) const;

  // A generated file that several user files were pasted into, served at
  // `absolute_path` (which need not exist) in context `context_id`: relative imports
  // resolve from its folder, and error locations inside part i (lines
  // parts[i].first_line .. + line_count - 1) are reported in parts[i].file.
  struct BundlePart {
    int first_line = 0;
    int line_count = 0;
    std::string file;
  };
  void add_bundle(int context_id, const std::string& absolute_path, std::string text, std::vector<BundlePart> parts);

  // Makes `text` importable as virtual_path(name).
  void add_virtual_file(const std::string& name, std::string text);
  static std::string virtual_path(const std::string& name);

  // Makes std.native(name) a function of `params` (strings, since libjsonnet hands
  // natives only primitives) whose result is the JSON `fn` returns; a kgen::Error or
  // JSON exception thrown by `fn` becomes a Jsonnet error with its message.
  using JsonFunction = std::function<nlohmann::json(const std::vector<std::string>& args)>;
  void add_json_function(const std::string& name, const std::vector<std::string>& params, JsonFunction fn);

  // Evaluates Jsonnet `code` (itself a virtual file named `name`) and returns its JSON.
  // Throws kgen::Error with the user's file, line and column and the Jsonnet stack.
  std::string evaluate(const std::string& name, const std::string& code);

  // Every real file the evaluation read, in first-read order.
  std::vector<std::string> files_read() const;
  // Whether an import was served kgen's built-in k.libsonnet (no generated library).
  bool served_builtin_klib() const;

  // Serves `content` for `absolute_path` instead of the file on disk (to evaluate an
  // edit before it is written).
  void add_overlay(const std::string& absolute_path, std::string content);

  // Reads a file the program depends on outside Jsonnet's imports (component sources,
  // YAML components), recording it as an input. Throws kgen::Error when unreadable.
  std::string read_input(const std::string& absolute_path);
  // Whether a file the program's shape depends on exists, recording the answer.
  bool input_exists(const std::string& absolute_path);

  // Everything the evaluations depended on: each file looked at, whether it existed,
  // and the SHA-256 of its content. Same inputs, same output.
  struct Input {
    std::string path;
    bool exists = false;
    std::string sha256;
  };
  std::vector<Input> inputs() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgen::jsonnet

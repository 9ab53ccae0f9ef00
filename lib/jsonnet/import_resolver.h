// How kgen answers libjsonnet's import callback (internal to the jsonnet stage).
//
// Paths handed to libjsonnet are tagged so the callback knows the context of the
// importing file: "kgen!<context>!/abs/path/file.jsonnet" for real files and
// "kgen!v!<name>" for virtual ones (generated glue and the built-in ksonnet-lib).
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "jsonnet/evaluator.h"

namespace kgen::jsonnet {

inline constexpr const char* kTagPrefix = "kgen!";
inline constexpr const char* kVirtualPrefix = "kgen!v!";

class ImportResolver {
 public:
  int add_context(Context context);
  void add_virtual_file(const std::string& name, std::string text);
  std::string tagged_path(int context_id, const std::string& absolute_path) const;

  // Resolves `rel` imported from folder `base`. On success fills *found_here (the tagged
  // path libjsonnet should remember) and *content; otherwise *error says why.
  // With `raw` (importstr), the content is exactly the file's, never behind a prelude.
  bool resolve(const std::string& base, const std::string& rel, std::string* found_here, std::string* content,
               std::string* error, bool raw = false);

  void add_overlay(const std::string& absolute_path, std::string content) {
    file_cache_[absolute_path] = std::move(content);
    probes_[absolute_path] = true;
  }
  void add_bundle(int context_id, const std::string& absolute_path, std::string text,
                  std::vector<Evaluator::BundlePart> parts);

  // Records which lines of generated text `found_here` came from which files.
  void set_line_map(const std::string& found_here, std::vector<Evaluator::BundlePart> parts) {
    bundles_[found_here] = std::move(parts);
  }

  // How many characters of prelude precede line 1 of a served file (0 for none).
  size_t prelude_length(const std::string& found_here) const;

  // Where line `line` of served file `found_here` really is: the user's file and line
  // (bundles map to the pasted file). False when it is not a bundle line.
  bool map_bundle_line(const std::string& found_here, int line, std::string* file, int* real_line) const;

  const std::vector<std::string>& files_read() const { return files_read_; }
  // Whether an import was served kgen's built-in k.libsonnet.
  bool served_builtin_klib() const { return served_builtin_klib_; }
  // Every path probed, existing or not (existing ones are in the content cache).
  const std::map<std::string, bool>& probes() const { return probes_; }
  const std::string* cached_content(const std::string& path) const;
  // Reads (and records) a file directly; nullptr when missing.
  const std::string* read_cached(const std::string& absolute_path);
  bool exists(const std::string& absolute_path);

 private:
  bool load(int context_id, const std::string& absolute_path, std::string* found_here, std::string* content,
            bool raw);

  std::vector<Context> contexts_;
  std::map<std::string, std::string> virtual_files_;
  std::unordered_map<std::string, std::string> file_cache_;   // absolute path -> content
  std::unordered_map<std::string, size_t> prelude_lengths_;   // found_here -> prelude length
  std::unordered_map<std::string, std::vector<Evaluator::BundlePart>> bundles_;  // found_here -> parts
  std::vector<std::string> files_read_;
  bool served_builtin_klib_ = false;
  std::map<std::string, bool> probes_;  // path -> existed
};

// Splits "kgen!<n>!/abs/path" into n and the path; false for anything else.
bool parse_tagged_path(const std::string& tagged, int* context_id, std::string* path);

}  // namespace kgen::jsonnet

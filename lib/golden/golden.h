// Stage 8: golden files. Every environment's rendered objects kept in the repository,
// one file per object, so a pull request shows, next to a params change, exactly which
// Kubernetes objects change.
//
// golden/<env>/<component>/<kind>-<namespace>-<name>.yaml (the group is added to the
// kind when two objects would share a name), holding exactly what `kgen show` prints
// for the object, and golden/<env>/_index.yaml listing every object with its hash.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "render/render.h"

namespace kgen::golden {

struct GoldenFile {
  std::string path;  // relative to golden/<env>/
  std::string content;
};

// The files for `objects`. Secret data/stringData values become "sha256:<hex>" unless
// `include_secrets`.
std::vector<GoldenFile> golden_files(const std::vector<render::Object>& objects, bool include_secrets);

struct CheckResult {
  std::vector<std::string> added;    // expected, not on disk
  std::vector<std::string> removed;  // on disk (kgen's), no longer rendered
  std::vector<std::pair<std::string, std::string>> changed;  // path, unified diff
  std::vector<std::string> foreign;  // files kgen did not write
  bool ok() const { return added.empty() && removed.empty() && changed.empty(); }
};

// Compares golden/<env>/ under `dir` (the env's golden folder) with `files`.
CheckResult check(const std::string& dir, const std::vector<GoldenFile>& files);

// Replaces golden/<env>/ with `files`, through a temporary folder and renames. Files
// kgen did not write are kept (and listed in the result) unless `prune`.
CheckResult update(const std::string& dir, const std::vector<GoldenFile>& files, bool prune);

// Human-readable report of a check, and the same as data for CI bots.
std::string format_check(const std::string& env, const CheckResult& result);
nlohmann::json check_json(const std::string& env, const CheckResult& result);

}  // namespace kgen::golden

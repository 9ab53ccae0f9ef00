#include "render/cache.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "common/sha256.h"
#include "common/version.h"

namespace kgen::render {
namespace {

using nlohmann::json;

// Bumped whenever the same inputs render differently or entries change shape
// (2: paths inside the app relative to its root; 3: ks's Jsonnet dialect).
constexpr int kFormat = 3;

std::string entry_path(const std::string& dir, const std::string& fingerprint) {
  return dir + "/" + sha256_hex(fingerprint) + ".json";
}

// Paths inside the app are recorded relative to its root, so that a fresh copy of the
// app at another path (Argo CD checks each revision out into a new temporary folder)
// finds the entries an earlier copy stored.
constexpr const char* kAppMarker = "@app";

std::string portable(const std::string& root, const std::string& path) {
  if (path == root) return kAppMarker;
  if (path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/') {
    return kAppMarker + path.substr(root.size());
  }
  return path;
}

std::string local_path(const std::string& root, const std::string& path) {
  const std::string marker = kAppMarker;
  if (path == marker) return root;
  if (path.rfind(marker + "/", 0) == 0) return root + path.substr(marker.size());
  return path;
}

json search_path_json(const std::string& root, const std::vector<jsonnet::SearchEntry>& path) {
  json out = json::array();
  for (const auto& entry : path) {
    json packages = json::object();
    for (const auto& [prefix, dir] : entry.packages) packages[prefix] = portable(root, dir);
    out.push_back({portable(root, entry.dir), packages});
  }
  return out;
}

}  // namespace

std::string render_fingerprint(const app::App& app, const app::Environment& env,
                               const std::vector<app::Module>& modules, const RenderOptions& options,
                               const PipelineLayout& layout) {
  json libraries = json::object();
  for (const auto& [key, lib] : app.libraries) libraries[key] = {lib.name, lib.registry, lib.version};
  for (const auto& [key, lib] : env.libraries) libraries["env:" + key] = {lib.name, lib.registry, lib.version};
  const std::string& root = app.root;
  json module_list = json::array();
  for (const auto& module : modules) {
    json components = json::array();
    for (const auto& c : module.components) {
      components.push_back({c.qualified, portable(root, c.path), static_cast<int>(c.type)});
    }
    module_list.push_back({module.name, portable(root, module.dir), components});
  }
  json jpaths = json::array();
  for (const auto& dir : options.jpaths) jpaths.push_back(portable(root, dir));
  const json fingerprint = {
      {"format", kFormat},
      {"kgen", kVersion},
      {"builtin", sha256_hex(jsonnet::builtin_k_libsonnet())},
      {"env",
       {env.name, env.path, env.k8s_version, env.server, env.ns, env.targets, portable(root, env.legacy_metadata_dir)}},
      {"libraries", libraries},
      {"options", {options.components, jpaths, options.ext_str, options.tla_str}},
      {"overrides", overrides_json(layout.overrides)},
      {"modules", module_list},
      {"layout",
       {portable(root, layout.env_dir), layout.env_object, search_path_json(root, layout.main_path),
        search_path_json(root, layout.module_params_path), search_path_json(root, layout.env_params_path),
        layout.warnings}},
  };
  return fingerprint.dump();
}

std::optional<RenderResult> cache_lookup(const std::string& dir, const std::string& root, const std::string& fingerprint) {
  const auto text = try_read_file(entry_path(dir, fingerprint));
  if (!text) return std::nullopt;
  const json entry = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (entry.is_discarded() || !entry.is_object() || entry.value("format", 0) != kFormat ||
      entry.value("fingerprint", "") != fingerprint) {
    return std::nullopt;
  }
  try {
    for (const auto& input : entry.at("inputs")) {
      const std::string path = local_path(root, input.at(0));
      const bool existed = input.at(1);
      if (!existed) {
        if (is_regular_file(path)) return std::nullopt;
        continue;
      }
      const auto content = try_read_file(path);
      if (!content || sha256_hex(*content) != input.at(2).get<std::string>()) return std::nullopt;
    }
    RenderResult result;
    for (const auto& object : entry.at("objects")) result.objects.push_back({object.at(1), object.at(0)});
    for (const auto& warning : entry.at("warnings")) result.warnings.push_back(warning);
    return result;
  } catch (const json::exception&) {
    return std::nullopt;  // an entry of another shape: evaluate instead
  }
}

void cache_store(const std::string& dir, const std::string& root, const std::string& fingerprint,
                 const std::vector<jsonnet::Evaluator::Input>& inputs, const RenderResult& result) {
  json entry = {{"format", kFormat}, {"fingerprint", fingerprint}};
  json& input_list = entry["inputs"] = json::array();
  for (const auto& input : inputs) input_list.push_back({portable(root, input.path), input.exists, input.sha256});
  json& objects = entry["objects"] = json::array();
  for (const auto& object : result.objects) objects.push_back({object.component, object.value});
  entry["warnings"] = result.warnings;
  try {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    write_file_atomically(entry_path(dir, fingerprint), entry.dump());
  } catch (const Error&) {
    // An unwritable cache only costs speed.
  }
}

}  // namespace kgen::render

#include "golden/golden.h"

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "common/sha256.h"
#include "common/unified_diff.h"
#include "encoding/go_yaml.h"
#include "encoding/yaml_decode.h"

namespace kgen::golden {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kIndex = "_index.yaml";

std::string text_at(const json& object, const char* a, const char* b = nullptr) {
  const json* node = &object;
  for (const char* key : {a, b}) {
    if (key == nullptr) break;
    if (!node->is_object() || !node->contains(key)) return {};
    node = &(*node)[key];
  }
  return node->is_string() ? node->get<std::string>() : std::string();
}

// File-name-safe: keeps letters, digits, '.', '-', '_'.
std::string safe(std::string s) {
  for (char& c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) c = '_';
  }
  return s.empty() ? "_" : s;
}

json redact_secret(json object) {
  if (text_at(object, "kind") != "Secret") return object;
  for (const char* field : {"data", "stringData"}) {
    if (!object.contains(field) || !object[field].is_object()) continue;
    for (auto& [key, value] : object[field].items()) {
      value = "sha256:" + sha256_hex(value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  return object;
}

std::set<std::string> indexed_files(const std::string& dir) {
  std::set<std::string> out;
  const auto text = try_read_file(dir + "/" + kIndex);
  std::vector<json> docs;
  encoding::YamlError error;
  if (!text || !encoding::decode_yaml_documents(*text, &docs, &error) || docs.empty() || !docs[0].is_array()) {
    return out;
  }
  for (const auto& entry : docs[0]) {
    if (entry.is_object() && entry.contains("file") && entry["file"].is_string()) out.insert(entry["file"].get<std::string>());
  }
  return out;
}

std::map<std::string, std::string> files_on_disk(const std::string& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = fs::relative(entry.path(), dir).generic_string();
    if (rel == kIndex) continue;
    out[rel] = try_read_file(entry.path().string()).value_or("");
  }
  return out;
}

}  // namespace

std::vector<GoldenFile> golden_files(const std::vector<render::Object>& objects, bool include_secrets) {
  // Names without the group first; objects that would share one get the group too.
  auto base_name = [](const render::Object& o, bool with_group) {
    std::string kind = text_at(o.value, "kind");
    if (with_group) {
      const std::string api = text_at(o.value, "apiVersion");
      const auto slash = api.find('/');
      kind += "." + (slash == std::string::npos ? std::string("core") : api.substr(0, slash));
    }
    const std::string ns = text_at(o.value, "metadata", "namespace");
    return safe(o.component) + "/" + safe(kind) + "-" + safe(ns.empty() ? "_" : ns) + "-" +
           safe(text_at(o.value, "metadata", "name"));
  };
  std::map<std::string, int> counts;
  for (const auto& o : objects) ++counts[base_name(o, false)];
  std::vector<GoldenFile> files;
  std::set<std::string> used;
  json index = json::array();
  for (const auto& o : objects) {
    std::string name = base_name(o, counts[base_name(o, false)] > 1);
    std::string path = name + ".yaml";
    for (int n = 2; used.count(path) != 0; ++n) path = name + "-" + std::to_string(n) + ".yaml";  // true duplicates
    used.insert(path);
    const json value = include_secrets ? o.value : redact_secret(o.value);
    const std::string content = render::format_objects({{value, o.component}}, render::Format::Yaml);
    files.push_back({path, content});
    index.push_back({{"file", path},
                     {"apiVersion", text_at(o.value, "apiVersion")},
                     {"kind", text_at(o.value, "kind")},
                     {"namespace", text_at(o.value, "metadata", "namespace")},
                     {"name", text_at(o.value, "metadata", "name")},
                     {"sha256", sha256_hex(content)}});
  }
  files.push_back({kIndex, "# Written by kgen golden update; one entry per object.\n" +
                               (index.empty() ? std::string("[]\n") : encoding::to_go_yaml(index))});
  return files;
}

CheckResult check(const std::string& dir, const std::vector<GoldenFile>& files) {
  CheckResult result;
  const auto disk = files_on_disk(dir);
  const auto indexed = indexed_files(dir);
  std::set<std::string> expected;
  for (const auto& file : files) {
    if (file.path == kIndex) continue;
    expected.insert(file.path);
    const auto it = disk.find(file.path);
    if (it == disk.end()) {
      result.added.push_back(file.path);
    } else if (it->second != file.content) {
      result.changed.emplace_back(file.path, unified_diff(file.path, it->second, file.content));
    }
  }
  for (const auto& [path, content] : disk) {
    if (expected.count(path) != 0) continue;
    (indexed.count(path) != 0 ? result.removed : result.foreign).push_back(path);
  }
  return result;
}

CheckResult update(const std::string& dir, const std::vector<GoldenFile>& files, bool prune) {
  CheckResult result = check(dir, files);
  const fs::path target(dir);
  const fs::path staging = target.parent_path() / ("." + target.filename().string() + ".kgen-tmp");
  std::error_code ec;
  fs::remove_all(staging, ec);
  try {
    fs::create_directories(staging);
    for (const auto& file : files) {
      const fs::path path = staging / file.path;
      fs::create_directories(path.parent_path());
      write_file_atomically(path.string(), file.content);
    }
    if (!prune) {
      for (const auto& path : result.foreign) {
        fs::create_directories((staging / path).parent_path());
        fs::copy_file(target / path, staging / path);
      }
    }
    const fs::path old = target.parent_path() / ("." + target.filename().string() + ".kgen-old");
    fs::remove_all(old, ec);
    if (fs::exists(target)) fs::rename(target, old);
    fs::rename(staging, target);
    fs::remove_all(old, ec);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(staging, ec);
    throw Error(std::string("cannot write golden files: ") + e.code().message(),
                "check that the golden folder is writable; nothing was changed", {display_path(dir)});
  }
  return result;
}

std::string format_check(const std::string& env, const CheckResult& result) {
  std::string out;
  for (const auto& [path, diff] : result.changed) out += diff;
  for (const auto& path : result.added) out += "added:   golden/" + env + "/" + path + "\n";
  for (const auto& path : result.removed) out += "removed: golden/" + env + "/" + path + "\n";
  for (const auto& path : result.foreign) out += "not kgen's: golden/" + env + "/" + path + " (kept; --prune deletes)\n";
  if (!result.ok()) out += "golden/" + env + " is out of date; run: kgen golden update " + env + "\n";
  return out;
}

json check_json(const std::string& env, const CheckResult& result) {
  json changed = json::array();
  for (const auto& [path, diff] : result.changed) changed.push_back({{"file", path}, {"diff", diff}});
  return {{"environment", env}, {"ok", result.ok()}, {"changed", changed}, {"added", result.added},
          {"removed", result.removed}, {"foreign", result.foreign},
          {"update", "kgen golden update " + env}};
}

}  // namespace kgen::golden

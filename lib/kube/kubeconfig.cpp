#include "kube/kubeconfig.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <map>
#include <string>

#include "common/error.h"
#include "common/files.h"
#include "encoding/yaml_syntax.h"

namespace kgen::kube {
namespace {

struct Merged {
  std::string current_context;
  std::string current_context_file;
  std::map<std::string, std::pair<YAML::Node, std::string>> contexts;  // name -> (context, file)
  std::map<std::string, std::pair<YAML::Node, std::string>> clusters;
};

void merge_named(const YAML::Node& list, const char* inner, const std::string& file,
                 std::map<std::string, std::pair<YAML::Node, std::string>>* into) {
  if (!list || !list.IsSequence()) return;
  for (const auto& item : list) {
    if (!item.IsMap() || !item["name"] || !item[inner]) continue;
    into->emplace(item["name"].as<std::string>(), std::make_pair(item[inner], file));  // first wins
  }
}

}  // namespace

std::vector<std::string> kubeconfig_files(const std::string& explicit_file) {
  if (!explicit_file.empty()) return {explicit_file};
  std::vector<std::string> files;
  if (const char* env = std::getenv("KUBECONFIG"); env != nullptr && *env != '\0') {
    std::string list = env;
    size_t start = 0;
    for (;;) {
      const size_t colon = list.find(':', start);
      const std::string file = list.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!file.empty()) files.push_back(file);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    return files;
  }
  if (const char* home = std::getenv("HOME"); home != nullptr) files.push_back(std::string(home) + "/.kube/config");
  return files;
}

ContextTarget resolve_context(const std::vector<std::string>& files, const std::string& name) {
  Merged merged;
  bool any = false;
  for (const auto& file : files) {
    const auto text = try_read_file(file);
    if (!text) continue;
    any = true;
    YAML::Node root;
    int line = 0, column = 0;
    std::string problem;
    if (!encoding::check_yaml_syntax(*text, &line, &column, &problem)) {
      throw Error("invalid kubeconfig: " + problem, "fix the file", {display_path(file), line, column});
    }
    try {
      root = YAML::Load(*text);
    } catch (const YAML::Exception& e) {
      throw Error("invalid kubeconfig: " + e.msg, "fix the file",
                  {display_path(file), e.mark.is_null() ? 0 : e.mark.line + 1});
    }
    if (!root.IsMap()) continue;
    if (merged.current_context.empty() && root["current-context"] && root["current-context"].IsScalar()) {
      merged.current_context = root["current-context"].as<std::string>();
      merged.current_context_file = file;
    }
    merge_named(root["contexts"], "context", file, &merged.contexts);
    merge_named(root["clusters"], "cluster", file, &merged.clusters);
  }
  if (!any) {
    throw Error("no kubeconfig file found (looked at " + std::to_string(files.size()) + " path(s))",
                "pass --kubeconfig FILE, set $KUBECONFIG, or give --server instead of --context");
  }
  ContextTarget target;
  target.context = name.empty() ? merged.current_context : name;
  if (target.context.empty()) {
    throw Error("No current context found. Make sure a kubeconfig file is present",
                "pass --context NAME or --server URL");
  }
  const auto context = merged.contexts.find(target.context);
  if (context == merged.contexts.end()) {
    throw Error("context \"" + target.context + "\" is not in the kubeconfig", "see kubectl config get-contexts",
                {display_path(files.front())});
  }
  const YAML::Node& ctx = context->second.first;
  target.file = context->second.second;
  target.cluster = ctx["cluster"] ? ctx["cluster"].as<std::string>() : "";
  if (ctx["namespace"]) target.ns = ctx["namespace"].as<std::string>();
  const auto cluster = merged.clusters.find(target.cluster);
  if (cluster == merged.clusters.end() || !cluster->second.first["server"]) {
    throw Error("context \"" + target.context + "\" names cluster \"" + target.cluster + "\", which has no server",
                "fix the kubeconfig's clusters", {display_path(target.file)});
  }
  target.server = cluster->second.first["server"].as<std::string>();
  return target;
}

}  // namespace kgen::kube

// The test API server's resource table: the built-in kinds kgen's tests use, and the
// kinds CustomResourceDefinitions add; discovery documents are generated from it.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kgen::testing {

struct Resource {
  std::string group;  // "" for core
  std::string version;
  std::string name;  // plural
  std::string singular;
  std::string kind;
  bool namespaced = true;
  bool has_status = false;
  std::string crd;  // the CRD that defined it, empty for built-ins
  std::vector<std::string> short_names;
};

class ResourceTable {
 public:
  ResourceTable();

  std::optional<Resource> find(const std::string& group, const std::string& version, const std::string& plural) const;
  // Adds (or replaces) the served versions of a CRD object; removes them with remove_crd.
  void add_crd(const nlohmann::json& crd);
  void remove_crd(const std::string& name);

  nlohmann::json api_versions() const;                          // GET /api
  nlohmann::json group_list() const;                            // GET /apis
  std::optional<nlohmann::json> group(const std::string& name) const;  // GET /apis/<group>
  std::optional<nlohmann::json> resource_list(const std::string& group, const std::string& version) const;

 private:
  std::vector<std::pair<std::string, std::string>> group_versions() const;  // in first-seen order
  std::vector<Resource> resources_;
};

}  // namespace kgen::testing

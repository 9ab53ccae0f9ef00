#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/files.h"
#include "encoding/yaml_decode.h"
#include "registry/github.h"
#include "registry/registry.h"

namespace kgen::registry {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json read_yaml_object(const std::string& path, const std::string& what) {
  const auto text = try_read_file(path);
  if (!text) throw Error("no " + what, "is this a ks registry folder?", {display_path(path)});
  std::vector<json> docs;
  encoding::YamlError error;
  if (!encoding::decode_yaml_documents(*text, &docs, &error)) {
    throw Error("invalid " + what + ": " + error.message, "fix the file", {display_path(path), error.line, error.column});
  }
  if (docs.empty() || !docs[0].is_object()) throw Error(what + " is not a mapping", "fix the file", {display_path(path), 1});
  return docs[0];
}

void add_registries(const std::string& path, bool overridden, std::map<std::string, Registry>* out) {
  if (!is_regular_file(path)) return;
  const json spec = read_yaml_object(path, fs::path(path).filename().string());
  if (!spec.contains("registries") || spec["registries"].is_null()) return;
  if (!spec["registries"].is_object()) {
    throw Error("registries is not a mapping", "write registries: {NAME: {protocol: fs, uri: PATH}}", {display_path(path)});
  }
  for (const auto& [name, value] : spec["registries"].items()) {
    Registry r;
    r.name = name;
    r.overridden = overridden;
    if (value.is_object()) {
      r.protocol = value.value("protocol", "");
      r.uri = value.value("uri", "");
      if (value.contains("gitVersion") && value["gitVersion"].is_object()) {
        r.commit_sha = value["gitVersion"].value("commitSha", "");
        r.ref_spec = value["gitVersion"].value("refSpec", "");
      }
    }
    (*out)[name] = r;
  }
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// See open_registry: the pinned, recorded or newest commit of a GitHub registry.
OpenRegistry open_github_registry(const std::string& app_root, const Registry& registry, const OpenOptions& options) {
  const GitHubLocation location = parse_github_uri(registry.uri);
  const std::string ref = registry.ref_spec.empty() ? location.ref : registry.ref_spec;
  const std::string clone = location.repo + (location.path.empty() ? "" : "/" + location.path);
  const std::string offline = options.adding ? "kgen registry add " + registry.name + " " + clone
                                             : "kgen registry set " + registry.name + " --uri " + clone;
  std::string want = options.version.empty() ? registry.commit_sha : options.version;
  const bool record = options.version.empty();
  if (want.empty() && !options.refresh) want = recorded_commit(app_root, registry.name, ref);
  if (want.empty()) want = ref;
  const Checkout checkout = checkout_commit(registry.name, location, want, offline);
  if (!is_directory(checkout.folder)) {
    throw Error("registry \"" + registry.name + "\": " + github_repo_url(location) + " has no folder \"" + location.path +
                    "\" at " + checkout.commit,
                "check the registry's URI (github.com/ORG/REPO/tree/REF/PATH)");
  }
  if (record && recorded_commit(app_root, registry.name, ref) != checkout.commit) {
    read_index(checkout.folder);  // only a registry is recorded
    record_commit(app_root, registry.name, ref, checkout.commit,
                  read_yaml_object(checkout.folder + "/registry.yaml", "registry.yaml"));
  }
  return {checkout.folder, checkout.commit};
}

}  // namespace

std::vector<Registry> app_registries(const std::string& app_root) {
  std::map<std::string, Registry> by_name;
  add_registries(app_root + "/app.yaml", false, &by_name);
  add_registries(app_root + "/app.override.yaml", true, &by_name);
  std::vector<Registry> out;
  for (auto& [name, r] : by_name) out.push_back(r);
  return out;
}

const Registry& find_registry(const std::vector<Registry>& registries, const std::string& name) {
  for (const auto& r : registries) {
    if (r.name == name) return r;
  }
  std::string known;
  for (const auto& r : registries) known += (known.empty() ? "" : ", ") + r.name;
  throw Error("registry \"" + name + "\" doesn't exist",
              known.empty() ? "add one with kgen registry add NAME FOLDER" : "registries: " + known);
}

Registry registry_for_uri(const std::string& name, const std::string& uri) {
  Registry r;
  r.name = name;
  if (starts_with(uri, "github.com/") || starts_with(uri, "https://github.com/") ||
      starts_with(uri, "http://github.com/")) {
    r.protocol = "github";
    r.uri = uri;
    parse_github_uri(uri);  // a malformed one fails now, not at install
  } else if (uri.find("://") != std::string::npos && !starts_with(uri, "file://")) {
    throw Error("registry URI " + uri + " is neither a folder nor a GitHub repository",
                "kgen reads folder registries (and Helm chart repositories are not supported); download it and "
                "add the folder");
  } else {
    r.protocol = "fs";
    r.uri = starts_with(uri, "file://") ? uri.substr(7) : uri;
  }
  return r;
}

OpenRegistry open_registry(const std::string& app_root, const Registry& registry, const OpenOptions& options) {
  if (registry.protocol == "github") return open_github_registry(app_root, registry, options);
  const fs::path folder = fs::path(registry.uri).is_absolute() ? fs::path(registry.uri) : fs::path(app_root) / registry.uri;
  if (!is_directory(folder.string())) {
    throw Error("registry \"" + registry.name + "\": folder " + registry.uri + " does not exist",
                "fix its path with kgen registry set " + registry.name + " --uri PATH");
  }
  return {folder.lexically_normal().string(), ""};
}

std::string registry_folder(const std::string& app_root, const Registry& registry) {
  return open_registry(app_root, registry).folder;
}

std::vector<PackageEntry> read_index(const std::string& folder) {
  const std::string path = folder + "/registry.yaml";
  const json index = read_yaml_object(path, "registry.yaml");
  if (index.value("kind", "") != "ksonnet.io/registry") {
    throw Error("registry.yaml is not a ksonnet registry (kind: ksonnet.io/registry)",
                "check the registry's folder", {display_path(path)});
  }
  std::vector<PackageEntry> out;
  if (index.contains("libraries") && index["libraries"].is_object()) {
    for (const auto& [name, value] : index["libraries"].items()) {
      PackageEntry e{name, name, ""};
      if (value.is_object()) {
        e.path = value.value("path", name);
        if (value.contains("version") && value["version"].is_string()) e.version = value["version"];
      }
      out.push_back(e);
    }
  }
  std::sort(out.begin(), out.end(), [](const PackageEntry& a, const PackageEntry& b) { return a.name < b.name; });
  return out;
}

nlohmann::json read_parts(const std::string& package_folder) {
  json parts = read_yaml_object(package_folder + "/parts.yaml", "parts.yaml");
  if (!parts.contains("name") || !parts["name"].is_string()) {
    throw Error("parts.yaml has no name", "every package's parts.yaml names it", {display_path(package_folder + "/parts.yaml")});
  }
  return parts;
}

PackageRef parse_package_ref(const std::string& text) {
  PackageRef ref;
  std::string rest = text;
  const size_t at = rest.find('@');
  if (at != std::string::npos) {
    ref.version = rest.substr(at + 1);
    rest = rest.substr(0, at);
  }
  const size_t slash = rest.find('/');
  if (slash != std::string::npos) {
    ref.registry = rest.substr(0, slash);
    rest = rest.substr(slash + 1);
  }
  ref.name = rest;
  if (ref.name.empty() || (slash != std::string::npos && ref.registry.empty()) ||
      (at != std::string::npos && ref.version.empty()) || ref.name.find('/') != std::string::npos) {
    throw Error("\"" + text + "\" is not a package name", "write REGISTRY/PACKAGE or REGISTRY/PACKAGE@VERSION");
  }
  return ref;
}

std::string vendor_folder(const std::string& app_root, const app::Library& library) {
  return app_root + "/vendor/" + library.registry + "/" + library.name +
         (library.version.empty() ? "" : "@" + library.version);
}

}  // namespace kgen::registry

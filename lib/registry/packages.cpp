#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "common/error.h"
#include "common/files.h"
#include "registry/registry.h"

namespace kgen::registry {
namespace {

std::string parts_description(const nlohmann::json& parts) {
  return parts.contains("description") && parts["description"].is_string() ? parts["description"].get<std::string>()
                                                                             : "";
}

}  // namespace

std::vector<PackageRow> package_rows(const app::App& app, bool installed_only, std::vector<std::string>* warnings) {
  std::vector<PackageRow> rows;
  for (const auto& [key, lib] : app.libraries) rows.push_back({lib.registry, lib.name, lib.version, "*", ""});
  // An environment's library joins the row of the same installed package, as ks
  // listed it ("default, stage"), or makes its own.
  for (const auto& [env_name, env] : app.environments) {
    for (const auto& [key, lib] : env.libraries) {
      const auto row = std::find_if(rows.begin(), rows.end(), [&](const PackageRow& r) {
        return r.registry == lib.registry && r.name == lib.name && r.version == lib.version;
      });
      if (row == rows.end()) {
        rows.push_back({lib.registry, lib.name, lib.version, "*", env_name});
      } else {
        row->environments += (row->environments.empty() ? "" : ", ") + env_name;
      }
    }
  }
  if (!installed_only) {
    for (const auto& registry : app_registries(app.root)) {
      std::vector<PackageEntry> index;
      try {
        index = read_index(registry_folder(app.root, registry));
      } catch (const Error& e) {
        warnings->push_back(e.one_line());
        continue;
      }
      for (const auto& entry : index) {
        const bool installed = std::any_of(rows.begin(), rows.end(), [&](const PackageRow& r) {
          return r.installed == "*" && r.registry == registry.name && r.name == entry.name && r.version == entry.version;
        });
        // ks listed a package installed at another version (fs packages install
        // unversioned) once more, as not installed, at the registry's version.
        if (!installed) rows.push_back({registry.name, entry.name, entry.version, "", ""});
      }
    }
  }
  std::sort(rows.begin(), rows.end(), [](const PackageRow& a, const PackageRow& b) {
    return std::tie(a.registry, a.name, a.version) < std::tie(b.registry, b.name, b.version);
  });
  return rows;
}

std::string describe_registry(const std::string& app_root, const Registry& registry) {
  std::string out = "REGISTRY NAME:\n" + registry.name + "\n\nURI:\n" + registry.uri + "\n\nPROTOCOL:\n" +
                    registry.protocol + "\n\nPACKAGES:\n";
  for (const auto& entry : read_index(registry_folder(app_root, registry))) out += "  " + entry.name + "\n";
  return out;
}

std::string describe_package(const app::App& app, const std::string& query) {
  const PackageRef ref = parse_package_ref(query);
  // An installed package is described from vendor/, else from its registry.
  for (const auto& [key, lib] : app.libraries) {
    if (lib.name != ref.name || (!ref.registry.empty() && lib.registry != ref.registry)) continue;
    const std::string folder = vendor_folder(app.root, lib);
    if (is_directory(folder)) {
      return "LIBRARY NAME:\n" + query + "\n\nDESCRIPTION:\n" + parts_description(read_parts(folder)) + "\n";
    }
  }
  for (const auto& registry : app_registries(app.root)) {
    if (!ref.registry.empty() && registry.name != ref.registry) continue;
    const std::string folder = registry_folder(app.root, registry);
    for (const auto& entry : read_index(folder)) {
      if (entry.name != ref.name) continue;
      return "LIBRARY NAME:\n" + query + "\n\nDESCRIPTION:\n" + parts_description(read_parts(folder + "/" + entry.path)) +
             "\n";
    }
  }
  throw Error("package " + query + " was not found", "see the packages with kgen pkg list");
}

}  // namespace kgen::registry

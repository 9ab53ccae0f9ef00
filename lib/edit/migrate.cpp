#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/edit.h"
#include "edit/env_templates.h"
#include "jsonnet/ks_dialect.h"
#include "render/render.h"

namespace kgen::edit {
namespace {

namespace fs = std::filesystem;

// Folders under environments/ that look like environments (hold main.jsonnet or params).
std::set<std::string> environment_folders(const std::string& root) {
  std::set<std::string> out;
  const fs::path dir = fs::path(root) / "environments";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && (name == "main.jsonnet" || name == "params.libsonnet" || name == "spec.json")) {
      out.insert(fs::relative(entry.path().parent_path(), dir).generic_string());
    }
  }
  return out;
}

// K1: component expressions whose value ks changed by dropping their parentheses.
void find_ks_dropped_parentheses(const std::string& root, std::vector<std::string>* lines) {
  std::error_code ec;
  const fs::path dir = fs::path(root) / "components";
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_regular_file() && it->path().extension() == ".jsonnet") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const std::string text = try_read_file(file.string()).value_or("");
    for (const int line : jsonnet::lines_ks_parsed_differently(text)) {
      lines->push_back("value changes: " + display_path(file.string()) + ":" + std::to_string(line) +
                       " ks dropped these parentheses when it re-printed components, so it computed another value "
                       "here; kgen evaluates the expression as written");
    }
  }
}

void find_ksonnet_only_features(const std::string& root, std::vector<std::string>* lines) {
  std::error_code ec;
  for (const char* top : {"components", "environments", "lib"}) {
    const fs::path dir = fs::path(root) / top;
    if (!fs::is_directory(dir, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it) {
      if (it->is_directory() && it->path().filename() == "ksonnet-lib") {
        it.disable_recursion_pending();
        continue;
      }
      const auto ext = it->path().extension();
      if (!it->is_regular_file() || (ext != ".jsonnet" && ext != ".libsonnet")) continue;
      const std::string text = try_read_file(it->path().string()).value_or("");
      const size_t at = text.find("renderHelmChart");
      if (at == std::string::npos) continue;
      const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
      lines->push_back("unsupported: " + display_path(it->path().string()) + ":" + std::to_string(line) +
                       " calls renderHelmChart, which kgen does not provide; render the chart to YAML components");
    }
  }
}

}  // namespace

MigrationReport migrate_app(const std::string& root, bool write) {
  MigrationReport report;
  auto& out = report.lines;
  if (write) {
    for (const auto& line : upgrade_app(root, false)) out.push_back("done: " + line);
  }
  app::App app = app::load_app(root);
  out.push_back("app.yaml: apiVersion " + app.api_version + (app.api_version == "0.3.0" ? " (current)" : ""));
  for (const auto& line : upgrade_app(root, true)) out.push_back("kgen upgrade would: " + line.substr(10));

  // Environments listed without a folder (often gitignored) and folders without an entry.
  const auto folders = environment_folders(root);
  for (const auto& [name, env] : app.environments) {
    if (folders.count(env.path) != 0) continue;
    if (write) {
      const fs::path dir = fs::path(root) / "environments" / env.path;
      fs::create_directories(dir);
      write_file_atomically((dir / "main.jsonnet").string(), kEnvMainTemplate);
      write_file_atomically((dir / "params.libsonnet").string(), kEnvParamsTemplate);
      write_file_atomically((dir / "globals.libsonnet").string(), kEnvGlobalsTemplate);
      out.push_back("done: created environments/" + env.path + "/ from ks's templates");
    } else {
      out.push_back("environment " + name + ": no folder environments/" + env.path +
                    "/ (kgen migrate --write creates it from ks's templates)");
    }
  }
  for (const auto& folder : folders) {
    bool listed = false;
    for (const auto& [name, env] : app.environments) listed |= env.path == folder;
    if (!listed) out.push_back("folder environments/" + folder + "/ is not an environment of app.yaml (kgen env add, or remove it)");
  }

  // Kubernetes versions and their ksonnet-lib.
  std::set<std::string> versions;
  for (const auto& [name, env] : app.environments) {
    if (!env.k8s_version.empty()) versions.insert(env.k8s_version);
  }
  for (const auto& version : versions) {
    const bool generated = is_regular_file(root + "/lib/ksonnet-lib/" + version + "/k.libsonnet") ||
                           is_regular_file(root + "/lib/" + version + "/k.libsonnet");
    out.push_back("Kubernetes " + version + ": " +
                  (generated ? "ksonnet-lib present" : "no generated ksonnet-lib; kgen's built-in subset serves"));
  }

  // Packages and registries.
  for (const auto& [key, lib] : app.libraries) {
    const std::string versioned = "vendor/" + key + "@" + lib.version;
    const std::string plain = "vendor/" + key;
    std::string where = is_directory(root + "/" + versioned) ? versioned
                        : is_directory(root + "/" + plain) ? plain + " (unversioned)"
                                                          : "";
    out.push_back("package " + key + (lib.version.empty() ? "" : "@" + lib.version) + ": " +
                  (where.empty() ? "NOT vendored; imports of it will fail (kgen does not download packages)"
                                 : "vendored at " + where));
  }
  find_ksonnet_only_features(root, &out);
  find_ks_dropped_parentheses(root, &out);

  // The proof: every environment renders.
  app = app::load_app(root);
  report.ready = true;
  for (const auto& [name, env] : app.environments) {
    try {
      render::RenderOptions options;
      options.environment = name;
      const auto result = render::render_environment(app, options);
      out.push_back("render " + name + ": OK (" + std::to_string(result.objects.size()) + " objects)");
    } catch (const Error& e) {
      report.ready = false;
      out.push_back("render " + name + ": FAILED: " + e.one_line());
    }
  }
  if (app.environments.empty()) {
    report.ready = false;
    out.push_back("no environments: add one with kgen env add NAME --server URL");
  }
  out.push_back(std::string("ready: ") + (report.ready ? "yes" : "no"));
  return report;
}

}  // namespace kgen::edit

#include <algorithm>
#include <filesystem>
#include <string>

#include "app/app.h"
#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/app_lock.h"
#include "edit/components.h"
#include "edit/env_templates.h"

namespace kgen::edit {

void create_module(const std::string& app_root, const std::string& name) {
  AppLock lock(app_root);
  const app::App app = app::load_app(app_root);
  // An existing module first, with ks's message ("/" is the root module's name).
  const auto known = app::module_names(app);
  if (std::find(known.begin(), known.end(), name) != known.end()) {
    throw Error("module \"" + name + "\" already exists", "see the modules with kgen module list");
  }
  // ks took any text ("a b" made a folder with a space); a module name is a dotted path
  // of component-like names, since "a.b" is the folder components/a/b/.
  bool valid = !name.empty() && name != "/" && name.front() != '.' && name.back() != '.' &&
               name.find("..") == std::string::npos && name.find('/') == std::string::npos &&
               app::is_valid_name(name);
  if (!valid) {
    throw Error("\"" + name + "\" is not a valid module name",
                "use letters, digits, '-' or '_', with '.' between nested modules (a.b is components/a/b/)");
  }
  std::string rel = name;
  std::replace(rel.begin(), rel.end(), '.', '/');
  const std::filesystem::path dir = std::filesystem::path(app.root) / "components" / rel;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error("cannot create the module's folder: " + ec.message(), "check the permissions", {display_path(dir.string())});
  write_file_atomically((dir / "params.libsonnet").string(), kModuleParamsTemplate);
}

}  // namespace kgen::edit

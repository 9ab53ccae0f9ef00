#include "cli/app_names.h"

#include "app/app.h"

namespace kgen::cli {

std::vector<std::string> app_names(ValueKind kind, const std::string& dir) {
  std::vector<std::string> names;
  try {
    const app::App app = app::load_app(app::find_app_root(dir));
    if (kind == ValueKind::Environment) {
      for (const auto& [name, env] : app.environments) names.push_back(name);
    } else if (kind == ValueKind::Module) {
      names = app::module_names(app);
    } else if (kind == ValueKind::Component) {
      for (const std::string& module : app::module_names(app)) {
        for (const app::Component& component : app::module_named(app, module).components) {
          names.push_back(component.qualified);
        }
      }
    }
  } catch (const std::exception&) {
    return {};
  }
  return names;
}

}  // namespace kgen::cli

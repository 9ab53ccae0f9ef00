#include "render/overrides.h"

#include "common/error.h"

namespace kgen::render {

using nlohmann::json;

std::vector<ResolvedOverride> resolve_overrides(const std::vector<app::Module>& modules,
                                                const std::vector<ParamOverride>& overrides,
                                                const std::string& env_name) {
  std::vector<ResolvedOverride> resolved;
  for (const auto& override : overrides) {
    // The longest qualified name that prefixes the target: module components are
    // "module.name", and a module may be named like another component plus a suffix.
    const ResolvedOverride* best = nullptr;
    ResolvedOverride candidate;
    size_t best_length = 0;
    for (size_t i = 0; i < modules.size(); ++i) {
      for (const auto& component : modules[i].components) {
        const std::string& q = component.qualified;
        if (q.size() > best_length && override.target.size() > q.size() + 1 && override.target.rfind(q, 0) == 0 &&
            override.target[q.size()] == '.') {
          best_length = q.size();
          candidate = {i, component.name, {}, override.value};
          best = &candidate;
        }
      }
    }
    if (best == nullptr) {
      std::string known;
      for (const auto& module : modules) {
        for (const auto& component : module.components) known += (known.empty() ? "" : ", ") + component.qualified;
      }
      const auto dot = override.target.find('.');
      const std::string what = dot == std::string::npos
          ? "\"" + override.target + "\" names no parameter"
          : "environment \"" + env_name + "\" has no component \"" + override.target.substr(0, dot) + "\"";
      throw Error(override.source + " " + override.target + ": " + what,
                  "write COMPONENT.PARAM=VALUE; known components: " + (known.empty() ? "none" : known));
    }
    const std::string rest = override.target.substr(best_length + 1);
    size_t start = 0;
    while (true) {
      const size_t dot = rest.find('.', start);
      const std::string segment = rest.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (segment.empty()) {
        throw Error(override.source + " " + override.target + ": empty parameter name",
                    "write COMPONENT.PARAM=VALUE (nested: COMPONENT.PARAM.FIELD=VALUE)");
      }
      candidate.path.push_back(segment);
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    resolved.push_back(std::move(candidate));
  }
  return resolved;
}

void apply_overrides(size_t module, const std::vector<ResolvedOverride>& overrides, json* components) {
  for (const auto& override : overrides) {
    if (override.module != module) continue;
    json* at = &(*components)[override.component];
    for (const auto& segment : override.path) {
      if (!at->is_object()) *at = json::object();  // a value in the way that is not an object becomes one
      at = &(*at)[segment];
    }
    *at = override.value;
  }
}

std::vector<ParamOverride> overrides_from_json(const std::string& text, const std::string& source) {
  const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  const std::string shape = "write {\"COMPONENT\": {\"PARAM\": VALUE, ...}, ...}";
  if (parsed.is_discarded()) throw Error("parameter overrides are not valid JSON", shape, {source});
  if (!parsed.is_object()) throw Error("parameter overrides must be a JSON object", shape, {source});
  std::vector<ParamOverride> out;
  for (auto component = parsed.begin(); component != parsed.end(); ++component) {
    if (!component.value().is_object()) {
      throw Error("parameter overrides of \"" + component.key() + "\" must be an object of parameters", shape, {source});
    }
    for (auto param = component.value().begin(); param != component.value().end(); ++param) {
      out.push_back({component.key() + "." + param.key(), param.value(), source + ":"});
    }
  }
  return out;
}

json overrides_json(const std::vector<ResolvedOverride>& overrides) {
  json out = json::array();
  for (const auto& o : overrides) out.push_back({o.module, o.component, o.path, o.value});
  return out;
}

}  // namespace kgen::render

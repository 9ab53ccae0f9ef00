#include "argocd/argocd.h"
#include "common/error.h"
#include "params/params.h"

namespace kgen::argocd {
namespace {

using nlohmann::json;

constexpr const char* kVariable = "ARGOCD_APP_PARAMETERS";
constexpr const char* kShape = "Argo CD sends [{\"name\": ..., \"string\"|\"array\"|\"map\": ...}, ...]";

Error bad(const std::string& what) { return Error(std::string(kVariable) + ": " + what, kShape); }

// The current value at `path` inside a component's params, if any.
const json* current_value(const json& current, const std::string& component, const std::string& path) {
  if (!current.is_object() || !current.contains(component)) return nullptr;
  const json* at = &current.at(component);
  for (const auto& segment : params::split_param_path(path)) {
    if (!at->is_object() || !at->contains(segment)) return nullptr;
    at = &at->at(segment);
  }
  return at;
}

// A parameter value from the UI: Argo CD's maps hold strings only, so a parameter that
// is a string now stays one; others are typed as `param set` types them. `now` gives
// the current value (nullptr: none); it is asked only when the typing depends on it.
json typed(const std::function<const json*()>& now, const std::string& text, const std::string& name) {
  try {
    json value;
    try {
      value = params::parse_cli_value(text, false);
    } catch (const Error&) {
      // "" or "[x" are fine for a string parameter, and "" for a new one (the UI's
      // empty field); a number or object left blank is an error.
      const json* current = now();
      if ((current != nullptr && current->is_string()) || (current == nullptr && text.empty())) return text;
      throw;
    }
    if (value.is_string()) return value;
    const json* current = now();
    return current != nullptr && current->is_string() ? json(text) : value;
  } catch (const Error& e) {
    throw Error(std::string(kVariable) + ": parameter " + name + ": " + e.message(), e.hint());
  }
}

}  // namespace

std::vector<Parameter> parse_parameters(const std::string& text) {
  std::vector<Parameter> out;
  if (text.empty() || text == "null") return out;
  const json list = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (list.is_discarded()) throw bad("not valid JSON");
  if (!list.is_array()) throw bad("not a JSON list");
  for (const auto& item : list) {
    if (!item.is_object() || !item.contains("name") || !item["name"].is_string()) {
      throw bad("every entry needs a string \"name\"");
    }
    Parameter p;
    p.name = item["name"];
    const std::string where = "parameter " + p.name + ": ";
    if (item.contains("string")) {
      if (!item["string"].is_string()) throw bad(where + "\"string\" must be a string");
      p.string = item["string"].get<std::string>();
    }
    if (item.contains("array") && !item["array"].is_null()) {
      if (!item["array"].is_array()) throw bad(where + "\"array\" must be a list of strings");
      p.array.emplace();
      for (const auto& v : item["array"]) {
        if (!v.is_string()) throw bad(where + "\"array\" must be a list of strings");
        p.array->push_back(v);
      }
    }
    if (item.contains("map") && !item["map"].is_null()) {
      if (!item["map"].is_object()) throw bad(where + "\"map\" must be an object of strings");
      p.map.emplace();
      for (auto it = item["map"].begin(); it != item["map"].end(); ++it) {
        if (!it.value().is_string()) throw bad(where + "\"map\" value of " + it.key() + " must be a string");
        (*p.map)[it.key()] = it.value();
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<render::ParamOverride> overrides_from_parameters(const std::vector<Parameter>& parameters,
                                                             const std::function<const json&()>& current) {
  std::vector<render::ParamOverride> out;
  const std::string source = std::string(kVariable) + ":";
  for (const auto& p : parameters) {
    if (p.map) {
      for (const auto& [key, text] : *p.map) {
        const auto now = [&] { return current_value(current(), p.name, key); };
        out.push_back({p.name + "." + key, typed(now, text, p.name + "." + key), source});
      }
    } else if (p.string && p.name == kEnvironmentParameter) {
      continue;  // chooses the environment
    } else if (p.string && p.name.find('.') != std::string::npos) {
      // "COMPONENT.PARAM": the longest component name that prefixes it, as --set does
      // (the render checks that the component exists).
      const auto now = [&]() -> const json* {
        const json& all = current();
        std::string component;
        for (auto it = all.begin(); all.is_object() && it != all.end(); ++it) {
          const std::string& c = it.key();
          if (c.size() > component.size() && p.name.size() > c.size() + 1 && p.name.rfind(c + ".", 0) == 0) component = c;
        }
        return component.empty() ? nullptr : current_value(all, component, p.name.substr(component.size() + 1));
      };
      out.push_back({p.name, typed(now, *p.string, p.name), source});
    } else {
      throw Error(std::string(kVariable) + ": parameter " + p.name + " is not one kgen takes",
                  "set a component's parameters as a map named after it, one as a string named COMPONENT.PARAM, "
                  "or the environment as the string \"environment\"");
    }
  }
  return out;
}

json announcement(const app::App& app, const std::string& environment, const json& current) {
  json out = json::array();
  std::string names;
  for (const auto& [name, env] : app.environments) names += (names.empty() ? "" : ", ") + name;
  out.push_back({{"name", kEnvironmentParameter},
                 {"title", "ks environment"},
                 {"tooltip", "The environment kgen renders (" + names + ")"},
                 {"collectionType", "string"},
                 {"string", environment}});
  for (auto it = current.begin(); current.is_object() && it != current.end(); ++it) {
    json values = json::object();
    if (it.value().is_object()) {
      for (auto param = it.value().begin(); param != it.value().end(); ++param) {
        values[param.key()] = param.value().is_string() ? param.value().get<std::string>() : param.value().dump();
      }
    }
    out.push_back({{"name", it.key()},
                   {"title", "Parameters of component " + it.key()},
                   {"collectionType", "map"},
                   {"map", values}});
  }
  return out;
}

}  // namespace kgen::argocd

#include <map>
#include <string>
#include <vector>

#include "common/files.h"
#include "encoding/yaml_decode.h"
#include "report/report.h"

namespace kgen::report {
namespace {

using nlohmann::json;

std::string output(ListFormat format, const std::string& kind, const std::vector<std::string>& headers,
                   const std::vector<std::vector<std::string>>& rows, const std::vector<json>& items) {
  return format == ListFormat::Json ? format_json_listing(kind, items) : format_table(headers, rows);
}

// apiVersion, kind and name of a YAML/JSON component, for `component list`.
std::vector<std::string> describe_data_component(const app::Component& component) {
  std::vector<json> docs;
  encoding::YamlError error;
  const auto text = try_read_file(component.path);
  if (!text || !encoding::decode_yaml_documents(*text, &docs, &error) || docs.empty() || !docs[0].is_object()) {
    return {"", "", ""};
  }
  const json& object = docs[0];
  auto text_of = [](const json& v) { return v.is_string() ? v.get<std::string>() : std::string(); };
  const json metadata = object.value("metadata", json::object());
  return {text_of(object.value("apiVersion", json())), text_of(object.value("kind", json())),
          metadata.is_object() ? text_of(metadata.value("name", json())) : ""};
}

}  // namespace

std::string env_list(const app::App& app, ListFormat format) {
  std::vector<std::vector<std::string>> rows;
  std::vector<json> items;
  for (const auto& [name, env] : app.environments) {  // std::map: sorted by name
    const std::string override_mark = env.overridden ? "*" : "";
    rows.push_back({name, override_mark, env.k8s_version, env.ns, env.server});
    items.push_back({{"name", name},
                     {"override", override_mark},
                     {"kubernetes-version", env.k8s_version},
                     {"namespace", env.ns},
                     {"server", env.server}});
  }
  return output(format, "envList", {"name", "override", "kubernetes-version", "namespace", "server"}, rows, items);
}

std::string component_list(const std::vector<app::Module>& modules, ListFormat format) {
  std::map<std::string, std::vector<std::string>> sorted;
  for (const auto& module : modules) {
    for (const auto& component : module.components) {
      if (component.type == app::ComponentType::Jsonnet) {
        sorted[component.qualified] = {"jsonnet", "", "", ""};
      } else {
        const auto described = describe_data_component(component);
        sorted[component.qualified] = {component.type == app::ComponentType::Yaml ? "yaml" : "json", described[0],
                                       described[1], described[2]};
      }
    }
  }
  std::vector<std::vector<std::string>> rows;
  std::vector<json> items;
  for (const auto& [name, columns] : sorted) {
    rows.push_back({name, columns[0], columns[1], columns[2], columns[3]});
    items.push_back({{"component", name},
                     {"type", columns[0]},
                     {"apiversion", columns[1]},
                     {"kind", columns[2]},
                     {"name", columns[3]}});
  }
  return output(format, "componentList", {"component", "type", "apiversion", "kind", "name"}, rows, items);
}

std::string param_list(const json& params, ListFormat format) {
  std::vector<std::vector<std::string>> rows;
  std::vector<json> items;
  for (auto component = params.begin(); component != params.end(); ++component) {  // sorted keys
    if (!component.value().is_object()) continue;
    for (auto param = component.value().begin(); param != component.value().end(); ++param) {
      const std::string value = param_value_literal(param.value());
      rows.push_back({component.key(), param.key(), value});
      items.push_back({{"component", component.key()}, {"param", param.key()}, {"value", value}});
    }
  }
  return output(format, "paramList", {"component", "param", "value"}, rows, items);
}

std::string param_diff(const json& params1, const json& params2, ListFormat format) {
  std::vector<std::vector<std::string>> rows;
  std::vector<json> items;
  auto add = [&](const std::string& component, const std::string& param, const std::string& v1,
                 const std::string& v2) {
    rows.push_back({component, param, v1, v2});
    items.push_back({{"component", component}, {"param", param}, {"env1", v1}, {"env2", v2}});
  };
  std::map<std::string, bool> components;
  for (auto it = params1.begin(); it != params1.end(); ++it) components[it.key()] = true;
  for (auto it = params2.begin(); it != params2.end(); ++it) components[it.key()] = true;
  for (const auto& [component, unused] : components) {
    const json empty = json::object();
    const json& p1 = params1.contains(component) ? params1[component] : empty;
    const json& p2 = params2.contains(component) ? params2[component] : empty;
    // Differing keys first, then keys only the first environment has, then the second's.
    for (auto it = p1.begin(); it != p1.end(); ++it) {
      if (p2.contains(it.key()) && p2[it.key()] != it.value()) {
        add(component, it.key(), diff_value(it.value()), diff_value(p2[it.key()]));
      }
    }
    for (auto it = p1.begin(); it != p1.end(); ++it) {
      if (!p2.contains(it.key())) add(component, it.key(), diff_value(it.value()), "");
    }
    for (auto it = p2.begin(); it != p2.end(); ++it) {
      if (!p1.contains(it.key())) add(component, it.key(), "", diff_value(it.value()));
    }
  }
  return output(format, "paramDiff", {"component", "param", "env1", "env2"}, rows, items);
}

}  // namespace kgen::report

namespace kgen::report {

std::string module_list(const std::vector<std::string>& modules, ListFormat format) {
  std::vector<std::vector<std::string>> rows;
  std::vector<json> items;
  for (const auto& name : modules) {
    rows.push_back({name});
    items.push_back({{"module", name}});
  }
  return output(format, "moduleList", {"module"}, rows, items);
}

}  // namespace kgen::report

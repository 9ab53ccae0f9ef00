#include <regex>
#include <set>
#include <string>
#include <vector>

#include "common/error.h"
#include "params/params.h"
#include "prototype/prototype.h"

namespace kgen::prototype {
namespace {

bool is_identifier(const std::string& s) {
  static const std::regex kIdentifier("[A-Za-z_][A-Za-z0-9_]*");
  return std::regex_match(s, kIdentifier);
}

bool is_number(const std::string& s) {
  static const std::regex kNumber("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  return std::regex_match(s, kNumber);
}

// `.name`, or `["my-name"]` for a name Jsonnet cannot take bare.
std::string field_access(const std::string& name) {
  return is_identifier(name) ? "." + name : "[" + params::jsonnet_quoted(name) + "]";
}

// The Jsonnet text of a parameter value, by the parameter's declared type.
std::string typed_value(const Prototype& prototype, const Param& param, const std::string& text) {
  const std::string& type = param.type;
  if (type == "string") return params::jsonnet_quoted(text);
  if (type == "number") {
    if (!is_number(text)) {
      throw Error("parameter '" + param.name + "' of " + prototype.name + " is a number, not '" + text + "'",
                  "pass a number, e.g. --" + param.name + "=1");
    }
    return text;
  }
  if (type == "number-or-string") return is_number(text) ? text : params::jsonnet_quoted(text);
  if (type == "bool" || type == "boolean") {
    if (text != "true" && text != "false") {
      throw Error("parameter '" + param.name + "' of " + prototype.name + " is true or false, not '" + text + "'",
                  "pass --" + param.name + "=true or --" + param.name + "=false");
    }
    return text;
  }
  // object, array and anything else: Jsonnet text, kept as written (ks kept it so).
  try {
    params::check_syntax(text, "--" + param.name);
  } catch (const Error& e) {
    throw Error("parameter '" + param.name + "' of " + prototype.name + " is not valid Jsonnet: " + e.message(),
                "pass a Jsonnet " + type + ", e.g. --" + param.name + (type == "array" ? "='[1, 2]'" : "='{a: 1}'"));
  }
  return text;
}

}  // namespace

Expansion expand(const Prototype& prototype, const std::string& component,
                 const std::map<std::string, std::string>& values) {
  std::set<std::string> declared;
  for (const auto& p : prototype.params) declared.insert(p.name);
  for (const auto& [name, value] : values) {
    if (!declared.count(name)) {
      throw Error("prototype " + prototype.name + " has no parameter --" + name,
                  "see its parameters with kgen prototype describe " + prototype.name);
    }
  }
  Expansion out;
  std::string missing;
  std::map<std::string, std::string> sorted;
  for (const auto& p : prototype.params) {
    auto it = values.find(p.name);
    if (it != values.end()) {
      sorted[p.name] = typed_value(prototype, p, it->second);
    } else if (p.name == "name") {
      sorted[p.name] = typed_value(prototype, p, component);  // ks: the component's name
    } else if (p.optional) {
      sorted[p.name] = typed_value(prototype, p, p.default_value);
    } else {
      missing += (missing.empty() ? "" : ", ") + ("--" + p.name + "=<" + p.name + "> (" + p.description + ")");
    }
  }
  if (!missing.empty()) {
    throw Error("prototype " + prototype.name + " needs " + missing, "pass it as a flag or in --values-file");
  }
  out.params.assign(sorted.begin(), sorted.end());

  // import 'param://NAME' -> params.NAME
  static const std::regex kParamImport("import\\s*(['\"])param://([^'\"]*)\\1");
  std::string body;
  auto begin = std::sregex_iterator(prototype.body.begin(), prototype.body.end(), kParamImport);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    // A parameter the annotations do not declare becomes params.NAME all the same,
    // absent from params.libsonnet until it is set, as ks generated it (Kubeflow's
    // prototypes relied on that).
    const std::string name = (*it)[2];
    body += prototype.body.substr(last, it->position() - last) + "params" + field_access(name);
    last = it->position() + it->length();
  }
  body += prototype.body.substr(last);
  out.component_text = "local env = std.extVar(\"__ksonnet/environments\");\n"
                       "local params = std.extVar(\"__ksonnet/params\").components" +
                       field_access(component) + ";\n" + body;
  return out;
}

}  // namespace kgen::prototype

#include "encoding/yaml_decode.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <string>

#include "encoding/go_number.h"
#include "encoding/go_yaml_resolve.h"
#include "encoding/yaml_syntax.h"

namespace kgen::encoding {
namespace {

using nlohmann::json;

struct Unrepresentable {
  YAML::Mark mark;
  std::string message;
};

json scalar_to_json(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  const std::string& tag = node.Tag();
  if (tag != "?") {
    // Quoted, block or explicitly !!str-tagged scalars are strings; other explicit
    // tags are typed as their tag says.
    if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
        tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
      YAML::Node plain(text);
      plain.SetTag("?");
      return scalar_to_json(plain);
    }
    return json(text);
  }
  const ResolvedScalar r = resolve_plain_scalar(text);
  switch (r.kind) {
    case ScalarKind::Null:
      return json(nullptr);
    case ScalarKind::Bool:
      return json(r.bool_value);
    case ScalarKind::Int:
      return json(r.int_value);
    case ScalarKind::Uint:
      return json(r.uint_value);
    case ScalarKind::Float:
      if (!std::isfinite(r.float_value)) {
        throw Unrepresentable{node.Mark(), "the value '" + text + "' cannot be represented in JSON"};
      }
      return json(r.float_value);
    case ScalarKind::String:
    case ScalarKind::Merge:
      break;
  }
  return json(text);
}

// Map keys become strings the way ghodss/yaml converted them.
std::string key_to_string(const YAML::Node& key) {
  if (!key.IsScalar()) {
    throw Unrepresentable{key.Mark(), "a mapping key must be a scalar to be represented in JSON"};
  }
  if (key.Tag() != "?") return key.Scalar();
  const ResolvedScalar r = resolve_plain_scalar(key.Scalar());
  switch (r.kind) {
    case ScalarKind::Bool:
      return r.bool_value ? "true" : "false";
    case ScalarKind::Int:
      return std::to_string(r.int_value);
    case ScalarKind::Uint:
      return std::to_string(r.uint_value);
    case ScalarKind::Float:
      return go_yaml_float(r.float_value);
    case ScalarKind::Null:
      return "null";
    default:
      return key.Scalar();
  }
}

json node_to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return json(nullptr);
    case YAML::NodeType::Scalar:
      return scalar_to_json(node);
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : node) out.push_back(node_to_json(item));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& entry : node) out[key_to_string(entry.first)] = node_to_json(entry.second);
      return out;
    }
    case YAML::NodeType::Undefined:
      break;
  }
  return json(nullptr);
}

}  // namespace

bool decode_yaml_documents(const std::string& text, std::vector<json>* docs, YamlError* error) {
  if (!check_yaml_syntax(text, &error->line, &error->column, &error->message)) return false;
  try {
    for (const YAML::Node& doc : YAML::LoadAll(text)) {
      if (doc.IsNull() && doc.Tag().empty()) continue;
      if (doc.IsNull() && doc.Tag() == "?" && doc.Scalar().empty()) continue;
      docs->push_back(node_to_json(doc));
    }
    return true;
  } catch (const YAML::Exception& e) {
    error->line = e.mark.is_null() ? 0 : e.mark.line + 1;
    error->column = e.mark.is_null() ? 0 : e.mark.column + 1;
    error->message = e.msg;
    return false;
  } catch (const Unrepresentable& e) {
    error->line = e.mark.is_null() ? 0 : e.mark.line + 1;
    error->column = e.mark.is_null() ? 0 : e.mark.column + 1;
    error->message = e.message;
    return false;
  }
}

}  // namespace kgen::encoding

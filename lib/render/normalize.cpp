#include "render/normalize.h"

#include <string>

#include "common/error.h"

namespace kgen::render {
namespace {

using nlohmann::json;

void add_component_label(json* object, const std::string& qualified) {
  json& metadata = (*object)["metadata"];
  if (!metadata.is_object()) metadata = json::object();
  json& labels = metadata["labels"];
  if (!labels.is_object()) labels = json::object();
  labels["ksonnet.io/component"] = qualified;
}

std::string short_json(const json& value) {
  std::string text = value.dump();
  if (text.size() > 120) text = text.substr(0, 117) + "...";
  return text;
}

}  // namespace

std::vector<Object> normalize_component(const std::string& qualified, json value, const std::string& file) {
  if (value.is_array()) value = json{{"apiVersion", "v1"}, {"kind", "List"}, {"items", std::move(value)}};
  if (!value.is_object()) {
    throw Error("component \"" + qualified + "\" is not an object (it evaluated to " + short_json(value) + ")",
                "a component must evaluate to a Kubernetes object, a List or an array of objects", {file});
  }
  const bool is_v1_list = value.value("apiVersion", json()) == "v1" && value.value("kind", json()) == "List";
  if (is_v1_list && value.contains("items") && value["items"].is_array()) {
    for (json& item : value["items"]) {
      if (!item.is_object()) {
        throw Error("component \"" + qualified + "\" has a list item that is not an object: " + short_json(item),
                    "every item of a List must be a Kubernetes object", {file});
      }
      add_component_label(&item, qualified);
    }
  } else {
    add_component_label(&value, qualified);
  }

  std::vector<json> decoded;
  if (value.contains("items")) {
    const json& items = value["items"];
    if (!items.is_array()) {
      throw Error("component \"" + qualified + "\": 'items' is not an array", "make it a list of objects", {file});
    }
    std::string list_kind = value.value("kind", "");
    if (list_kind.size() >= 4 && list_kind.compare(list_kind.size() - 4, 4, "List") == 0) {
      list_kind.resize(list_kind.size() - 4);
    }
    for (const json& item : items) {
      if (!item.is_object()) {
        throw Error("component \"" + qualified + "\" has a list item that is not an object: " + short_json(item),
                    "every item of a List must be a Kubernetes object", {file});
      }
      json copy = item;
      if (!copy.contains("kind") && !copy.contains("apiVersion")) {
        copy["kind"] = list_kind;
        if (value.contains("apiVersion")) copy["apiVersion"] = value["apiVersion"];
      }
      decoded.push_back(std::move(copy));
    }
  } else {
    decoded.push_back(std::move(value));
  }

  std::vector<Object> objects;
  for (json& object : decoded) {
    if (!object.contains("kind") || !object["kind"].is_string() || object["kind"].get<std::string>().empty()) {
      throw Error("component \"" + qualified + "\" produced an object without a kind: " + short_json(object),
                  "set 'kind' (and 'apiVersion') on every object", {file});
    }
    objects.push_back({std::move(object), qualified});
  }
  return objects;
}

}  // namespace kgen::render

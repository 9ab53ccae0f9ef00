// Reading JSON that came from outside (a server's answer, an exec plugin's output, an
// OpenAPI document): a missing field or one of an unexpected type reads as empty, never
// as an exception, so odd answers end in kgen's own clear errors.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace kgen::kube {

inline const nlohmann::json& member(const nlohmann::json& object, const std::string& key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  const auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

inline std::string text_at(const nlohmann::json& object, const std::string& key, const std::string& fallback = {}) {
  const nlohmann::json& value = member(object, key);
  return value.is_string() ? value.get<std::string>() : fallback;
}

inline bool flag_at(const nlohmann::json& object, const std::string& key) {
  const nlohmann::json& value = member(object, key);
  return value.is_boolean() && value.get<bool>();
}

// The array at `key`, or an empty one.
inline const nlohmann::json& items_at(const nlohmann::json& object, const std::string& key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  const nlohmann::json& value = member(object, key);
  return value.is_array() ? value : kEmpty;
}

}  // namespace kgen::kube

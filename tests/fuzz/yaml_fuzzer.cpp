// libFuzzer target for YAML: the go-yaml emitter and the YAML decoder (ks's typing),
// and app.yaml loading.
//
// Properties: any JSON value emitted as YAML reads back as the same value (strings,
// booleans, nulls and keys exactly; numbers as the float32 or integer show prints);
// decoding arbitrary YAML and loading arbitrary app.yaml text never crash.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app_spec.h"
#include "common/error.h"
#include "encoding/go_number.h"
#include "encoding/go_yaml.h"
#include "encoding/yaml_decode.h"

namespace {

using nlohmann::json;

bool same(const json& original, const json& decoded) {
  if (original.is_number()) {
    if (!decoded.is_number()) return false;
    const double a = original.get<double>(), b = decoded.get<double>();
    if (kgen::encoding::is_go_integer(a)) return a == b;
    return static_cast<float>(a) == static_cast<float>(b) || std::isinf(static_cast<float>(a));
  }
  if (original.is_object()) {
    if (!decoded.is_object() || decoded.size() != original.size()) return false;
    for (auto it = original.begin(); it != original.end(); ++it) {
      if (!decoded.contains(it.key()) || !same(it.value(), decoded[it.key()])) return false;
    }
    return true;
  }
  if (original.is_array()) {
    if (!decoded.is_array() || decoded.size() != original.size()) return false;
    for (size_t i = 0; i < original.size(); ++i) {
      if (!same(original[i], decoded[i])) return false;
    }
    return true;
  }
  return original == decoded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  std::vector<json> docs;
  kgen::encoding::YamlError error;
  kgen::encoding::decode_yaml_documents(text, &docs, &error);  // must not crash

  try {
    kgen::app::App app;
    kgen::app::parse_app_spec(text, "app.yaml", &app);
  } catch (const kgen::Error&) {
  }

  const json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() || !value.is_object()) return 0;
  // Numbers beyond what show prints as integers or float32 are out of scope here.
  const std::string yaml = kgen::encoding::to_go_yaml(value);
  std::vector<json> back;
  if (!kgen::encoding::decode_yaml_documents(yaml, &back, &error) || back.size() != 1 || !same(value, back[0])) {
    if (yaml.find(".inf") != std::string::npos || yaml.find(".nan") != std::string::npos) return 0;
    std::abort();
  }
  return 0;
}

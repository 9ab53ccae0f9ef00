#include "jsonnet/natives.h"

extern "C" {
#include <libjsonnet.h>
}
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "common/sha256.h"
#include "encoding/go_json.h"
#include "encoding/go_number.h"
#include "encoding/go_yaml.h"
#include "encoding/yaml_decode.h"
#include "jsonnet/go_math.h"
#include "jsonnet/go_regexp.h"
#include "jsonnet/old_std.h"

namespace kgen::jsonnet {
namespace {

using nlohmann::json;
using Args = const JsonnetJsonValue* const*;

JsonnetJsonValue* fail(JsonnetVm* vm, int* success, const std::string& message) {
  *success = 0;
  return jsonnet_json_make_string(vm, message.c_str());
}

bool string_arg(JsonnetVm* vm, Args argv, int index, const char* fn, std::string* out, std::string* error) {
  const char* s = jsonnet_json_extract_string(vm, argv[index]);
  if (s == nullptr) {
    *error = std::string(fn) + ": argument " + std::to_string(index + 1) + " must be a string";
    return false;
  }
  *out = s;
  return true;
}

JsonnetJsonValue* to_jsonnet(JsonnetVm* vm, const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return jsonnet_json_make_null(vm);
    case json::value_t::boolean:
      return jsonnet_json_make_bool(vm, v.get<bool>() ? 1 : 0);
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return jsonnet_json_make_number(vm, v.get<double>());
    case json::value_t::string:
      return jsonnet_json_make_string(vm, v.get_ref<const std::string&>().c_str());
    case json::value_t::array: {
      JsonnetJsonValue* arr = jsonnet_json_make_array(vm);
      for (const auto& item : v) jsonnet_json_array_append(vm, arr, to_jsonnet(vm, item));
      return arr;
    }
    case json::value_t::object: {
      JsonnetJsonValue* obj = jsonnet_json_make_object(vm);
      for (auto it = v.begin(); it != v.end(); ++it) {
        jsonnet_json_object_append(vm, obj, it.key().c_str(), to_jsonnet(vm, it.value()));
      }
      return obj;
    }
    default:
      return jsonnet_json_make_null(vm);
  }
}

JsonnetJsonValue* parse_json(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string text, error;
  if (!string_arg(vm, argv, 0, "parseJson", &text, &error)) return fail(vm, success, error);
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return fail(vm, success, "parseJson: the argument is not valid JSON");
  *success = 1;
  return to_jsonnet(vm, value);
}

JsonnetJsonValue* parse_yaml(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string text, error;
  if (!string_arg(vm, argv, 0, "parseYaml", &text, &error)) return fail(vm, success, error);
  std::vector<json> docs;
  encoding::YamlError yaml_error;
  if (!encoding::decode_yaml_documents(text, &docs, &yaml_error)) {
    return fail(vm, success,
                "parseYaml: line " + std::to_string(yaml_error.line) + ": " + yaml_error.message);
  }
  *success = 1;
  return to_jsonnet(vm, json(docs));
}

JsonnetJsonValue* escape_string_regex(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string text, error;
  if (!string_arg(vm, argv, 0, "escapeStringRegex", &text, &error)) return fail(vm, success, error);
  *success = 1;
  return jsonnet_json_make_string(vm, go_quote_meta(text).c_str());
}

JsonnetJsonValue* regex_match(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string pattern, text, error;
  if (!string_arg(vm, argv, 0, "regexMatch", &pattern, &error) ||
      !string_arg(vm, argv, 1, "regexMatch", &text, &error)) {
    return fail(vm, success, error);
  }
  bool matched = false;
  if (!go_regex_match(pattern, text, &matched, &error)) return fail(vm, success, "regexMatch: " + error);
  *success = 1;
  return jsonnet_json_make_bool(vm, matched ? 1 : 0);
}

JsonnetJsonValue* regex_subst(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string pattern, src, repl, error, out;
  if (!string_arg(vm, argv, 0, "regexSubst", &pattern, &error) ||
      !string_arg(vm, argv, 1, "regexSubst", &src, &error) ||
      !string_arg(vm, argv, 2, "regexSubst", &repl, &error)) {
    return fail(vm, success, error);
  }
  if (!go_regex_replace_all(pattern, src, repl, &out, &error)) return fail(vm, success, "regexSubst: " + error);
  *success = 1;
  return jsonnet_json_make_string(vm, out.c_str());
}

JsonnetJsonValue* manifest_json_from_json(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string text, error, out;
  if (!string_arg(vm, argv, 0, "manifestJsonFromJson", &text, &error)) return fail(vm, success, error);
  double indent = 0;
  if (!jsonnet_json_extract_number(vm, argv[1], &indent) || indent < 0 || indent != std::floor(indent)) {
    return fail(vm, success, "manifestJsonFromJson: indent must be a non-negative integer");
  }
  if (!encoding::go_json_indent(text, static_cast<int>(indent), &out)) {
    return fail(vm, success, "manifestJsonFromJson: the argument is not valid JSON");
  }
  *success = 1;
  return jsonnet_json_make_string(vm, out.c_str());
}

JsonnetJsonValue* manifest_yaml_from_json(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string text, error;
  if (!string_arg(vm, argv, 0, "manifestYamlFromJson", &text, &error)) return fail(vm, success, error);
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded()) return fail(vm, success, "manifestYamlFromJson: the argument is not valid JSON");
  *success = 1;
  return jsonnet_json_make_string(vm, encoding::to_go_yaml(value).c_str());
}

JsonnetJsonValue* sha256(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string text, error;
  if (!string_arg(vm, argv, 0, "sha256", &text, &error)) return fail(vm, success, error);
  const std::string hex = sha256_hex(text);
  *success = 1;
  return jsonnet_json_make_string(vm, hex.c_str());
}

// libjsonnet writes negative zero as "-0", which JSON parsers read as the integer 0:
// "-0.0" keeps the sign the old std printed.
std::string keep_negative_zero(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    out.push_back(c);
    if (in_string) {
      if (c == '\\') {
        out.push_back(text[++i]);
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '0' &&
               (i + 2 == text.size() || std::string(".eE0123456789").find(text[i + 2]) == std::string::npos)) {
      out += "0.0";
      ++i;
    }
  }
  return out;
}

// The old standard library's text builders take the value as a one-element JSON array
// (libjsonnet's manifestation of [value]).
bool unwrap_value(const std::string& text, json* value) {
  json wrapped = json::parse(keep_negative_zero(text), nullptr, false);
  if (wrapped.is_discarded() || !wrapped.is_array() || wrapped.size() != 1) return false;
  *value = std::move(wrapped[0]);
  return true;
}

template <std::string (*Build)(const json&)>
JsonnetJsonValue* old_std_manifest(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string text, error;
  if (!string_arg(vm, argv, 0, "manifest", &text, &error)) return fail(vm, success, error);
  json value;
  if (!unwrap_value(text, &value)) return fail(vm, success, "manifest: the value is not JSON (invalid UTF-8?)");
  *success = 1;
  return jsonnet_json_make_string(vm, Build(value).c_str());
}

JsonnetJsonValue* old_manifest_json_ex_native(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string text, indent, error;
  if (!string_arg(vm, argv, 0, "manifestJsonEx", &text, &error) ||
      !string_arg(vm, argv, 1, "manifestJsonEx", &indent, &error)) {
    return fail(vm, success, error);
  }
  json value;
  if (!unwrap_value(text, &value)) return fail(vm, success, "manifestJsonEx: the value is not JSON (invalid UTF-8?)");
  *success = 1;
  return jsonnet_json_make_string(vm, old_manifest_json_ex(value, indent).c_str());
}

JsonnetJsonValue* old_escape_string_json_native(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string text, error;
  if (!string_arg(vm, argv, 0, "escapeStringJson", &text, &error)) return fail(vm, success, error);
  *success = 1;
  return jsonnet_json_make_string(vm, old_escape_string_json(text).c_str());
}

// std.format(str, vals): the text, or null where the old std overflowed (the override then
// calls libjsonnet's std.format).
JsonnetJsonValue* old_format_native(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string format, text, error;
  if (!string_arg(vm, argv, 0, "format", &format, &error) || !string_arg(vm, argv, 1, "format", &text, &error)) {
    return fail(vm, success, error);
  }
  json vals;
  if (!unwrap_value(text, &vals)) return fail(vm, success, "format: the values are not JSON (invalid UTF-8?)");
  std::string out;
  switch (old_format(format, vals, &out)) {
    case FormatStatus::kOk:
      *success = 1;
      return jsonnet_json_make_string(vm, out.c_str());
    case FormatStatus::kOverflow:
      *success = 1;
      return jsonnet_json_make_null(vm);
    default:
      return fail(vm, success, out);
  }
}

JsonnetJsonValue* old_format_keys_native(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  std::string format, error;
  if (!string_arg(vm, argv, 0, "format", &format, &error)) return fail(vm, success, error);
  *success = 1;
  return to_jsonnet(vm, json(old_format_mapping_keys(format)));
}

// std.exp, std.log, ...: Go's math package (go_math.h).
template <double (*Fn)(double)>
JsonnetJsonValue* go_math_1(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  double x = 0;
  if (!jsonnet_json_extract_number(vm, argv[0], &x)) return fail(vm, success, "math: the argument must be a number");
  const double r = Fn(x);
  *success = 1;
  return std::isfinite(r) ? jsonnet_json_make_number(vm, r) : jsonnet_json_make_null(vm);
}

JsonnetJsonValue* go_math_pow(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  double x = 0, y = 0;
  if (!jsonnet_json_extract_number(vm, argv[0], &x) || !jsonnet_json_extract_number(vm, argv[1], &y)) {
    return fail(vm, success, "pow: the arguments must be numbers");
  }
  const double r = go_pow(x, y);
  *success = 1;
  return std::isfinite(r) ? jsonnet_json_make_number(vm, r) : jsonnet_json_make_null(vm);
}

// go-jsonnet 0.11.2's getInt, which std.makeArray's size went through: null for an
// integer that fits int32, else its error message.
JsonnetJsonValue* old_not_int32(void* ctx, Args argv, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  double x = 0;
  if (!jsonnet_json_extract_number(vm, argv[0], &x)) return fail(vm, success, "getInt: the argument must be a number");
  *success = 1;
  if (x >= -2147483648.0 && x <= 2147483647.0 && x == std::trunc(x)) return jsonnet_json_make_null(vm);
  return jsonnet_json_make_string(vm, ("Expected an integer, but got " + encoding::go_format_v(x)).c_str());
}

}  // namespace

JsonnetJsonValue* json_to_jsonnet(JsonnetVm* vm, const nlohmann::json& value) { return to_jsonnet(vm, value); }

void register_natives(JsonnetVm* vm) {
  static const char* const kOne[] = {"json", nullptr};
  static const char* const kYaml[] = {"yaml", nullptr};
  static const char* const kStr[] = {"str", nullptr};
  static const char* const kMatch[] = {"regex", "string", nullptr};
  static const char* const kSubst[] = {"regex", "src", "repl", nullptr};
  static const char* const kIndent[] = {"json", "indent", nullptr};
  struct Native {
    const char* name;
    JsonnetNativeCallback* callback;
    const char* const* params;
  };
  static const Native kNatives[] = {
      {"parseJson", parse_json, kOne},
      {"parseYaml", parse_yaml, kYaml},
      {"escapeStringRegex", escape_string_regex, kStr},
      {"regexMatch", regex_match, kMatch},
      {"regexSubst", regex_subst, kSubst},
      {"manifestJsonFromJson", manifest_json_from_json, kIndent},
      {"manifestYamlFromJson", manifest_yaml_from_json, kOne},
      {"sha256", sha256, kStr},
  };
  for (const Native& native : kNatives) {
    // Under its own name, and as "kgen.<name>", which the prelude's std.native uses
    // because libjsonnet's builtins shadow natives of the same name.
    jsonnet_native_callback(vm, native.name, native.callback, vm, native.params);
    jsonnet_native_callback(vm, (std::string("kgen.") + native.name).c_str(), native.callback, vm, native.params);
  }
  // The old standard library's functions (old_std_overrides.cpp calls them; not ks natives).
  static const char* const kValue[] = {"value", nullptr};
  static const char* const kValueIndent[] = {"value", "indent", nullptr};
  static const char* const kFormatVals[] = {"str", "vals", nullptr};
  static const char* const kX[] = {"x", nullptr};
  static const char* const kXY[] = {"x", "y", nullptr};
  static const Native kOldStd[] = {
      {"kgen.std.escapeStringJson", old_escape_string_json_native, kStr},
      {"kgen.std.manifestJsonEx", old_manifest_json_ex_native, kValueIndent},
      {"kgen.std.manifestYamlDoc", old_std_manifest<old_manifest_yaml_doc>, kValue},
      {"kgen.std.manifestYamlStream", old_std_manifest<old_manifest_yaml_stream>, kValue},
      {"kgen.std.manifestPython", old_std_manifest<old_manifest_python>, kValue},
      {"kgen.std.manifestPythonVars", old_std_manifest<old_manifest_python_vars>, kValue},
      {"kgen.std.format", old_format_native, kFormatVals},
      {"kgen.std.formatKeys", old_format_keys_native, kStr},
      {"kgen.std.exp", go_math_1<go_exp>, kX},
      {"kgen.std.log", go_math_1<go_log>, kX},
      {"kgen.std.sin", go_math_1<go_sin>, kX},
      {"kgen.std.cos", go_math_1<go_cos>, kX},
      {"kgen.std.tan", go_math_1<go_tan>, kX},
      {"kgen.std.asin", go_math_1<go_asin>, kX},
      {"kgen.std.acos", go_math_1<go_acos>, kX},
      {"kgen.std.atan", go_math_1<go_atan>, kX},
      {"kgen.std.pow", go_math_pow, kXY},
      {"kgen.std.notInt32", old_not_int32, kX},
  };
  for (const Native& native : kOldStd) jsonnet_native_callback(vm, native.name, native.callback, vm, native.params);
}

}  // namespace kgen::jsonnet

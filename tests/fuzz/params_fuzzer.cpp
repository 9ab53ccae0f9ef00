// libFuzzer target for the params stage: the Jsonnet parser and the editor.
//
// Properties checked on every input: parsing never crashes and every span lies in the
// text in order; an edit either fails with a kgen::Error or returns text that parses
// again (the rest of the text is kept by construction: an edit is a single splice).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "common/error.h"
#include "params/params.h"
#include "params/syntax.h"

namespace {

void check_spans(const kgen::params::Node& node, size_t size) {
  if (node.span.begin > node.span.end || node.span.end > size) std::abort();
  for (const auto& child : node.children) check_spans(*child, size);
  for (const auto& field : node.fields) {
    if (field.key_span.begin > field.key_span.end || field.span.end > size) std::abort();
    if (field.value) check_spans(*field.value, size);
  }
}

void check_edit(const std::string& after) {
  kgen::params::SyntaxError error;
  if (!kgen::params::parse_jsonnet(after, &error)) std::abort();  // an edit never breaks the file
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  kgen::params::SyntaxError error;
  const auto root = kgen::params::parse_jsonnet(text, &error);
  if (!root) {
    if (error.offset > size) std::abort();
    return 0;
  }
  check_spans(*root, size);
  const nlohmann::json values[] = {nlohmann::json("v'\"\\\n"), nlohmann::json(1.5), nlohmann::json::parse("[1, {}]")};
  for (const auto& value : values) {
    try {
      check_edit(kgen::params::set_component_param(text, "f", "c", {"k", "n"}, value));
    } catch (const kgen::Error&) {
    }
    try {
      check_edit(kgen::params::set_env_param(text, "f", "c", "k", value));
    } catch (const kgen::Error&) {
    }
    try {
      check_edit(kgen::params::set_global_param(text, "f", {"a", "b"}, value));
    } catch (const kgen::Error&) {
    }
  }
  try {
    const std::string removed = kgen::params::delete_component_param(text, "f", "c", {"k"});
    check_edit(removed);
  } catch (const kgen::Error&) {
  }
  return 0;
}

// How go-yaml v2 (the 2018 version ks 0.13 vendored) resolved a plain YAML scalar.
//
// The emitter uses it to decide whether a string must be quoted (it would read back as
// something else), and the YAML decoder uses it to type unquoted scalars the way ks did.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kgen::encoding {

enum class ScalarKind { String, Null, Bool, Int, Uint, Float, Merge };

struct ResolvedScalar {
  ScalarKind kind = ScalarKind::String;
  bool bool_value = false;
  int64_t int_value = 0;
  uint64_t uint_value = 0;
  double float_value = 0;
};

// Resolves an untagged plain scalar. Timestamps are strings, as in that go-yaml version.
ResolvedScalar resolve_plain_scalar(std::string_view text);

// YAML 1.1 base-60 floats ("1:30"): go-yaml quoted them although it never parsed them.
bool is_base60_float(std::string_view text);

}  // namespace kgen::encoding

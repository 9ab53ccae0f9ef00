// Number formatting exactly as the Go programs ks was built from printed numbers.
//
// ks decoded Jsonnet's output into Go values (integral numbers that fit int64 became
// integers), printed JSON with encoding/json and YAML with go-yaml v2, which formatted
// floats with 32-bit precision. These functions reproduce those bytes.
#pragma once

#include <string>

namespace kgen::encoding {

// Go's strconv.FormatFloat(v, 'g', -1, 32) after float32(v), with go-yaml's
// ".inf"/"-.inf"/".nan" spellings.
std::string go_yaml_float(double v);

// The text encoding/json printed for a Jsonnet number after ks's integer conversion:
// an integer when `v` is integral and fits int64, otherwise Go's float64 encoding
// ('f' format, or 'e' below 1e-6 and from 1e21 on, with "e-07" shortened to "e-7").
std::string go_json_number(double v);

// The text go-yaml v2 printed for the same number: integers as they are, other values
// re-resolved the way ks's JSON-to-YAML round trip resolved them.
std::string go_yaml_number(double v);

// Go's fmt "%v" of a float64 (strconv 'g', shortest): "2.5", "3e+09", "1e-07", as
// go-jsonnet 0.11.2 wrote numbers into some error messages.
std::string go_format_v(double v);

// True when ks turned this number into a Go integer (integral and within int64).
bool is_go_integer(double v);

}  // namespace kgen::encoding

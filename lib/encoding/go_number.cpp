#include "encoding/go_number.h"

#include <charconv>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <string>

namespace kgen::encoding {
namespace {

// Shortest decimal digits of a number, as Go's strconv keeps them: the digit string
// (no leading or trailing zeros) and the position of the decimal point `dp`, so that
// value = 0.d1d2d3... * 10^dp.
struct Digits {
  bool negative = false;
  std::string digits;
  int dp = 0;
};

template <typename Float>
Digits shortest_digits(Float v) {
  Digits out;
  out.negative = std::signbit(v);
  if (v == 0) {
    out.digits = "0";
    out.dp = 1;
    return out;
  }
  char buf[64];
  auto result = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
  std::string text(buf, result.ptr);  // d[.ddd]e[+-]XX
  const auto e = text.find('e');
  std::string mantissa = text.substr(0, e);
  const int exponent = std::stoi(text.substr(e + 1));
  for (char c : mantissa) {
    if (c != '.') out.digits.push_back(c);
  }
  while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
  out.dp = exponent + 1;
  return out;
}

// Go's fmtE with `frac` digits after the point (shortest mode: all digits).
std::string format_e(const Digits& d) {
  std::string s = d.negative ? "-" : "";
  s += d.digits[0];
  if (d.digits.size() > 1) {
    s += '.';
    s += d.digits.substr(1);
  }
  s += 'e';
  int exp = d.digits == "0" ? 0 : d.dp - 1;
  s += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp < 10) s += '0';
  s += std::to_string(exp);
  return s;
}

// Go's fmtF in shortest mode: integer part, then the remaining digits.
std::string format_f(const Digits& d) {
  std::string s = d.negative ? "-" : "";
  const int nd = static_cast<int>(d.digits.size());
  if (d.dp > 0) {
    for (int i = 0; i < d.dp; ++i) s += i < nd ? d.digits[i] : '0';
  } else {
    s += '0';
  }
  const int frac = std::max(nd - d.dp, 0);
  if (frac > 0) {
    s += '.';
    for (int i = 0; i < frac; ++i) {
      const int j = d.dp + i;
      s += (j >= 0 && j < nd) ? d.digits[j] : '0';
    }
  }
  return s;
}

// Go's 'g' format in shortest mode: %e when the exponent is < -4 or >= 6 (the
// "precision 6" rule strconv applies to shortest output), %f otherwise.
std::string format_g(const Digits& d) {
  const int exp = d.dp - 1;
  if (d.digits != "0" && (exp < -4 || exp >= 6)) return format_e(d);
  return format_f(d);
}

// float32(v) as Go converts: round to nearest, overflowing to infinity.
float to_float32(double v) {
  if (!std::isfinite(v)) return static_cast<float>(v);
  const double limit = static_cast<double>(FLT_MAX) + std::ldexp(1.0, 103);  // FLT_MAX + half an ulp
  if (std::fabs(v) >= limit) return v > 0 ? INFINITY : -INFINITY;
  if (std::fabs(v) > FLT_MAX) return v > 0 ? FLT_MAX : -FLT_MAX;
  return static_cast<float>(v);
}

constexpr double kTwo63 = 9223372036854775808.0;
constexpr double kTwo64 = 18446744073709551616.0;
// Up to 2^53 every integer is a double, and Go's shortest digits are the integer itself.
constexpr double kTwo53 = 9007199254740992.0;

bool exactly_integral(double v) { return is_go_integer(v) && std::fabs(v) <= kTwo53; }

// Whether go-yaml, re-reading encoding/json's text, took it as an int or a uint64.
bool parses_as_yaml_integer(const std::string& text) {
  const char* end = text.data() + text.size();
  if (text[0] == '-') {
    int64_t i = 0;
    const auto r = std::from_chars(text.data(), end, i);
    return r.ec == std::errc() && r.ptr == end;
  }
  uint64_t u = 0;
  const auto r = std::from_chars(text.data(), end, u);
  return r.ec == std::errc() && r.ptr == end;
}

}  // namespace

bool is_go_integer(double v) {
  return std::isfinite(v) && v == std::trunc(v) && v >= -kTwo63 && v < kTwo63;
}

std::string go_format_v(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  return format_g(shortest_digits(v));
}

std::string go_yaml_float(double v) {
  const float f = to_float32(v);
  if (std::isnan(f)) return ".nan";
  if (std::isinf(f)) return f > 0 ? ".inf" : "-.inf";
  return format_g(shortest_digits(f));
}

std::string go_json_number(double v) {
  // encoding/json printed a float64's shortest digits, padded with zeros: 2^62 is
  // 4611686018427388000 in ks's output, not 4611686018427387904.
  if (exactly_integral(v)) return std::to_string(static_cast<int64_t>(v));
  const double abs = std::fabs(v);
  const Digits d = shortest_digits(v);
  if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
    std::string s = format_e(d);
    // encoding/json shortens a two-digit negative exponent: 1e-07 -> 1e-7.
    const size_t n = s.size();
    if (n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0') s.erase(n - 2, 1);
    return s;
  }
  return format_f(d);
}

std::string go_yaml_number(double v) {
  if (exactly_integral(v)) return std::to_string(static_cast<int64_t>(v));
  // go-yaml re-read encoding/json's text: an integral one that fits an int64 or a uint64
  // printed unchanged (-2^63 is -9223372036854776000 there, which does not); everything
  // else became a float64 printed at 32-bit precision.
  if (v == std::trunc(v) && v > -kTwo64 && v < kTwo64) {
    std::string text = go_json_number(v);
    if (parses_as_yaml_integer(text)) return text;
  }
  return go_yaml_float(v);
}

}  // namespace kgen::encoding

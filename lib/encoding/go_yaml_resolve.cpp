#include "encoding/go_yaml_resolve.h"

#include <re2/re2.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

namespace kgen::encoding {
namespace {

bool in_list(std::string_view s, std::initializer_list<std::string_view> list) {
  for (auto item : list) {
    if (s == item) return true;
  }
  return false;
}

// The fixed spellings of go-yaml's resolveMap.
bool lookup_map(std::string_view s, ResolvedScalar* out) {
  if (in_list(s, {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})) {
    out->kind = ScalarKind::Bool;
    out->bool_value = true;
    return true;
  }
  if (in_list(s, {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})) {
    out->kind = ScalarKind::Bool;
    out->bool_value = false;
    return true;
  }
  if (in_list(s, {"", "~", "null", "Null", "NULL"})) {
    out->kind = ScalarKind::Null;
    return true;
  }
  if (in_list(s, {".nan", ".NaN", ".NAN"})) {
    out->kind = ScalarKind::Float;
    out->float_value = NAN;
    return true;
  }
  if (in_list(s, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) {
    out->kind = ScalarKind::Float;
    out->float_value = INFINITY;
    return true;
  }
  if (in_list(s, {"-.inf", "-.Inf", "-.INF"})) {
    out->kind = ScalarKind::Float;
    out->float_value = -INFINITY;
    return true;
  }
  if (s == "<<") {
    out->kind = ScalarKind::Merge;
    return true;
  }
  return false;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Go 1.10's strconv.ParseUint(s, 0, 64): "0x" hex, leading "0" octal, else decimal.
bool parse_go_uint(std::string_view s, uint64_t* out) {
  if (s.empty()) return false;
  int base = 10;
  if (s[0] == '0') {
    if (s.size() >= 3 && (s[1] == 'x' || s[1] == 'X')) {
      base = 16;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
      if (s.empty()) {
        *out = 0;
        return true;
      }
    }
  }
  uint64_t value = 0;
  for (char c : s) {
    const int d = digit_value(c);
    if (d >= base) return false;
    if (value > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) return false;
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  *out = value;
  return true;
}

// strconv.ParseInt(s, 0, 64).
bool parse_go_int(std::string_view s, int64_t* out) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  uint64_t magnitude = 0;
  if (!parse_go_uint(s, &magnitude)) return false;
  const uint64_t limit = negative ? (uint64_t{1} << 63) : (uint64_t{1} << 63) - 1;
  if (magnitude > limit) return false;
  *out = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  return true;
}

// strconv.ParseFloat for the decimal forms that reach it here; out-of-range is an error.
bool parse_go_float(const std::string& s, double* out) {
  if (s.empty()) return false;
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return false;
  if (errno == ERANGE && std::isinf(v)) return false;
  *out = v;
  return true;
}

const RE2& yaml_style_float() {
  // The float syntax of go-yaml at that time: an exponent needs its sign ("1e3" is a string).
  static const RE2 re(R"(^[-+]?[0-9]*\.?[0-9]+([eE][-+][0-9]+)?$)");
  return re;
}

const RE2& dot_float() {
  static const RE2 re(R"(^\.[0-9]+([eE][-+]?[0-9]+)?$)");
  return re;
}

char hint_for(char c) {
  if (c == '+' || c == '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if (std::string_view("yYnNtTfFoO~").find(c) != std::string_view::npos) return 'M';
  if (c == '.') return '.';
  return 0;
}

}  // namespace

bool is_base60_float(std::string_view s) {
  if (s.empty()) return false;
  const char c = s[0];
  if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')) || s.find(':') == std::string_view::npos) {
    return false;
  }
  static const RE2 re(R"(^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$)");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re);
}

ResolvedScalar resolve_plain_scalar(std::string_view in) {
  ResolvedScalar out;
  const char hint = in.empty() ? 'N' : hint_for(in[0]);
  if (hint == 0) return out;
  if (lookup_map(in, &out)) return out;
  if (hint == '.') {
    const std::string s(in);
    double v = 0;
    if (RE2::FullMatch(s, dot_float()) && parse_go_float(s, &v)) {
      out.kind = ScalarKind::Float;
      out.float_value = v;
    }
    return out;
  }
  if (hint == 'D' || hint == 'S') {
    std::string plain;
    for (char c : in) {
      if (c != '_') plain.push_back(c);
    }
    int64_t i = 0;
    if (parse_go_int(plain, &i)) {
      out.kind = ScalarKind::Int;
      out.int_value = i;
      return out;
    }
    uint64_t u = 0;
    if (parse_go_uint(plain, &u)) {
      out.kind = ScalarKind::Uint;
      out.uint_value = u;
      return out;
    }
    double v = 0;
    if (RE2::FullMatch(plain, yaml_style_float()) && parse_go_float(plain, &v)) {
      out.kind = ScalarKind::Float;
      out.float_value = v;
      return out;
    }
  }
  return out;
}

}  // namespace kgen::encoding

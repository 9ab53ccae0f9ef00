// std.format as go-jsonnet v0.11.2's std.jsonnet computed it, step by step in doubles: the
// same digits, including its quirks (%.0f truncates, a fraction that rounds up to 10^prec is
// printed as such: "%.2f" % 1.999 is "1.100"; %e/%g take the exponent from log(x)/log(10)
// and divide by Go's pow(10, e), so "%g" % 1e100 is "0.1e+100").
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "jsonnet/go_math.h"
#include "jsonnet/old_std.h"

namespace kgen::jsonnet {

using nlohmann::json;

namespace {

// A failure of the old std: an error message, or an overflow go-jsonnet stopped on (kgen then
// keeps libjsonnet's result, see the README).
struct Failure {
  FormatStatus status;
  std::string message;
};

[[noreturn]] void fail(const std::string& message) { throw Failure{FormatStatus::kError, message}; }

// go-jsonnet stopped with "Overflow" (or "Division by zero") on any non-finite result.
double checked(double v) {
  if (!std::isfinite(v)) throw Failure{FormatStatus::kOverflow, "Overflow"};
  return v;
}

size_t codepoints(const std::string& s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// padding(w - length, s): the old loop added s while the count was above 0.
std::string padding(double w, const std::string& s) {
  std::string out;
  for (double i = w; i > 0; i -= 1) out += s;
  return out;
}
std::string pad_left(const std::string& str, double w, const std::string& s) {
  return padding(w - static_cast<double>(codepoints(str)), s) + str;
}
std::string pad_right(const std::string& str, double w, const std::string& s) {
  return str + padding(w - static_cast<double>(codepoints(str)), s);
}

double jsonnet_abs(double n) { return n > 0 ? n : -n; }
double jsonnet_sign(double n) { return n > 0 ? 1 : n < 0 ? -1 : 0; }

// aux(n) = aux(floor(n / radix)) + digit(n % radix), down to zero_prefix at n == 0.
std::string digits(double n, double radix, const std::string& zero_prefix, bool capitals) {
  static const char* const kLower = "0123456789abcdef";
  static const char* const kUpper = "0123456789ABCDEF";
  std::string reversed;
  while (n != 0) {
    const double d = std::fmod(n, radix);
    reversed.push_back((capitals ? kUpper : kLower)[static_cast<int>(d)]);
    n = checked(std::floor(n / radix));
  }
  return zero_prefix + std::string(reversed.rbegin(), reversed.rend());
}

std::string sign_prefix(bool neg, bool blank, bool plus) { return neg ? "-" : plus ? "+" : blank ? " " : ""; }

std::string render_int(double n__, double min_chars, double min_digits, bool blank, bool plus, double radix,
                       const std::string& zero_prefix) {
  const double n_ = jsonnet_abs(n__);
  const std::string dec = std::floor(n_) == 0 ? "0" : digits(std::floor(n_), radix, zero_prefix, false);
  const bool neg = n__ < 0;
  const double zp = min_chars - (neg || blank || plus ? 1 : 0);
  return sign_prefix(neg, blank, plus) + pad_left(dec, std::max(zp, min_digits), "0");
}

std::string render_hex(double n__, double min_chars, double min_digits, bool blank, bool plus, bool add_zerox,
                       bool capitals) {
  const double n_ = jsonnet_abs(n__);
  const std::string hex = std::floor(n_) == 0 ? "0" : digits(std::floor(n_), 16, "", capitals);
  const bool neg = n__ < 0;
  const double zp = min_chars - (neg || blank || plus ? 1 : 0) - (add_zerox ? 2 : 0);
  return sign_prefix(neg, blank, plus) + (add_zerox ? (capitals ? "0X" : "0x") : "") +
         pad_left(hex, std::max(zp, min_digits), "0");
}

std::string strip_trailing_zero(const std::string& str) {
  const size_t end = str.find_last_not_of('0');
  return end == std::string::npos ? "" : str.substr(0, end + 1);
}

std::string render_float_dec(double n__, double zero_pad, bool blank, bool plus, bool ensure_pt, bool trailing,
                             double prec) {
  const double n_ = jsonnet_abs(n__);
  const double whole = std::floor(n_);
  const double dot_size = prec == 0 && !ensure_pt ? 0 : 1;
  const double zp = zero_pad - prec - dot_size;
  const std::string str = render_int(jsonnet_sign(n__) * whole, zp, 0, blank, plus, 10, "");
  if (prec == 0) return str + (ensure_pt ? "." : "");
  const double frac = std::floor(checked(checked((n_ - whole) * checked(go_pow(10, prec))) + 0.5));
  if (!trailing && !(frac > 0)) return str;
  const std::string frac_str = render_int(frac, prec, 0, false, false, 10, "");
  return str + "." + (trailing ? frac_str : strip_trailing_zero(frac_str));
}

double exponent_of(double n) { return std::floor(checked(checked(go_log(jsonnet_abs(n))) / go_log(10))); }

std::string render_float_sci(double n__, double zero_pad, bool blank, bool plus, bool ensure_pt, bool trailing,
                             bool caps, double prec) {
  const double exponent = exponent_of(n__);
  const std::string suff = (caps ? "E" : "e") + render_int(exponent, 3, 0, false, true, 10, "");
  const double mantissa = checked(n__ / checked(go_pow(10, exponent)));
  const double zp2 = zero_pad - static_cast<double>(codepoints(suff));
  return render_float_dec(mantissa, zp2, blank, plus, ensure_pt, trailing, prec) + suff;
}

struct Code {
  bool has_key = false;
  std::string key;
  bool alt = false, zero = false, left = false, blank = false, plus = false;
  bool fw_star = false;
  double fw = 0;
  bool has_prec = false, prec_star = false;
  double prec = 0;
  char ctype = 's';
  bool caps = false;
};

// The format string as literal text and codes, in order.
struct Piece {
  bool is_code;
  std::string text;
  Code code;
};

[[noreturn]] void truncated() { fail("Truncated format code."); }

double parse_width(const std::string& s, size_t* i, bool* star) {
  if (*i < s.size() && s[*i] == '*') {
    ++*i;
    *star = true;
    return 0;
  }
  double v = 0;
  for (;; ++*i) {
    if (*i >= s.size()) truncated();
    if (s[*i] < '0' || s[*i] > '9') return v;
    v = v * 10 + (s[*i] - '0');
  }
}

Code parse_code(const std::string& s, size_t* i) {
  Code code;
  if (*i >= s.size()) truncated();
  if (s[*i] == '(') {
    const size_t close = s.find(')', *i + 1);
    if (close == std::string::npos) truncated();
    code.has_key = true;
    code.key = s.substr(*i + 1, close - *i - 1);
    *i = close + 1;
  }
  for (;; ++*i) {
    if (*i >= s.size()) truncated();
    const char c = s[*i];
    if (c == '#') code.alt = true;
    else if (c == '0') code.zero = true;
    else if (c == '-') code.left = true;
    else if (c == ' ') code.blank = true;
    else if (c == '+') code.plus = true;
    else break;
  }
  code.fw = parse_width(s, i, &code.fw_star);
  if (*i >= s.size()) truncated();
  if (s[*i] == '.') {
    ++*i;
    code.has_prec = true;
    code.prec = parse_width(s, i, &code.prec_star);
  }
  if (*i >= s.size()) truncated();
  if (s[*i] == 'h' || s[*i] == 'l' || s[*i] == 'L') ++*i;
  if (*i >= s.size()) truncated();
  const char c = s[(*i)++];
  switch (c) {
    case 'd': case 'i': case 'u': code.ctype = 'd'; break;
    case 'o': case 'x': case 'e': case 'f': case 'g': case 'c': case 's': case '%': code.ctype = c; break;
    case 'X': case 'E': case 'F': case 'G':
      code.ctype = static_cast<char>(c - 'A' + 'a');
      code.caps = true;
      break;
    default:
      // The old std named the offending character (one codepoint).
      size_t len = 1;
      while (*i - 1 + len < s.size() && (static_cast<unsigned char>(s[*i - 1 + len]) & 0xC0) == 0x80) ++len;
      fail("Unrecognised conversion type: " + s.substr(*i - 1, len));
  }
  return code;
}

std::vector<Piece> parse_codes(const std::string& s) {
  std::vector<Piece> pieces;
  std::string cur;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '%') {
      ++i;
      Code code = parse_code(s, &i);
      pieces.push_back({false, cur, {}});
      pieces.push_back({true, "", code});
      cur.clear();
    } else {
      cur += s[i++];
    }
  }
  pieces.push_back({false, cur, {}});
  return pieces;
}

std::string type_of(const json& v) {
  switch (v.type()) {
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::null: return "null";
    case json::value_t::object: return v.value("t", "object");
    default: return "number";
  }
}

std::string to_string(const json& v) {
  switch (v.type()) {
    case json::value_t::string: return v.get<std::string>();
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::null: return "null";
    case json::value_t::object:
      if (!v.contains("s")) fail("couldn't manifest function as JSON");
      return v["s"].get<std::string>();
    default: return old_number(v.get<double>());
  }
}

std::string utf8(unsigned long cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

double number_arg(const json& v, const std::string& what) {
  if (!v.is_number()) fail(what + " must be a number, got " + type_of(v));
  return v.get<double>();
}

std::string format_code(const json& val, const Code& code, double fw, const json& prec_or_null,
                        const std::string& at) {
  const double fpprec = prec_or_null.is_null() ? 6 : number_arg(prec_or_null, "precision");
  const double iprec = prec_or_null.is_null() ? 0 : number_arg(prec_or_null, "precision");
  const double zp = code.zero && !code.left ? fw : 0;
  if (code.ctype == 's') return to_string(val);
  if (code.ctype == 'c') {
    if (val.is_number()) {
      const double cp = val.get<double>();
      if (cp < 0 || cp > 0x10FFFF) fail("Invalid unicode codepoint, got " + old_number(cp));
      return utf8(static_cast<unsigned long>(cp));
    }
    if (val.is_string()) {
      const std::string s = val.get<std::string>();
      if (codepoints(s) != 1) fail("%c expected 1-sized string got: " + std::to_string(codepoints(s)));
      return s;
    }
    fail("%c expected number / string, got: " + type_of(val));
  }
  if (!val.is_number()) fail("Format required number at " + at + ", got " + type_of(val));
  const double n = val.get<double>();
  switch (code.ctype) {
    case 'd': return render_int(n, zp, iprec, code.blank, code.plus, 10, "");
    case 'o': return render_int(n, zp, iprec, code.blank, code.plus, 8, code.alt ? "0" : "");
    case 'x': return render_hex(n, zp, iprec, code.blank, code.plus, code.alt, code.caps);
    case 'f': return render_float_dec(n, zp, code.blank, code.plus, code.alt, true, fpprec);
    case 'e': return render_float_sci(n, zp, code.blank, code.plus, code.alt, true, code.caps, fpprec);
    default: {  // 'g'
      const double exponent = exponent_of(n);
      if (exponent < -4 || exponent >= fpprec) {
        return render_float_sci(n, zp, code.blank, code.plus, code.alt, code.alt, code.caps, fpprec - 1);
      }
      const double digits_before_pt = std::max(1.0, exponent + 1);
      return render_float_dec(n, zp, code.blank, code.plus, code.alt, code.alt, fpprec - digits_before_pt);
    }
  }
}

std::string pad(const std::string& s, const Code& code, double fw) {
  return code.left ? pad_right(s, fw, " ") : pad_left(s, fw, " ");
}

std::string format_array(const std::vector<Piece>& pieces, const json& arr) {
  std::string out;
  size_t j = 0;
  const std::string count = std::to_string(arr.size());
  for (const Piece& piece : pieces) {
    if (!piece.is_code) {
      out += piece.text;
      continue;
    }
    const Code& code = piece.code;
    auto next = [&]() -> const json& {
      if (j >= arr.size()) fail("Not enough values to format: " + count);
      return arr[j++];
    };
    const double fw = code.fw_star ? number_arg(next(), "field width") : code.fw;
    const json prec = code.prec_star ? next() : code.has_prec ? json(code.prec) : json(nullptr);
    if (code.ctype == '%') {
      out += pad("%", code, fw);
      continue;
    }
    if (j >= arr.size()) fail("Not enough values to format, got " + count);
    out += pad(format_code(arr[j], code, fw, prec, std::to_string(j)), code, fw);
    ++j;
  }
  if (j < arr.size()) fail("Too many values to format: " + count + ", expected " + std::to_string(j));
  return out;
}

std::string format_object(const std::vector<Piece>& pieces, const json& obj) {
  std::string out;
  for (const Piece& piece : pieces) {
    if (!piece.is_code) {
      out += piece.text;
      continue;
    }
    const Code& code = piece.code;
    if (code.fw_star) fail("Cannot use * field width with object.");
    if (code.ctype == '%') {
      out += pad("%", code, code.fw);
      continue;
    }
    if (!code.has_key) fail("Mapping keys required.");
    if (code.prec_star) fail("Cannot use * precision with object.");
    const auto it = obj.find(code.key);
    if (it == obj.end()) fail("No such field: " + code.key);
    const json prec = code.has_prec ? json(code.prec) : json(nullptr);
    out += pad(format_code(*it, code, code.fw, prec, code.key), code, code.fw);
  }
  return out;
}

}  // namespace

FormatStatus old_format(const std::string& format, const json& vals, std::string* out) {
  try {
    const std::vector<Piece> pieces = parse_codes(format);
    *out = vals.is_object() ? format_object(pieces, vals) : format_array(pieces, vals);
    return FormatStatus::kOk;
  } catch (const Failure& failure) {
    *out = failure.message;
    return failure.status;
  }
}

std::vector<std::string> old_format_mapping_keys(const std::string& format) {
  std::vector<std::string> keys;
  try {
    for (const Piece& piece : parse_codes(format)) {
      if (!piece.is_code || !piece.code.has_key) continue;
      if (std::find(keys.begin(), keys.end(), piece.code.key) == keys.end()) keys.push_back(piece.code.key);
    }
  } catch (const Failure&) {
    // old_format reports the error.
  }
  return keys;
}

}  // namespace kgen::jsonnet

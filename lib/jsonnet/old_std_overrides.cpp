#include "jsonnet/old_std_overrides.h"

#include <string_view>

namespace kgen::jsonnet {

// The text-building functions are natives (old_std_manifest.cpp): natives take only
// primitives, so the value goes as libjsonnet's JSON text ('' + [v] manifests it in C++,
// without hidden fields; a function inside fails as it did in ks).
const char* const kOldStdOverrides = R"(  escapeStringJson(str)::
    std.native('kgen.std.escapeStringJson')(std.toString(str)),
  escapeStringPython(str)::
    std.native('kgen.std.escapeStringJson')(std.toString(str)),
  manifestJsonEx(value, indent)::
    std.native('kgen.std.manifestJsonEx')('' + [value], indent),
  manifestJson(value)::
    std.native('kgen.std.manifestJsonEx')('' + [value], '    '),
  manifestYamlDoc(value)::
    std.native('kgen.std.manifestYamlDoc')('' + [value]),
  manifestYamlStream(value)::
    if std.type(value) != 'array' then
      error 'manifestYamlStream only takes arrays, got ' + std.type(value)
    else
      std.native('kgen.std.manifestYamlStream')('' + [value]),
  manifestPython(value)::
    std.native('kgen.std.manifestPython')('' + [value]),
  manifestPythonVars(conf)::
    std.native('kgen.std.manifestPythonVars')('' + [conf]),
  // go-jsonnet 0.11.2: std.set(a + b), so unsorted inputs come out sorted.
  setUnion(a, b, keyF=function(x) x)::
    std.set(a + b, keyF),
  // It split while the count was below maxsplits: -2 never, 1.5 twice.
  splitLimit(str, c, maxsplits)::
    std.splitLimit(str, c, if maxsplits == -1 then -1 else if maxsplits < 0 then 0 else std.ceil(maxsplits)),
  // The size had to be an integer that fits int32 ("Expected an integer, but got 2.5"); a
  // negative one gave []; functions with extra optional parameters were fine.
  makeArray(sz, func)::
    local notInt = if std.type(sz) == 'number' then std.native('kgen.std.notInt32')(sz);
    if notInt != null then error notInt
    else if std.type(sz) == 'number' && sz < 0 then []
    else std.makeArray(sz, if std.type(func) == 'function' && std.length(func) != 1 then function(i) func(i) else func),
  filter(func, arr)::
    std.filter(if std.type(func) == 'function' && std.length(func) != 1 then function(x) func(x) else func, arr),
  // "-" was minus nothing: -0.
  parseInt(str)::
    if str == '-' then -0 else std.parseInt(str),
  // std.format and `%` (libjsonnet's std.mod calls the format of this std) with the old
  // digits (old_std_format.cpp). Objects and arrays go as their std.toString text, a mapping
  // as only the keys the format names; null from the native means the old std overflowed
  // ("%e" % 0), where libjsonnet's result stays.
  format(str, vals)::
    if !std.isString(str) then std.format(str, vals) else
    local enc(v) =
      local t = std.type(v);
      if t == 'object' || t == 'array' then { t: t, s: std.toString(v) }
      else if t == 'function' then { t: t }
      else v;
    local t = std.type(vals);
    local encoded =
      if t == 'array' then [enc(v) for v in vals]
      else if t == 'object' then
        { [k]: enc(vals[k]) for k in std.native('kgen.std.formatKeys')(str) if std.objectHasAll(vals, k) }
      else [enc(vals)];
    local out = std.native('kgen.std.format')(str, '' + [encoded]);
    if out == null then std.format(str, vals) else out,
  // Go's math package (go_math.cpp); null (a non-finite result) and non-numbers go to
  // libjsonnet's function for its error.
  exp(x):: local r = if std.isNumber(x) then std.native('kgen.std.exp')(x); if r == null then std.exp(x) else r,
  log(x):: local r = if std.isNumber(x) then std.native('kgen.std.log')(x); if r == null then std.log(x) else r,
  sin(x):: local r = if std.isNumber(x) then std.native('kgen.std.sin')(x); if r == null then std.sin(x) else r,
  cos(x):: local r = if std.isNumber(x) then std.native('kgen.std.cos')(x); if r == null then std.cos(x) else r,
  tan(x):: local r = if std.isNumber(x) then std.native('kgen.std.tan')(x); if r == null then std.tan(x) else r,
  asin(x):: local r = if std.isNumber(x) then std.native('kgen.std.asin')(x); if r == null then std.asin(x) else r,
  acos(x):: local r = if std.isNumber(x) then std.native('kgen.std.acos')(x); if r == null then std.acos(x) else r,
  atan(x):: local r = if std.isNumber(x) then std.native('kgen.std.atan')(x); if r == null then std.atan(x) else r,
  pow(x, n)::
    local r = if std.isNumber(x) && std.isNumber(n) then std.native('kgen.std.pow')(x, n);
    if r == null then std.pow(x, n) else r,
)";

// One scan for `std.` (instead of one per name: component files import multi-megabyte
// ksonnet-libs) and one for `%`, which calls std.format through std.mod.
bool mentions_old_std(const char* content, unsigned long size) {
  const std::string_view text(content, size);
  if (text.find('%') != std::string_view::npos) return true;
  static constexpr std::string_view kNames[] = {
      "manifestJson", "manifestYaml", "manifestPython", "escapeString", "setUnion", "splitLimit", "makeArray",
      "filter",       "parseInt",     "format",         "exp",          "log",      "pow",        "sin",
      "cos",          "tan",          "asin",           "acos",         "atan"};
  for (size_t at = text.find("std."); at != std::string_view::npos; at = text.find("std.", at + 4)) {
    const std::string_view rest = text.substr(at + 4);
    for (const std::string_view name : kNames) {
      if (rest.compare(0, name.size(), name) == 0) return true;
    }
  }
  return false;
}

}  // namespace kgen::jsonnet

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
  // A negative size gave []; functions with extra optional parameters were fine.
  makeArray(sz, func)::
    if std.type(sz) == 'number' && sz < 0 then []
    else std.makeArray(sz, if std.type(func) == 'function' && std.length(func) != 1 then function(i) func(i) else func),
  filter(func, arr)::
    std.filter(if std.type(func) == 'function' && std.length(func) != 1 then function(x) func(x) else func, arr),
  // "-" was minus nothing: -0.
  parseInt(str)::
    if str == '-' then -0 else std.parseInt(str),
)";

bool mentions_old_std(const char* content, unsigned long size) {
  const std::string_view text(content, size);
  for (const char* name : {"manifestJson", "manifestYaml", "manifestPython", "escapeString", "setUnion",
                           "splitLimit", "makeArray", "filter", "parseInt"}) {
    if (text.find(name) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace kgen::jsonnet

// Links a Jsonnet program and every file it imports into one source text
// (internal to the jsonnet stage).
//
// libjsonnet 0.18 lexes, parses and desugars its whole standard library again for
// every file it loads: about 20 ms and several MB per file, more than most apps spend
// evaluating. kgen therefore hands libjsonnet one file: each imported file becomes a
// binding of one top-level `local`, and each import expression is replaced by that
// binding's name, padded with spaces to the same width so columns stay right. Bindings
// are lazy and evaluated once, as imports are. A source map takes error locations back
// to the files.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "jsonnet/evaluator.h"
#include "jsonnet/import_resolver.h"

namespace kgen::jsonnet {

struct LinkedProgram {
  std::string code;
  // Lines of `code` that came from each served file (found_here paths), and the text
  // each part holds.
  std::vector<Evaluator::BundlePart> parts;
  std::vector<std::string> texts;
};

// Links `root_code` (a virtual file named `root_name`) with everything it imports,
// resolved through `resolver`. Files in `broken` (found_here paths that failed to parse
// on an earlier try, mapped to a key) become a binding that raises kBrokenMarker + key
// when used, so an unused broken file stays harmless, as in Jsonnet.
// The message a broken file's binding raises starts with this, then the key the caller
// gave in `broken`.
inline constexpr const char* kBrokenMarker = "kgen-broken-file:";

// Every file is linked in ks's dialect (ks_dialect.h); std.thisFile of a real file is
// its path from `this_file_root` (absolute outside it), as ks, run from the app's root,
// gave it.
inline constexpr const char* kThisFile = "__kgen_tf";

// Files at least this large that import nothing are imported, for libjsonnet to build
// lazily (see Linker::lazy_import), instead of pasted into the program.
// Only with kgen's patched libjsonnet (patch 0006); Debian's would parse them whole.
#ifdef KGEN_LAZY_IMPORTS
inline constexpr size_t kLazyImportMinBytes = 256 * 1024;
#else
inline constexpr size_t kLazyImportMinBytes = static_cast<size_t>(-1);
#endif

LinkedProgram link_program(const std::string& root_name, const std::string& root_code, ImportResolver* resolver,
                           const std::map<std::string, std::string>& broken, const std::string& this_file_root);

}  // namespace kgen::jsonnet

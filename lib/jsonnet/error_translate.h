// Turns libjsonnet's error text into a kgen::Error about the user's files
// (internal to the jsonnet stage).
#pragma once

#include <string>

#include "common/error.h"
#include "jsonnet/import_resolver.h"

namespace kgen::jsonnet {

// Untags paths ("kgen!3!/app/components/x.jsonnet" -> "components/x.jsonnet"), corrects
// columns shifted by a prelude, and takes the innermost user location as the error's.
Error translate_jsonnet_error(const std::string& raw, const ImportResolver& resolver);

}  // namespace kgen::jsonnet

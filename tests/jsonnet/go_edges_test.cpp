// Jsonnet at the edges as ks's evaluator (go-jsonnet v0.11.2) gave it: every case of
// go_edges/cases.json (recorded with go_edges/record.py) through kgen's evaluator. Code
// points from U+40000 on through the string natives (libjsonnet patch 10), shifts by
// negative or large counts and fractional array indexes (patch 11), std.makeArray's
// integer size (old_std_overrides.cpp).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "common/error.h"
#include "common/files.h"
#include "jsonnet/evaluator.h"
#include "support/temp_dir.h"

namespace kgen::jsonnet {
namespace {

using nlohmann::json;

json cases() {
  return json::parse(*try_read_file(std::string(KGEN_SOURCE_DIR) + "/tests/jsonnet/go_edges/cases.json"));
}

// Errors whose text kgen gives as go-jsonnet did; the others keep libjsonnet's wording.
bool same_wording(const std::string& error) {
  return error.rfind("RUNTIME ERROR: Expected an integer", 0) == 0;
}

class GoEdges : public ::testing::TestWithParam<std::string> {};

TEST_P(GoEdges, SameAsGoJsonnet0112) {
#ifndef KGEN_PATCHED_JSONNET
  if (GetParam() != "makeArray") GTEST_SKIP() << "needs kgen's libjsonnet patches";
#endif
  testing::TempDir dir;
  size_t checked = 0;
  for (const json& c : cases()) {
    if (c["group"] != GetParam()) continue;
    const std::string code = c["code"];
    // Each case in a file of its own, as it was recorded (the source holds raw UTF-8).
    Evaluator ev({});
    const int ctx = ev.add_context({});
    const std::string file = dir.write("case" + std::to_string(checked++) + ".jsonnet", code);
    const std::string program = "import '" + ev.import_path(ctx, file) + "'";
    if (c.contains("expected")) {
      try {
        EXPECT_EQ(json::parse(ev.evaluate("test", program)), c["expected"]) << code;
      } catch (const Error& e) {
        ADD_FAILURE() << code << ": " << e.message();
      }
      continue;
    }
    const std::string error = c["error"];
    try {
      ADD_FAILURE() << code << " gave " << ev.evaluate("test", program) << "; go-jsonnet: " << error;
    } catch (const Error& e) {
      if (same_wording(error)) {
        EXPECT_EQ(e.message(), error) << code;
      }
    }
  }
  EXPECT_GT(checked, 20u);
}

INSTANTIATE_TEST_SUITE_P(Groups, GoEdges, ::testing::Values("unicode", "shift", "index", "makeArray"));

}  // namespace
}  // namespace kgen::jsonnet

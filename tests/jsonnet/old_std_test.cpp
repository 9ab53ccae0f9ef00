// The standard library as ks's evaluator (go-jsonnet v0.11.2) had it: old_std/vectors.jsonnet
// through kgen's evaluator must print what jsonnet-0.11.2 printed (old_std/expected.json).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/files.h"
#include "jsonnet/evaluator.h"
#include "jsonnet/old_std.h"
#include "jsonnet/old_std_overrides.h"
#include "support/temp_dir.h"

namespace kgen::jsonnet {
namespace {

using nlohmann::json;

json eval_file(const std::string& file) {
  Evaluator ev({});
  const int ctx = ev.add_context({});
  return json::parse(ev.evaluate("test", "import '" + ev.import_path(ctx, file) + "'"));
}

json eval(const std::string& code) {
  testing::TempDir dir;
  return eval_file(dir.write("c.jsonnet", code));
}

const std::string kData = std::string(KGEN_SOURCE_DIR) + "/tests/jsonnet/old_std/";

TEST(OldStd, SameAsGoJsonnet0112) {
  const json want = json::parse(*try_read_file(kData + "expected.json"));
  const json got = eval_file(kData + "vectors.jsonnet");
  for (auto it = want.begin(); it != want.end(); ++it) EXPECT_EQ(got[it.key()], it.value()) << it.key();
}

TEST(OldStd, FunctionsInsideFailAsInStd) {
  EXPECT_THROW(eval("std.manifestJsonEx({ a: function(x) x }, '  ')"), Error);
  EXPECT_THROW(eval("std.manifestYamlDoc([function(x) x])"), Error);
  EXPECT_THROW(eval("std.manifestYamlStream({})"), Error);
  // Hidden functions are not manifested.
  EXPECT_EQ(eval("std.manifestJsonEx({ a: 1, f(x):: x }, '')"), "{\n\"a\": 1\n}");
}

TEST(OldStd, OnlyTildeAndC1ControlsAboveAscii) {
  EXPECT_EQ(old_escape_string_json("~\x7f\xc2\x80\xc2\x9f\xc2\xa0\xc3\xa9"), "\"\\u007e\\u007f\\u0080\\u009f\xc2\xa0\xc3\xa9\"");
  EXPECT_EQ(old_escape_string_json(std::string("\x01\0", 2)), "\"\\u0001\\u0000\"");
}

bool mentions(const std::string& text) { return mentions_old_std(text.data(), text.size()); }

// Only files that may call an overridden function get the prelude (a multi-megabyte
// ksonnet-lib with a field named "format" does not).
TEST(OldStd, PreludeOnlyWhereAnOverriddenFunctionMayBeCalled) {
  EXPECT_TRUE(mentions("'%s-%s' % [a, b]"));
  EXPECT_TRUE(mentions("std.format('%s', x)"));
  EXPECT_TRUE(mentions("local f = std.pow; f(2, 3)"));
  EXPECT_TRUE(mentions("std.manifestJsonEx(x, '  ')"));
  EXPECT_TRUE(mentions("std.filterMap(f, g, a)"));
  EXPECT_FALSE(mentions("{ format: 'int32', exp: 1, std: { x: 1 } }"));
  EXPECT_FALSE(mentions("std.length(std.objectFields(x))"));
}

TEST(OldStd, NumbersAsJsonnetPrintedThem) {
  EXPECT_EQ(old_number(1e30), "1000000000000000019884624838656");
  EXPECT_EQ(old_number(0.1), "0.10000000000000001");
  EXPECT_EQ(old_number(-0.0), "-0");
}

}  // namespace
}  // namespace kgen::jsonnet

// std.format and `%` as ks's evaluator (go-jsonnet v0.11.2) printed them: every case of
// old_std_format/cases.json (recorded with old_std_format/record.py) through kgen's
// evaluator, the override in old_std_overrides.cpp and its native included.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/files.h"
#include "jsonnet/evaluator.h"
#include "jsonnet/old_std.h"
#include "support/temp_dir.h"

namespace kgen::jsonnet {
namespace {

using nlohmann::json;

json eval_in(testing::TempDir& dir, const std::string& code) {
  Evaluator ev({});
  const int ctx = ev.add_context({});
  const std::string file = dir.write("c.jsonnet", code);
  return json::parse(ev.evaluate("test", "import '" + ev.import_path(ctx, file) + "'"));
}

json cases() {
  return json::parse(*try_read_file(std::string(KGEN_SOURCE_DIR) + "/tests/jsonnet/old_std_format/cases.json"));
}

TEST(OldStdFormat, SameAsGoJsonnet0112) {
  testing::TempDir dir;
  const json all = cases();
  dir.write("cases.json", all.dump());
  const json got = eval_in(dir,
                           "local cases = import 'cases.json';\n"
                           "[[std.format(c.format, c.vals), c.format % c.vals] for c in cases if c.expected != null]");
  size_t i = 0;
  for (const json& c : all) {
    if (c["expected"].is_null()) continue;
    ASSERT_LT(i, got.size());
    EXPECT_EQ(got[i][0], c["expected"]) << "std.format(" << c["format"] << ", " << c["vals"].dump() << ")";
    EXPECT_EQ(got[i][1], c["expected"]) << c["format"] << " % " << c["vals"].dump();
    ++i;
  }
  EXPECT_GT(i, 1500u);
}

TEST(OldStdFormat, FailsWhereTheOldStdFailed) {
  testing::TempDir dir;
  for (const json& c : cases()) {
    if (!c["expected"].is_null() || c.contains("overflow")) continue;
    EXPECT_THROW(eval_in(dir, "std.format(" + c["format"].dump() + ", " + c["vals"].dump() + ")"), Error)
        << c["format"] << " % " << c["vals"].dump();
  }
}

// go-jsonnet stopped on an overflow there (log(0) for "%e" % 0, 10^400 for "%.400f");
// kgen keeps libjsonnet 0.18's result: a value for %e, the same overflow error for %g.
TEST(OldStdFormat, OverflowsKeepLibjsonnetsResult) {
  testing::TempDir dir;
  EXPECT_EQ(eval_in(dir, "['%e' % 0, '%E' % [0], '%.2e' % 0]"), json({"0.000000e+00", "0.000000E+00", "0.00e+00"}));
  EXPECT_THROW(eval_in(dir, "'%g' % 0"), Error);
  EXPECT_THROW(eval_in(dir, "'%.400f' % 1"), Error);
  size_t overflows = 0;
  for (const json& c : cases()) overflows += c.contains("overflow") ? 1 : 0;
  EXPECT_GT(overflows, 5u);
}

TEST(OldStdFormat, MappingReadsOnlyTheNamedKeys) {
  testing::TempDir dir;
  // Other fields may hold functions or fail: the old std never looked at them.
  EXPECT_EQ(eval_in(dir, "'%(name)s-%(port)d' % { name: 'web', port: 80, f(x):: x, g: function(y) y, e: error 'no' }"),
            "web-80");
  EXPECT_EQ(eval_in(dir, "'%(h)s' % { h:: 'hidden' }"), "hidden");
  EXPECT_EQ(old_format_mapping_keys("%(a)s %(b)d %(a)s %%"), std::vector<std::string>({"a", "b"}));
}

TEST(OldStdFormat, NoCarryAndNoRounding) {
  std::string out;
  ASSERT_EQ(old_format("%.2f|%.0f|%.1f", json({1.999, 2.7, 9.96}), &out), FormatStatus::kOk);
  EXPECT_EQ(out, "1.100|2|9.10");
  EXPECT_EQ(old_format("%e", json({0}), &out), FormatStatus::kOverflow);
  EXPECT_EQ(old_format("%5", json({1}), &out), FormatStatus::kError);
  EXPECT_EQ(out, "Truncated format code.");
}

}  // namespace
}  // namespace kgen::jsonnet

// Go's math functions (go_math.h) bit for bit against go_math/vectors.json, recorded from
// go-jsonnet 0.11.2 as ks ran it (go_math/record.py).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <cstring>
#include <string>

#include "common/files.h"
#include "jsonnet/go_math.h"

namespace kgen::jsonnet {
namespace {

using nlohmann::json;

double parse(const json& text) { return std::strtod(text.get<std::string>().c_str(), nullptr); }

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(GoMath, SameBitsAsGo) {
  const json vectors = json::parse(*try_read_file(std::string(KGEN_SOURCE_DIR) + "/tests/jsonnet/go_math/vectors.json"));
  const struct {
    const char* name;
    double (*fn)(double);
  } kUnary[] = {{"exp", go_exp}, {"log", go_log}, {"sin", go_sin},   {"cos", go_cos}, {"tan", go_tan},
                {"asin", go_asin}, {"acos", go_acos}, {"atan", go_atan}};
  size_t checked = 0;
  for (const auto& fn : kUnary) {
    ASSERT_TRUE(vectors.contains(fn.name)) << fn.name;
    for (const json& row : vectors[fn.name]) {
      const double x = parse(row[0]), want = parse(row[1]), got = fn.fn(x);
      EXPECT_TRUE(same_bits(got, want)) << fn.name << "(" << row[0] << ") = " << got << ", Go: " << row[1];
      ++checked;
    }
  }
  for (const json& row : vectors["pow"]) {
    const double got = go_pow(parse(row[0]), parse(row[1])), want = parse(row[2]);
    EXPECT_TRUE(same_bits(got, want)) << "pow(" << row[0] << ", " << row[1] << ") = " << got << ", Go: " << row[2];
    ++checked;
  }
  EXPECT_GT(checked, 4000u);
}

TEST(GoMath, WhereGlibcDiffers) {
  // The last digits ks printed (findings.tsv D14); glibc gives ...16, ...23, ...79.
  EXPECT_EQ(go_pow(1.1, 8), 2.1435888100000011);
  EXPECT_EQ(go_tan(1), 1.5574077246549021);
  EXPECT_EQ(go_acos(0.5), 1.0471975511965976);
  EXPECT_NE(go_pow(10, 100), 1e100);  // why "%g" % 1e100 was "0.1e+100"
}

TEST(GoMath, SpecialCases) {
  EXPECT_EQ(go_log(0), -HUGE_VAL);
  EXPECT_TRUE(std::isnan(go_log(-1)));
  EXPECT_EQ(go_exp(1000), HUGE_VAL);
  EXPECT_EQ(go_exp(-1000), 0);
  EXPECT_EQ(go_pow(0, -1), HUGE_VAL);
  EXPECT_TRUE(std::isnan(go_pow(-8, 1.0 / 3)));
  EXPECT_TRUE(std::isnan(go_asin(2)));
  EXPECT_TRUE(std::signbit(go_sin(-0.0)));
}

}  // namespace
}  // namespace kgen::jsonnet

#include "encoding/go_number.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iterator>

namespace kgen::encoding {
namespace {

TEST(GoJsonNumber, IntegralValuesInInt64RangeAreIntegers) {
  EXPECT_EQ(go_json_number(1.0), "1");
  EXPECT_EQ(go_json_number(-42), "-42");
  EXPECT_EQ(go_json_number(-0.0), "0");  // ks turned -0 into the integer 0
  EXPECT_EQ(go_json_number(9007199254740993.0), "9007199254740992");
}

TEST(GoJsonNumber, LargeIntegralValuesUseFixedNotation) {
  EXPECT_EQ(go_json_number(12345678901234567890.0), "12345678901234567000");
  EXPECT_EQ(go_json_number(1e20), "100000000000000000000");
}

TEST(GoJsonNumber, ExponentFormBelowOneMillionthAndFrom1e21) {
  EXPECT_EQ(go_json_number(1e-7), "1e-7");  // e-07 shortened as encoding/json does
  EXPECT_EQ(go_json_number(1e100), "1e+100");
  EXPECT_EQ(go_json_number(1e21), "1e+21");
  EXPECT_EQ(go_json_number(1.5e-10), "1.5e-10");
}

TEST(GoJsonNumber, FractionsUseShortestRoundTripDigits) {
  EXPECT_EQ(go_json_number(0.1), "0.1");
  EXPECT_EQ(go_json_number(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(go_json_number(3.141592653589793), "3.141592653589793");
  EXPECT_EQ(go_json_number(0.000001), "0.000001");
}

TEST(GoYamlNumber, FloatsPrintedWith32BitPrecision) {
  EXPECT_EQ(go_yaml_number(3.141592653589793), "3.1415927");
  EXPECT_EQ(go_yaml_number(1.0 / 3), "0.33333334");
  EXPECT_EQ(go_yaml_number(0.1), "0.1");
  EXPECT_EQ(go_yaml_number(1e-7), "1e-07");
  EXPECT_EQ(go_yaml_number(1234567.5), "1.2345675e+06");
}

TEST(GoYamlNumber, OverflowingFloat32IsInfinity) {
  EXPECT_EQ(go_yaml_number(1e100), ".inf");
  EXPECT_EQ(go_yaml_number(-1e100), "-.inf");
}

TEST(GoYamlNumber, IntegralValuesBeyondInt64ReadBackAsUint64) {
  EXPECT_EQ(go_yaml_number(12345678901234567890.0), "12345678901234567000");
  EXPECT_EQ(go_yaml_number(1e20), "1e+20");  // beyond uint64: a float again
  EXPECT_EQ(go_yaml_number(-1e19), "-1e+19");
}

TEST(GoYamlNumber, IntegersUnchanged) {
  EXPECT_EQ(go_yaml_number(80), "80");
  EXPECT_EQ(go_yaml_number(-0.0), "0");
  EXPECT_EQ(go_yaml_number(1.0), "1");
}

// Recorded with ks 0.13.1 (`ks show default` and `-o json`, 2026-12-03) for a ConfigMap of
// [1 << 64, 1 << 63, 1 << 62, -(1 << 62), 123456789012345678, 9007199254740993, 1e20,
// 18446744073709551616, 1e21]: beyond 2^53 encoding/json printed the shortest digits
// padded with zeros, and go-yaml re-read that text as an integer only when it fit.
TEST(GoNumber, IntegersBeyond2To53AsKsPrintedThem) {
  const double values[] = {0, -9223372036854775808.0, 4611686018427387904.0, -4611686018427387904.0,
                           123456789012345678.0, 9007199254740993.0, 1e20, 18446744073709551616.0, 1e21};
  const char* json[] = {"0", "-9223372036854776000", "4611686018427388000", "-4611686018427388000",
                        "123456789012345680", "9007199254740992", "100000000000000000000",
                        "18446744073709552000", "1e+21"};
  const char* yaml[] = {"0", "-9.223372e+18", "4611686018427388000", "-4611686018427388000",
                        "123456789012345680", "9007199254740992", "1e+20", "1.8446744e+19", "1e+21"};
  for (size_t i = 0; i < std::size(values); ++i) {
    EXPECT_EQ(go_json_number(values[i]), json[i]) << i;
    EXPECT_EQ(go_yaml_number(values[i]), yaml[i]) << i;
  }
}

}  // namespace
}  // namespace kgen::encoding

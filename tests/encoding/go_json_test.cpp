#include "encoding/go_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace kgen::encoding {
namespace {

using nlohmann::json;

TEST(GoJson, MarshalIndentLayoutWithSortedKeys) {
  const json v = {{"b", 1}, {"a", json::array({true, nullptr})}, {"c", json::object()}, {"d", json::array()}};
  EXPECT_EQ(to_go_json(v, 2), "{\n  \"a\": [\n    true,\n    null\n  ],\n  \"b\": 1,\n  \"c\": {},\n  \"d\": []\n}");
}

TEST(GoJson, HtmlCharactersAndControlsEscaped) {
  EXPECT_EQ(to_go_json(json("<a href=\"x\">&</a>"), 2), "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\"");
  EXPECT_EQ(to_go_json(json("t\tn\nr\rb\bf\f"), 2), "\"t\\tn\\nr\\rb\\u0008f\\u000c\"");
  EXPECT_EQ(to_go_json(json("\xe2\x80\xa8"), 2), "\"\\u2028\"");
  EXPECT_EQ(to_go_json(json("é ✓ /"), 2), "\"é ✓ /\"");
}

TEST(GoJson, NumbersAsEncodingJson) {
  EXPECT_EQ(to_go_json(json::array({1e100, 1e-7, 0.1, 12345678901234567890.0, -0.0}), 0),
            "[\n1e+100,\n1e-7,\n0.1,\n12345678901234567000,\n0\n]");
}

TEST(GoJsonIndent, KeepsOrderAndSpellingAndCompactsEmptyCollections) {
  std::string out;
  ASSERT_TRUE(go_json_indent("{\"z\":1.50,\"a\":[ ],\"m\":{}, \"s\":\"\\u0041\"}", 2, &out));
  EXPECT_EQ(out, "{\n  \"z\": 1.50,\n  \"a\": [],\n  \"m\": {},\n  \"s\": \"\\u0041\"\n}");
}

TEST(GoJsonIndent, ZeroIndentStillBreaksLines) {
  std::string out;
  ASSERT_TRUE(go_json_indent("[1,2]", 0, &out));
  EXPECT_EQ(out, "[\n1,\n2\n]");
}

TEST(GoJsonIndent, RejectsInvalidJson) {
  std::string out = "unchanged";
  EXPECT_FALSE(go_json_indent("{\"a\":", 2, &out));
  EXPECT_EQ(out, "unchanged");
}

}  // namespace
}  // namespace kgen::encoding

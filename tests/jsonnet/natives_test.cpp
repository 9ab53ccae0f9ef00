#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "jsonnet/evaluator.h"
#include "support/temp_dir.h"

namespace kgen::jsonnet {
namespace {

using nlohmann::json;

// Evaluates `code` as a user's file, where kgen's natives are in scope.
json eval(const std::string& code) {
  testing::TempDir dir;
  const std::string file = dir.write("c.jsonnet", code);
  Evaluator ev({});
  const int ctx = ev.add_context({});
  return json::parse(ev.evaluate("test", "import '" + ev.import_path(ctx, file) + "'"));
}

TEST(Natives, ParseJson) {
  EXPECT_EQ(eval(R"(std.native('parseJson')('{"a": [1, 2.5, null, true]}'))"), json::parse(R"({"a": [1, 2.5, null, true]})"));
  EXPECT_THROW(eval(R"(std.native('parseJson')('{bad'))"), Error);
}

TEST(Natives, ParseYamlAlwaysReturnsAnArray) {
  // libjsonnet has a builtin of the same name that returns a single document for one.
  EXPECT_EQ(eval("std.native('parseYaml')('a: 1')"), json::parse(R"([{"a": 1}])"));
  EXPECT_EQ(eval("std.native('parseYaml')('a: 1\\n---\\nb: [x, 2]\\n')"), json::parse(R"([{"a": 1}, {"b": ["x", 2]}])"));
  EXPECT_EQ(eval("std.native('parseYaml')('port: \"80\"')"), json::parse(R"([{"port": "80"}])"));
  EXPECT_THROW(eval("std.native('parseYaml')('a: [')"), Error);
}

TEST(Natives, EscapeStringRegexLikeGoQuoteMeta) {
  EXPECT_EQ(eval(R"(std.native('escapeStringRegex')('a.b*c-d'))"), "a\\.b\\*c-d");
}

TEST(Natives, RegexMatchIsUnanchored) {
  EXPECT_EQ(eval(R"(std.native('regexMatch')('b+', 'abbbc'))"), true);
  EXPECT_EQ(eval(R"(std.native('regexMatch')('^b', 'abc'))"), false);
  EXPECT_THROW(eval(R"(std.native('regexMatch')('(', 'x'))"), Error);
}

TEST(Natives, RegexSubstExpandsGroups) {
  EXPECT_EQ(eval(R"(std.native('regexSubst')('(\\w+)@(?P<host>\\w+)', 'me@here you@there', '${host}:$1'))"),
            "here:me there:you");
  EXPECT_EQ(eval(R"(std.native('regexSubst')('a', 'banana', '$$'))"), "b$n$n$");
}

TEST(Natives, ManifestJsonFromJsonReindentsWithoutReordering) {
  EXPECT_EQ(eval(R"(std.native('manifestJsonFromJson')('{"b":1,"a":[]}', 4))"), "{\n    \"b\": 1,\n    \"a\": []\n}");
}

TEST(Natives, ManifestYamlFromJsonMatchesShow) {
  EXPECT_EQ(eval(R"(std.native('manifestYamlFromJson')('{"b": "80", "a": [1, 0.5]}'))"), "a:\n- 1\n- 0.5\nb: \"80\"\n");
}

TEST(Natives, Sha256) {
  EXPECT_EQ(eval(R"(std.native('sha256')('abc'))"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Natives, WrongArgumentTypeIsAnError) {
  EXPECT_THROW(eval(R"(std.native('sha256')(5))"), Error);
}

}  // namespace
}  // namespace kgen::jsonnet

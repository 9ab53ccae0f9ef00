// ks's Jsonnet beyond what the real ks's recorded output covers (tests/e2e/cases/ks-dialect-*):
// valid Jsonnet that ks's re-printing of component files broke (K3-K6 of
// ../shared/ref/compat/kslayer_findings.tsv) keeps working, and error locations stay
// right around the rewrites.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "support/app_copy.h"

namespace kgen::testing {
namespace {

nlohmann::json data_of(const AppCopy& app, const std::string& component, const std::string& source) {
  std::ofstream(app.file("components/" + component + ".jsonnet"))
      << "{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '" << component << "' }, data: " << source << " }\n";
  const ProcessResult shown = app.kgen({"show", "default", "-c", component, "-o", "json", "--no-cache"});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  return nlohmann::json::parse(shown.out)["items"][0]["data"];
}

TEST(KsDialect, ValidJsonnetKsCouldNotParseKeepsWorking) {
  AppCopy app("ks-dialect");
  EXPECT_EQ(data_of(app, "k3", R"({ s: "a\u0001b" })")["s"], "a\x01" "b");    // K3: ks re-quoted it as \x01
  EXPECT_EQ(data_of(app, "k4", R"({ s: @"a""b", t: @'c\d' })")["s"], "a\"b");  // K4: ks could not lex it
  EXPECT_EQ(data_of(app, "k6", R"({ local l = 5, [x]: l for x in ["a"] })")["a"], 5);  // K6
  // K5: ks re-printed the pair as "ud83dude00"; kgen gives what ks gave in imported files.
  EXPECT_EQ(data_of(app, "k5", R"({ s: "\ud83d\ude00" })")["s"], "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(KsDialect, ErrorsPointAtTheUsersLineAndColumn) {
  AppCopy app("ks-dialect");
  std::ofstream(app.file("components/broken.jsonnet"))
      << "local s = \"a\" +\n  + \"b\";\n{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'broken' },\n"
         "  data: { t: |||\n    x\n  |||, u: std.thisFile, v: +{}.missing } }\n";
  const ProcessResult shown = app.kgen({"show", "default", "-c", "broken"});
  EXPECT_EQ(shown.exit_code, 1);
  // `{}.missing` starts at column 29 of line 6, after a text block, a std.thisFile and a unary +.
  EXPECT_NE(shown.err.find("kgen: error: components/broken.jsonnet:6:29: RUNTIME ERROR: field does not exist: missing"),
            std::string::npos)
      << shown.err;
}

}  // namespace
}  // namespace kgen::testing

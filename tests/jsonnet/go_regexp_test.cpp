#include "go_regexp.h"

#include <gtest/gtest.h>

namespace kgen::jsonnet {
namespace {

std::string subst(const std::string& re, const std::string& src, const std::string& repl) {
  std::string out, error;
  EXPECT_TRUE(go_regex_replace_all(re, src, repl, &out, &error)) << error;
  return out;
}

TEST(GoRegexp, QuoteMetaEscapesOnlyGoSpecials) {
  EXPECT_EQ(go_quote_meta(R"(\.+*?()|[]{}^$)"), R"(\\\.\+\*\?\(\)\|\[\]\{\}\^\$)");
  EXPECT_EQ(go_quote_meta("a-b/c é"), "a-b/c é");
}

TEST(GoRegexp, ReplaceAllTemplateForms) {
  EXPECT_EQ(subst("(a)(b)", "ab", "$2$1"), "ba");
  EXPECT_EQ(subst("(a)(b)", "ab", "${2}x"), "bx");
  EXPECT_EQ(subst("(a)", "a", "$1x"), "");  // $1x names group "1x", which does not exist
  EXPECT_EQ(subst("(?P<n>a)", "a", "[$n]"), "[a]");
  EXPECT_EQ(subst("a", "a", "$"), "$");     // a lone $ is literal
  EXPECT_EQ(subst("a", "a", "${oops"), "${oops");
}

TEST(GoRegexp, EmptyMatchesAsGo) {
  EXPECT_EQ(subst("x*", "abc", "-"), "-a-b-c-");
  EXPECT_EQ(subst("b*", "abc", "-"), "-a-c-");
  EXPECT_EQ(subst("", "é", "-"), "-é-");
}

TEST(GoRegexp, MatchAndErrors) {
  bool matched = false;
  std::string error;
  EXPECT_TRUE(go_regex_match("^a.c$", "abc", &matched, &error));
  EXPECT_TRUE(matched);
  EXPECT_FALSE(go_regex_match("a(", "a", &matched, &error));
  EXPECT_NE(error.find("error parsing regexp"), std::string::npos);
}

}  // namespace
}  // namespace kgen::jsonnet

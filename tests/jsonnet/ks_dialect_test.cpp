// ks's Jsonnet as source rewrites: what is rewritten, what is left alone, and that
// lines and columns stay where they were. The values these rewrites give are checked
// against the real ks's output in tests/e2e/cases/ks-dialect-*.
#include "ks_dialect.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace kgen::jsonnet {
namespace {

std::string plus_blanked(const std::string& source) {
  DialectRewrite rewrite;
  rewrite.blank_unary_plus = true;
  return to_ks_dialect(source, rewrite).text;
}

TEST(KsDialect, BlanksUnaryPlusOnlyInPrefixPosition) {
  EXPECT_EQ(plus_blanked("+\"x\""), " \"x\"");
  EXPECT_EQ(plus_blanked("local s = \"a\" +\n  + \"b\"; s"), "local s = \"a\" +\n    \"b\"; s");
  EXPECT_EQ(plus_blanked("[+{ a: 1 }, +[1], f(+true), - +2]"), "[ { a: 1 },  [1], f( true), -  2]");
  EXPECT_EQ(plus_blanked("{a:+1, b+: +x, c::+y}"), "{a: 1, b+:  x, c:: y}");
  EXPECT_EQ(plus_blanked("if +a then +b else +c"), "if  a then  b else  c");
  EXPECT_EQ(plus_blanked("1==+2"), "1== 2");
  // Binary plus, +: fields, and plus signs in strings, comments and text blocks stay.
  for (const std::string kept : {"a + b", "a+b", "x { a+: 1 }", "$+1", "f(x) + 1", "[1] + [2]", "\"+x\"",
                                 "'+' + 1", "@'+'", "// +x\n1", "/* +x */ 1", "# +x\n1", "|||\n  +x\n|||",
                                 "1e+3", "a.b + c"}) {
    EXPECT_EQ(plus_blanked(kept), kept) << kept;
  }
}

// A file whose every `+` is certainly binary is not lexed (to_ks_dialect's shortcut): a unary
// `+` after a comment, a line break or a keyword still counts.
TEST(KsDialect, UnaryPlusFoundWhereTheShortcutCouldMissIt) {
  const std::pair<std::string, std::string> cases[] = {
      {"/* c */ +1", "/* c */  1"},
      {"[1,\n  +2]", "[1,\n   2]"},
      {"[1, // c\n+2]", "[1, // c\n 2]"},
      {"[1, # )\n+2]", "[1, # )\n 2]"},
      {"error +'x'", "error  'x'"},
      {"assert +true; 1", "assert  true; 1"},
      {"[x for x in +[1]]", "[x for x in  [1]]"},
      {"local x =\t+1; x", "local x =\t 1; x"},
      {"{ a: 'x', b: +1 }", "{ a: 'x', b:  1 }"},
      {"|||\n  a\n|||+ +1", "|||\n  a\n|||+  1"},
      // Only binary plus signs: the text comes back as it was.
      {"{ a+: {}, b: self.a + [1] + \"s\" + 'q' + (2) + x1 }", "{ a+: {}, b: self.a + [1] + \"s\" + 'q' + (2) + x1 }"},
  };
  for (const auto& [source, blanked] : cases) EXPECT_EQ(plus_blanked(source), blanked) << source;
}

TEST(KsDialect, TextBlockContentEndsWhereLibjsonnetEndsIt) {
  // A line with the block's whole indentation is content, even when it reads |||.
  EXPECT_EQ(plus_blanked("|||\n  a\n  |||\n|||+ +1"), "|||\n  a\n  |||\n|||+  1");
  EXPECT_EQ(plus_blanked("|||\n  a\n\n  b\n|||\n+1"), "|||\n  a\n\n  b\n|||\n+1");
}

TEST(KsDialect, SurrogateEscapesBecomeReplacementCharacters) {
  DialectRewrite rewrite;
  rewrite.surrogate_escapes = true;
  EXPECT_EQ(to_ks_dialect(R"(["\uD83D\uDE00", '\udfff', "\\uD800", "\u00e9\uFFFD", @"\uD800"])", rewrite).text,
            R"(["\uFFFD\uFFFD", '\uFFFD', "\\uD800", "\u00e9\uFFFD", @"\uD800"])");
}

TEST(KsDialect, ThisFileBecomesTheCallersLocal) {
  DialectRewrite rewrite;
  rewrite.this_file_name = "__tf";
  const DialectResult result = to_ks_dialect("{ f: std.thisFile, g: x.std.thisFile, h: std.thisFiles }", rewrite);
  EXPECT_EQ(result.text, "{ f: __tf        , g: x.std.thisFile, h: std.thisFiles }");
  EXPECT_TRUE(result.used_this_file);
  EXPECT_FALSE(to_ks_dialect("'std.thisFile'", rewrite).used_this_file);
}

TEST(KsDialect, ComponentTextBlocksGetKsNewlineOnTheirOwnLines) {
  const std::string source = "{\n  a: |||\n    x\n  |||,\n  k: { |||\n    key\n  |||: 1 },\n  c: |||-\n    y\n  |||,\n}\n";
  const ComponentDialect component = component_in_ks_dialect(source);
  EXPECT_EQ(component.text,
            "{\n  a: __kgen_ks_nl(|||\n    x\n |||),\n  k: { |||\n    key\n  |||: 1 },\n  c: |||-\n    y\n  |||,\n}\n");
  EXPECT_EQ(component_in_ks_dialect("f(|||\n  x\n|||)").text, "f(__kgen_ks_nl(|||\n  x\n|||))");  // no indentation to take
  EXPECT_EQ(component.locals, "local __kgen_ks_nl(s) = s + \"\\n\"; ");
  EXPECT_EQ(component_in_ks_dialect("std.thisFile").locals, "local __kgen_ctf = \"<extvar:__ksonnet/components>\"; ");
  EXPECT_EQ(component_in_ks_dialect("{ a: 1 }").locals, "");
}

// K8: ks kept CRs in text blocks (recorded with ks 0.13.1: a component's CRLF block gave
// "x\r\ny\r\n\n", with K2's newline; a lone CR stayed): the rewrite only adds the call.
TEST(KsDialect, CarriageReturnsInTextBlocksStay) {
  EXPECT_EQ(component_in_ks_dialect("{\r\n  a: |||\r\n    x\r\n    y\r\n  |||,\r\n}\r\n").text,
            "{\r\n  a: __kgen_ks_nl(|||\r\n    x\r\n    y\r\n |||),\r\n}\r\n");
  EXPECT_EQ(component_in_ks_dialect("{ b: |||\n    p\rq\n  |||, }").text, "{ b: __kgen_ks_nl(|||\n    p\rq\n |||), }");
}

// K1: the probes of ../shared/ref/compat (kslayer_parens_*), each where ks's value differed.
TEST(KsParens, FindsEveryExpressionKsParsedDifferently) {
  for (const std::string changed :
       {"2 * (3 + 4)", "(1 + 2) * 3", "10 - (2 - 1)", "\"n=\" + (1 + 2)", "-(1 + 2)", "(if true then 1 else 2) + 1",
        "local f(x) = x * (x + 1); f(2)", "[x * (x + 1) for x in [1, 2]]", "({ a: 1 } + { b: 2 }).a",
        "\"%.1f\" % (3 / 2)", "(-x).y", "a && (b || c)", "(function(x) x)(1)", "(local a = 1; a) + 1"}) {
    EXPECT_EQ(lines_ks_parsed_differently(changed), std::vector<int>{1}) << changed;
  }
}

TEST(KsParens, LeavesParenthesesThatChangeNothing) {
  for (const std::string same :
       {"(1 + 2)", "(a * b) + c", "a + (b * c)", "f(a + b)", "function(x) x", "local f(x) = x; f(1)",
        "if (a + b) > 1 then 1 else 2", "x + (if c then 1 else 2)", "(a.b).c", "-(x)", "a * (-b)",
        "{ a: (1 + 2), b+: (x + y) }", "[(1 + 2), (3)]", "(a + b) == c", "'(1 + 2) * 3'", "// (1 + 2) * 3"}) {
    EXPECT_TRUE(lines_ks_parsed_differently(same).empty()) << same;
  }
  EXPECT_EQ(lines_ks_parsed_differently("{\n  a: 1,\n  b: 2 * (3 + 4),\n  c: (1 + 2) * (3 + 4),\n}\n"),
            (std::vector<int>{3, 4, 4}));
}

}  // namespace
}  // namespace kgen::jsonnet

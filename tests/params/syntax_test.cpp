#include "params/syntax.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kgen::params {
namespace {

NodePtr parse_ok(const std::string& text) {
  SyntaxError error;
  NodePtr node = parse_jsonnet(text, &error);
  EXPECT_NE(node, nullptr) << error.message << " at " << error.offset << " in:\n" << text;
  return node;
}

std::string parse_error(const std::string& text) {
  SyntaxError error;
  EXPECT_EQ(parse_jsonnet(text, &error), nullptr) << text;
  return error.message;
}

TEST(Syntax, WholeLanguage) {
  for (const char* text : {
           "null", "true", "false", "1.5e-3", "'single'", "\"double \\u00e9\"", "@'verbatim ''q'''",
           "@\"v\"\"x\"", "|||\n  text\n   block\n|||", "[]", "[1, 2,]", "{}", "{a: 1, 'b': 2, \"c\"+: 3,}",
           "{a:: 1, b::: 2, [k]: 3, f(x, y=1):: x + y}", "{local x = 1, a: x, assert a > 0 : 'msg'}",
           "{[k]: v for k in ['a'] if k != 'b'}", "[x * 2 for x in [1, 2] for y in [3] if x < y]",
           "local a = 1, f(x) = x; f(a)", "if a then b else c", "if a then b", "function(x, y=2) x + y",
           "import 'x.libsonnet'", "importstr \"x.txt\"", "error 'boom'", "assert true : 'm'; 1",
           "a.b.c[0][1:2][::3][:4:]", "f(1, y=2)(3) tailstrict", "base { a: 1 }", "self.a + $.b + super.c",
           "'a' in super", "x in {a: 1}", "-a + +b * !c / ~d % e", "a || b && c | d ^ e & f == g != h",
           "a < b <= c > d >= e << f >> g", "(1 + 2) * 3", "{a:-1, b:: -2}.a", "# hash\n// line\n/* block */ 1",
           "{ x: local y = 1; y }", "a + local b = 1; b", "local o = { a: 1 }; o { b: 2 }",
       }) {
    parse_ok(text);
  }
}

TEST(Syntax, FieldsKeepKeysSpansAndCommas) {
  const std::string text = "{\n  \"pets-pvc\"+: {\n    storage: '10Gi',\n  },\n  b: 1\n}";
  const NodePtr node = parse_ok(text);
  ASSERT_EQ(node->kind, Node::Kind::Object);
  ASSERT_EQ(node->fields.size(), 2u);
  const Field& f = node->fields[0];
  EXPECT_EQ(f.key, "pets-pvc");
  EXPECT_EQ(f.key_kind, Field::KeyKind::String);
  EXPECT_TRUE(f.plus);
  EXPECT_EQ(text.substr(f.key_span.begin, f.key_span.end - f.key_span.begin), "\"pets-pvc\"");
  EXPECT_NE(f.comma.end, f.comma.begin);
  EXPECT_EQ(node->fields[1].comma.end, node->fields[1].comma.begin);
  const Node& inner = *f.value;
  EXPECT_TRUE(inner.multiline);
  EXPECT_EQ(text.substr(inner.fields[0].value->span.begin, inner.fields[0].value->span.end - inner.fields[0].value->span.begin),
            "'10Gi'");
}

TEST(Syntax, Errors) {
  EXPECT_NE(parse_error("{ a: 1").find("expected"), std::string::npos);
  EXPECT_NE(parse_error("{ a 1 }").find("expected ':'"), std::string::npos);
  EXPECT_NE(parse_error("'unterminated").find("unterminated"), std::string::npos);
  EXPECT_NE(parse_error("import x").find("computed imports"), std::string::npos);
  EXPECT_NE(parse_error("1 2").find("after the end"), std::string::npos);
  EXPECT_NE(parse_error("|||\nnot indented\n|||").find("indented"), std::string::npos);
}

TEST(Syntax, DeepNestingIsAnErrorNotAStackOverflow) {
  // Found by the params fuzzer: `{[[[[...` 2,500 deep overflowed the stack.
  const std::string deep = "{a: " + std::string(5000, '[') + "1" + std::string(5000, ']') + "}";
  EXPECT_NE(parse_error(deep).find("nested more than 500 levels"), std::string::npos);
  EXPECT_NE(parse_error(std::string(5000, '-') + "1").find("nested more than"), std::string::npos);
  EXPECT_NE(parse_error(std::string(3000, '(') + "1" + std::string(3000, ')')).find("nested more than"),
            std::string::npos);
  std::string errors;
  for (int i = 0; i < 3000; ++i) errors += "error ";
  EXPECT_NE(parse_error(errors + "1").find("nested more than"), std::string::npos);
  // Nesting a person writes still parses.
  parse_ok("{a: " + std::string(100, '[') + "1" + std::string(100, ']') + "}");
}

TEST(Syntax, LineAndColumn) {
  int line = 0, column = 0;
  line_column("ab\ncd", 4, &line, &column);
  EXPECT_EQ(line, 2);
  EXPECT_EQ(column, 2);
}

// Every Jsonnet file of the repository parses (the app, the fixtures, the built-in lib).
TEST(Syntax, EveryJsonnetFileOfTheRepository) {
  namespace fs = std::filesystem;
  int parsed = 0;
  for (const auto& entry : fs::recursive_directory_iterator(KGEN_SOURCE_DIR)) {
    const std::string path = entry.path().string();
    if (path.find("/build") != std::string::npos || path.find("/.git/") != std::string::npos) continue;
    // libjsonnet's fetched source package (third_party/jsonnet), whose test suite holds
    // programs that do not parse on purpose: not the repository's files.
    if (path.find("/third_party/jsonnet/jsonnet-") != std::string::npos) continue;
    const std::string ext = entry.path().extension().string();
    if (ext != ".jsonnet" && ext != ".libsonnet") continue;
    // Broken on purpose, for the error cases (the compat probes include programs ks rejected).
    if (path.find("static-error") != std::string::npos || path.find("broken-params/components") != std::string::npos ||
        path.find("/tests/bad_input/cases/") != std::string::npos || path.find("/tests/compat/probes/") != std::string::npos) {
      continue;
    }
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    SyntaxError error;
    EXPECT_NE(parse_jsonnet(buffer.str(), &error), nullptr) << path << ": " << error.message << " at " << error.offset;
    ++parsed;
  }
  EXPECT_GT(parsed, 20);
}

}  // namespace
}  // namespace kgen::params

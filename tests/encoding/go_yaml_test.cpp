// One test per rule of go-yaml v2's output that ks's `show` relied on
// (ksonnet-compat.md sections 2.3 and 10).
#include "encoding/go_yaml.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "encoding/go_yaml_resolve.h"

namespace kgen::encoding {
namespace {

using nlohmann::json;

// The YAML line for {"k": value}.
std::string scalar(const json& value) { return to_go_yaml(json{{"k", value}}); }

TEST(GoYamlStrings, PlainWhenUnambiguous) {
  EXPECT_EQ(scalar("hello"), "k: hello\n");
  EXPECT_EQ(scalar("1e3"), "k: 1e3\n");               // no exponent sign: a string then
  EXPECT_EQ(scalar("2019-01-01"), "k: 2019-01-01\n");  // dates were not resolved
  EXPECT_EQ(scalar("?q"), "k: ?q\n");
  EXPECT_EQ(scalar("<a href=\"x\">&</a>"), "k: <a href=\"x\">&</a>\n");
  EXPECT_EQ(scalar("unicode é ✓"), "k: unicode é ✓\n");
}

TEST(GoYamlStrings, DoubleQuotedWhenTheyWouldReadBackAsAnotherType) {
  for (const char* s : {"80", "1.5", "true", "y", "Yes", "no", "on", "OFF", "null", "~", "0x10", "0777", "+5", ".5",
                        "-.inf", "1e+3", "1_000"}) {
    EXPECT_EQ(scalar(s), std::string("k: \"") + s + "\"\n") << s;
  }
  EXPECT_EQ(scalar(""), "k: \"\"\n");
}

TEST(GoYamlStrings, Base60FloatsAreQuoted) {
  EXPECT_EQ(scalar("12:30"), "k: \"12:30\"\n");
  EXPECT_EQ(scalar("1:30:00"), "k: \"1:30:00\"\n");
  EXPECT_EQ(scalar("a:30"), "k: a:30\n");
}

TEST(GoYamlStrings, SingleQuotedWhenPlainIsIllegal) {
  EXPECT_EQ(scalar(" leading"), "k: ' leading'\n");
  EXPECT_EQ(scalar("trailing "), "k: 'trailing '\n");
  EXPECT_EQ(scalar("a: b"), "k: 'a: b'\n");
  EXPECT_EQ(scalar("- dash"), "k: '- dash'\n");
  EXPECT_EQ(scalar("-"), "k: '-'\n");
  EXPECT_EQ(scalar("ends:"), "k: 'ends:'\n");
  EXPECT_EQ(scalar("a #comment"), "k: 'a #comment'\n");
  EXPECT_EQ(scalar("---"), "k: '---'\n");
  for (const char* s : {"@at", "`bt", "*star", "&amp", "!bang", "%pct", "{brace", "[bracket", "|pipe", ">gt", "#hash",
                        "\"double\"", ",comma"}) {
    EXPECT_EQ(scalar(s), std::string("k: '") + s + "'\n") << s;
  }
}

TEST(GoYamlStrings, SingleQuotesAreDoubledInsideSingleQuotes) {
  EXPECT_EQ(scalar("'single'"), "k: '''single'''\n");
}

TEST(GoYamlStrings, ControlCharactersUseDoubleQuotedEscapes) {
  EXPECT_EQ(scalar("tab\there"), "k: \"tab\\there\"\n");
  EXPECT_EQ(scalar("a\r\nb"), "k: \"a\\r\\nb\"\n");
  EXPECT_EQ(scalar(std::string("bell\a")), "k: \"bell\\a\"\n");
  EXPECT_EQ(scalar(std::string("nul\0x", 5)), "k: \"nul\\0x\"\n");
  EXPECT_EQ(scalar("\x1b[0m"), "k: \"\\e[0m\"\n");
  EXPECT_EQ(scalar("emoji 😀"), "k: \"emoji \\U0001F600\"\n");  // outside the BMP is not printable
}

TEST(GoYamlStrings, MultiLineTextIsALiteralBlock) {
  EXPECT_EQ(scalar("multi\nline"), "k: |-\n  multi\n  line\n");
  EXPECT_EQ(scalar("multi\nline\n"), "k: |\n  multi\n  line\n");
  EXPECT_EQ(scalar("multi\nline\n\n"), "k: |+\n  multi\n  line\n\n");
  EXPECT_EQ(scalar("a\n\nb"), "k: |-\n  a\n\n  b\n");
  EXPECT_EQ(scalar(" indented\nx"), "k: |2-\n   indented\n  x\n");
}

TEST(GoYamlStrings, MultiLineWithSpaceBeforeBreakIsDoubleQuoted) {
  EXPECT_EQ(scalar("line1  \nline2"), "k: \"line1  \\nline2\"\n");
}

// Strings ending in two or more newlines are keep-chomped `|+` blocks in every position
// (map values, list items, keys, the last value of a document); go-yaml as ks linked it
// wrote no `...` document end after them. Each object's document exactly as the real ks
// 0.13.1 printed it (tests/e2e/cases/ks-dialect-yaml has the whole stream).
TEST(GoYamlStrings, KeepChompedBlocksAsKsPrintedThem) {
  const std::vector<std::pair<std::string, std::string>> vectors = {
      {R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a-map-values","labels":{"ksonnet.io/component":"keep"}},"data":{"nn":"x\n\n","nnn":"x\n\n\n","sp":"x \n","multi":"a\nb\n\n","only":"\n\n","single":"x\n","z":"end"}})",
       "apiVersion: v1\ndata:\n  multi: |+\n    a\n    b\n\n  nn: |+\n    x\n\n  nnn: |+\n    x\n\n\n  only: |2+\n\n\n  single: |\n    x\n  sp: \"x \\n\"\n  z: end\nkind: ConfigMap\nmetadata:\n  labels:\n    ksonnet.io/component: keep\n  name: a-map-values\n"},
      {R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b-last-value","zz":"x\n\n","labels":{"ksonnet.io/component":"keep"}}})",
       "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    ksonnet.io/component: keep\n  name: b-last-value\n  zz: |+\n    x\n\n"},
      {R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c-list","labels":{"ksonnet.io/component":"keep"}},"data":{"list":["x\n\n","y"],"lastlist":["q","x\n\n\n"]},"zlist":["p","x\n\n"]})",
       "apiVersion: v1\ndata:\n  lastlist:\n  - q\n  - |+\n    x\n\n\n  list:\n  - |+\n    x\n\n  - \"y\"\nkind: ConfigMap\nmetadata:\n  labels:\n    ksonnet.io/component: keep\n  name: c-list\nzlist:\n- p\n- |+\n  x\n\n"},
      {R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"d-nested","labels":{"ksonnet.io/component":"keep"}},"data":{"m":{"k":"x\n\n","j":"y"}},"zend":{"k":"x \n"}})",
       "apiVersion: v1\ndata:\n  m:\n    j: \"y\"\n    k: |+\n      x\n\nkind: ConfigMap\nmetadata:\n  labels:\n    ksonnet.io/component: keep\n  name: d-nested\nzend:\n  k: \"x \\n\"\n"},
      {R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"f-key","labels":{"ksonnet.io/component":"keep"}},"data":{"k\n\n":"v"},"zzz":"x\n\n"})",
       "apiVersion: v1\ndata:\n  ? |+\n    k\n\n  : v\nkind: ConfigMap\nmetadata:\n  labels:\n    ksonnet.io/component: keep\n  name: f-key\nzzz: |+\n  x\n\n"},
      {R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"h-nnn-last","labels":{"ksonnet.io/component":"keep"}},"zzz":"x\n\n\n"})",
       "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    ksonnet.io/component: keep\n  name: h-nnn-last\nzzz: |+\n  x\n\n\n"},
  };
  for (const auto& [object, document] : vectors) EXPECT_EQ(to_go_yaml(json::parse(object)), document) << object;
}

TEST(GoYamlStrings, LongPlainTextFoldsAtColumn80) {
  EXPECT_EQ(scalar("this is a long string with many spaces that should exceed the eighty column limit of the yaml "
                   "emitter for sure"),
            "k: this is a long string with many spaces that should exceed the eighty column limit\n"
            "  of the yaml emitter for sure\n");
  const std::string no_spaces(100, 'a');
  EXPECT_EQ(scalar(no_spaces), "k: " + no_spaces + "\n");
}

TEST(GoYamlStrings, LongQuotedTextFoldsToo) {
  const std::string text = "'" + std::string(78, 'a') + " b c";
  EXPECT_EQ(scalar(text), "k: '''" + std::string(78, 'a') + "\n  b c'\n");
}

TEST(GoYamlStrings, FoldedContinuationIndentFollowsNesting) {
  const json v = {{"a", {{"b", std::string(70, 'x') + " yyyyyyyyyyyy zzz"}}}};
  EXPECT_EQ(to_go_yaml(v), "a:\n  b: " + std::string(70, 'x') + " yyyyyyyyyyyy\n    zzz\n");
}

TEST(GoYamlScalars, NullBoolAndNumbers) {
  EXPECT_EQ(scalar(nullptr), "k: null\n");
  EXPECT_EQ(scalar(true), "k: true\n");
  EXPECT_EQ(scalar(80), "k: 80\n");
  EXPECT_EQ(scalar(0.5), "k: 0.5\n");
  EXPECT_EQ(scalar(-42), "k: -42\n");
}

TEST(GoYamlCollections, SequencesInMappingsAreNotIndented) {
  EXPECT_EQ(to_go_yaml(json{{"containers", json::array({json{{"image", "x"}, {"name", "web"}}})}}),
            "containers:\n- image: x\n  name: web\n");
}

TEST(GoYamlCollections, NestedMappingsIndentByTwo) {
  EXPECT_EQ(to_go_yaml(json{{"a", {{"b", {{"c", 1}}}}}}), "a:\n  b:\n    c: 1\n");
}

TEST(GoYamlCollections, EmptyCollectionsAreFlow) {
  EXPECT_EQ(to_go_yaml(json{{"o", json::object()}, {"l", json::array()}}), "l: []\no: {}\n");
  EXPECT_EQ(to_go_yaml(json{{"l", json::array({json::array(), json::object()})}}), "l:\n- []\n- {}\n");
}

TEST(GoYamlCollections, SequencesOfSequences) {
  EXPECT_EQ(to_go_yaml(json{{"l", json::array({json::array({1, 2}), json::array(), json::array({json::object()})})}}),
            "l:\n- - 1\n  - 2\n- []\n- - {}\n");
}

TEST(GoYamlCollections, MultiLineValueInsideSequence) {
  EXPECT_EQ(to_go_yaml(json{{"l", json::array({"a\nb"})}}), "l:\n- |-\n  a\n  b\n");
}

TEST(GoYamlKeys, QuotedLikeValues) {
  EXPECT_EQ(to_go_yaml(json{{"1", "i"}, {"", "e"}, {"y", "v"}}), "\"\": e\n\"1\": i\n\"y\": v\n");
}

TEST(GoYamlKeys, MultiLineKeysAreComplexKeys) {
  // A multi-line key cannot be a simple key, so go-yaml wrote "? " and a literal block.
  EXPECT_EQ(to_go_yaml(json{{"a\nb", 1}}), "? |-\n  a\n  b\n: 1\n");
}

TEST(GoYamlKeys, VeryLongKeysUseExplicitKeyIndicator) {
  const std::string key(130, 'k');
  EXPECT_EQ(to_go_yaml(json{{key, 1}}), "? " + key + "\n: 1\n");
}

TEST(GoYamlKeyOrder, NaturalOrder) {
  EXPECT_TRUE(go_yaml_key_less("k2", "k10"));
  EXPECT_TRUE(go_yaml_key_less("k1", "k01"));
  EXPECT_TRUE(go_yaml_key_less("k01", "k001"));
  EXPECT_TRUE(go_yaml_key_less("k001", "k2"));
  EXPECT_TRUE(go_yaml_key_less("Z", "a"));
  EXPECT_TRUE(go_yaml_key_less("", "_x"));
  EXPECT_TRUE(go_yaml_key_less("_x", "1"));
  EXPECT_TRUE(go_yaml_key_less("9", "10"));
  EXPECT_TRUE(go_yaml_key_less("k-1", "k.1"));
  EXPECT_TRUE(go_yaml_key_less("k_1", "k1"));
  EXPECT_TRUE(go_yaml_key_less("a", "ab"));
  EXPECT_TRUE(go_yaml_key_less("z", "é"));
  EXPECT_FALSE(go_yaml_key_less("k10", "k2"));
  EXPECT_FALSE(go_yaml_key_less("a", "a"));
}

TEST(GoYamlResolve, PlainScalarTypes) {
  EXPECT_EQ(resolve_plain_scalar("12").kind, ScalarKind::Int);
  EXPECT_EQ(resolve_plain_scalar("0x1F").int_value, 31);
  EXPECT_EQ(resolve_plain_scalar("010").int_value, 8);
  EXPECT_EQ(resolve_plain_scalar("18446744073709551615").kind, ScalarKind::Uint);
  EXPECT_EQ(resolve_plain_scalar("1.5").kind, ScalarKind::Float);
  EXPECT_EQ(resolve_plain_scalar("1e3").kind, ScalarKind::String);
  EXPECT_EQ(resolve_plain_scalar("yes").kind, ScalarKind::Bool);
  EXPECT_EQ(resolve_plain_scalar("Null").kind, ScalarKind::Null);
  EXPECT_EQ(resolve_plain_scalar("nope").kind, ScalarKind::String);
  EXPECT_EQ(resolve_plain_scalar("<<").kind, ScalarKind::String);
  EXPECT_EQ(resolve_plain_scalar("08").kind, ScalarKind::Float);
}

}  // namespace
}  // namespace kgen::encoding

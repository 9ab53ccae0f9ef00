#include "encoding/yaml_decode.h"

#include <gtest/gtest.h>

namespace kgen::encoding {
namespace {

using nlohmann::json;

std::vector<json> decode(const std::string& text) {
  std::vector<json> docs;
  YamlError error;
  EXPECT_TRUE(decode_yaml_documents(text, &docs, &error)) << error.message;
  return docs;
}

TEST(YamlDecode, TypesPlainScalarsAsGoYamlDid) {
  const auto docs = decode("a: 80\nb: '80'\nc: 1e3\nd: 1.5\ne: yes\nf: ~\ng: 2019-01-01\nh: 0x10\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0], json::parse(R"({"a":80,"b":"80","c":"1e3","d":1.5,"e":true,"f":null,"g":"2019-01-01","h":16})"));
}

TEST(YamlDecode, SplitsDocumentsAndSkipsEmptyOnes) {
  const auto docs = decode("---\na: 1\n---\n# only a comment\n---\n- x\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1], json::array({"x"}));
}

TEST(YamlDecode, NonStringKeysBecomeStrings) {
  const auto docs = decode("1: a\ntrue: b\n");
  EXPECT_EQ(docs[0], json::parse(R"({"1":"a","true":"b"})"));
}

TEST(YamlDecode, ReportsLineOfSyntaxErrors) {
  std::vector<json> docs;
  YamlError error;
  EXPECT_FALSE(decode_yaml_documents("a: 1\nb: [unclosed\n", &docs, &error));
  EXPECT_GE(error.line, 2);
  EXPECT_FALSE(error.message.empty());
}

// yaml-cpp 0.7 loops forever on this input (found by the YAML fuzzer); libyaml's syntax
// check rejects it first.
TEST(YamlDecode, InputThatHungYamlCppIsAnError) {
  std::vector<json> docs;
  YamlError error;
  EXPECT_FALSE(decode_yaml_documents("{},\n{},\n{}", &docs, &error));
  EXPECT_EQ(error.line, 1);
  EXPECT_FALSE(error.message.empty());
}

TEST(YamlDecode, InfinityCannotBeJson) {
  std::vector<json> docs;
  YamlError error;
  EXPECT_FALSE(decode_yaml_documents("a: .inf\n", &docs, &error));
  EXPECT_EQ(error.line, 1);
}

}  // namespace
}  // namespace kgen::encoding

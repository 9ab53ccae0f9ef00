#include <gtest/gtest.h>

#include "common/error.h"
#include "render/render.h"

namespace kgen::render {
namespace {

using nlohmann::json;

TEST(Output, YamlDocumentsEachStartWithDashes) {
  const std::vector<Object> objects = {{json{{"kind", "A"}}, "a"}, {json{{"kind", "B"}}, "b"}};
  EXPECT_EQ(format_objects(objects, Format::Yaml), "---\nkind: A\n---\nkind: B\n");
}

TEST(Output, NothingForNoObjects) {
  EXPECT_EQ(format_objects({}, Format::Yaml), "");
  EXPECT_EQ(format_objects({}, Format::Json), "{\n  \"apiVersion\": \"v1\",\n  \"items\": [],\n  \"kind\": \"List\"\n}\n");
}

TEST(Output, FormatNames) {
  EXPECT_EQ(parse_format("yaml"), Format::Yaml);
  EXPECT_EQ(parse_format("json"), Format::Json);
  EXPECT_THROW(parse_format("xml"), Error);
}

}  // namespace
}  // namespace kgen::render

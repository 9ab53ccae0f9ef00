#include <gtest/gtest.h>

#include "common/error.h"
#include "params/params.h"

namespace kgen::params {
namespace {

using nlohmann::json;

const char* kModuleParams = R"({
  global: {},
  // Component-level parameters
  components: {
    "pets-pvc": {
      accessMode: 'ReadWriteMany',  // how nodes mount it
      name: 'pets-pvc',
    },
    web: {
      replicas: -1,
      image: std.join(':', ['nginx', '1.0']),
      port: local p = 80; p,
    },
  },
}
)";

std::string set(const std::string& component, const std::string& path, const json& value) {
  return set_component_param(kModuleParams, "params.libsonnet", component, split_param_path(path), value);
}

TEST(CliValue, TypedAsKsExceptDecimals) {
  EXPECT_EQ(parse_cli_value("3", false), json(3));
  EXPECT_EQ(parse_cli_value("+5", false), json(5));
  EXPECT_EQ(parse_cli_value("0", false), json(0));
  EXPECT_EQ(parse_cli_value("-3", false), json(-3));
  EXPECT_EQ(parse_cli_value("007", false), json("007"));
  EXPECT_EQ(parse_cli_value("1.5", false), json(1.5));  // ks kept '1.5' as a string
  EXPECT_EQ(parse_cli_value("0.5", false), json(0.5));
  EXPECT_EQ(parse_cli_value("12.5.3", false), json("12.5.3"));
  EXPECT_EQ(parse_cli_value("1e3", false), json("1e3"));
  EXPECT_EQ(parse_cli_value("0x10", false), json("0x10"));
  EXPECT_EQ(parse_cli_value("true", false), json(true));
  EXPECT_EQ(parse_cli_value("True", false), json(true));
  EXPECT_EQ(parse_cli_value("FALSE", false), json(false));
  EXPECT_EQ(parse_cli_value("t", false), json("t"));
  EXPECT_EQ(parse_cli_value("yes", false), json("yes"));
  EXPECT_EQ(parse_cli_value("null", false), json("null"));
  EXPECT_EQ(parse_cli_value("[1, \"two\", true]", false), json::parse(R"([1, "two", true])"));
  EXPECT_EQ(parse_cli_value("{\"a\": 1}", false), json::parse(R"({"a": 1})"));
  EXPECT_EQ(parse_cli_value("80", true), json("80"));
  EXPECT_THROW(parse_cli_value("", false), Error);
  EXPECT_THROW(parse_cli_value("tRuE", false), Error);
  EXPECT_THROW(parse_cli_value("[1,", false), Error);
  EXPECT_THROW(parse_cli_value("{\"a\":", false), Error);
}

TEST(SetComponentParam, ReplacesOnlyTheValue) {
  const std::string out = set("pets-pvc", "accessMode", "ReadWriteOnce");
  std::string expected = kModuleParams;
  expected.replace(expected.find("'ReadWriteMany'"), 15, "'ReadWriteOnce'");
  EXPECT_EQ(out, expected);  // the comment after it and everything else unchanged
}

TEST(SetComponentParam, NewKeyGoesAfterTheLastOneInTheFilesStyle) {
  const std::string out = set("pets-pvc", "storage", "20Gi");
  EXPECT_NE(out.find("      name: 'pets-pvc',\n      storage: '20Gi',\n    },"), std::string::npos) << out;
}

TEST(SetComponentParam, NeverLosesNonLiteralParams) {
  // ks rewrote the whole component from its literal values and dropped these.
  const std::string out = set("web", "replicas", 3);
  EXPECT_NE(out.find("replicas: 3,"), std::string::npos);
  EXPECT_NE(out.find("image: std.join(':', ['nginx', '1.0']),"), std::string::npos);
  EXPECT_NE(out.find("port: local p = 80; p,"), std::string::npos);
}

TEST(SetComponentParam, DottedPathsCreateAndDescend) {
  std::string out = set("pets-pvc", "labels.team.name", "ml");
  EXPECT_NE(out.find("labels: { team: { name: 'ml' } },"), std::string::npos) << out;
  out = set_component_param(out, "p", "pets-pvc", split_param_path("labels.team.size"), 3);
  EXPECT_NE(out.find("labels: { team: { name: 'ml', size: 3 } },"), std::string::npos) << out;
}

TEST(SetComponentParam, KeysAndQuotes) {
  // Quoted keys take the quote the file's other keys use.
  std::string out = set("pets-pvc", "my-key", "it's");
  EXPECT_NE(out.find("\"my-key\": \"it's\","), std::string::npos) << out;
  out = set("pets-pvc", "multi", "a\nb\\c");
  EXPECT_NE(out.find("multi: 'a\\nb\\\\c',"), std::string::npos) << out;
}

TEST(SetComponentParam, NewComponentEntry) {
  const std::string out = set("new-job", "image", "busybox");
  EXPECT_NE(out.find("    \"new-job\": {\n      image: 'busybox',\n    },\n  },"), std::string::npos) << out;
}

TEST(SetComponentParam, UnchangedValueGivesTheSameText) {
  EXPECT_EQ(set("pets-pvc", "name", "pets-pvc"), kModuleParams);
}

TEST(SetComponentParam, ErrorsNameTheLine) {
  try {
    set("web", "port.number", 1);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 12);
  }
  try {
    set_component_param("{ components: { a: { b: 1 } }", "bad.libsonnet", "a", {"b"}, 2);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "bad.libsonnet");
    EXPECT_NE(e.message().find("syntax error"), std::string::npos);
  }
  EXPECT_THROW(set_component_param("[]", "p", "a", {"b"}, 1), Error);
  EXPECT_THROW(set_component_param("{ global: {} }", "p", "a", {"b"}, 1), Error);
}

TEST(DeleteComponentParam, RemovesTheWholeLine) {
  const std::string out = delete_component_param(kModuleParams, "p", "pets-pvc", {"accessMode"});
  EXPECT_EQ(out.find("accessMode"), std::string::npos);
  EXPECT_NE(out.find("    \"pets-pvc\": {\n      name: 'pets-pvc',\n    },"), std::string::npos) << out;
  EXPECT_THROW(delete_component_param(kModuleParams, "p", "pets-pvc", {"nope"}), Error);
}

TEST(DeleteComponentParam, OneLineObjects) {
  const std::string text = "{ components: { a: { x: 1, y: 2, z: 3 } } }";
  EXPECT_EQ(delete_component_param(text, "p", "a", {"y"}), "{ components: { a: { x: 1, z: 3 } } }");
  EXPECT_EQ(delete_component_param(text, "p", "a", {"z"}), "{ components: { a: { x: 1, y: 2 } } }");
  EXPECT_EQ(delete_component_param(text, "p", "a", {"x"}), "{ components: { a: { y: 2, z: 3 } } }");
}

const char* kEnvParams = R"(local params = std.extVar("__ksonnet/params");
local globals = import "globals.libsonnet";
local envParams = params + {
  components +: {
    // Insert component parameter overrides here.
    "pets-pvc"+: {},
  },
};

{
  components: {
    [x]: envParams.components[x] + globals, for x in std.objectFields(envParams.components)
  },
}
)";

TEST(SetEnvParam, OverridesGoInTheComponentsPlusObject) {
  std::string out = set_env_param(kEnvParams, "p", "pets-pvc", "storage", "10Gi");
  EXPECT_NE(out.find("    \"pets-pvc\"+: {\n      storage: \"10Gi\",\n    },"), std::string::npos) << out;
  out = set_env_param(out, "p", "web", "replicas", 2);
  EXPECT_NE(out.find("    },\n    \"web\"+: {\n      replicas: 2,\n    },\n  },"), std::string::npos) << out;
  out = set_env_param(out, "p", "pets-pvc", "storage", "5Gi");
  EXPECT_NE(out.find("storage: \"5Gi\","), std::string::npos);
  out = delete_env_param(out, "p", "web", "replicas");
  EXPECT_EQ(out.find("replicas"), std::string::npos);
  EXPECT_THROW(delete_env_param(out, "p", "none", "x"), Error);
}

TEST(SetEnvParam, TopLevelParamsPlusObjectForm) {
  const std::string text = "local params = import '../../components/params.libsonnet';\nparams + {\n  components +: {\n    guestbook +: {\n      name: 'guestbook-dev',\n    },\n  },\n}\n";
  const std::string out = set_env_param(text, "p", "guestbook", "containerPort", 8080);
  EXPECT_NE(out.find("      name: 'guestbook-dev',\n      containerPort: 8080,\n    },"), std::string::npos) << out;
  EXPECT_THROW(set_env_param("{ components: {} }", "p", "a", "b", 1), Error);
}

TEST(SetGlobalParam, NestedObjectsInGlobals) {
  const std::string out = set_global_param("{\n}", "globals.libsonnet", {"team", "name"}, "ml");
  EXPECT_EQ(out, "{\n  team: { name: 'ml' },\n}");
  EXPECT_EQ(delete_global_param(out, "g", {"team"}), "{\n}");
}

}  // namespace
}  // namespace kgen::params

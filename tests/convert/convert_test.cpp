// The conversion rules, one golden case per rule under tests/convert/cases/<name>/:
//   target        the Kubernetes version, then optionally "drop-removed" on a line
//   in.yaml       the objects as ks rendered them (component: the case's name)
//   expected.txt  `kgen migrate`'s lines for them, then the converted objects as `kgen
//                 show` prints them, or the error that stops the conversion
// KGEN_UPDATE_GOLDEN=1 rewrites expected.txt. Every case converted for 1.29 is also
// validated against the real Kubernetes 1.29 OpenAPI spec (tests/fixtures/openapi).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "common/error.h"
#include "convert/convert.h"
#include "convert/rules.h"
#include "encoding/yaml_decode.h"
#include "kube/schema_validate.h"
#include "render/render.h"
#include "support/case_files.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kCases = fs::path(KGEN_SOURCE_DIR) / "tests/convert/cases";

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCases)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

struct Case {
  convert::Target target;
  std::vector<render::Object> objects;
};

Case load_case(const std::string& name) {
  Case c;
  const auto lines = non_empty_lines(read_case_file(kCases / name / "target"));
  c.target.version = convert::parse_kube_version(lines.at(0), "target");
  c.target.drop_removed = lines.size() > 1 && lines[1] == "drop-removed";
  std::vector<json> docs;
  encoding::YamlError error;
  if (!encoding::decode_yaml_documents(read_case_file(kCases / name / "in.yaml"), &docs, &error)) {
    throw std::runtime_error(name + "/in.yaml: " + error.message);
  }
  for (auto& doc : docs) c.objects.push_back({std::move(doc), name});
  return c;
}

// The 1.29 spec, unpacked once.
const kube::SchemaValidator& spec_1_29() {
  static const std::unique_ptr<kube::SchemaValidator> validator = [] {
    const std::string file = std::string(KGEN_SOURCE_DIR) + "/tests/fixtures/openapi/v1.29.0.swagger.json.gz";
    std::string text;
    FILE* pipe = ::popen(("gzip -dc '" + file + "'").c_str(), "r");
    char buffer[65536];
    for (size_t n; pipe != nullptr && (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
    if (pipe != nullptr) ::pclose(pipe);
    return std::make_unique<kube::SchemaValidator>(json::parse(text), "v1.29.0");
  }();
  return *validator;
}

class Rule : public ::testing::TestWithParam<std::string> {};

TEST_P(Rule, MatchesGolden) {
  const Case c = load_case(GetParam());
  bool ok = true;
  std::string actual;
  for (const auto& line : convert::plan_lines(convert::plan_conversion(c.objects, c.target), c.target, &ok)) {
    actual += line + "\n";
  }
  try {
    actual += render::format_objects(convert::convert_objects(c.objects, c.target), render::Format::Yaml);
    EXPECT_TRUE(ok) << "the plan says the conversion fails, but it did not";
  } catch (const Error& e) {
    actual += "error: " + e.one_line() + "\n" + e.details();
    EXPECT_FALSE(ok) << "the plan says the conversion works, but it failed";
  }
  const fs::path golden = kCases / GetParam() / "expected.txt";
  if (std::getenv("KGEN_UPDATE_GOLDEN") != nullptr) std::ofstream(golden) << actual;
  EXPECT_EQ(actual, read_case_file(golden)) << "case " << GetParam();
}

TEST_P(Rule, ConvertedObjectsPassTheTargetsSpec) {
  const Case c = load_case(GetParam());
  if (convert::to_string(c.target.version) != "1.29") GTEST_SKIP() << "converted for " << convert::to_string(c.target.version);
  std::vector<render::Object> converted;
  try {
    converted = convert::convert_objects(c.objects, c.target);
  } catch (const Error&) {
    GTEST_SKIP() << "the conversion is an error (the golden file shows it)";
  }
  for (const auto& object : converted) {
    const std::string what = convert::describe(object.value, object.component);
    const std::string group = object.value.value("apiVersion", "");
    if (group.find(".example.com/") != std::string::npos) continue;  // custom resources
    ASSERT_TRUE(spec_1_29().knows(object.value)) << what << ": Kubernetes 1.29 does not serve "
                                                 << object.value.value("apiVersion", "");
    for (const auto& problem : spec_1_29().validate(object.value)) ADD_FAILURE() << what << ": " << problem;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, Rule, ::testing::ValuesIn(case_names()),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

// The table against the real spec: what it says 1.29 no longer serves, 1.29's spec does
// not define, and where each chain ends for 1.29, it does.
TEST(Table, AgreesWithTheKubernetes129Spec) {
  const convert::KubeVersion v129{1, 29};
  for (const auto& rule : convert::all_rules()) {
    const json old_object = {{"apiVersion", rule.api_version}, {"kind", rule.kind}};
    ASSERT_TRUE(rule.removed_in <= v129) << rule.api_version << " " << rule.kind;
    EXPECT_FALSE(spec_1_29().knows(old_object)) << rule.api_version << " " << rule.kind << " is in the 1.29 spec";
    std::string end = rule.replacement == nullptr ? "" : rule.replacement;
    for (const convert::Rule* next = convert::find_rule(end, rule.kind); next != nullptr && !end.empty();
         next = convert::find_rule(end, rule.kind)) {
      end = next->replacement == nullptr ? "" : next->replacement;
    }
    if (!end.empty()) {
      EXPECT_TRUE(spec_1_29().knows({{"apiVersion", end}, {"kind", rule.kind}})) << end << " " << rule.kind;
    }
  }
}

TEST(KubeVersion, ParsesTheWaysVersionsAreWritten) {
  for (const char* text : {"1.29", "v1.29", "v1.29.0", "1.29.3+k3s1", "v1.29.1-eks-1234", "1.29+"}) {
    const auto v = convert::parse_kube_version(text, "--kube-version");
    EXPECT_EQ(convert::to_string(v), "1.29") << text;
  }
  for (const char* text : {"", "1", "v", "2.0", "1.x", "one.two", "1.29.", "latest"}) {
    EXPECT_THROW(convert::parse_kube_version(text, "--kube-version"), Error) << text;
  }
  try {
    convert::parse_kube_version("1.x", "--kube-version");
  } catch (const Error& e) {
    EXPECT_EQ(e.one_line(), "--kube-version \"1.x\" is not a Kubernetes version; write it like 1.29 or v1.29.0");
  }
}

TEST(KubeVersion, TheFlagThenTheEnvironmentThenArgoCd) {
  app::Environment env;
  convert::TargetSources sources;
  EXPECT_FALSE(convert::choose_target(sources, env).has_value());
  sources.argocd_kube_version = "1.25";
  sources.argocd_api_versions = "v1,apps/v1,apps/v1/Deployment";
  auto target = convert::choose_target(sources, env);
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(convert::to_string(target->version), "1.25");
  EXPECT_EQ(target->api_versions, (std::set<std::string>{"v1", "apps/v1", "apps/v1/Deployment"}));
  env.kube_version = "1.22";
  env.settings_file = "environments/e/kgen.yaml";
  EXPECT_EQ(convert::to_string(convert::choose_target(sources, env)->version), "1.22");
  EXPECT_TRUE(convert::choose_target(sources, env)->api_versions.empty());
  sources.flag = "1.16";
  EXPECT_EQ(convert::to_string(convert::choose_target(sources, env)->version), "1.16");
  sources.flag = "ks";
  EXPECT_FALSE(convert::choose_target(sources, env).has_value());
  sources.flag.clear();
  env.kube_version = "new";
  try {
    convert::choose_target(sources, env);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "environments/e/kgen.yaml: kubeVersion \"new\" is not a Kubernetes version");
  }
}

// Argo CD's KUBE_API_VERSIONS: a version the cluster does not list is converted even
// when the release would still serve it.
TEST(KubeVersion, ApiVersionsTheClusterDoesNotList) {
  const std::vector<render::Object> objects = {
      {{{"apiVersion", "batch/v1beta1"}, {"kind", "CronJob"}, {"metadata", {{"name", "c"}}}}, "c"}};
  convert::Target target;
  target.version = {1, 22};
  EXPECT_EQ(convert::convert_objects(objects, target)[0].value["apiVersion"], "batch/v1beta1");
  target.api_versions = {"v1", "batch/v1", "batch/v1beta1"};
  EXPECT_EQ(convert::convert_objects(objects, target)[0].value["apiVersion"], "batch/v1beta1");
  target.api_versions = {"v1", "batch/v1"};
  EXPECT_EQ(convert::convert_objects(objects, target)[0].value["apiVersion"], "batch/v1");
}

}  // namespace
}  // namespace kgen::testing

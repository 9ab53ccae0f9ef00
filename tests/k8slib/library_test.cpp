// ksonnet-lib generated from real Kubernetes specs: the API table, every spec in
// tests/fixtures/openapi, naming, bad specs, and safe replacement of a library.
#include <gtest/gtest.h>

extern "C" {
#include <libjsonnet.h>
}

#include <cstdio>
#include <filesystem>
#include <memory>

#include "common/error.h"
#include "common/files.h"
#include "k8slib/expressions.h"
#include "k8slib/k8slib.h"
#include "k8slib/model.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string spec_text(const std::string& version) {
  const std::string path = std::string(KGEN_SOURCE_DIR) + "/tests/fixtures/openapi/" + version + ".swagger.json.gz";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(("gzip -dc '" + path + "'").c_str(), "r"), ::pclose);
  std::string text;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) text.append(buffer, n);
  return text;
}

// Evaluates `code` with `dir` on the import path; the JSON, or "ERROR: ..." on failure.
std::string evaluate(const std::string& dir, const std::string& code) {
  JsonnetVm* vm = jsonnet_make();
  jsonnet_jpath_add(vm, dir.c_str());
  int error = 0;
  char* out = jsonnet_evaluate_snippet(vm, "expression", code.c_str(), &error);
  std::string result = (error != 0 ? "ERROR: " : "") + std::string(out);
  jsonnet_realloc(vm, out, 0);
  jsonnet_destroy(vm);
  return result;
}

class GeneratedLibrary : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() { dir_ = new TempDir(); }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  // The library for a version, generated once per test suite.
  static std::string library(const std::string& version) {
    const std::string out = dir_->path() + "/" + version;
    if (!fs::exists(out)) {
      const std::string text = spec_text(version);
      k8slib::write_library(out, k8slib::generate_library_from_text(text, version), text);
    }
    return out;
  }
  static TempDir* dir_;
};
TempDir* GeneratedLibrary::dir_ = nullptr;

// Evaluates a table in one evaluation (the library is parsed once); one per expression
// only to say which failed.
void expect_table(const std::string& dir, const std::vector<LibExpression>& table) {
  std::string program = std::string(kLibPrelude) + "[\n";
  for (const auto& e : table) program += "  (" + std::string(e.jsonnet) + "),\n";
  program += "]\n";
  const std::string all = evaluate(dir, program);
  if (all.rfind("ERROR", 0) == 0) {
    for (const auto& e : table) {
      const std::string one = evaluate(dir, std::string(kLibPrelude) + e.jsonnet);
      EXPECT_EQ(one.rfind("ERROR", 0), std::string::npos) << e.name << ": " << one;
    }
    FAIL() << all;
  }
  const json values = json::parse(all);
  for (size_t i = 0; i < table.size(); ++i) {
    const auto& e = table[i];
    EXPECT_EQ(values[i], json::parse(e.expected)) << e.name << "\n  " << e.jsonnet;
  }
}

TEST_P(GeneratedLibrary, EveryExpressionOfTheApiTable) {
  ASSERT_GE(lib_expressions().size(), 60u);
  expect_table(library(GetParam()), lib_expressions());
}

TEST_P(GeneratedLibrary, ChainedCallsLandWhereKsonnetLibPutThem) {
  ASSERT_GE(lib_chain_expressions().size(), 80u);
  expect_table(library(GetParam()), lib_chain_expressions());
}

TEST_P(GeneratedLibrary, CallsKsonnetLibHadNoMethodForFail) {
  const std::string dir = library(GetParam());
  for (const char* code : kLibRejected) {
    const std::string out = evaluate(dir, std::string(kLibPrelude) + code);
    EXPECT_NE(out.find("field does not exist"), std::string::npos) << code << ": " << out;
  }
}

INSTANTIATE_TEST_SUITE_P(Versions, GeneratedLibrary, ::testing::Values("v1.8.0", "v1.10.9"));

TEST(GeneratedLibraries, EverySpecGeneratesALibraryThatEvaluates) {
  TempDir dir;
  for (const char* version : {"v1.7.0", "v1.8.0", "v1.9.6", "v1.10.3", "v1.10.9"}) {
    const std::string text = spec_text(version);
    const auto library = k8slib::generate_library_from_text(text, version);
    EXPECT_EQ(library.version, version);
    const std::string out = dir.path() + "/" + version;
    k8slib::write_library(out, library, text);
    EXPECT_EQ(read_file(out + "/swagger.json"), text);
    // Every group, version and kind is reachable and builds an object of its apiVersion and kind.
    const std::string check = evaluate(out, R"(
      local k = import 'k.libsonnet';
      [
        [g, v, kind, std.objectHasAll(k[g][v][kind], 'new'), std.length(std.objectFieldsAll(k[g][v][kind].mixin))]
        for g in std.objectFieldsAll(k) if g != '__ksonnet'
        for v in std.objectFieldsAll(k[g])
        for kind in std.objectFieldsAll(k[g][v]) if kind != 'list'
      ])");
    ASSERT_EQ(check.rfind("ERROR", 0), std::string::npos) << version << ": " << check.substr(0, 500);
    const json kinds = json::parse(check);
    EXPECT_GT(kinds.size(), 90u) << version;
    for (const auto& kind : kinds) EXPECT_TRUE(kind[3].get<bool>()) << kind.dump();
    EXPECT_NE(evaluate(out, "(import 'k.libsonnet').__ksonnet.kubernetesVersion"), "");
  }
}

TEST(GeneratedLibraries, Naming) {
  EXPECT_EQ(k8slib::camel_identifier("clusterIP"), "clusterIp");
  EXPECT_EQ(k8slib::camel_identifier("hostIPC"), "hostIpc");
  EXPECT_EQ(k8slib::camel_identifier("externalIPs"), "externalIps");
  EXPECT_EQ(k8slib::camel_identifier("nonResourceURLs"), "nonResourceUrls");
  EXPECT_EQ(k8slib::camel_identifier("APIService"), "apiService");
  EXPECT_EQ(k8slib::camel_identifier("HTTPGetAction"), "httpGetAction");
  EXPECT_EQ(k8slib::camel_identifier("$ref"), "ref");
  EXPECT_EQ(k8slib::camel_identifier("x-kubernetes-int-or-string"), "xKubernetesIntOrString");
  EXPECT_EQ(k8slib::camel_identifier("podCIDR"), "podCidr");
  EXPECT_EQ(k8slib::capitalized("clusterIp"), "ClusterIp");
}

TEST(GeneratedLibraries, BadSpecsNameTheFileAndWriteNothing) {
  EXPECT_THROW(k8slib::generate_library_from_text("{not json", "spec.json"), Error);
  try {
    k8slib::generate_library_from_text(R"({"openapi": "3.0.0"})", "spec.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "spec.json");
    EXPECT_NE(e.message().find("not a Kubernetes OpenAPI v2 document"), std::string::npos);
  }
  EXPECT_THROW(k8slib::generate_library_from_text(R"({"swagger": "2.0", "info": {"version": "v1.9.0"}})", "s"), Error);
  EXPECT_THROW(k8slib::generate_library_from_text(R"({"swagger": "2.0", "definitions": {"a": {"properties": {"x": {}}}}})", "s"),
               Error);  // no version
}

TEST(GeneratedLibraries, ReplacingALibraryIsAllOrNothing) {
  TempDir dir;
  const std::string out = dir.path() + "/lib/ksonnet-lib/v1.8.0";
  const std::string text = spec_text("v1.8.0");
  const auto library = k8slib::generate_library_from_text(text, "v1.8.0");
  k8slib::write_library(out, library, text);
  k8slib::generate_library_from_text(text, "v1.8.0");
  auto changed = library;
  changed.k_libsonnet = "// new\n";
  k8slib::write_library(out, changed, text);
  EXPECT_EQ(read_file(out + "/k.libsonnet"), "// new\n");
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir.path() + "/lib/ksonnet-lib")) left.push_back(entry.path().filename());
  EXPECT_EQ(left, std::vector<std::string>{"v1.8.0"});  // no temporary or old folder left behind
  EXPECT_EQ(fs::status(out).permissions() & fs::perms::others_read, fs::perms::others_read);
}

TEST(GeneratedLibraries, SpecsFromTheCache) {
  TempDir dir;
  setenv("KGEN_OPENAPI_DIR", dir.path().c_str(), 1);
  EXPECT_THROW(k8slib::read_api_spec("version:v1.8.0"), Error);
  k8slib::remember_spec("v1.8.0", "{}");
  EXPECT_EQ(k8slib::read_api_spec("version:v1.8.0"), "{}");
  EXPECT_THROW(k8slib::read_api_spec("v1.8.0"), Error);
  EXPECT_THROW(k8slib::read_api_spec("file:" + dir.path() + "/absent"), Error);
  unsetenv("KGEN_OPENAPI_DIR");
}

}  // namespace
}  // namespace kgen::testing

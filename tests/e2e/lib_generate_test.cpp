// kgen lib generate and the commands that generate ksonnet-lib as ks did: env add,
// env set --api-spec, show (from the spec cache), and the hint when the built-in
// subset lacks a builder.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/files.h"
#include "support/app_copy.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

class LibGenerate : public ::testing::Test {
 protected:
  // A spec from tests/fixtures/openapi, unpacked; `cache` lays it out as a spec cache.
  std::string spec(const std::string& version, bool cache = false) {
    const std::string dir = cache ? files_.path() + "/cache/" + version : files_.path() + "/" + version;
    fs::create_directories(dir);
    const std::string path = dir + "/swagger.json";
    const ProcessResult unzip = run_process({"/bin/sh", "-c", "gzip -dc '" + std::string(KGEN_SOURCE_DIR) + "/tests/fixtures/openapi/" +
                                                                  version + ".swagger.json.gz' > '" + path + "'"},
                                            files_.path());
    EXPECT_EQ(unzip.exit_code, 0) << unzip.err;
    return path;
  }
  ProcessResult kgen(const std::vector<std::string>& args) {
    return app_.kgen(args, {{"KGEN_OPENAPI_DIR", files_.path() + "/cache"}, {"KGEN_CACHE_DIR", files_.path() + "/kgen-cache"}});
  }
  TempDir files_;
  AppCopy app_{AppCopy::RootApp{}};
};

// A component that builds a Deployment with ksonnet-lib's builders.
const char* kBuilderComponent = R"(local k = import "k.libsonnet";
local deployment = k.apps.v1beta1.deployment;
local container = deployment.mixin.spec.template.spec.containersType;
local env = container.envType;
k.core.v1.list.new([
  deployment.new("viewer", 1, container.new("viewer", "nginx:1.15").withEnv(env.fromFieldPath("NODE", "spec.nodeName")), {app: "viewer"}) +
  deployment.mixin.metadata.withNamespace("kubeflow") +
  deployment.mixin.spec.template.spec.withServiceAccountName("viewer"),
])
)";

TEST_F(LibGenerate, WritesTheLibraryIntoTheApp) {
  const ProcessResult r = kgen({"lib", "generate", "--api-spec", "file:" + spec("v1.10.9")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("Generated ksonnet-lib for Kubernetes v1.10.9 in lib/ksonnet-lib/v1.10.9"), std::string::npos) << r.err;
  for (const char* file : {"k8s.libsonnet", "k.libsonnet", "swagger.json"}) {
    EXPECT_TRUE(fs::exists(app_.file(std::string("lib/ksonnet-lib/v1.10.9/") + file))) << file;
  }
  // The spec is now in the cache: version: finds it.
  fs::remove_all(app_.file("lib"));
  const ProcessResult cached = kgen({"lib", "generate", "--api-spec", "version:v1.10.9", "--out", files_.path() + "/out"});
  ASSERT_EQ(cached.exit_code, 0) << cached.err;
  EXPECT_TRUE(fs::exists(files_.path() + "/out/k8s.libsonnet"));
}

TEST_F(LibGenerate, BadSpecsWriteNothing) {
  const std::string garbage = files_.write("garbage.json", "{\"swagger\": \"2.0\"");
  const ProcessResult r = kgen({"lib", "generate", "--api-spec", "file:" + garbage});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("garbage.json: API spec is not JSON"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(app_.file("lib")));
  const ProcessResult missing = kgen({"lib", "generate", "--api-spec", "version:v1.99.0"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no OpenAPI spec for Kubernetes v1.99.0 in"), std::string::npos) << missing.err;

  const std::string yaml = read_file(app_.file("app.yaml"));
  const ProcessResult add = kgen({"env", "add", "staging", "--server", "https://s:6443", "--api-spec", "file:" + garbage});
  EXPECT_EQ(add.exit_code, 1);
  EXPECT_EQ(read_file(app_.file("app.yaml")), yaml);
  EXPECT_FALSE(fs::exists(app_.file("environments/staging")));
}

TEST_F(LibGenerate, EnvAddAndEnvSetGenerateTheirVersion) {
  const ProcessResult add = kgen({"env", "add", "staging", "--server", "https://s:6443", "--api-spec", "file:" + spec("v1.10.9")});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.err.find("kgen: Generating ksonnet-lib data at path 'lib/ksonnet-lib/v1.10.9'"), std::string::npos) << add.err;
  EXPECT_TRUE(fs::exists(app_.file("lib/ksonnet-lib/v1.10.9/k.libsonnet")));
  const ProcessResult set = kgen({"env", "set", "staging", "--api-spec", "file:" + spec("v1.9.6")});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_TRUE(fs::exists(app_.file("lib/ksonnet-lib/v1.9.6/k.libsonnet")));
  // Already there: nothing is generated again.
  const ProcessResult again = kgen({"env", "set", "staging", "--api-spec", "file:" + spec("v1.9.6")});
  EXPECT_EQ(again.err.find("Generating"), std::string::npos) << again.err;
}

// ks env update ENV generated the environment's library again: from the spec cache, else
// from the spec the app's library was made from; an edited or broken library is replaced.
TEST_F(LibGenerate, EnvUpdateGeneratesTheEnvironmentsLibraryAgain) {
  const ProcessResult none = kgen({"env", "update", "default"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no OpenAPI spec of Kubernetes v1.8.0 to generate ksonnet-lib from; put it at "), std::string::npos)
      << none.err;
  EXPECT_FALSE(fs::exists(app_.file("lib")));
  const ProcessResult unknown = kgen({"env", "update", "nope"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("nope"), std::string::npos) << unknown.err;

  spec("v1.8.0", true);
  const ProcessResult update = kgen({"env", "update", "default"});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(update.err, "kgen: Generating ksonnet-lib data at path 'lib/ksonnet-lib/v1.8.0'\n");
  const std::string k = read_file(app_.file("lib/ksonnet-lib/v1.8.0/k.libsonnet"));
  const std::string k8s = read_file(app_.file("lib/ksonnet-lib/v1.8.0/k8s.libsonnet"));
  ASSERT_FALSE(k8s.empty());

  // Without the spec cache, the app's own copy of the spec serves; an edit is undone.
  fs::remove_all(files_.path() + "/cache");
  files_.write("broken", "{");
  fs::copy_file(files_.path() + "/broken", app_.file("lib/ksonnet-lib/v1.8.0/k8s.libsonnet"), fs::copy_options::overwrite_existing);
  fs::remove(app_.file("lib/ksonnet-lib/v1.8.0/k.libsonnet"));
  const ProcessResult again = kgen({"env", "update", "default"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(read_file(app_.file("lib/ksonnet-lib/v1.8.0/k8s.libsonnet")), k8s);
  EXPECT_EQ(read_file(app_.file("lib/ksonnet-lib/v1.8.0/k.libsonnet")), k);

  // A spec of another version in its place is refused, and the library stays (the update
  // above kept its spec in the cache, which would serve first).
  fs::remove_all(files_.path() + "/cache");
  fs::rename(spec("v1.10.9"), app_.file("lib/ksonnet-lib/v1.8.0/swagger.json"));
  const ProcessResult wrong = kgen({"env", "update", "default"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find("is for Kubernetes v1.10.9, not v1.8.0"), std::string::npos) << wrong.err;
  EXPECT_EQ(read_file(app_.file("lib/ksonnet-lib/v1.8.0/k8s.libsonnet")), k8s);
}

// show never writes into the app (Argo CD renders from read-only checkouts): the
// library generated from the spec cache lives in kgen's cache, keyed by the spec.
TEST_F(LibGenerate, ShowGeneratesFromTheSpecCacheIntoKgensCacheAndBuildersRender) {
  const std::string before = kgen({"show", "default"}).out;
  ASSERT_FALSE(fs::exists(app_.file("lib/ksonnet-lib/v1.8.0")));  // no spec anywhere: built-in, silently
  spec("v1.8.0", true);
  const ProcessResult show = kgen({"show", "default"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(show.err.rfind("kgen: Generating ksonnet-lib data for v1.8.0 at path '" + files_.path() + "/kgen-cache/ksonnet-lib/", 0), 0u)
      << show.err;
  EXPECT_EQ(show.out, before);  // the tutorial renders the same with the full library
  EXPECT_FALSE(fs::exists(app_.file("lib")));
  const ProcessResult again = kgen({"show", "default", "--no-cache"});
  EXPECT_EQ(again.err, "");  // generated once
  EXPECT_EQ(again.out, before);
  // Keyed by the spec's content: another spec under the same version is another library.
  const std::string v180 = files_.path() + "/cache/v1.8.0/swagger.json";
  fs::rename(spec("v1.10.9"), v180);
  const ProcessResult other = kgen({"show", "default", "--no-cache"});
  EXPECT_EQ(other.err.rfind("kgen: Generating ksonnet-lib data for v1.8.0", 0), 0u) << other.err;
  EXPECT_NE(other.err, show.err);

  files_.write("viewer.jsonnet", kBuilderComponent);
  fs::copy_file(files_.path() + "/viewer.jsonnet", app_.file("components/viewer.jsonnet"));
  const ProcessResult viewer = kgen({"show", "default", "-c", "viewer"});
  ASSERT_EQ(viewer.exit_code, 0) << viewer.err;
  EXPECT_EQ(viewer.out,
            "---\n"
            "apiVersion: apps/v1beta1\n"
            "kind: Deployment\n"
            "metadata:\n"
            "  labels:\n"
            "    ksonnet.io/component: viewer\n"
            "  name: viewer\n"
            "  namespace: kubeflow\n"
            "spec:\n"
            "  replicas: 1\n"
            "  template:\n"
            "    metadata:\n"
            "      labels:\n"
            "        app: viewer\n"
            "    spec:\n"
            "      containers:\n"
            "      - env:\n"
            "        - name: NODE\n"
            "          valueFrom:\n"
            "            fieldRef:\n"
            "              fieldPath: spec.nodeName\n"
            "        image: nginx:1.15\n"
            "        name: viewer\n"
            "      serviceAccountName: viewer\n");
}

TEST_F(LibGenerate, TheBuiltInSubsetSaysHowToGetTheFullLibrary) {
  files_.write("cron.jsonnet", R"(local k = import "k.libsonnet";
k.batch.v1beta1.cronJob.new() + k.batch.v1beta1.cronJob.mixin.spec.withSchedule("@daily")
)");
  fs::copy_file(files_.path() + "/cron.jsonnet", app_.file("components/cron.jsonnet"));
  const ProcessResult builtin = kgen({"show", "default", "-c", "cron"});
  EXPECT_EQ(builtin.exit_code, 1);
  EXPECT_NE(builtin.err.find("components/cron.jsonnet:2:33: RUNTIME ERROR: field does not exist: spec"), std::string::npos) << builtin.err;
  EXPECT_NE(builtin.err.find("kgen: note: k.libsonnet is kgen's built-in subset of ksonnet-lib here; generate the full library with: "
                             "kgen lib generate --api-spec file:swagger.json (the v1.8.0 spec)"),
            std::string::npos)
      << builtin.err;
  ASSERT_EQ(kgen({"lib", "generate", "--api-spec", "file:" + spec("v1.8.0")}).exit_code, 0);
  const ProcessResult full = kgen({"show", "default", "-c", "cron"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_NE(full.out.find("kind: CronJob\n"), std::string::npos);
  EXPECT_NE(full.out.find("  schedule: '@daily'\n"), std::string::npos) << full.out;
}

}  // namespace
}  // namespace kgen::testing

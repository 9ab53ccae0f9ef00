// Rendering over the ksonnet-lib the real ks generated (k8s.libsonnet of 2.9 MB for
// v1.8.0, kept gzipped in tests/fixtures/kslib), which libjsonnet builds member by member
// on first use (third_party/jsonnet/patches/0006): the bytes ks printed for the app
// (recorded with ks 0.13.1: tests/e2e/apps/kslib-v1.8.0.ks-show.yaml), and an error
// raised inside the library names its file and line.
#include <gtest/gtest.h>

#include <fstream>

#include "common/files.h"
#include "support/app_copy.h"

namespace kgen::testing {
namespace {

class KsLibrary : public ::testing::Test {
 protected:
  void SetUp() override {
    const ProcessResult unzip = run_process(
        {"/bin/sh", "-c", "gzip -dc '" + std::string(KGEN_SOURCE_DIR) + "/tests/fixtures/kslib/v1.8.0-k8s.libsonnet.gz' > '" +
                              app_.file("lib/ksonnet-lib/v1.8.0/k8s.libsonnet") + "'"},
        app_.path());
    ASSERT_EQ(unzip.exit_code, 0) << unzip.err;
  }
  AppCopy app_{"kslib-v1.8.0"};
};

TEST_F(KsLibrary, ShowPrintsWhatKsPrinted) {
  const ProcessResult r = app_.kgen({"show", "default", "--no-cache"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, read_file(std::string(KGEN_SOURCE_DIR) + "/tests/e2e/apps/kslib-v1.8.0.ks-show.yaml"));
}

TEST_F(KsLibrary, AnErrorInsideTheLibraryNamesItsLine) {
  // withLabelsMixin(3) adds 3 to the pod template's labels object, inside k8s.libsonnet's
  // `__metadataMixin({ labels+: labels })` of apps.v1beta1.deployment.mixin.spec.template.metadata.
  std::ofstream(app_.file("components/web.jsonnet")) << R"(local k = import "k.libsonnet";
local deployment = k.apps.v1beta1.deployment;
local container = deployment.mixin.spec.template.spec.containersType;
deployment.new("web", 1, container.new("web", "nginx"), {app: "web"}) +
deployment.mixin.spec.template.metadata.withLabelsMixin(3)
)";
  const ProcessResult r = app_.kgen({"show", "default", "--no-cache"});
  EXPECT_NE(r.exit_code, 0);
  // The locations libjsonnet gives when it builds the whole file (the same trace as
  // tests/jsonnet/lazy_import_test.cpp checks lazily and whole).
  for (const char* at : {"lib/ksonnet-lib/v1.8.0/k8s.libsonnet:545:66: RUNTIME ERROR: binary operator + requires matching types",
                         "\tlib/ksonnet-lib/v1.8.0/k8s.libsonnet:545:66-85\tobject <metadata>",
                         "\tlib/ksonnet-lib/v1.8.0/k8s.libsonnet:511:67-90\tobject <template>",
                         "\tlib/ksonnet-lib/v1.8.0/k8s.libsonnet:452:39-54\tobject <anonymous>"}) {
    EXPECT_NE(r.err.find(at), std::string::npos) << at << "\n" << r.err;
  }
}

}  // namespace
}  // namespace kgen::testing

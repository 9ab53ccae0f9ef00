// Rendering on several threads (-j): the same bytes, and the same first error, as one
// evaluation, on an app whose modules sort as strings ("10" before "2").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

constexpr int kModules = 11;  // the root and m1..m10: output keys "0", "1", "10", "2", ...
constexpr int kComponentsPerModule = 4;

std::string component_source(const std::string& name) {
  return "local params = std.extVar('__ksonnet/params').components['" + name + "'];\n" +
         "local env = std.extVar('__ksonnet/environments');\n"
         "std.prune({ apiVersion: 'v1', kind: 'ConfigMap',\n"
         "  metadata: { name: params.name, namespace: env.namespace },\n"
         "  data: { value: std.toString(params.value), empty: null } })\n";
}

// An 0.1.0 app with one target per module, a YAML component with a merge-patched
// param, and a main.jsonnet that adds a field no component file backs.
void write_app(const TempDir& dir, const std::string& failing_source = {}, const std::vector<std::string>& failing = {}) {
  std::string targets;
  for (int m = 0; m < kModules; ++m) {
    const std::string folder = m == 0 ? "components" : "components/m" + std::to_string(m);
    targets += m == 0 ? "    - /\n" : "    - m" + std::to_string(m) + "\n";
    std::string params = "{\n  global: {},\n  components: {\n";
    for (int c = 0; c < kComponentsPerModule; ++c) {
      const std::string name = "c" + std::to_string(c);
      const std::string qualified = (m == 0 ? "" : "m" + std::to_string(m) + ".") + name;
      bool fails = false;
      for (const auto& f : failing) fails = fails || f == qualified;
      dir.write(folder + "/" + name + ".jsonnet", fails ? failing_source : component_source(name));
      params += "    " + name + ": { name: '" + (m == 0 ? "root" : "m" + std::to_string(m)) + "-" + name +
                "', value: " + std::to_string(m * 10 + c) + " },\n";
    }
    if (m == 0) params += "    config: { data: { from: 'params' } },\n";
    dir.write(folder + "/params.libsonnet", params + "  },\n}\n");
  }
  dir.write("components/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config\ndata:\n  from: file\n");
  dir.write("app.yaml", "apiVersion: 0.1.0\nkind: ksonnet.io/app\nname: parallel\nenvironments:\n  default:\n"
                        "    destination:\n      namespace: ns\n      server: https://127.0.0.1:6443\n"
                        "    k8sVersion: v1.8.0\n    path: default\n    targets:\n" + targets);
  dir.write("environments/base.libsonnet", "std.extVar('__ksonnet/components')\n");
  dir.write("environments/default/main.jsonnet",
            "local base = import '../base.libsonnet';\n"
            "base + { 'm-extra': { apiVersion: 'v1', kind: 'Secret',\n"
            "  metadata: { name: 'extra-' + std.length(std.objectFields(base)) } } }\n");
  dir.write("environments/default/params.libsonnet", "std.extVar('__ksonnet/params')\n");
  dir.write("environments/default/globals.libsonnet", "{}\n");
}

ProcessResult show(const TempDir& dir, const std::vector<std::string>& extra) {
  std::vector<std::string> argv = {KGEN_BINARY, "show", "default", "--no-cache"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return run_process(argv, dir.path());
}

TEST(ParallelRender, EveryJobCountPrintsTheSameBytes) {
  TempDir dir;
  write_app(dir);
  const ProcessResult one = show(dir, {"-j", "1"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  // Every component and the main.jsonnet field of every module, once.
  EXPECT_NE(one.out.find("name: m10-c3\n"), std::string::npos);
  EXPECT_NE(one.out.find("name: extra-4\n"), std::string::npos);
  EXPECT_NE(one.out.find("from: params\n"), std::string::npos);
  for (const std::string jobs : {"2", "3", "5", "64"}) {
    const ProcessResult many = show(dir, {"-j", jobs});
    EXPECT_EQ(many.exit_code, 0) << many.err;
    EXPECT_EQ(many.out, one.out) << "-j " << jobs;
    EXPECT_EQ(many.err, one.err) << "-j " << jobs;
  }
  EXPECT_EQ(show(dir, {}).out, one.out);  // the default: one thread per CPU
}

TEST(ParallelRender, TheFirstErrorInOutputOrderWins) {
  // Broken components in several slices: each slice stops at its first error, and the
  // error printed is the one a single evaluation meets first (modules manifest in the
  // string order of their index, "10" before "2").
  TempDir dir;
  write_app(dir, "error 'broken'\n", {"m2.c0", "m10.c3", "m9.c1", "m4.c2"});
  const ProcessResult one = show(dir, {"-j", "1"});
  ASSERT_NE(one.exit_code, 0);
  EXPECT_NE(one.err.find("RUNTIME ERROR: broken"), std::string::npos) << one.err;
  for (const std::string jobs : {"2", "3", "5", "64"}) {
    const ProcessResult many = show(dir, {"-j", jobs});
    EXPECT_EQ(many.exit_code, one.exit_code) << "-j " << jobs;
    EXPECT_EQ(many.err, one.err) << "-j " << jobs;
    EXPECT_EQ(many.out, "") << "-j " << jobs;
  }
}

TEST(ParallelRender, ZeroJobsIsRefused) {
  TempDir dir;
  write_app(dir);
  const ProcessResult zero = show(dir, {"-j", "0"});
  EXPECT_NE(zero.exit_code, 0);
  EXPECT_NE(zero.err.find("--jobs"), std::string::npos) << zero.err;
}

}  // namespace
}  // namespace kgen::testing

#include "kube/kubeconfig.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "support/temp_dir.h"

namespace kgen::kube {
namespace {

using testing::TempDir;

TEST(Kubeconfig, CurrentContextAcrossMergedFiles) {
  TempDir dir;
  const std::string a = dir.write("a", "current-context: lab\ncontexts:\n- name: lab\n  context: {cluster: c1, namespace: ns}\n");
  const std::string b = dir.write("b", "current-context: other\nclusters:\n- name: c1\n  cluster: {server: https://s1}\n"
                                       "contexts:\n- name: lab\n  context: {cluster: ignored}\n");
  const ContextTarget t = resolve_context({a, b}, "");
  EXPECT_EQ(t.context, "lab");  // the first file to set current-context wins
  EXPECT_EQ(t.cluster, "c1");   // and the first to define a name
  EXPECT_EQ(t.server, "https://s1");
  EXPECT_EQ(t.ns, "ns");
  EXPECT_EQ(t.file, a);
}

TEST(Kubeconfig, Errors) {
  TempDir dir;
  const std::string f = dir.write("f", "contexts:\n- name: x\n  context: {cluster: missing}\n");
  EXPECT_THROW(resolve_context({f}, ""), Error);         // no current context
  EXPECT_THROW(resolve_context({f}, "nope"), Error);     // unknown context
  EXPECT_THROW(resolve_context({f}, "x"), Error);        // cluster without server
  EXPECT_THROW(resolve_context({dir.path() + "/none"}, "x"), Error);  // no file
  const std::string bad = dir.write("bad", "contexts: [unclosed\n");
  EXPECT_THROW(resolve_context({bad}, "x"), Error);
}

TEST(Kubeconfig, FilesFromTheEnvironment) {
  setenv("KUBECONFIG", "/a:/b::/c", 1);
  EXPECT_EQ(kubeconfig_files(""), (std::vector<std::string>{"/a", "/b", "/c"}));
  EXPECT_EQ(kubeconfig_files("/explicit"), (std::vector<std::string>{"/explicit"}));
  unsetenv("KUBECONFIG");
}

}  // namespace
}  // namespace kgen::kube

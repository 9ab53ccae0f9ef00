// GitHub registries without a network: a bare git repository made in the test holds a
// registry folder, and git's own configuration (url.<base>.insteadOf, given through
// the environment) sends kgen's fetches of https://github.com/ there. Proves that
// app.yaml's pinned commitSha wins over newer commits, that the ref is used when there
// is no pin, that the fetched commit is recorded and read from the cache afterwards
// (even with the remote gone), and the one-line offline error that changes nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/files.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(KGEN_SOURCE_DIR) / "tests/fixtures";
const std::string kUri = "github.com/kgen-org/parts/tree/master/incubator";

class GitHubRegistry : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = {{"KGEN_CACHE_DIR", work_.path() + "/cache"},
            {"HOME", work_.path() + "/home"},
            {"GIT_CONFIG_NOSYSTEM", "1"},
            {"GIT_CONFIG_COUNT", "1"},
            {"GIT_CONFIG_KEY_0", "url.file://" + work_.path() + "/remote/.insteadOf"},
            {"GIT_CONFIG_VALUE_0", "https://github.com/"},
            {"GIT_AUTHOR_NAME", "t"}, {"GIT_AUTHOR_EMAIL", "t@example.com"},
            {"GIT_COMMITTER_NAME", "t"}, {"GIT_COMMITTER_EMAIL", "t@example.com"}};
    // The registry's first commit, then a second one that changes hello's description.
    const std::string src = work_.path() + "/src";
    fs::create_directories(src);
    fs::copy(kFixtures / "registry", src + "/incubator", fs::copy_options::recursive);
    git(src, {"init", "--quiet", "--initial-branch=master"});
    git(src, {"add", "."});
    git(src, {"commit", "--quiet", "-m", "one"});
    first_ = git(src, {"rev-parse", "HEAD"});
    git(src, {"branch", "stable"});
    const std::string parts = src + "/incubator/hello/parts.yaml";
    std::string text = read_file(parts);
    text.replace(text.find("\"description\": \""), 16, "\"description\": \"SECOND COMMIT ");
    work_.write("src/incubator/hello/parts.yaml", text);
    git(src, {"commit", "--quiet", "-am", "two"});
    second_ = git(src, {"rev-parse", "HEAD"});
    git(work_.path(), {"clone", "--quiet", "--bare", src, remote()});
    ASSERT_EQ(kgen_in(work_.path(), {"init", "demo", "--server", "https://127.0.0.1:6443", "--skip-default-registries"})
                  .exit_code,
              0);
  }
  std::string remote() const { return work_.path() + "/remote/kgen-org/parts.git"; }
  std::string app() const { return work_.path() + "/demo"; }
  std::string git(const std::string& dir, const std::vector<std::string>& args) {
    std::vector<std::string> argv{"/usr/bin/env", "git"};  // found on PATH
    argv.insert(argv.end(), args.begin(), args.end());
    const ProcessResult r = run_process(argv, dir, env_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string out = r.out;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }
  ProcessResult kgen_in(const std::string& dir, const std::vector<std::string>& args) const {
    std::vector<std::string> argv{KGEN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, dir, env_);
  }
  ProcessResult kgen(const std::vector<std::string>& args) const { return kgen_in(app(), args); }
  // A registry written into app.yaml as ks <= 0.11 wrote it (gitVersion with it).
  void write_registry(const std::string& uri, const std::string& commit) const {
    std::string text = read_file(app() + "/app.yaml");
    text += "registries:\n  gh:\n";
    if (!commit.empty()) {
      text.replace(text.find("apiVersion: 0.3.0"), 17, "apiVersion: 0.1.0");  // the schema that had gitVersion
      text += "    gitVersion:\n      commitSha: " + commit + "\n      refSpec: master\n";
    }
    text += "    protocol: github\n    uri: " + uri + "\n";
    work_.write("demo/app.yaml", text);
  }
  std::string installed_description(const std::string& commit) const {
    return read_file(app() + "/vendor/gh/hello@" + commit + "/parts.yaml");
  }
  TempDir work_;
  std::map<std::string, std::string> env_;
  std::string first_, second_;
};

TEST_F(GitHubRegistry, AddRecordsTheCommitAndEveryCommandReadsIt) {
  const ProcessResult add = kgen({"registry", "add", "gh", kUri});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  const std::string app_yaml = read_file(app() + "/app.yaml");
  EXPECT_NE(app_yaml.find("  gh:\n    protocol: github\n    uri: " + kUri + "\n"), std::string::npos) << app_yaml;
  // Recorded where ks cached a GitHub registry's index, with its gitVersion.
  const std::string record = read_file(app() + "/.ksonnet/registries/gh/" + second_ + ".yaml");
  EXPECT_NE(record.find("commitSha: " + second_), std::string::npos) << record;
  EXPECT_NE(record.find("refSpec: master"), std::string::npos) << record;

  const ProcessResult describe = kgen({"registry", "describe", "gh"});
  EXPECT_EQ(describe.out, "REGISTRY NAME:\ngh\n\nURI:\n" + kUri + "\n\nPROTOCOL:\ngithub\n\nPACKAGES:\n  hello\n") << describe.err;
  const ProcessResult list = kgen({"pkg", "list"});
  EXPECT_NE(list.out.find("gh       hello 0.1.0"), std::string::npos) << list.out << list.err;
  const ProcessResult pkg_describe = kgen({"pkg", "describe", "gh/hello"});
  EXPECT_NE(pkg_describe.out.find("SECOND COMMIT"), std::string::npos) << pkg_describe.out << pkg_describe.err;

  const ProcessResult install = kgen({"pkg", "install", "gh/hello"});
  ASSERT_EQ(install.exit_code, 0) << install.err;
  EXPECT_NE(installed_description(second_).find("SECOND COMMIT"), std::string::npos);
  EXPECT_NE(read_file(app() + "/app.yaml").find("  gh/hello:\n    name: hello\n    registry: gh\n    version: " + second_),
            std::string::npos);
  const ProcessResult prototypes = kgen({"prototype", "list"});
  EXPECT_NE(prototypes.out.find("hello"), std::string::npos) << prototypes.out << prototypes.err;
}

TEST_F(GitHubRegistry, PinnedCommitShaWinsOverNewerCommits) {
  write_registry(kUri, first_);
  const ProcessResult install = kgen({"pkg", "install", "gh/hello"});
  ASSERT_EQ(install.exit_code, 0) << install.err;
  EXPECT_EQ(installed_description(first_).find("SECOND COMMIT"), std::string::npos);
  EXPECT_FALSE(fs::exists(app() + "/vendor/gh/hello@" + second_));
  // Saved as 0.3.0, which has no gitVersion (ks dropped it too); the pin stays recorded.
  EXPECT_EQ(read_file(app() + "/app.yaml").find("gitVersion"), std::string::npos);
  EXPECT_TRUE(fs::exists(app() + "/.ksonnet/registries/gh/" + first_ + ".yaml"));
  const ProcessResult describe = kgen({"pkg", "describe", "gh/hello"});
  EXPECT_EQ(describe.out.find("SECOND COMMIT"), std::string::npos) << describe.out << describe.err;
}

TEST_F(GitHubRegistry, TheRefIsReadWhenThereIsNoPin) {
  ASSERT_EQ(kgen({"registry", "add", "gh", "github.com/kgen-org/parts/tree/stable/incubator"}).exit_code, 0);
  EXPECT_TRUE(fs::exists(app() + "/.ksonnet/registries/gh/" + first_ + ".yaml"));
  ASSERT_EQ(kgen({"pkg", "install", "gh/hello"}).exit_code, 0);
  EXPECT_EQ(installed_description(first_).find("SECOND COMMIT"), std::string::npos);
  // @VERSION names another ref (or commit) of the registry's repository.
  ASSERT_EQ(kgen({"pkg", "install", "gh/hello@master", "--env", "default"}).exit_code, 0);
  EXPECT_NE(installed_description(second_).find("SECOND COMMIT"), std::string::npos);
}

TEST_F(GitHubRegistry, TheCacheIsReadWithoutTheRemote) {
  ASSERT_EQ(kgen({"registry", "add", "gh", kUri}).exit_code, 0);
  fs::rename(remote(), work_.path() + "/gone.git");  // any fetch would fail now
  EXPECT_EQ(kgen({"registry", "describe", "gh"}).exit_code, 0);
  EXPECT_EQ(kgen({"pkg", "describe", "gh/hello"}).exit_code, 0);
  const ProcessResult install = kgen({"pkg", "install", "gh/hello"});
  ASSERT_EQ(install.exit_code, 0) << install.err;
  EXPECT_NE(installed_description(second_).find("SECOND COMMIT"), std::string::npos);
  // Another app pinned to a commit already in the cache needs no remote either.
  ASSERT_EQ(kgen_in(work_.path(), {"init", "other", "--server", "https://127.0.0.1:6443", "--skip-default-registries"})
                .exit_code,
            0);
  std::string text = read_file(work_.path() + "/other/app.yaml");
  text += "registries:\n  gh:\n    gitVersion:\n      commitSha: " + second_ +
          "\n      refSpec: master\n    protocol: github\n    uri: " + kUri + "\n";
  work_.write("other/app.yaml", text);
  EXPECT_EQ(kgen_in(work_.path() + "/other", {"pkg", "install", "gh/hello"}).exit_code, 0);
}

TEST_F(GitHubRegistry, OfflineIsOneLineThatNamesTheWayAndChangesNothing) {
  fs::rename(remote(), work_.path() + "/gone.git");
  const std::string before = read_file(app() + "/app.yaml");
  const ProcessResult add = kgen({"registry", "add", "gh", kUri});
  EXPECT_EQ(add.exit_code, 1);
  EXPECT_EQ(add.err, "kgen: error: registry \"gh\": cannot fetch https://github.com/kgen-org/parts at master with git: '" +
                         work_.path() + "/remote/kgen-org/parts' does not appear to be a git repository; offline, use a "
                         "local clone: git clone https://github.com/kgen-org/parts && kgen registry add gh parts/incubator\n");
  EXPECT_EQ(read_file(app() + "/app.yaml"), before);
  EXPECT_FALSE(fs::exists(app() + "/.ksonnet/registries/gh"));

  write_registry(kUri, "");
  const std::string registered = read_file(app() + "/app.yaml");
  const ProcessResult install = kgen({"pkg", "install", "gh/hello"});
  EXPECT_EQ(install.exit_code, 1);
  EXPECT_NE(install.err.find("kgen registry set gh --uri parts/incubator"), std::string::npos) << install.err;
  EXPECT_EQ(read_file(app() + "/app.yaml"), registered);
  EXPECT_FALSE(fs::exists(app() + "/vendor/gh"));
}

TEST_F(GitHubRegistry, AUriThatIsNotARepositoryIsRefused) {
  const ProcessResult add = kgen({"registry", "add", "gh", "github.com/kgen-org"});
  EXPECT_EQ(add.exit_code, 1);
  EXPECT_EQ(add.err, "kgen: error: \"github.com/kgen-org\" is not a GitHub registry URI; write "
                     "github.com/ORG/REPO/tree/BRANCH/PATH\n");
}

}  // namespace
}  // namespace kgen::testing

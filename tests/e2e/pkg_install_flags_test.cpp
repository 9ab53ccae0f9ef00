// `pkg install --env/--name` and `pkg remove` with environment libraries, replayed step
// by step against what ks 0.13.1 printed and wrote (tests/reference/pkg-install-flags/,
// recorded by its record.sh): stdout, exit status, app.yaml and the vendor/ files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "common/files.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kReference = fs::path(KGEN_SOURCE_DIR) / "tests/reference/pkg-install-flags";

class PkgInstallFlags : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(fs::path(KGEN_SOURCE_DIR) / "tests/fixtures/registry", work_.path() + "/registry", fs::copy_options::recursive);
    ASSERT_EQ(run({"init", "demo", "--server", "https://127.0.0.1:6443", "--namespace", "kubeflow", "--skip-default-registries"},
                  work_.path())
                  .exit_code,
              0);
    ASSERT_EQ(run({"env", "add", "stage", "--server", "https://127.0.0.1:6443", "--namespace", "kubeflow"}).exit_code, 0);
    ASSERT_EQ(run({"registry", "add", "kgen-test", "../registry"}).exit_code, 0);
  }
  std::string app() const { return work_.path() + "/demo"; }
  ProcessResult run(const std::vector<std::string>& args, const std::string& dir = "") const {
    std::vector<std::string> argv{KGEN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, dir.empty() ? app() : dir, {{"KGEN_CACHE_DIR", work_.path() + "/cache"}});
  }
  std::string vendor_files() const {
    std::vector<std::string> files;
    if (fs::exists(app() + "/vendor")) {
      for (const auto& e : fs::recursive_directory_iterator(app() + "/vendor")) {
        if (e.is_regular_file()) files.push_back(fs::relative(e.path(), app()).string());
      }
    }
    std::sort(files.begin(), files.end());
    std::string out;
    for (const auto& f : files) out += f + "\n";
    return out;
  }
  // Runs the step with ks's arguments; compares with what ks printed and left behind.
  void same_as_ks(const std::string& step, const std::vector<std::string>& args) const {
    const ProcessResult r = run(args);
    const std::string base = (kReference / step).string();
    EXPECT_EQ(std::to_string(r.exit_code) + "\n", read_file(base + ".rc")) << step << ": " << r.err;
    EXPECT_EQ(r.out, read_file(base + ".out")) << step;
    EXPECT_EQ(read_file(app() + "/app.yaml"), read_file(base + ".app.yaml")) << step;
    EXPECT_EQ(vendor_files(), read_file(base + ".vendor")) << step;
  }
  TempDir work_;
};

TEST_F(PkgInstallFlags, EnvironmentLibrariesAreRecordedListedAndRemovedAsKsDid) {
  same_as_ks("01-install-env-unknown", {"pkg", "install", "kgen-test/hello", "--env", "nope"});
  same_as_ks("02-install-env", {"pkg", "install", "kgen-test/hello", "--env", "stage"});
  same_as_ks("03-install-env-again", {"pkg", "install", "kgen-test/hello", "--env", "stage"});
  same_as_ks("04-list", {"pkg", "list"});
  same_as_ks("05-list-json", {"pkg", "list", "-o", "json"});
  same_as_ks("06-list-installed", {"pkg", "list", "--installed"});
  same_as_ks("07-install-other-env", {"pkg", "install", "kgen-test/hello", "--env", "default"});
  same_as_ks("08-install-global-same-name", {"pkg", "install", "kgen-test/hello", "--name", "hello"});
  same_as_ks("09-list", {"pkg", "list"});
  same_as_ks("10-remove", {"pkg", "remove", "kgen-test/hello"});
  same_as_ks("11-list-after-remove", {"pkg", "list"});
  // ks ignored --name hi here (vendor/ had the package) and failed on it otherwise,
  // after copying the files: kgen refuses it and writes nothing.
  const std::string before = read_file(app() + "/app.yaml");
  const ProcessResult other = run({"pkg", "install", "kgen-test/hello", "--name", "hi"});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_NE(other.err.find("drop --name"), std::string::npos) << other.err;
  EXPECT_EQ(read_file(app() + "/app.yaml"), before);
}

TEST_F(PkgInstallFlags, RemovingFromTheLastEnvironmentRemovesTheFiles) {
  ASSERT_EQ(run({"pkg", "install", "kgen-test/hello", "--env", "stage"}).exit_code, 0);
  ASSERT_EQ(run({"pkg", "install", "kgen-test/hello", "--env", "default"}).exit_code, 0);
  ASSERT_EQ(run({"pkg", "remove", "kgen-test/hello", "--env", "stage"}).exit_code, 0);
  EXPECT_TRUE(fs::exists(app() + "/vendor/kgen-test/hello/parts.yaml"));
  ASSERT_EQ(run({"pkg", "remove", "kgen-test/hello", "--env", "default"}).exit_code, 0);
  EXPECT_FALSE(fs::exists(app() + "/vendor/kgen-test/hello"));
  EXPECT_EQ(read_file(app() + "/app.yaml").find("libraries"), std::string::npos);
  EXPECT_EQ(run({"pkg", "remove", "kgen-test/hello", "--env", "default"}).exit_code, 1);
}

TEST_F(PkgInstallFlags, ForceCopiesTheFilesAgain) {
  ASSERT_EQ(run({"pkg", "install", "kgen-test/hello"}).exit_code, 0);
  fs::remove(app() + "/vendor/kgen-test/hello/README.md");
  EXPECT_EQ(run({"pkg", "install", "kgen-test/hello"}).exit_code, 0);
  EXPECT_FALSE(fs::exists(app() + "/vendor/kgen-test/hello/README.md"));
  const ProcessResult forced = run({"pkg", "install", "kgen-test/hello", "--force"});
  EXPECT_EQ(forced.exit_code, 0);
  EXPECT_EQ(forced.err, "kgen: Retrieved 4 files\n");
  EXPECT_TRUE(fs::exists(app() + "/vendor/kgen-test/hello/README.md"));
}

TEST_F(PkgInstallFlags, DirMayComeBeforeOrAfterTheCommandAsKsAllowed) {
  ASSERT_EQ(run({"pkg", "install", "kgen-test/hello", "--dir", "demo"}, work_.path()).exit_code, 0);
  const ProcessResult listed = run({"pkg", "list", "--installed", "--dir", "demo"}, work_.path());
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out, run({"pkg", "list", "--installed"}).out);
  EXPECT_EQ(run({"--dir", "demo", "pkg", "list", "--installed"}, work_.path()).out, listed.out);
  EXPECT_EQ(run({"--dir=demo", "pkg", "list", "--installed"}, work_.path()).out, listed.out);
  EXPECT_EQ(run({"env", "list", "--dir", "demo"}, work_.path()).out, run({"env", "list"}).out);
  EXPECT_NE(run({"env", "list", "--no-such-flag"}).exit_code, 0);  // unknown flags still fail
  // Commands that take any --PARAM VALUE know --dir themselves.
  const ProcessResult preview = run({"prototype", "preview", "hello", "--dir", "demo", "--name", "p"}, work_.path());
  EXPECT_EQ(preview.exit_code, 0) << preview.err;
  EXPECT_EQ(preview.out, run({"prototype", "preview", "hello", "--name", "p"}).out);
  const ProcessResult used = run({"prototype", "use", "hello", "greet", "--dir", "demo"}, work_.path());
  EXPECT_EQ(used.exit_code, 0) << used.err;
  EXPECT_TRUE(fs::exists(app() + "/components/greet.jsonnet"));
}

}  // namespace
}  // namespace kgen::testing

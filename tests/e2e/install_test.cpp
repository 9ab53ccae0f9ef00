// `cmake --install`, as a user installs kgen from the source: every file in place, the
// installed kgen renders the tutorial app, bash completes commands, environments and
// components through the installed script, and the man page formats without a warning.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "common/files.h"
#include "e2e/installed_tool.h"
#include "support/app_copy.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

class Install : public ::testing::Test {
 protected:
  // One install for the suite: it copies the binary, nothing more.
  static void SetUpTestSuite() {
    prefix_ = new TempDir();
    const ProcessResult installed = run_process({KGEN_CMAKE, "--install", KGEN_BINARY_DIR, "--prefix", prefix_->path()}, ".");
    ASSERT_EQ(installed.exit_code, 0) << installed.out << installed.err;
  }
  static void TearDownTestSuite() {
    delete prefix_;
    prefix_ = nullptr;
  }
  static std::string prefix() { return prefix_->path(); }
  static TempDir* prefix_;
};
TempDir* Install::prefix_ = nullptr;

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// The names a completion should offer, read from the app's own folders.
std::vector<std::string> folder_entries(const std::string& dir, bool folders, const std::string& extension = "") {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (folders ? entry.is_directory() : entry.path().extension() == extension) out.push_back(entry.path().stem().string());
  }
  return sorted(out);
}

TEST_F(Install, EveryFileIsInPlaceAndTheInstalledKgenRendersTheTutorial) {
  expect_working_install(prefix());
  EXPECT_EQ(read_file(prefix() + "/share/kgen/argocd/plugin.yaml"),
            read_file(std::string(KGEN_SOURCE_DIR) + "/deploy/argocd/plugin.yaml"));
}

TEST_F(Install, BashRegistersTheCompletionWhenTheScriptIsSourced) {
  const ProcessResult registered =
      run_process({find_program("bash"), "--norc", "--noprofile", "-c", "source \"$0\" && complete -p kgen",
                   prefix() + "/share/bash-completion/completions/kgen"},
                  ".");
  EXPECT_EQ(registered.exit_code, 0) << registered.err;
  EXPECT_EQ(registered.out, "complete -F _kgen kgen\n");
}

TEST_F(Install, BashCompletesEveryCommandTheParserHas) {
  const std::vector<std::string> commands = help_commands(prefix() + "/bin/kgen");
  ASSERT_GT(commands.size(), 10u);
  EXPECT_EQ(sorted(bash_candidates(prefix(), {""}, ".")), sorted(commands));
  EXPECT_EQ(bash_candidates(prefix(), {"sh"}, "."), std::vector<std::string>{"show"});
  EXPECT_EQ(bash_candidates(prefix(), {"show", "--no-c"}, "."), std::vector<std::string>{"--no-cache"});
  EXPECT_EQ(bash_candidates(prefix(), {"param", "se"}, "."), std::vector<std::string>{"set"});
  // The shells `completion` accepts (a checked value).
  EXPECT_EQ(bash_candidates(prefix(), {"completion", ""}, "."), (std::vector<std::string>{"bash", "zsh", "fish"}));
}

TEST_F(Install, BashCompletesTheAppsEnvironmentsAndComponents) {
  AppCopy app(AppCopy::RootApp{});
  const std::vector<std::string> environments = folder_entries(app.file("environments"), true);
  const std::vector<std::string> components = folder_entries(app.file("components"), false, ".jsonnet");
  ASSERT_FALSE(environments.empty());
  ASSERT_GT(components.size(), 1u);
  EXPECT_EQ(sorted(bash_candidates(prefix(), {"show", ""}, app.path())), environments);
  EXPECT_EQ(sorted(bash_candidates(prefix(), {"show", "default", "-c", ""}, app.path())), components);
  EXPECT_EQ(sorted(bash_candidates(prefix(), {"param", "list", ""}, app.path())), components);
  EXPECT_EQ(sorted(bash_candidates(prefix(), {"env", "describe", ""}, app.path())), environments);
  // From a subfolder of the app, and from outside it with --dir.
  EXPECT_EQ(sorted(bash_candidates(prefix(), {"show", ""}, app.file("components"))), environments);
  TempDir elsewhere;
  EXPECT_TRUE(bash_candidates(prefix(), {"show", ""}, elsewhere.path()).empty());
  EXPECT_EQ(sorted(bash_candidates(prefix(), {"show", "--dir", app.path(), ""}, elsewhere.path())), environments);
}

TEST_F(Install, TheManPageListsEveryCommandAndFormatsCleanly) {
  const std::string page = read_file(prefix() + "/share/man/man1/kgen.1");
  for (const std::string& command : help_commands(prefix() + "/bin/kgen")) {
    EXPECT_NE(page.find(".TP\n.B " + command + "\n"), std::string::npos) << command;
  }
  EXPECT_NE(page.find("\\-\\-component"), std::string::npos);
  const std::string groff = find_program("groff");
  if (groff.empty()) GTEST_SKIP() << "groff is not installed";
  // -ww: every warning; -z: no output. A clean page prints nothing on stderr.
  const ProcessResult formatted =
      run_process({groff, "-man", "-Tutf8", "-ww", "-z", prefix() + "/share/man/man1/kgen.1"}, ".");
  EXPECT_EQ(formatted.exit_code, 0);
  EXPECT_EQ(formatted.err, "");
}

// fish finds the installed script where it looks for vendors' completions
// ($XDG_DATA_DIRS/fish/vendor_completions.d); `complete -C LINE` prints what TAB offers.
TEST_F(Install, FishCompletesThroughTheInstalledScript) {
  const std::string fish = find_program("fish");
  if (fish.empty()) GTEST_SKIP() << "fish is not installed";
  AppCopy app(AppCopy::RootApp{});
  TempDir home;
  const auto offered = [&](const std::string& line) {
    const ProcessResult r = run_process(
        {fish, "-c", "complete -C " + line}, app.path(),
        {{"PATH", prefix() + "/bin:/usr/bin:/bin"}, {"HOME", home.path()}, {"XDG_CONFIG_HOME", home.path() + "/config"},
         {"XDG_DATA_HOME", home.path() + "/data"}, {"XDG_DATA_DIRS", prefix() + "/share"}});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> words;
    std::istringstream lines(r.out);
    std::string candidate;
    while (std::getline(lines, candidate)) words.push_back(candidate.substr(0, candidate.find('\t')));
    return sorted(words);
  };
  EXPECT_EQ(offered("'kgen sh'"), std::vector<std::string>{"show"});
  EXPECT_EQ(offered("'kgen show -c '"), folder_entries(app.file("components"), false, ".jsonnet"));
  EXPECT_EQ(offered("'kgen show '"), folder_entries(app.file("environments"), true));
}

// zsh's compinit reads the #compdef line of every file on $fpath: the installed _kgen
// becomes the completion of kgen.
TEST_F(Install, ZshRegistersTheInstalledFunction) {
  const std::string zsh = find_program("zsh");
  if (zsh.empty()) GTEST_SKIP() << "zsh is not installed";
  TempDir home;
  const ProcessResult r = run_process(
      {zsh, "-f", "-c",
       "fpath=(\"$0\" $fpath) && autoload -Uz compinit && compinit -u -D && print -r -- \"$_comps[kgen]\"",
       prefix() + "/share/zsh/site-functions"},
      home.path(), {{"HOME", home.path()}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "_kgen\n");
  const ProcessResult parsed = run_process({zsh, "-n", prefix() + "/share/zsh/site-functions/_kgen"}, ".");
  EXPECT_EQ(parsed.exit_code, 0) << parsed.err;
}

}  // namespace
}  // namespace kgen::testing

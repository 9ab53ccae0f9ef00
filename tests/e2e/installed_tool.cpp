#include "e2e/installed_tool.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "support/app_copy.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {

namespace fs = std::filesystem;

std::vector<std::string> installed_files() {
  return {"bin/kgen",
          "share/bash-completion/completions/kgen",
          "share/zsh/site-functions/_kgen",
          "share/fish/vendor_completions.d/kgen.fish",
          "share/man/man1/kgen.1",
          "share/kgen/argocd/plugin.yaml",
          "share/kgen/argocd/kustomization.yaml",
          "share/kgen/argocd/repo-server-patch.yaml",
          "share/kgen/argocd/application.yaml"};
}

void expect_working_install(const std::string& prefix) {
  for (const std::string& file : installed_files()) EXPECT_TRUE(fs::is_regular_file(prefix + "/" + file)) << file;
  AppCopy app(AppCopy::RootApp{});
  TempDir cache;
  const std::map<std::string, std::string> env = {{"KGEN_CACHE_DIR", cache.path()}};
  const ProcessResult built = app.kgen({"show", "default", "--no-cache"}, env);
  const ProcessResult installed = run_process({prefix + "/bin/kgen", "show", "default", "--no-cache"}, app.path(), env);
  ASSERT_EQ(installed.exit_code, 0) << installed.err;
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_FALSE(installed.out.empty());
  EXPECT_EQ(installed.out, built.out);
}

std::vector<std::string> bash_candidates(const std::string& prefix, const std::vector<std::string>& words,
                                         const std::string& cwd) {
  // The words reach bash as its positional parameters: COMP_WORDS=(kgen "$@").
  std::vector<std::string> argv = {find_program("bash"), "--norc", "--noprofile", "-c",
                                    "source \"$0\" && COMP_WORDS=(kgen \"$@\") && COMP_CWORD=$# && _kgen && "
                                    "printf '%s\\n' \"${COMPREPLY[@]}\"",
                                    prefix + "/share/bash-completion/completions/kgen"};
  argv.insert(argv.end(), words.begin(), words.end());
  const char* path = std::getenv("PATH");
  const ProcessResult result =
      run_process(argv, cwd, {{"PATH", prefix + "/bin:" + (path != nullptr ? path : "/usr/bin:/bin")}});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> out;
  std::istringstream lines(result.out);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path == nullptr ? "/usr/bin:/bin" : path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return dir + "/" + name;
  }
  return {};
}

std::vector<std::string> help_commands(const std::string& kgen) {
  const ProcessResult help = run_process({kgen, "--help"}, ".");
  std::istringstream lines(help.out);
  std::string line;
  std::vector<std::string> out;
  bool in_list = false;
  while (std::getline(lines, line)) {
    if (line == "Subcommands:") {
      in_list = true;
    } else if (in_list && line.rfind("  ", 0) == 0) {
      std::istringstream words(line);
      std::string name;
      words >> name;
      out.push_back(name);
    } else if (in_list) {
      in_list = false;
    }
  }
  return out;
}

}  // namespace kgen::testing

// End-to-end cases: each folder under tests/e2e/cases/ runs the kgen binary once on an
// app tree and compares exit status, stdout and stderr with golden files.
//
//   args          one argument per line (<empty> for an empty argument)
//   app           the app folder, relative to the repository root
//   cwd           (optional) folder to run in, relative to the app folder
//   env           (optional) NAME=VALUE lines added to the environment
//   expected.rc   exit status (default 0)
//   expected.out  exact stdout (default empty)
//   expected.err  exact stderr (default empty)
//
// KGEN_UPDATE_GOLDEN=1 rewrites the expected files from the actual output.
// Every case also checks that kgen changed no file of the app.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/case_files.h"
#include "support/run_process.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(KGEN_SOURCE_DIR) / "tests/e2e/cases";

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Every file kgen could write in an app, with its content, to prove a command changed
// nothing. (Build output and test fixtures of the repository's own app are left out.)
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const char* top : {"app.yaml", "app.override.yaml", ".ks_environment", "components", "environments", "lib",
                          "vendor", "golden"}) {
    const fs::path start = root / top;
    if (fs::is_regular_file(start)) files[top] = read_case_file(start);
    if (!fs::is_directory(start)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(start)) {
      if (entry.is_regular_file()) files[fs::relative(entry.path(), root).string()] = read_case_file(entry.path());
    }
  }
  return files;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCases)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class Case : public ::testing::TestWithParam<std::string> {};

TEST_P(Case, MatchesGolden) {
  const fs::path dir = kCases / GetParam();
  const fs::path app = fs::path(KGEN_SOURCE_DIR) / trim(read_case_file(dir / "app"));
  ASSERT_TRUE(fs::is_directory(app)) << "case " << GetParam() << ": no app folder " << app;
  const fs::path cwd = app / trim(read_case_file(dir / "cwd", "."));
  std::vector<std::string> argv = {KGEN_BINARY};
  for (const auto& arg : non_empty_lines(read_case_file(dir / "args"))) argv.push_back(arg == "<empty>" ? "" : arg);
  std::map<std::string, std::string> env;
  for (const auto& line : non_empty_lines(read_case_file(dir / "env"))) env[line.substr(0, line.find('='))] = line.substr(line.find('=') + 1);

  // A fresh render cache per case, so every case evaluates.
  const fs::path cache = fs::temp_directory_path() / ("kgen-e2e-cache-" + GetParam());
  fs::remove_all(cache);
  env.emplace("KGEN_CACHE_DIR", cache.string());

  const auto before = snapshot(app);
  const ProcessResult result = run_process(argv, cwd.string(), env);
  const auto after = snapshot(app);
  fs::remove_all(cache);

  if (std::getenv("KGEN_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(dir / "expected.rc") << result.exit_code << "\n";
    if (!fs::is_symlink(dir / "expected.out")) std::ofstream(dir / "expected.out", std::ios::binary) << result.out;
    std::ofstream(dir / "expected.err", std::ios::binary) << result.err;
    return;
  }
  EXPECT_EQ(result.exit_code, std::stoi(read_case_file(dir / "expected.rc", "0"))) << "stderr:\n" << result.err;
  EXPECT_EQ(result.out, read_case_file(dir / "expected.out"));
  EXPECT_EQ(result.err, read_case_file(dir / "expected.err"));
  EXPECT_TRUE(before == after) << "the command changed files of the app";
}

INSTANTIATE_TEST_SUITE_P(E2E, Case, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace kgen::testing

// Replays the tutorial's ks command sequence (tests/reference/pets/commands.log, as
// recorded with the real ks) with kgen on a copy of an app that starts without the
// tutorial's parameters, and compares every stdout byte with what ks printed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/files.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kReference = fs::path(KGEN_SOURCE_DIR) / "tests/reference/pets";

struct Step {
  std::string name;
  int rc = 0;
  std::vector<std::string> args;  // after "ks"
};

// commands.log lines: "<name>\trc=<n>\tks <args...>" (arguments without quoting).
std::vector<Step> steps() {
  std::vector<Step> out;
  std::ifstream in(kReference / "commands.log");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    Step step;
    std::string rc, command;
    std::getline(fields, step.name, '\t');
    std::getline(fields, rc, '\t');
    std::getline(fields, command);
    step.rc = std::stoi(rc.substr(3));
    std::istringstream words(command);
    std::string word;
    words >> word;  // "ks"
    while (words >> word) step.args.push_back(word);
    out.push_back(step);
  }
  return out;
}

TEST(TutorialReplay, ParamSetsThenListingsMatchKs) {
  TempDir app;
  fs::copy(fs::path(KGEN_SOURCE_DIR) / "tests/e2e/apps/pets-tutorial-start", app.path(), fs::copy_options::recursive);
  int replayed = 0;
  for (const Step& step : steps()) {
    // The steps kgen implements: parameter changes, then every listing of the app.
    const int number = std::stoi(step.name.substr(0, 2));
    const bool change = number >= 10 && number <= 32 && step.args[0] == "param";
    const bool listing = number >= 40 && number <= 54;
    if (!change && !listing) continue;
    std::vector<std::string> argv = {KGEN_BINARY};
    argv.insert(argv.end(), step.args.begin(), step.args.end());
    const ProcessResult result = run_process(argv, app.path());
    EXPECT_EQ(result.exit_code, step.rc) << step.name << ": " << result.err;
    const std::string expected = read_file((kReference / (step.name + ".out")).string());
    EXPECT_EQ(result.out, expected) << step.name;
    ++replayed;
  }
  EXPECT_EQ(replayed, 36);  // 21 parameter changes, 15 listings
}

}  // namespace
}  // namespace kgen::testing

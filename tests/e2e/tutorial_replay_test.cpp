// Replays the tutorial's ks command sequence (tests/reference/pets/commands.log, as
// recorded with the real ks) with kgen on a copy of an app that starts as the ks app
// did (apiVersion 0.1.0, no environments) but without the tutorial's parameters, and
// compares every stdout byte with what ks printed, and app.yaml and the new
// environments' files with the snapshots ks left.
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

TEST(TutorialReplay, EveryNonRenderingStepMatchesKs) {
  TempDir app;
  fs::copy(fs::path(KGEN_SOURCE_DIR) / "tests/e2e/apps/pets-tutorial-start", app.path(), fs::copy_options::recursive);
  int replayed = 0;
  for (const Step& step : steps()) {
    // Every step but rendering (the app's components here are stand-ins) and the
    // cluster commands.
    const int number = std::stoi(step.name.substr(0, 2));
    if (number == 5 || number >= 60) continue;
    std::vector<std::string> argv = {KGEN_BINARY};
    argv.insert(argv.end(), step.args.begin(), step.args.end());
    const ProcessResult result = run_process(argv, app.path());
    EXPECT_EQ(result.exit_code, step.rc) << step.name << ": " << result.err;
    const std::string expected = read_file((kReference / (step.name + ".out")).string());
    EXPECT_EQ(result.out, expected) << step.name;
    ++replayed;
    // Where ks rewrote app.yaml or added an environment, kgen writes the same bytes.
    const fs::path snapshot = kReference / "snapshots" / step.name;
    if (fs::exists(snapshot)) {
      for (const auto& entry : fs::recursive_directory_iterator(snapshot)) {
        if (!entry.is_regular_file()) continue;
        const fs::path rel = fs::relative(entry.path(), snapshot);
        EXPECT_EQ(read_file((fs::path(app.path()) / rel).string()), read_file(entry.path().string()))
            << step.name << ": " << rel;
      }
    }
  }
  EXPECT_EQ(replayed, 42);  // 6 environment and component steps, 21 parameter changes, 15 listings
}

}  // namespace
}  // namespace kgen::testing

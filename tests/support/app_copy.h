// A copy of one of the e2e fixture apps in a temporary folder, and kgen run in it
// (for commands that change files).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {

class AppCopy {
 public:
  explicit AppCopy(const std::string& fixture) {
    std::filesystem::copy(std::filesystem::path(KGEN_SOURCE_DIR) / "tests/e2e/apps" / fixture, dir_.path(),
                          std::filesystem::copy_options::recursive);
  }
  // The repository's own app (the tutorial's data preparation): app.yaml, components, environments.
  struct RootApp {};
  explicit AppCopy(RootApp) {
    for (const char* part : {"app.yaml", "components", "environments"}) {
      std::filesystem::copy(std::filesystem::path(KGEN_SOURCE_DIR) / part, std::filesystem::path(dir_.path()) / part,
                            std::filesystem::copy_options::recursive);
    }
  }
  const std::string& path() const { return dir_.path(); }
  std::string file(const std::string& rel) const { return dir_.path() + "/" + rel; }
  ProcessResult kgen(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) const {
    std::vector<std::string> argv = {KGEN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, dir_.path(), env);
  }

 private:
  TempDir dir_;
};

}  // namespace kgen::testing

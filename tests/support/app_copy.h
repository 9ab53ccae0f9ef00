// A copy of one of the e2e fixture apps in a temporary folder, and kgen run in it
// (for commands that change files).
#pragma once

#include <filesystem>
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
  const std::string& path() const { return dir_.path(); }
  std::string file(const std::string& rel) const { return dir_.path() + "/" + rel; }
  ProcessResult kgen(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {KGEN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, dir_.path());
  }

 private:
  TempDir dir_;
};

}  // namespace kgen::testing

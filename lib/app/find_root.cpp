#include <filesystem>

#include "app/app.h"
#include "common/error.h"
#include "common/files.h"

namespace kgen::app {

std::string find_app_root(const std::string& start) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  if (!is_directory(dir.string())) {
    throw Error("'" + start + "' is not a directory", "pass --dir the folder of a ks or kgen app");
  }
  for (fs::path d = dir;; d = d.parent_path()) {
    if (is_regular_file((d / "app.yaml").string())) {
      std::string root = d.string();
      while (root.size() > 1 && root.back() == '/') root.pop_back();
      return root;
    }
    if (d == d.parent_path()) break;
  }
  throw Error("no app.yaml in " + display_path(dir.string()) + " or any folder above it",
              "run kgen inside a ks/kgen app or pass --dir APP");
}

}  // namespace kgen::app

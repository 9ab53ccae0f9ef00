#include <filesystem>
#include <string>

#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "edit/edit.h"
#include "jsonnet/format.h"

namespace kgen::edit {
namespace {

namespace fs = std::filesystem;

bool is_jsonnet(const fs::path& p) { return p.extension() == ".jsonnet" || p.extension() == ".libsonnet"; }

// Generated and third-party code is not the user's to reformat.
bool skipped_folder(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == "vendor" || name == "ksonnet-lib" || name == ".git" || name == "node_modules" ||
         name.rfind("build", 0) == 0 || (name.size() > 1 && name[0] == '.');
}

}  // namespace

FormatResult format_files(const std::vector<std::string>& paths, bool check_only) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    if (is_regular_file(path)) {
      files.push_back(path);
      continue;
    }
    if (!is_directory(path)) throw Error("no such file or folder", "name Jsonnet files or folders", {path});
    for (auto it = fs::recursive_directory_iterator(path); it != fs::recursive_directory_iterator(); ++it) {
      if (it->is_directory() && skipped_folder(it->path())) {
        it.disable_recursion_pending();
      } else if (it->is_regular_file() && is_jsonnet(it->path())) {
        files.push_back(it->path().string());
      }
    }
  }
  FormatResult result;
  for (const auto& file : files) {
    const std::string text = read_file(file);
    const std::string formatted = jsonnet::format_jsonnet(text, display_path(file));
    ++result.checked;
    if (formatted == text) continue;
    result.changed.push_back(display_path(file));
    if (!check_only) write_file_atomically(file, formatted);
  }
  return result;
}

}  // namespace kgen::edit

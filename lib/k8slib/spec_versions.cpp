// Finding a spec in the cache by Kubernetes minor release (validate --kube-version 1.29).
#include <filesystem>
#include <string>

#include "common/files.h"
#include "k8slib/k8slib.h"

namespace kgen::k8slib {

std::string cached_spec_for_minor(const std::string& minor) {
  const std::string dir = spec_cache_dir();
  std::error_code ec;
  if (dir.empty() || !std::filesystem::is_directory(dir, ec)) return {};
  const std::string prefix = "v" + minor + ".";
  std::string best;
  long best_patch = -1;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || !is_regular_file(entry.path().string() + "/swagger.json")) continue;
    const std::string patch = name.substr(prefix.size());
    if (patch.empty() || patch.find_first_not_of("0123456789") != std::string::npos) continue;
    if (std::stol(patch) > best_patch) {
      best_patch = std::stol(patch);
      best = entry.path().string() + "/swagger.json";
    }
  }
  return best;
}

}  // namespace kgen::k8slib

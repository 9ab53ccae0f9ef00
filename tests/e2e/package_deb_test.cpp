// The Debian package: cpack -G DEB from the build folder (what scripts/package.sh runs),
// its control fields, and the package unpacked into a temporary root (dpkg -x) working
// as `cmake --install` does. Its dependencies must cover every shared library the
// installed kgen loads, so that apt-get on a fresh Debian 12 brings them.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "e2e/installed_tool.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

// The control field `name` of `deb`.
std::string field(const std::string& deb, const std::string& name) {
  const ProcessResult f = run_process({find_program("dpkg-deb"), "-f", deb, name}, ".");
  EXPECT_EQ(f.exit_code, 0) << f.err;
  return f.out.substr(0, f.out.find_last_not_of('\n') + 1);
}

// "libc6 (>= 2.34), libcurl4, libstdc++6 (>= 12)" -> {libc6, libcurl4, libstdc++6}
std::set<std::string> package_names(const std::string& depends) {
  std::set<std::string> out;
  std::istringstream items(depends);
  std::string item;
  while (std::getline(items, item, ',')) {
    std::istringstream words(item);
    std::string name;
    words >> name;
    out.insert(name);
  }
  return out;
}

// dpkg -S of a library as ldd names it; Debian 12 merged /lib into /usr/lib, and dpkg's
// database knows each file by the path its package shipped, either of the two.
ProcessResult owning_package(const std::string& path) {
  std::vector<std::string> candidates = {path, fs::canonical(path).string()};
  for (const std::string& p : std::vector<std::string>(candidates)) {
    if (p.rfind("/usr/lib/", 0) == 0) candidates.push_back(p.substr(4));
    if (p.rfind("/lib/", 0) == 0) candidates.push_back("/usr" + p);
  }
  ProcessResult owner;
  for (const std::string& p : candidates) {
    owner = run_process({find_program("dpkg"), "-S", p}, ".");
    if (owner.exit_code == 0) break;
  }
  return owner;
}

// One test: under ctest each test is a process of its own, and packaging takes seconds.
TEST(DebianPackage, BuildsAndUnpacksIntoAWorkingKgen) {
  TempDir work;
  const ProcessResult packed = run_process(
      {KGEN_CPACK, "-G", "DEB", "--config", std::string(KGEN_BINARY_DIR) + "/CPackConfig.cmake", "-B", work.path() + "/out"},
      work.path());
  ASSERT_EQ(packed.exit_code, 0) << packed.out << packed.err;
  std::string deb;
  for (const auto& entry : fs::directory_iterator(work.path() + "/out")) {
    if (entry.path().extension() == ".deb") deb = entry.path().string();
  }
  ASSERT_FALSE(deb.empty()) << packed.out;

  // Named and versioned as the project.
  EXPECT_EQ(field(deb, "Package"), "kgen");
  const ProcessResult version = run_process({KGEN_BINARY, "version"}, ".");
  EXPECT_EQ(version.out.rfind("kgen version: " + field(deb, "Version") + "\n", 0), 0u) << version.out;
  EXPECT_EQ(fs::path(deb).filename().string(), "kgen_" + field(deb, "Version") + "_" + field(deb, "Architecture") + ".deb");

  // Unpacked, it works as `cmake --install` does.
  const std::string root = work.path() + "/root";
  const ProcessResult unpacked = run_process({find_program("dpkg"), "-x", deb, root}, ".");
  ASSERT_EQ(unpacked.exit_code, 0) << unpacked.err;
  expect_working_install(root + "/usr");
  EXPECT_EQ(bash_candidates(root + "/usr", {"compl"}, "."), std::vector<std::string>{"completion"});

  // Its Depends name the package of every library the installed kgen loads.
  const std::string depends_field = field(deb, "Depends");
  const std::set<std::string> depends = package_names(depends_field);
  EXPECT_TRUE(depends.count("libcurl4")) << "loaded with dlopen, so shlibdeps cannot see it";
  const ProcessResult libraries = run_process({find_program("ldd"), root + "/usr/bin/kgen"}, ".");
  ASSERT_EQ(libraries.exit_code, 0) << libraries.err;
  std::istringstream lines(libraries.out);
  std::string line;
  int checked = 0;
  while (std::getline(lines, line)) {
    const auto arrow = line.find("=> /");
    if (arrow == std::string::npos) continue;
    const std::string path = line.substr(arrow + 3, line.find(" (", arrow) - arrow - 3);
    const ProcessResult owner = owning_package(path);
    ASSERT_EQ(owner.exit_code, 0) << path << ": " << owner.err;
    const std::string package = owner.out.substr(0, owner.out.find_first_of(":,"));
    EXPECT_TRUE(depends.count(package)) << path << " comes from " << package << ", not in Depends: " << depends_field;
    ++checked;
  }
  EXPECT_GT(checked, 3);
}

}  // namespace
}  // namespace kgen::testing

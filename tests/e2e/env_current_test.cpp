// `kgen env current --set/--unset` write .ks_environment: run on a copy of an app.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/files.h"
#include "support/app_copy.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

class EnvCurrent : public ::testing::Test {
 protected:
  ProcessResult kgen(const std::vector<std::string>& args) { return app_.kgen(args); }
  std::string marker() const { return app_.file(".ks_environment"); }
  AppCopy app_{"pets-final"};
};

TEST_F(EnvCurrent, SetWritesTheNameAndShowUsesIt) {
  EXPECT_EQ(kgen({"env", "current"}).out, "\n");
  ASSERT_EQ(kgen({"env", "current", "--set", "prod"}).exit_code, 0);
  EXPECT_EQ(read_file(marker()), "prod");  // no newline, as ks wrote it
  EXPECT_EQ(kgen({"env", "current"}).out, "prod\n");
  const ProcessResult show = kgen({"show", "-c", "pets-pvc", "--no-cache"});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("name: pets-pvc"), std::string::npos);
}

TEST_F(EnvCurrent, UnsetRemovesTheFile) {
  ASSERT_EQ(kgen({"env", "current", "--set", "default"}).exit_code, 0);
  ASSERT_EQ(kgen({"env", "current", "--unset"}).exit_code, 0);
  EXPECT_FALSE(is_regular_file(marker()));
  EXPECT_EQ(kgen({"env", "current", "--unset"}).exit_code, 0);  // unsetting twice is fine
}

TEST_F(EnvCurrent, UnknownEnvironmentChangesNothing) {
  ASSERT_EQ(kgen({"env", "current", "--set", "default"}).exit_code, 0);
  const ProcessResult bad = kgen({"env", "current", "--set", "staging"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("environment \"staging\" was not found"), std::string::npos);
  EXPECT_EQ(read_file(marker()), "default");
}

}  // namespace
}  // namespace kgen::testing

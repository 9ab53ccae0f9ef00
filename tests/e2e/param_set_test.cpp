// `kgen param set` on copies of an app: concurrent writers, file modes, no-op writes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "common/files.h"
#include "support/app_copy.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

class ParamSet : public ::testing::Test {
 protected:
  ProcessResult kgen(const std::vector<std::string>& args) { return app_.kgen(args); }
  std::string params() const { return app_.file("components/params.libsonnet"); }
  AppCopy app_{"pets-final"};
};

TEST_F(ParamSet, ConcurrentWritersLoseNoUpdate) {
  constexpr int kWriters = 8;
  std::vector<std::thread> threads;
  std::vector<int> codes(kWriters, -1);
  for (int i = 0; i < kWriters; ++i) {
    threads.emplace_back([this, i, &codes] {
      codes[i] = kgen({"param", "set", "pets-pvc", "key" + std::to_string(i), std::to_string(i)}).exit_code;
    });
  }
  for (auto& t : threads) t.join();
  const std::string text = read_file(params());
  for (int i = 0; i < kWriters; ++i) {
    EXPECT_EQ(codes[i], 0);
    EXPECT_NE(text.find("key" + std::to_string(i) + ": " + std::to_string(i) + ","), std::string::npos) << i;
  }
}

// SIGKILL at random moments of `param set`: the file is always the old text or the
// new one, never a mix (temporary file + rename).
TEST_F(ParamSet, KilledMidwayLeavesOldOrNewContent) {
  ASSERT_EQ(kgen({"param", "set", "pets-pvc", "storage", "A"}).exit_code, 0);
  const std::string with_a = read_file(params());
  ASSERT_EQ(kgen({"param", "set", "pets-pvc", "storage", "B"}).exit_code, 0);
  const std::string with_b = read_file(params());
  std::srand(12345);
  for (int i = 0; i < 40; ++i) {
    const std::string value = i % 2 == 0 ? "A" : "B";
    const int pid = spawn_process({KGEN_BINARY, "param", "set", "pets-pvc", "storage", value}, app_.path());
    usleep(static_cast<useconds_t>(std::rand() % 40000));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    const std::string now = read_file(params());
    ASSERT_TRUE(now == with_a || now == with_b) << "run " << i << " left:\n" << now;
  }
}

TEST_F(ParamSet, KeepsTheFileModeAndSkipsNoOpWrites) {
  ASSERT_EQ(chmod(params().c_str(), 0640), 0);
  ASSERT_EQ(kgen({"param", "set", "pets-pvc", "storage", "30Gi"}).exit_code, 0);
  struct stat st {};
  ASSERT_EQ(stat(params().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);

  const auto before = fs::last_write_time(params());
  const std::string text = read_file(params());
  ASSERT_EQ(kgen({"param", "set", "pets-pvc", "storage", "30Gi"}).exit_code, 0);
  EXPECT_EQ(fs::last_write_time(params()), before);
  EXPECT_EQ(read_file(params()), text);
}

TEST_F(ParamSet, ReadOnlyFileIsAnErrorAndStaysAsItWas) {
  const std::string text = read_file(params());
  ASSERT_EQ(chmod(params().c_str(), 0444), 0);
  const ProcessResult result = kgen({"param", "set", "pets-pvc", "storage", "30Gi"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("components/params.libsonnet: the file is read-only"), std::string::npos) << result.err;
  EXPECT_EQ(read_file(params()), text);
}

TEST_F(ParamSet, ValuesReachTheRenderedObjects) {
  ASSERT_EQ(kgen({"param", "set", "pets-pvc", "storage", "30Gi", "--env", "prod"}).exit_code, 0);
  const ProcessResult list = kgen({"param", "list", "pets-pvc", "--env", "prod"});
  EXPECT_NE(list.out.find("storage          '30Gi'"), std::string::npos) << list.out;
  const ProcessResult other = kgen({"param", "list", "pets-pvc", "--env", "default"});
  EXPECT_NE(other.out.find("storage          '10Gi'"), std::string::npos) << other.out;
}

}  // namespace
}  // namespace kgen::testing

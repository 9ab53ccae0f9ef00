// The bad-input catalogue: every folder under tests/bad_input/cases/ is one way a user
// or a cluster can give kgen bad input, with the command line, the exit status and the
// exact message expected (file, line, what to do). Each case runs on a fresh copy of its
// app and checks that kgen changed no file of it, and that no test credential appears
// in anything kgen printed.
//
//   args          one argument per line; ${SERVER}, ${KUBECONFIG}, ${APP}, ${FILES} are replaced
//   base          (optional) "root" (the repository's app, the default) or a fixture of tests/e2e/apps
//   files/        (optional) files written over the app (an overlay)
//   env           (optional) NAME=VALUE lines set for kgen; ${FILES} is replaced
//   remove        (optional) paths removed from the app, one per line
//   setup         (optional) a shell script run in the app folder before the command ($KGEN is kgen)
//   kubeconfig    (optional) kubeconfig text; ${SERVER}, ${CA_DATA} replaced. With a server and
//                 no kubeconfig, a token kubeconfig for the server is used.
//   server        (optional) start the test API server (namespace kubeflow exists); lines:
//                 "status CODE METHOD PATH-PART TIMES [RETRY-AFTER]", "delay MS METHOD PATH-PART TIMES",
//                 "drop METHOD PATH-PART TIMES", "namespace NAME", "apply" (kgen apply default first),
//                 "update MANAGER PATH JSON" (a merge patch by another field manager)
//   expected.rc   exit status
//   expected.err  stderr, with the server's URL as <server>, the app folder as <app>, the
//                 case's scratch folder as <files>
//
// KGEN_UPDATE_GOLDEN=1 rewrites expected.err (and expected.rc) from the actual run.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "apiserver/fake_apiserver.h"
#include "common/base64.h"
#include "common/files.h"
#include "common/sha256.h"
#include "support/case_files.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(KGEN_SOURCE_DIR) / "tests/bad_input/cases";
// Credentials the cases use: none may ever be printed.
const std::vector<std::string> kSecrets = {"test-token", "expired-token-4711", "limited-token", "s3cret-basic", "hunter2"};

void replace_all(std::string* text, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size())) text->replace(at, from.size(), to);
}

// Path -> SHA-256 and mode of every file under the app.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    struct stat st {};
    ::stat(entry.path().c_str(), &st);
    files[fs::relative(entry.path(), root).string()] =
        sha256_hex(read_case_file(entry.path())) + " " + std::to_string(st.st_mode & 07777);
  }
  return files;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, FailsClearlyAndChangesNothing) {
  const fs::path dir = kCases / GetParam();
  TempDir app_dir, files;
  const fs::path app = app_dir.path();
  const std::string base = non_empty_lines(read_case_file(dir / "base", "root")).front();
  if (base == "root") {
    for (const char* part : {"app.yaml", "components", "environments"}) {
      fs::copy(fs::path(KGEN_SOURCE_DIR) / part, app / part, fs::copy_options::recursive);
    }
  } else {
    fs::copy(fs::path(KGEN_SOURCE_DIR) / "tests/e2e/apps" / base, app, fs::copy_options::recursive);
  }
  if (fs::exists(dir / "files")) fs::copy(dir / "files", app, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  for (const auto& path : non_empty_lines(read_case_file(dir / "remove"))) fs::remove_all(app / path);

  std::map<std::string, std::string> env = {{"KGEN_CACHE_DIR", files.path() + "/cache"},
                                            {"KGEN_OPENAPI_DIR", files.path() + "/openapi"},
                                            {"HOME", files.path()}};
  for (std::string line : non_empty_lines(read_case_file(dir / "env"))) {
    replace_all(&line, "${FILES}", files.path());
    const size_t eq = line.find('=');
    ASSERT_NE(eq, std::string::npos) << "env line without '=': " << line;
    env[line.substr(0, eq)] = line.substr(eq + 1);
  }
  std::unique_ptr<FakeApiServer> server;
  std::string server_url = "https://127.0.0.1:1";
  if (fs::exists(dir / "server")) {
    FakeApiServerOptions options;
    options.cert_dir = files.path();
    options.forbidden_tokens = {"limited-token"};
    server = std::make_unique<FakeApiServer>(options);
    server->create_namespace("kubeflow");
    server_url = server->url();
  }
  std::string kubeconfig_text = read_case_file(dir / "kubeconfig");
  if (kubeconfig_text.empty() && server) kubeconfig_text = server->kubeconfig("token");
  if (!kubeconfig_text.empty()) {
    replace_all(&kubeconfig_text, "${SERVER}", server_url);
    if (server) replace_all(&kubeconfig_text, "${CA_DATA}", base64_encode(read_file(server->certs().ca_cert)));
    const std::string path = files.write("kubeconfig", kubeconfig_text);
    ::chmod(path.c_str(), 0600);
    env["KUBECONFIG"] = path;
  } else {
    env["KUBECONFIG"] = files.path() + "/no-kubeconfig";
  }
  auto expand = [&](std::string text) {
    replace_all(&text, "${SERVER}", server_url);
    replace_all(&text, "${KUBECONFIG}", env["KUBECONFIG"]);
    replace_all(&text, "${APP}", app.string());
    replace_all(&text, "${FILES}", files.path());
    return text;
  };
  const std::vector<std::string> kgen = {KGEN_BINARY};
  if (server) {
    ASSERT_EQ(run_process({KGEN_BINARY, "env", "set", "default", "--server", server_url}, app.string(), env).exit_code, 0);
    for (const auto& line : non_empty_lines(read_case_file(dir / "server"))) {
      std::istringstream words(line);
      std::string what;
      words >> what;
      Fault fault;
      if (what == "namespace") {
        std::string name;
        words >> name;
        server->create_namespace(name);
        continue;
      }
      if (what == "update") {  // update MANAGER PATH JSON: a change by another field manager
        std::string manager, path, patch;
        words >> manager >> path;
        std::getline(words, patch);
        ASSERT_EQ(server->call("PATCH", path + "?fieldManager=" + manager, patch, "application/merge-patch+json"), 200);
        continue;
      }
      if (what == "apply") {
        const ProcessResult applied = run_process({KGEN_BINARY, "apply", "default"}, app.string(), env);
        ASSERT_EQ(applied.exit_code, 0) << applied.err;
        continue;
      }
      if (what == "status") {
        fault.kind = Fault::Status;
        words >> fault.status >> fault.method >> fault.path_contains >> fault.times;
        if (!(words >> fault.retry_after_seconds)) fault.retry_after_seconds = -1;
      } else if (what == "delay") {
        fault.kind = Fault::Delay;
        words >> fault.delay_ms >> fault.method >> fault.path_contains >> fault.times;
      } else if (what == "drop") {
        fault.kind = Fault::Drop;
        words >> fault.method >> fault.path_contains >> fault.times;
      } else {
        FAIL() << "unknown server line: " << line;
      }
      server->add_fault(fault);
    }
  }
  if (fs::exists(dir / "setup")) {
    auto setup_env = env;
    setup_env["KGEN"] = KGEN_BINARY;
    const ProcessResult setup = run_process({"/bin/sh", (dir / "setup").string()}, app.string(), setup_env);
    ASSERT_EQ(setup.exit_code, 0) << setup.err;
  }

  const auto before = snapshot(app);
  std::vector<std::string> argv = {KGEN_BINARY};
  for (const auto& arg : non_empty_lines(read_case_file(dir / "args"))) argv.push_back(expand(arg));
  const ProcessResult result = run_process(argv, app.string(), env);
  const auto after = snapshot(app);

  std::string err = result.err;
  replace_all(&err, server_url, "<server>");
  replace_all(&err, app.string(), "<app>");
  replace_all(&err, files.path(), "<files>");
  if (const char* update = std::getenv("KGEN_UPDATE_GOLDEN"); update != nullptr && std::string(update) == "1") {
    std::ofstream(dir / "expected.err", std::ios::binary) << err;
    std::ofstream(dir / "expected.rc") << result.exit_code << "\n";
  }
  EXPECT_EQ(std::to_string(result.exit_code), non_empty_lines(read_case_file(dir / "expected.rc", "?")).front()) << err;
  EXPECT_EQ(err, read_case_file(dir / "expected.err")) << "case " << GetParam();
  EXPECT_NE(result.exit_code, 139) << "crashed";
  EXPECT_EQ(before, after) << "kgen changed files of the app";
  for (const auto& secret : kSecrets) {
    EXPECT_EQ((result.out + result.err).find(secret), std::string::npos) << "credential printed: " << secret;
  }
  if (result.exit_code != 0) {
    EXPECT_NE(err.find("kgen: error: "), std::string::npos) << "no error line:\n" << err;
  }
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCases)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInput, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(BadInputCatalogue, HasAtLeastSixtyCases) { EXPECT_GE(case_names().size(), 60u); }

}  // namespace
}  // namespace kgen::testing

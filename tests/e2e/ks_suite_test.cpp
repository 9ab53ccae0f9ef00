// ksonnet's own end-to-end suite (v0.13.1 e2e/, the specs that need neither a cluster nor
// GitHub), plus kgen's specs for what Kubeflow's registry and scripts relied on, run
// against the kgen binary. Each spec is a list of command lines in
// tests/reference/ks-e2e/specs.txt (its header describes the lines); record.sh ran the
// same lines with the real ks 0.13.1 and stored what it printed and wrote beside it:
// those recordings are the expectations.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "common/files.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kSuite = fs::path(KGEN_SOURCE_DIR) / "tests/reference/ks-e2e";
const fs::path kFixtures = fs::path(KGEN_SOURCE_DIR) / "tests/fixtures";

struct Step {
  std::string verb;  // run, out, err, file, out~import, kgen-remove
  std::string rest;  // its arguments, as written
};

struct Spec {
  std::string name;
  std::string init;  // ks init's arguments
  std::vector<Step> steps;
};

// gtest prints a spec by its name.
void PrintTo(const Spec& spec, std::ostream* os) { *os << spec.name; }

std::vector<Spec> load_specs() {
  std::vector<Spec> specs;
  std::ifstream in(kSuite / "specs.txt");
  std::string line;
  std::string default_init;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.find(' ');
    const std::string verb = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    if (verb == "default-init") {
      default_init = rest;
    } else if (verb == "spec") {
      specs.push_back({rest, default_init, {}});
    } else if (verb == "init") {
      specs.back().init = rest;
    } else {
      specs.back().steps.push_back({verb, rest});
    }
  }
  return specs;
}

// Words split at spaces; '...' quotes a word holding spaces (as the shell that recorded
// the lines read them; specs.txt uses no other quoting).
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  bool quoted = false;
  bool any = false;
  for (char c : text) {
    if (c == '\'') {
      quoted = !quoted;
      any = true;
    } else if (c == ' ' && !quoted) {
      if (any) out.push_back(word);
      word.clear();
      any = false;
    } else {
      word += c;
      any = true;
    }
  }
  if (any) out.push_back(word);
  return out;
}

void replace_all(std::string* text, const std::string& from, const std::string& to) {
  for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
  }
}

// The text of a Go-quoted string ("a \"b\"\n" -> a "b" + newline).
std::string go_unquote(const std::string& quoted) {
  std::string out;
  for (size_t i = 1; i + 1 < quoted.size(); ++i) {
    if (quoted[i] == '\\' && i + 2 < quoted.size()) {
      const char next = quoted[++i];
      out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else {
      out += quoted[i];
    }
  }
  return out;
}

// The message of ks's `level=error msg="..."` record.
std::string ks_error_message(const std::string& err) {
  static const std::regex kRecord("level=error msg=(\"(?:[^\"\\\\]|\\\\.)*\")");
  std::smatch m;
  if (!std::regex_search(err, m, kRecord)) return {};
  return go_unquote(m[1]);
}

class KsSuite : public ::testing::TestWithParam<Spec> {
 protected:
  void SetUp() override {
    fs::create_directories(home_.path() + "/.kube");
    // The kubeconfig record.sh gave ks (ks-sandbox.sh): `env add` without --server uses it.
    home_.write(".kube/config",
                "apiVersion: v1\nkind: Config\n"
                "clusters: [{name: local, cluster: {server: \"https://127.0.0.1:6443\"}}]\n"
                "users: [{name: local, user: {token: x}}]\n"
                "contexts: [{name: local, context: {cluster: local, user: local, namespace: kubeflow}}]\n"
                "current-context: local\n");
    spec_file_ = work_.path() + "/swagger.json";
    const ProcessResult unzip = run_process(
        {"/bin/sh", "-c", "gzip -dc '" + (kFixtures / "openapi/v1.8.0.swagger.json.gz").string() + "' > swagger.json"},
        work_.path());
    ASSERT_EQ(unzip.exit_code, 0) << unzip.err;
  }

  std::string app() const { return work_.path() + "/app"; }
  std::string recorded(int step, const std::string& ext) const {
    char number[8];
    std::snprintf(number, sizeof number, "%02d", step);
    return (kSuite / GetParam().name / (std::string(number) + "." + ext)).string();
  }

  std::string expand(std::string text) const {
    replace_all(&text, "@WORK@", work_.path());
    replace_all(&text, "@FIXTURES@", kFixtures.string());
    replace_all(&text, "@SPEC@", spec_file_);
    if (text.find("@IMPORTED@") != std::string::npos) replace_all(&text, "@IMPORTED@", imported_name());
    return text;
  }
  // kgen's outputs with the scratch and fixture paths as record.sh wrote ks's.
  std::string portable(std::string text) const {
    replace_all(&text, kFixtures.string(), "@FIXTURES@");
    replace_all(&text, spec_file_, "@SPEC@");
    replace_all(&text, work_.path(), "@WORK@");
    return text;
  }
  // The component `import` wrote: its file under components/.
  std::string imported_name() const {
    for (const auto& e : fs::directory_iterator(app() + "/components")) {
      if (e.path().extension() == ".yaml") return e.path().stem().string();
    }
    return "(nothing imported)";
  }

  ProcessResult kgen(const std::string& line, const std::string& cwd) const {
    std::vector<std::string> argv = {KGEN_BINARY};
    for (auto& w : words(expand(line))) argv.push_back(w);
    // kgen keeps the specs given with --api-spec file: in its spec cache and renders into
    // its render cache: both in this test's home, so no other test sees them.
    return run_process(argv, cwd,
                       {{"HOME", home_.path()},
                        {"KUBECONFIG", home_.path() + "/.kube/config"},
                        {"KGEN_OPENAPI_DIR", home_.path() + "/openapi"},
                        {"KGEN_CACHE_DIR", home_.path() + "/cache"}});
  }

  TempDir work_;
  TempDir home_;
  std::string spec_file_;
  std::string ks_imported_;  // the name ks gave the imported component (random suffix)
};

TEST_P(KsSuite, SameAsKs) {
  const Spec& spec = GetParam();
  const ProcessResult init = kgen("init " + spec.init, work_.path());
  ASSERT_EQ(std::to_string(init.exit_code) + "\n", read_file(recorded(0, "rc"))) << "init: " << init.err;
  int step = 0;
  for (const Step& s : spec.steps) {
    ++step;
    const std::string where = spec.name + " line " + std::to_string(step) + ": " + s.verb + " " + s.rest;
    if (s.verb == "kgen-remove") {
      fs::remove_all(app() + "/" + s.rest);
      continue;
    }
    if (s.verb == "file") {
      const bool exists = fs::exists(app() + "/" + s.rest);
      if (fs::exists(recorded(step, "missing"))) {
        EXPECT_FALSE(exists) << where << ": ks did not write it";
      } else {
        ASSERT_TRUE(exists) << where << ": kgen did not write it";
        EXPECT_EQ(portable(read_file(app() + "/" + s.rest)), read_file(recorded(step, "file"))) << where;
      }
      continue;
    }
    const ProcessResult r = kgen(s.rest, app());
    // ks printed where it wrote an imported component: its name, random suffix and all.
    static const std::regex kWritten("components/([^/']+)\\.yaml'");
    std::smatch m;
    const std::string ks_err = read_file(recorded(step, "err"));
    if (std::regex_search(ks_err, m, kWritten)) ks_imported_ = m[1];
    EXPECT_EQ(std::to_string(r.exit_code) + "\n", read_file(recorded(step, "rc")))
        << where << "\nstdout:\n" << r.out << "stderr:\n" << r.err;
    if (s.verb == "out" || s.verb == "out~import") {
      std::string expected = read_file(recorded(step, "out"));
      if (s.verb == "out~import" && !ks_imported_.empty()) replace_all(&expected, ks_imported_, imported_name());
      EXPECT_EQ(portable(r.out), expected) << where;
    } else if (s.verb == "err") {
      const std::string message = ks_error_message(ks_err);
      ASSERT_FALSE(message.empty()) << where << ": ks printed no error";
      EXPECT_NE(r.err.find(message), std::string::npos) << where << "\nks: " << message << "\nkgen: " << r.err;
    } else {
      ASSERT_EQ(s.verb, "run") << where << ": unknown line";
    }
  }
}

// gtest names: letters, digits and _ only.
std::string test_name(const ::testing::TestParamInfo<Spec>& info) {
  std::string name = info.param.name;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(ks_e2e, KsSuite, ::testing::ValuesIn(load_specs()), test_name);

}  // namespace
}  // namespace kgen::testing

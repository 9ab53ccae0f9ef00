// The documentation's command examples. The README's quickstart runs as written, in
// order, on a copy of the tutorial app, its cluster steps against the test API server
// (a thread plays the cluster: Jobs complete, the PVC binds). Every other kgen line of
// README.md and docs/*.md must name commands and flags that `kgen ... --help` lists, so
// a renamed command or flag cannot leave a stale example behind.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <sstream>
#include <thread>

#include "common/files.h"
#include "e2e/cluster_support.h"
#include "e2e/docs_examples.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

std::vector<DocExample> all_examples() {
  std::vector<DocExample> out = doc_examples("README.md", read_file(std::string(KGEN_SOURCE_DIR) + "/README.md"));
  std::set<fs::path> docs;
  for (const auto& entry : fs::directory_iterator(std::string(KGEN_SOURCE_DIR) + "/docs")) {
    if (entry.path().extension() == ".md") docs.insert(entry.path());
  }
  for (const fs::path& doc : docs) {
    for (DocExample& e : doc_examples("docs/" + doc.filename().string(), read_file(doc.string()))) out.push_back(e);
  }
  return out;
}

TEST(DocExamples, AreFoundInTheReadmeAndTheDocs) {
  const std::vector<DocExample> examples = doc_examples("x.md",
                                                        "## A\n```sh\nbuild/cmd/kgen show default -c 'a b'   # comment\n"
                                                        "exec kgen golden check >&2\nKUBECONFIG=/k kgen apply x\n"
                                                        "git clone u\n```\n```yaml\nkgen: no\n```\n");
  ASSERT_EQ(examples.size(), 3u);
  EXPECT_EQ(examples[0].args, (std::vector<std::string>{"show", "default", "-c", "a b"}));
  EXPECT_EQ(examples[0].section, "A");
  EXPECT_EQ(examples[0].line, 3);
  EXPECT_EQ(examples[1].args, (std::vector<std::string>{"golden", "check"}));
  EXPECT_EQ(examples[2].args, (std::vector<std::string>{"apply", "x"}));
  EXPECT_GT(all_examples().size(), 20u);
}

std::string help(const std::vector<std::string>& command) {
  std::vector<std::string> argv = {KGEN_BINARY};
  argv.insert(argv.end(), command.begin(), command.end());
  argv.push_back("--help");
  return run_process(argv, ".").out;
}

std::set<std::string> help_subcommands(const std::string& text) {
  std::set<std::string> out;
  std::istringstream lines(text);
  std::string line;
  bool in_list = false;
  while (std::getline(lines, line)) {
    if (line == "Subcommands:") {
      in_list = true;
    } else if (in_list && line.rfind("  ", 0) == 0) {
      out.insert(line.substr(2, line.find(' ', 2) - 2));
    } else {
      in_list = false;
    }
  }
  return out;
}

bool lists_flag(const std::string& text, const std::string& flag) {
  for (size_t at = text.find(flag); at != std::string::npos; at = text.find(flag, at + 1)) {
    const char before = at == 0 ? '\n' : text[at - 1];
    const char after = at + flag.size() < text.size() ? text[at + flag.size()] : '\n';
    if ((before == ' ' || before == ',') && (after == ' ' || after == ',' || after == '\n' || after == '=')) return true;
  }
  return false;
}

TEST(DocExamples, EveryExampleNamesCommandsAndFlagsKgenHas) {
  for (const DocExample& example : all_examples()) {
    SCOPED_TRACE(example.file + ":" + std::to_string(example.line) + ": " + example.text);
    std::vector<std::string> command;
    std::string text = help({});
    size_t i = 0;
    for (; i < example.args.size() && help_subcommands(text).count(example.args[i]); ++i) {
      command.push_back(example.args[i]);
      text = help(command);
    }
    ASSERT_FALSE(command.empty()) << "no kgen command";
    // generate / prototype use / preview take the prototype's own --PARAM VALUE.
    const bool prototype_params = command.back() == "generate" || command.back() == "use" || command.back() == "preview";
    const std::string group = command.size() > 1 ? help({command.begin(), command.end() - 1}) : "";
    for (; i < example.args.size(); ++i) {
      const std::string& arg = example.args[i];
      if (arg.size() < 2 || arg[0] != '-' || prototype_params) continue;
      const std::string flag = arg.substr(0, arg.find('='));
      EXPECT_TRUE(lists_flag(text, flag) || lists_flag(group, flag)) << flag << " is not a flag of kgen " << command.back();
    }
  }
}

// The cluster the tutorial waits for: every Job the render has completes, the PVC binds.
class QuickstartCluster : public ClusterTest {
 protected:
  void play_the_cluster(const std::atomic<bool>& stop) {
    const nlohmann::json list = nlohmann::json::parse(app_->kgen({"show", "default", "-o", "json"}).out);
    while (!stop) {
      for (const auto& item : list["items"]) {
        const std::string kind = item["kind"];
        const std::string ns = item["metadata"].value("namespace", "kubeflow");
        const std::string object = (kind == "Job" ? "/apis/batch/v1/namespaces/" + ns + "/jobs/"
                                                  : "/api/v1/namespaces/" + ns + "/persistentvolumeclaims/") +
                                   item["metadata"]["name"].get<std::string>();
        if (server_.object(object).is_null()) continue;
        if (kind == "Job") {
          server_.set_status(object, {{"succeeded", 1}, {"conditions", {{{"type", "Complete"}, {"status", "True"}}}}});
        } else if (kind == "PersistentVolumeClaim") {
          server_.set_status(object, {{"phase", "Bound"}});
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
};

TEST_F(QuickstartCluster, TheReadmeQuickstartRunsAsWritten) {
  std::atomic<bool> stop{false};
  std::thread cluster([&] { play_the_cluster(stop); });
  int ran = 0;
  for (const DocExample& example : all_examples()) {
    if (example.file != "README.md" || example.section.rfind("Quickstart", 0) != 0) continue;
    const ProcessResult result = kgen(example.args);
    EXPECT_EQ(result.exit_code, 0) << "README.md:" << example.line << ": " << example.text << "\n" << result.err;
    ++ran;
  }
  stop = true;
  cluster.join();
  EXPECT_GT(ran, 10);
  // The quickstart's last parameter change shows in its last render.
  const ProcessResult pvc = kgen({"show", "default", "-c", "pets-pvc"});
  EXPECT_NE(pvc.out.find("storage: 10Gi"), std::string::npos) << pvc.out;
}

}  // namespace
}  // namespace kgen::testing

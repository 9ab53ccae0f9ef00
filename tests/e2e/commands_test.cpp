// The module, import, registry, package and prototype commands on their own: what
// they write, and that bad input fails with one clear line and leaves the app as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "common/files.h"
#include "support/app_copy.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(KGEN_SOURCE_DIR) / "tests/fixtures";

// Every file under `root` with its content.
std::map<std::string, std::string> snapshot(const std::string& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), root).string()] = read_file(e.path().string());
  }
  return files;
}

class Commands : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(kFixtures / "registry", app_.file("registry"), fs::copy_options::recursive);
    fs::copy(kFixtures / "manifests", app_.file("manifests"), fs::copy_options::recursive);
  }
  ProcessResult kgen(const std::vector<std::string>& args) { return app_.kgen(args); }
  // Runs a command that must fail: one "kgen: error:" line holding `message`, and no
  // file of the app changed.
  void fails_cleanly(const std::vector<std::string>& args, const std::string& message) {
    const auto before = snapshot(app_.path());
    const ProcessResult r = kgen(args);
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_EQ(r.exit_code, 1) << joined;
    EXPECT_EQ(r.err.rfind("kgen: error: ", 0), 0u) << joined << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << joined << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << joined << r.err;
    EXPECT_TRUE(snapshot(app_.path()) == before) << joined << ": files changed";
  }
  AppCopy app_{AppCopy::RootApp{}};
};

TEST_F(Commands, ImportSplitsYamlDocumentsAndNamesThemByKindAndName) {
  const ProcessResult r = kgen({"import", "-f", "manifests/multi.yaml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(app_.file("components/service-svc-a.yaml")),
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-a\nspec:\n  ports:\n  - port: 80\n");
  EXPECT_TRUE(fs::exists(app_.file("components/deployment-dep-b.yaml")));
  const std::string params = read_file(app_.file("components/params.libsonnet"));
  EXPECT_NE(params.find("    \"service-svc-a\": {\n\n    },\n    \"deployment-dep-b\": {\n\n    },\n"), std::string::npos)
      << params;
  EXPECT_NE(kgen({"show", "default", "-c", "service-svc-a"}).out.find("ksonnet.io/component: service-svc-a"),
            std::string::npos);
  // A second import of the same objects would clash: nothing is written.
  fails_cleanly({"import", "-f", "manifests/multi.yaml"}, "component \"service-svc-a\" already exists");
}

TEST_F(Commands, ImportOfAFolderTakesItsManifestsAndSkipsOtherFiles) {
  ASSERT_EQ(kgen({"module", "create", "imported"}).exit_code, 0);
  const ProcessResult r = kgen({"import", "-f", "manifests", "--module", "imported"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("skipped manifests/notes.txt"), std::string::npos) << r.err;
  for (const char* f : {"config.json", "service-svc-a.yaml", "deployment-dep-b.yaml", "configmap-cm-yml.yaml"}) {
    EXPECT_TRUE(fs::exists(app_.file(std::string("components/imported/") + f))) << f;
  }
  // The comment before the first document stays with it.
  EXPECT_EQ(read_file(app_.file("components/imported/configmap-cm-yml.yaml")).rfind("# a comment\n", 0), 0u);
}

TEST_F(Commands, ModulesAreListedAndCreatedOnce) {
  ASSERT_EQ(kgen({"module", "create", "a.b"}).exit_code, 0);
  EXPECT_EQ(kgen({"module", "list"}).out, "MODULE\n======\n/\na.b\n");
  EXPECT_EQ(kgen({"module", "list", "--env", "default"}).out, "MODULE\n======\n/\n");
  fails_cleanly({"module", "create", "a.b"}, "module \"a.b\" already exists");
  fails_cleanly({"module", "create", "bad name"}, "\"bad name\" is not a valid module name");
}

TEST_F(Commands, BadPrototypeUseFailsAndChangesNothing) {
  fails_cleanly({"generate", "nope", "x"}, "no prototype names matched 'nope'");
  fails_cleanly({"generate", "service", "x"}, "ambiguous match for 'service'");
  fails_cleanly({"generate", "deployed-service", "web"}, "needs --image=<image> (Container image to deploy)");
  fails_cleanly({"generate", "deployed-service", "web", "--image", "nginx", "--replicas", "two"}, "is a number, not 'two'");
  fails_cleanly({"generate", "deployed-service", "web", "--image", "nginx", "--bogus", "1"}, "has no parameter --bogus");
  fails_cleanly({"generate", "namespace", "pets-pvc"}, "component \"pets-pvc\" already exists in module \"/\"");
  fails_cleanly({"generate", "configMap", "cm", "--data", "{a: "}, "is not valid Jsonnet");
  fails_cleanly({"generate", "namespace", "ns", "--module", "nope"}, "no module \"nope\"");
}

TEST_F(Commands, GenerateTakesAValuesFileAndAModule) {
  app_.kgen({"module", "create", "front"});
  fs::create_directories(app_.file("values"));
  std::ofstream(app_.file("values/web.jsonnet")) << "{ image: 'busybox', replicas: 1 + 2 }\n";
  const ProcessResult r = kgen({"generate", "deployed-service", "web", "--values-file", "values/web.jsonnet",
                                "--module", "front", "--type", "NodePort"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string params = read_file(app_.file("components/front/params.libsonnet"));
  EXPECT_NE(params.find("    web: {\n      containerPort: 80,\n      image: \"busybox\",\n      name: \"web\",\n"
                        "      replicas: 3,\n      servicePort: 80,\n      type: \"NodePort\",\n    },\n"),
            std::string::npos)
      << params;
  EXPECT_NE(kgen({"show", "default", "-c", "front.web"}).exit_code, 0);  // not a target of default
  ASSERT_EQ(kgen({"env", "targets", "default", "--module", "front"}).exit_code, 0);
  const std::string shown = kgen({"show", "default", "--no-cache"}).out;
  EXPECT_NE(shown.find("type: NodePort"), std::string::npos) << shown;
  EXPECT_NE(shown.find("image: busybox"), std::string::npos);
}

TEST_F(Commands, BadRegistriesAndPackagesFailAndChangeNothing) {
  fails_cleanly({"registry", "add", "bad", "components"}, "no registry.yaml");
  fails_cleanly({"registry", "add", "bad", "no/such/folder"}, "folder no/such/folder does not exist");
  fails_cleanly({"registry", "add", "bad name", "registry"}, "not a valid registry name");
  fails_cleanly({"registry", "add", "helm", "https://kubernetes-charts.storage.googleapis.com"},
                "neither a folder nor a GitHub repository");
  fails_cleanly({"pkg", "install", "nope/hello"}, "registry \"nope\" doesn't exist");
  ASSERT_EQ(kgen({"registry", "add", "kgen-test", "registry"}).exit_code, 0);
  fails_cleanly({"registry", "add", "kgen-test", "registry"}, "registry \"kgen-test\" already exists");
  fails_cleanly({"pkg", "install", "kgen-test/nope"}, "registry \"kgen-test\" has no package \"nope\"; its packages: hello");
  fails_cleanly({"pkg", "install", "kgen-test/hello@9.9"}, "has hello 0.1.0, not 9.9");
  fails_cleanly({"pkg", "remove", "kgen-test/hello"}, "package kgen-test/hello is not installed");
  fails_cleanly({"pkg", "describe", "kgen-test/nope"}, "package kgen-test/nope was not found");
  fails_cleanly({"registry", "set", "kgen-test", "--uri", "components"}, "no registry.yaml");
  // GitHub registries are fetched with git (tests/e2e/github_registry_test.cpp); a URI
  // that names no repository fails before that.
  fails_cleanly({"registry", "add", "incubator", "github.com/ksonnet"}, "is not a GitHub registry URI");
}

TEST_F(Commands, PackagesInstallOnceAndRemoveCompletely) {
  ASSERT_EQ(kgen({"registry", "add", "kgen-test", "registry"}).exit_code, 0);
  const ProcessResult first = kgen({"pkg", "install", "kgen-test/hello@0.1.0"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.err, "kgen: Retrieved 4 files\n");
  const auto installed = snapshot(app_.path());
  const ProcessResult again = kgen({"pkg", "install", "kgen-test/hello"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.err, "kgen: kgen-test/hello is already installed\n");
  EXPECT_TRUE(snapshot(app_.path()) == installed);
  ASSERT_EQ(kgen({"pkg", "remove", "kgen-test/hello"}).exit_code, 0);
  EXPECT_FALSE(fs::exists(app_.file("vendor/kgen-test/hello")));
  EXPECT_EQ(read_file(app_.file("app.yaml")).find("libraries"), std::string::npos);
  EXPECT_EQ(kgen({"prototype", "list"}).out.find("io.kgen.pkg.hello"), std::string::npos);
}

TEST_F(Commands, RegistrySetAndOverride) {
  ASSERT_EQ(kgen({"registry", "add", "kgen-test", "registry"}).exit_code, 0);
  fs::copy(app_.file("registry"), app_.file("registry2"), fs::copy_options::recursive);
  ASSERT_EQ(kgen({"registry", "set", "kgen-test", "--uri", "registry2"}).exit_code, 0);
  EXPECT_NE(read_file(app_.file("app.yaml")).find("    uri: registry2\n"), std::string::npos);
  ASSERT_EQ(kgen({"registry", "add", "local", "registry", "--override"}).exit_code, 0);
  EXPECT_EQ(read_file(app_.file("app.override.yaml")),
            "apiVersion: 0.3.0\nkind: ksonnet.io/app-override\nregistries:\n  local:\n    protocol: fs\n    uri: registry\n");
  EXPECT_EQ(kgen({"registry", "list"}).out,
            "NAME      OVERRIDE PROTOCOL URI\n====      ======== ======== ===\n"
            "kgen-test          fs       registry2\nlocal     *        fs       registry\n");
}

TEST(Help, ListsEveryCommandWithOneLineAndExamples) {
  const ProcessResult help = run_process({KGEN_BINARY, "--help"}, KGEN_SOURCE_DIR);
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"show", "param", "env", "component", "init", "upgrade", "apply", "diff", "delete",
                              "validate", "generate", "prototype", "import", "module", "registry", "pkg", "version"}) {
    EXPECT_NE(help.out.find("\n  " + std::string(command) + " "), std::string::npos) << command << "\n" << help.out;
  }
  EXPECT_NE(help.out.find("List, set, delete and compare"), std::string::npos);
  for (const std::vector<std::string> command :
       {std::vector<std::string>{"generate"}, {"pkg", "install"}, {"registry", "add"}, {"param", "set"}, {"show"}}) {
    std::vector<std::string> argv = {KGEN_BINARY};
    argv.insert(argv.end(), command.begin(), command.end());
    argv.push_back("--help");
    const ProcessResult r = run_process(argv, KGEN_SOURCE_DIR);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("Example:\n  kgen " + command[0]), std::string::npos) << r.out;
  }
}

}  // namespace
}  // namespace kgen::testing

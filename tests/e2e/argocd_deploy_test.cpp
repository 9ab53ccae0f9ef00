// deploy/argocd: the sidecar image recipe and the repo-server patch. No hadolint or
// docker here: the Dockerfile is parsed (instruction keywords, the stages, what Argo CD
// needs of a sidecar image); the kustomize Component is built with `kubectl kustomize`
// against a minimal argocd-repo-server Deployment when kubectl is installed.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

#include "common/files.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;

const std::string kDeploy = std::string(KGEN_SOURCE_DIR) + "/deploy/argocd";

struct Instruction {
  std::string keyword;
  std::string arguments;
  int line = 0;
};

// Dockerfile instructions: comments and blank lines dropped, continuations joined.
std::vector<Instruction> parse_dockerfile(const std::string& text) {
  std::vector<Instruction> out;
  std::istringstream in(text);
  std::string line;
  std::string pending;
  int number = 0;
  int start = 0;
  while (std::getline(in, line)) {
    ++number;
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    if (pending.empty()) start = number;
    const bool continued = !line.empty() && line.back() == '\\';
    pending += (pending.empty() ? "" : " ") + line.substr(first, continued ? line.size() - first - 1 : std::string::npos);
    if (continued) continue;
    const auto space = pending.find(' ');
    out.push_back({pending.substr(0, space), space == std::string::npos ? "" : pending.substr(space + 1), start});
    pending.clear();
  }
  EXPECT_TRUE(pending.empty()) << "the Dockerfile ends inside a continuation";
  return out;
}

TEST(ArgoDeploy, TheDockerfileParsesAndMakesAnArgoCdSidecar) {
  static const std::set<std::string> kKeywords = {"FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY",
                                                  "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD",
                                                  "STOPSIGNAL", "HEALTHCHECK", "SHELL"};
  const auto instructions = parse_dockerfile(read_file(kDeploy + "/Dockerfile"));
  ASSERT_FALSE(instructions.empty());
  EXPECT_EQ(instructions.front().keyword, "FROM");
  std::vector<std::string> stages;
  std::string user, entrypoint;
  bool builds_package = false, copies_package = false, installs_package = false, installs_plugin = false;
  for (const auto& i : instructions) {
    EXPECT_TRUE(kKeywords.count(i.keyword)) << "line " << i.line << ": unknown instruction " << i.keyword;
    EXPECT_FALSE(i.arguments.empty()) << "line " << i.line << ": " << i.keyword << " without arguments";
    if (i.keyword == "FROM") stages.push_back(i.arguments);
    if (i.keyword == "USER") user = i.arguments;
    if (i.keyword == "ENTRYPOINT" || i.keyword == "CMD") entrypoint = i.arguments;
    const auto has = [&i](const std::string& text) { return i.arguments.find(text) != std::string::npos; };
    // The build stage makes the .deb; the runtime stage installs it with apt-get, which
    // brings the libraries its Depends name, and takes plugin.yaml from the package.
    if (i.keyword == "RUN" && has("scripts/package.sh")) builds_package = true;
    if (i.keyword == "COPY" && has("--from=build /src/build/kgen_*.deb")) copies_package = true;
    if (i.keyword == "RUN" && has("apt-get install") && has("/tmp/kgen_*.deb")) installs_package = true;
    if (i.keyword == "RUN" && has("/usr/share/kgen/argocd/plugin.yaml /home/argocd/cmp-server/config/plugin.yaml")) {
      installs_plugin = true;
    }
  }
  EXPECT_NE(read_file(kDeploy + "/Dockerfile").find("RUN scripts/install-deps.sh"), std::string::npos);
  ASSERT_EQ(stages.size(), 2u);
  EXPECT_EQ(stages[0], "debian:12 AS build");
  EXPECT_EQ(stages[1], "debian:12");  // Debian 12, as the rest of kgen
  EXPECT_TRUE(builds_package);
  EXPECT_TRUE(copies_package);
  EXPECT_TRUE(installs_package);
  EXPECT_TRUE(installs_plugin);
  EXPECT_EQ(user, "999");  // Argo CD's sidecars run as user 999
  EXPECT_EQ(entrypoint, "[\"/var/run/argocd/argocd-cmp-server\"]");
}

std::string find_kubectl() {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path == nullptr ? "" : path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (!dir.empty() && is_regular_file(dir + "/kubectl")) return dir + "/kubectl";
  }
  return {};
}

TEST(ArgoDeploy, TheRepoServerPatchBuildsWithKustomize) {
  const std::string kubectl = find_kubectl();
  if (kubectl.empty()) GTEST_SKIP() << "kubectl is not installed";
  TempDir dir;
  // A minimal argocd-repo-server, with the volumes Argo CD's install defines.
  dir.write("deployment.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: argocd-repo-server
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: argocd-repo-server}
  template:
    metadata:
      labels: {app.kubernetes.io/name: argocd-repo-server}
    spec:
      containers:
        - name: argocd-repo-server
          image: quay.io/argoproj/argocd:v2.13.0
      volumes:
        - {name: var-files, emptyDir: {}}
        - {name: plugins, emptyDir: {}}
)");
  dir.write("kustomization.yaml", "resources: [deployment.yaml]\ncomponents: [" +
                                      fs::relative(kDeploy, fs::canonical(dir.path())).string() + "]\n");
  const ProcessResult built = run_process({kubectl, "kustomize", dir.path()}, dir.path());
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const std::vector<YAML::Node> docs = YAML::LoadAll(built.out);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0]["kind"].as<std::string>(), "ConfigMap");
  EXPECT_EQ(docs[0]["metadata"]["name"].as<std::string>(), "kgen-cmp-plugin");
  EXPECT_EQ(docs[0]["data"]["plugin.yaml"].as<std::string>(), read_file(kDeploy + "/plugin.yaml"));
  const YAML::Node spec = docs[1]["spec"]["template"]["spec"];
  YAML::Node sidecar;
  for (size_t i = 0; i < spec["containers"].size(); ++i) {
    if (spec["containers"][i]["name"].as<std::string>() == "kgen") sidecar = spec["containers"][i];
  }
  ASSERT_TRUE(sidecar) << built.out;
  EXPECT_EQ(sidecar["command"][0].as<std::string>(), "/var/run/argocd/argocd-cmp-server");
  EXPECT_EQ(sidecar["securityContext"]["runAsUser"].as<int>(), 999);
  std::map<std::string, std::string> mounts;
  for (const auto& m : sidecar["volumeMounts"]) mounts[m["mountPath"].as<std::string>()] = m["name"].as<std::string>();
  EXPECT_EQ(mounts["/var/run/argocd"], "var-files");
  EXPECT_EQ(mounts["/home/argocd/cmp-server/plugins"], "plugins");
  EXPECT_EQ(mounts["/home/argocd/cmp-server/config/plugin.yaml"], "kgen-cmp-plugin");
  EXPECT_EQ(mounts["/tmp"], "kgen-tmp");
  std::string cache_dir;
  for (const auto& e : sidecar["env"]) {
    if (e["name"].as<std::string>() == "KGEN_CACHE_DIR") cache_dir = e["value"].as<std::string>();
  }
  ASSERT_FALSE(cache_dir.empty());
  std::set<std::string> volumes;
  for (const auto& v : spec["volumes"]) {
    volumes.insert(v["name"].as<std::string>());
    if (v["name"].as<std::string>() == mounts[cache_dir]) EXPECT_TRUE(v["emptyDir"]) << "the cache is on an emptyDir";
  }
  for (const auto& [path, name] : mounts) EXPECT_TRUE(volumes.count(name)) << name;
}

TEST(ArgoDeploy, TheExampleApplicationUsesThePlugin) {
  const YAML::Node app = YAML::LoadFile(kDeploy + "/application.yaml");
  EXPECT_EQ(app["kind"].as<std::string>(), "Application");
  EXPECT_EQ(app["spec"]["source"]["plugin"]["name"].as<std::string>(), "kgen");
  EXPECT_EQ(app["spec"]["source"]["path"].as<std::string>(), ".");  // the tutorial app is the repository's root
  EXPECT_EQ(app["spec"]["destination"]["namespace"].as<std::string>(), "kubeflow");  // environment default's
}

}  // namespace
}  // namespace kgen::testing

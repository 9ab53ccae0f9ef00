// The Argo CD plugin contract (deploy/argocd/plugin.yaml), tested the way Argo CD's
// argocd-cmp-server runs a plugin: each command of plugin.yaml exec'd as written
// (command + args), in a copy of the Application's source folder, with Argo CD's build
// environment, the Application's plugin env as ARGOCD_ENV_*, its parameters as
// ARGOCD_APP_PARAMETERS and PARAM_*, and a HOME of its own. No Argo CD here: this is
// the contract it relies on (stdout only manifests or JSON; errors: non-zero exit,
// one line on stderr, nothing on stdout; the source folder left as it was).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <thread>

#include "common/files.h"
#include "support/app_copy.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kDeploy = std::string(KGEN_SOURCE_DIR) + "/deploy/argocd";

// plugin.yaml's commands: name -> argv (command + args), as cmp-server execs them.
std::map<std::string, std::vector<std::string>> plugin_commands() {
  const YAML::Node plugin = YAML::LoadFile(kDeploy + "/plugin.yaml");
  EXPECT_EQ(plugin["apiVersion"].as<std::string>(), "argoproj.io/v1alpha1");
  EXPECT_EQ(plugin["kind"].as<std::string>(), "ConfigManagementPlugin");
  EXPECT_EQ(plugin["metadata"]["name"].as<std::string>(), "kgen");
  const YAML::Node spec = plugin["spec"];
  std::map<std::string, std::vector<std::string>> out;
  auto argv = [](const YAML::Node& node) {
    std::vector<std::string> args = node["command"].as<std::vector<std::string>>();
    if (node["args"]) {
      for (const auto& a : node["args"].as<std::vector<std::string>>()) args.push_back(a);
    }
    return args;
  };
  if (spec["init"]) out["init"] = argv(spec["init"]);
  out["generate"] = argv(spec["generate"]);
  out["discover"] = argv(spec["discover"]["find"]);
  out["parameters"] = argv(spec["parameters"]["dynamic"]);
  return out;
}

// Every file and folder below `dir` with its content and mode.
std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string mode = std::to_string(static_cast<int>(entry.status().permissions()));
    files[entry.path().string()] = mode + (entry.is_regular_file() ? ":" + read_file(entry.path().string()) : ":<dir>");
  }
  return files;
}

void make_read_only(const std::string& dir, bool read_only) {
  const auto write = fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    fs::permissions(entry.path(), write, read_only ? fs::perm_options::remove : fs::perm_options::add);
  }
  fs::permissions(dir, write, read_only ? fs::perm_options::remove : fs::perm_options::add);
}

size_t lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

class ArgoPlugin : public ::testing::Test {
 protected:
  void SetUp() override { commands_ = plugin_commands(); }

  // Argo CD's environment for one Application; `plugin_env` is its spec.source.plugin.env
  // (prefixed ARGOCD_ENV_ as Argo CD does), `parameters` its ARGOCD_APP_PARAMETERS.
  std::map<std::string, std::string> argo_env(const std::map<std::string, std::string>& plugin_env,
                                              const std::string& parameters) const {
    std::map<std::string, std::string> env = {
        {"PATH", fs::path(KGEN_BINARY).parent_path().string() + ":/usr/bin:/bin"},
        {"HOME", home_.path()},
        {"KGEN_CACHE_DIR", cache_.path()},  // the sidecar's emptyDir
        {"ARGOCD_APP_NAME", "shop"},
        {"ARGOCD_APP_NAMESPACE", "shop"},
        {"ARGOCD_APP_REVISION", "0123456789abcdef0123456789abcdef01234567"},
        {"ARGOCD_APP_REVISION_SHORT", "0123456"},
        {"ARGOCD_APP_SOURCE_PATH", "."},
        {"ARGOCD_APP_SOURCE_REPO_URL", "https://example.com/shop.git"},
        {"ARGOCD_APP_SOURCE_TARGET_REVISION", "HEAD"},
        {"KUBE_VERSION", "1.29.0"},
        {"KUBE_API_VERSIONS", "v1,apps/v1,batch/v1"},
        {"ARGOCD_APP_PARAMETERS", parameters},
    };
    for (const auto& [name, value] : plugin_env) env["ARGOCD_ENV_" + name] = value;
    // The same parameters as PARAM_* variables, as Argo CD also sets them.
    const json list = json::parse(parameters.empty() ? "[]" : parameters, nullptr, false);
    for (const auto& p : list.is_array() ? list : json::array()) {
      if (!p.is_object() || !p.contains("name")) continue;
      std::string name = "PARAM_" + p["name"].get<std::string>();
      for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(c)) : '_';
      if (p.contains("string")) env[name] = p["string"].get<std::string>();
      if (p.contains("map")) {
        for (auto it = p["map"].begin(); it != p["map"].end(); ++it) {
          std::string key = name + "_" + it.key();
          for (auto& c : key) c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(c)) : '_';
          if (it.value().is_string()) env[key] = it.value().get<std::string>();
        }
      }
    }
    return env;
  }

  ProcessResult run(const std::string& command, const std::string& source,
                    const std::map<std::string, std::string>& plugin_env = {}, const std::string& parameters = "") {
    const auto env = argo_env(plugin_env, parameters);
    std::vector<std::string> argv = commands_.at(command);
    // As Go's exec.Command: a bare program name is looked up in PATH.
    if (argv[0].find('/') == std::string::npos) {
      std::istringstream dirs(env.at("PATH"));
      for (std::string dir; std::getline(dirs, dir, ':');) {
        if (::access((dir + "/" + argv[0]).c_str(), X_OK) == 0) {
          argv[0] = dir + "/" + argv[0];
          break;
        }
      }
    }
    return run_process(argv, source, env);
  }

  // What `kgen show` prints for the same app (a copy elsewhere, no cache).
  static std::string show(const AppCopy& app, const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"show"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("--no-cache");
    const ProcessResult r = app.kgen(argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  // Runs the whole contract on `source`, read-only (which stops no root process: the
  // snapshot is the check), and checks that it is left unchanged.
  void read_only(const AppCopy& source, const std::function<void()>& body) {
    const auto before = snapshot(source.path());
    std::map<std::string, fs::perms> modes;
    for (const auto& entry : fs::recursive_directory_iterator(source.path())) {
      modes[entry.path().string()] = entry.status().permissions();
    }
    make_read_only(source.path(), true);
    body();
    for (const auto& [path, mode] : modes) {
      std::error_code ec;
      fs::permissions(path, mode, ec);
    }
    make_read_only(source.path(), false);  // the top folder only needs writing back
    for (const auto& [path, mode] : modes) {
      std::error_code ec;
      fs::permissions(path, mode, ec);
    }
    const auto after = snapshot(source.path());
    EXPECT_TRUE(after == before) << "the plugin changed the source folder";
    for (const auto& [path, content] : after) EXPECT_TRUE(before.count(path)) << "created: " << path;
  }

  void expect_one_line_error(const ProcessResult& r, const std::string& fragment) {
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
  }

  std::map<std::string, std::vector<std::string>> commands_;
  TempDir home_;
  TempDir cache_;
};

TEST_F(ArgoPlugin, TheTutorialAppRendersAsKgenShowDoes) {
  AppCopy source{AppCopy::RootApp{}};
  AppCopy reference{AppCopy::RootApp{}};
  read_only(source, [&] {
    const ProcessResult discover = run("discover", source.path());
    EXPECT_EQ(discover.exit_code, 0) << discover.err;
    EXPECT_NE(discover.out, "");
    if (commands_.count("init")) EXPECT_EQ(run("init", source.path()).exit_code, 0);

    const ProcessResult generate = run("generate", source.path());  // the only environment
    ASSERT_EQ(generate.exit_code, 0) << generate.err;
    EXPECT_EQ(generate.out, show(reference, {"default"}));
    EXPECT_EQ(run("generate", source.path()).out, generate.out);  // served from the cache

    const std::string parameters = R"([{"name": "pets-pvc", "map": {"storage": "40Gi", "accessMode": "ReadWriteOnce"}},
                                       {"name": "get-data-job.mountPath", "string": "/data"}])";
    const ProcessResult set = run("generate", source.path(), {}, parameters);
    ASSERT_EQ(set.exit_code, 0) << set.err;
    EXPECT_EQ(set.out, show(reference, {"default", "--set", "pets-pvc.storage=40Gi", "--set",
                                        "pets-pvc.accessMode=ReadWriteOnce", "--set", "get-data-job.mountPath=/data"}));
    EXPECT_NE(set.out, generate.out);
  });
}

TEST_F(ArgoPlugin, TheParameterAnnouncementHasArgoCdsShape) {
  AppCopy source{AppCopy::RootApp{}};
  read_only(source, [&] {
    const ProcessResult r = run("parameters", source.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json announcement = json::parse(r.out);
    ASSERT_TRUE(announcement.is_array());
    ASSERT_EQ(announcement.size(), 5u);  // the environment and four components
    EXPECT_EQ(announcement[0]["name"], "environment");
    EXPECT_EQ(announcement[0]["collectionType"], "string");
    EXPECT_EQ(announcement[0]["string"], "default");
    std::vector<std::string> names;
    for (size_t i = 1; i < announcement.size(); ++i) {
      const json& p = announcement[i];
      names.push_back(p["name"]);
      EXPECT_EQ(p["collectionType"], "map");
      EXPECT_TRUE(p["title"].is_string());
      ASSERT_TRUE(p["map"].is_object());
      for (const auto& value : p["map"]) EXPECT_TRUE(value.is_string()) << p.dump();
      for (const auto& field : p.items()) {
        EXPECT_TRUE(field.key() == "name" || field.key() == "title" || field.key() == "tooltip" ||
                    field.key() == "collectionType" || field.key() == "map")
            << field.key();
      }
    }
    EXPECT_EQ(names, (std::vector<std::string>{"create-pet-record-job", "decompress-data-job", "get-data-job", "pets-pvc"}));
    EXPECT_EQ(announcement[4]["map"]["storage"], "20Gi");
  });
}

TEST_F(ArgoPlugin, AnAppWithModulesAndAYamlComponent) {
  AppCopy source{"argocd-modules"};
  AppCopy reference{"argocd-modules"};
  read_only(source, [&] {
    // Two environments: the Application must name one.
    expect_one_line_error(run("generate", source.path()), "several environments: dev, prod");
    const ProcessResult prod = run("generate", source.path(), {{"KGEN_ENV", "prod"}});
    ASSERT_EQ(prod.exit_code, 0) << prod.err;
    EXPECT_EQ(prod.out, show(reference, {"prod"}));
    // ...or through the "environment" parameter.
    EXPECT_EQ(run("generate", source.path(), {}, R"([{"name": "environment", "string": "prod"}])").out, prod.out);

    // Values come back from the UI as strings: a string parameter stays a string ("8080"),
    // others are typed as `param set` types them.
    const std::string parameters = R"([
      {"name": "settings", "map": {"port": "9090", "replicas": "5", "debug": "true"}},
      {"name": "web.server", "map": {"image": "nginx:1.27", "labels": "{\"tier\": \"front\"}"}},
      {"name": "web.page", "map": {"data": "{\"title\": \"Argo\"}"}}])";
    const ProcessResult set = run("generate", source.path(), {{"KGEN_ENV", "dev"}}, parameters);
    ASSERT_EQ(set.exit_code, 0) << set.err;
    // The same through show: a JSON params file keeps types as written, --set types as param set.
    TempDir files;
    const std::string file = files.write("params.json", R"({"settings": {"port": "9090", "debug": true}})");
    EXPECT_EQ(set.out, show(reference, {"dev", "--params-file", file, "--set", "settings.replicas=5", "--set",
                                        "web.server.image=nginx:1.27", "--set", "web.server.labels={\"tier\": \"front\"}",
                                        "--set", "web.page.data={\"title\": \"Argo\"}"}));
    EXPECT_NE(set.out.find("port: string:9090"), std::string::npos) << set.out;
    EXPECT_NE(set.out.find("title: Argo"), std::string::npos) << set.out;
    EXPECT_NE(set.out.find("tier: front"), std::string::npos) << set.out;

    const ProcessResult announced = run("parameters", source.path(), {{"KGEN_ENV", "prod"}});
    ASSERT_EQ(announced.exit_code, 0) << announced.err;
    const json a = json::parse(announced.out);
    EXPECT_EQ(a[0]["string"], "prod");
    EXPECT_EQ(a[1]["map"], (json{{"debug", "false"}, {"greeting", "hello"}, {"port", "8080"}, {"replicas", "3"}}));
    EXPECT_EQ(a[2]["name"], "web.page");
    EXPECT_EQ(a[3]["map"]["labels"], "{\"tier\":\"web\"}");
  });
}

TEST_F(ArgoPlugin, ConcurrentGeneratesOnOneCheckout) {
  AppCopy source{AppCopy::RootApp{}};
  AppCopy reference{AppCopy::RootApp{}};
  const std::string expected = show(reference, {"default"});
  read_only(source, [&] {
    std::vector<ProcessResult> results(8);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < results.size(); ++i) {
      // Half with parameters, so that several cache entries are written at once.
      const std::string parameters = i % 2 ? R"([{"name": "pets-pvc", "map": {"storage": "1Gi"}}])" : "";
      threads.emplace_back([&, i, parameters] { results[i] = run("generate", source.path(), {}, parameters); });
    }
    for (auto& t : threads) t.join();
    for (size_t i = 0; i < results.size(); ++i) {
      EXPECT_EQ(results[i].exit_code, 0) << results[i].err;
      if (i % 2 == 0) EXPECT_EQ(results[i].out, expected);
      if (i % 2 == 1) EXPECT_NE(results[i].out.find("storage: 1Gi"), std::string::npos);
    }
  });
}

TEST_F(ArgoPlugin, ErrorsAreOneLineOnStderrAndNothingOnStdout) {
  AppCopy source{AppCopy::RootApp{}};
  {
    std::ofstream broken(source.file("components/broken.jsonnet"));
    broken << "local p = std.extVar('__ksonnet/params').components;\n{ kind: p.missing }\n";
  }
  read_only(source, [&] {
    expect_one_line_error(run("generate", source.path(), {{"KGEN_ENV", "nope"}}), "no environment \"nope\"");
    expect_one_line_error(run("parameters", source.path(), {{"KGEN_ENV", "nope"}}), "no environment \"nope\"");
    expect_one_line_error(run("generate", source.path()), "components/broken.jsonnet:2");
    expect_one_line_error(run("generate", source.path(), {}, "[{\"name\": "), "ARGOCD_APP_PARAMETERS: not valid JSON");
    expect_one_line_error(run("generate", source.path(), {}, R"({"name": "x"})"), "ARGOCD_APP_PARAMETERS: not a JSON list");
    expect_one_line_error(run("generate", source.path(), {}, R"([{"name": "nope", "map": {"a": "1"}}])"),
                          "has no component \"nope\"");
    expect_one_line_error(run("generate", source.path(), {}, R"([{"name": "pets-pvc", "array": ["a"]}])"),
                          "parameter pets-pvc is not one kgen takes");
  });
}

TEST_F(ArgoPlugin, DiscoveryTakesKsAppsOnly) {
  TempDir other;
  other.write("app.yaml", "apiVersion: v1\nkind: Application\n");
  const ProcessResult not_ks = run("discover", other.path());
  EXPECT_EQ(not_ks.exit_code, 0);
  EXPECT_EQ(not_ks.out, "");  // Argo CD needs output to take the plugin
  TempDir empty;
  EXPECT_EQ(run("discover", empty.path()).out, "");
  AppCopy modules{"argocd-modules"};
  EXPECT_EQ(run("discover", modules.path()).out, "./app.yaml\n");
}

}  // namespace
}  // namespace kgen::testing

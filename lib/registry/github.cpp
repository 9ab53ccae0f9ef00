#include "registry/github.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <vector>

#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "common/subprocess.h"
#include "encoding/go_yaml.h"
#include "encoding/yaml_decode.h"

namespace kgen::registry {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kGitTimeoutSeconds = 300;

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find(sep, start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

bool is_full_sha(const std::string& text) {
  return text.size() == 40 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// What git said, in one line: its first "fatal:"/"error:" line, else its first line.
std::string git_gist(const std::string& err) {
  std::string first;
  for (const auto& raw : split(err, '\n')) {
    std::string line = raw;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) continue;
    for (const char* prefix : {"fatal: ", "error: "}) {
      if (starts_with(line, prefix)) return line.substr(std::strlen(prefix));
    }
    if (first.empty()) first = line;
  }
  return first.empty() ? "git failed without a message" : first;
}

// Where the registry's commits live: <cache>/registries/github.com/ORG/REPO.
fs::path repo_cache(const GitHubLocation& location) {
  const std::string cache = default_cache_dir();
  if (cache.empty()) {
    throw Error("no cache folder for GitHub registries", "set KGEN_CACHE_DIR (or HOME) to a writable folder");
  }
  return fs::path(cache) / "registries" / "github.com" / location.org / location.repo;
}

class GitFailure {
 public:
  std::string gist;
};

// Runs git; its trimmed stdout, or GitFailure with git's gist.
std::string git(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
  std::vector<std::string> argv{"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::map<std::string, std::string> full_env = env;
  full_env["GIT_TERMINAL_PROMPT"] = "0";  // never ask for a password: fail instead
  const ProcessOutput out = run_process(argv, full_env, kGitTimeoutSeconds);
  if (out.spawn_error != 0) throw GitFailure{"git cannot be run (" + std::string(std::strerror(out.spawn_error)) + "); install git"};
  if (out.timed_out) throw GitFailure{"git gave no answer within " + std::to_string(kGitTimeoutSeconds) + " s"};
  if (out.status != 0) throw GitFailure{git_gist(out.err)};
  std::string text = out.out;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// The cache's bare repository, created on first use (renamed in, so never half made).
std::string bare_repository(const fs::path& cache) {
  const fs::path git_dir = cache / "repo.git";
  if (is_directory(git_dir.string())) return git_dir.string();
  fs::create_directories(cache);
  const fs::path staging = cache / ("repo.git.kgen-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(staging, ec);
  git({"init", "--quiet", "--bare", staging.string()});
  fs::rename(staging, git_dir, ec);
  if (ec) fs::remove_all(staging, ec);  // another kgen made it meanwhile
  return git_dir.string();
}

// Fetches `want` into the bare repository; the commit it names. Into a ref of this
// process's own (not FETCH_HEAD), so two kgens sharing the cache cannot mix answers.
std::string fetch(const std::string& git_dir, const std::string& url, const std::string& want) {
  const std::string ref = "refs/kgen/fetch-" + std::to_string(::getpid());
  git({"--git-dir=" + git_dir, "fetch", "--quiet", "--depth=1", "--no-tags", url, "+" + want + ":" + ref});
  const std::string commit = git({"--git-dir=" + git_dir, "rev-parse", "--verify", ref + "^{commit}"});
  git({"--git-dir=" + git_dir, "update-ref", "-d", ref});
  return commit;
}

// Writes the commit's files into <cache>/<commit>/ (renamed in when complete).
void check_out(const std::string& git_dir, const fs::path& cache, const std::string& commit) {
  const fs::path target = cache / commit;
  if (is_directory(target.string())) return;
  const std::string suffix = ".kgen-" + std::to_string(::getpid());
  const fs::path staging = cache / (commit + suffix);
  const fs::path index = cache / (commit + suffix + ".index");
  std::error_code ec;
  fs::remove_all(staging, ec);
  fs::create_directories(staging);
  try {
    git({"--git-dir=" + git_dir, "--work-tree=" + staging.string(), "checkout", "--quiet", "--force", commit, "--", "."},
        {{"GIT_INDEX_FILE", index.string()}});
  } catch (...) {
    fs::remove_all(staging, ec);
    fs::remove(index, ec);
    throw;
  }
  fs::remove(index, ec);
  fs::rename(staging, target, ec);
  if (ec) fs::remove_all(staging, ec);  // another kgen checked it out meanwhile
}

fs::path records_folder(const std::string& app_root, const std::string& name) {
  return fs::path(app_root) / ".ksonnet" / "registries" / name;
}

}  // namespace

GitHubLocation parse_github_uri(const std::string& uri) {
  std::string rest = uri;
  for (const char* scheme : {"https://", "http://"}) {
    if (starts_with(rest, scheme)) rest = rest.substr(std::strlen(scheme));
  }
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  const std::vector<std::string> parts = split(rest, '/');
  const auto bad = [&] {
    return Error("\"" + uri + "\" is not a GitHub registry URI", "write github.com/ORG/REPO/tree/BRANCH/PATH");
  };
  if (parts.size() < 3 || parts[0] != "github.com" || parts[1].empty() || parts[2].empty()) throw bad();
  GitHubLocation location{parts[1], parts[2], "master", ""};
  if (location.repo.size() > 4 && location.repo.compare(location.repo.size() - 4, 4, ".git") == 0) {
    location.repo.resize(location.repo.size() - 4);
  }
  if (parts.size() > 3) {
    if (parts[3] != "tree" || parts.size() < 5 || parts[4].empty()) throw bad();
    location.ref = parts[4];
    for (size_t i = 5; i < parts.size(); ++i) {
      if (parts[i].empty() || parts[i] == "..") throw bad();
      location.path += (location.path.empty() ? "" : "/") + parts[i];
    }
  }
  return location;
}

std::string github_repo_url(const GitHubLocation& location) {
  return "https://github.com/" + location.org + "/" + location.repo;
}

Checkout checkout_commit(const std::string& registry_name, const GitHubLocation& location, const std::string& want,
                         const std::string& offline_command) {
  const fs::path cache = repo_cache(location);
  const auto in_checkout = [&](const std::string& commit) {
    return Checkout{commit, (cache / commit / location.path).lexically_normal().string()};
  };
  if (is_full_sha(want) && is_directory((cache / want).string())) return in_checkout(want);
  const std::string url = github_repo_url(location);
  try {
    const std::string git_dir = bare_repository(cache);
    const std::string commit = fetch(git_dir, url, want);
    check_out(git_dir, cache, commit);
    return in_checkout(commit);
  } catch (const GitFailure& failure) {
    throw Error("registry \"" + registry_name + "\": cannot fetch " + url + " at " + want + " with git: " + failure.gist,
                "offline, use a local clone: git clone " + url + " && " + offline_command);
  } catch (const fs::filesystem_error& e) {
    throw Error("registry \"" + registry_name + "\": cannot write kgen's cache: " + e.code().message(),
                "check the folder's permissions or set KGEN_CACHE_DIR", {display_path(cache.string())});
  }
}

std::string recorded_commit(const std::string& app_root, const std::string& name, const std::string& ref) {
  const fs::path folder = records_folder(app_root, name);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return {};
  std::string newest;
  fs::file_time_type newest_time;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() != ".yaml") continue;
    const auto text = try_read_file(entry.path().string());
    std::vector<json> docs;
    encoding::YamlError error;
    if (!text || !encoding::decode_yaml_documents(*text, &docs, &error) || docs.empty() || !docs[0].is_object()) continue;
    const json git_version = docs[0].value("gitVersion", json::object());
    if (!git_version.is_object() || git_version.value("refSpec", "") != ref) continue;
    const std::string commit = git_version.value("commitSha", "");
    const auto time = entry.last_write_time(ec);
    if (is_full_sha(commit) && (newest.empty() || time > newest_time)) {
      newest = commit;
      newest_time = time;
    }
  }
  return newest;
}

void record_commit(const std::string& app_root, const std::string& name, const std::string& ref,
                   const std::string& commit, const json& index) {
  const fs::path folder = records_folder(app_root, name);
  std::error_code ec;
  fs::create_directories(folder, ec);
  json record = index;
  record["gitVersion"] = {{"commitSha", commit}, {"refSpec", ref}};
  write_file_atomically((folder / (commit + ".yaml")).string(), encoding::to_go_yaml(record));
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() == ".yaml" && entry.path().stem() != commit) fs::remove(entry.path(), ec);
  }
}

}  // namespace kgen::registry

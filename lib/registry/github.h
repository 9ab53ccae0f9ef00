// GitHub registries (`github.com/ORG/REPO/tree/REF/PATH`, as ks wrote them), read
// from a checkout of one commit of the repository in kgen's cache
// (<cache>/registries/github.com/ORG/REPO/<commit>/), fetched with the `git` CLI
// (a shallow fetch of that one commit or ref) when it is not there yet. Once a
// commit is checked out, reading it needs no network.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace kgen::registry {

struct GitHubLocation {
  std::string org, repo;
  std::string ref;   // the URI's tree/REF ("master" when the URI has none)
  std::string path;  // the registry's folder inside the repository ("" for its root)
};

/// Splits a GitHub registry URI ("github.com/ORG/REPO[/tree/REF[/PATH]]", with or
/// without "https://"); throws on anything else.
GitHubLocation parse_github_uri(const std::string& uri);

/// https://github.com/ORG/REPO, the URL git fetches (git's url.<base>.insteadOf
/// configuration can point it elsewhere, a mirror or a local copy).
std::string github_repo_url(const GitHubLocation& location);

/// The commit `want` (a commit SHA, branch or tag) of the repository, checked out in
/// the cache: fetched with git unless `want` is a full SHA already checked out.
/// Throws one line naming `registry_name`, git's complaint and the offline way
/// (`offline_command`: the kgen command that uses a local clone's folder instead).
struct Checkout {
  std::string commit;  // full SHA
  std::string folder;  // the registry's folder inside the checkout
};
Checkout checkout_commit(const std::string& registry_name, const GitHubLocation& location, const std::string& want,
                         const std::string& offline_command);

/// The commit recorded for registry `name` at `ref` in the app's
/// .ksonnet/registries/<name>/<commit>.yaml (where ks cached a GitHub registry's
/// index with its gitVersion), or "" when none is.
std::string recorded_commit(const std::string& app_root, const std::string& name, const std::string& ref);

/// Records `commit` as registry `name`'s commit for `ref` there (replacing earlier
/// records), with the registry's index (registry.yaml's content) as ks did.
void record_commit(const std::string& app_root, const std::string& name, const std::string& ref,
                   const std::string& commit, const nlohmann::json& index);

}  // namespace kgen::registry

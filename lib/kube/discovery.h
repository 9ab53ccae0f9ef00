// Which resource serves a kind: API discovery (/api/v1, /apis/<group>/<version>),
// fetched per group-version when first needed and forgotten after CRDs change.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

#include "kube/client.h"

namespace kgen::kube {

struct ResourceInfo {
  std::string group;    // "" for the core group
  std::string version;
  std::string kind;
  std::string resource;  // plural, as ks logged it ("persistentvolumeclaims")
  bool namespaced = true;
  // The server lists "<resource>/status": status is written through its own endpoint, by
  // controllers, and an apply of the main resource must not claim its fields.
  bool status_subresource = false;
};

// What /version reports ("v1.20.2": major 1, minor 20); 0 when unknown.
struct ServerVersion {
  std::string git_version;
  int major = 0;
  int minor = 0;
  // True for a known version below major.minor.
  bool before(int major_wanted, int minor_wanted) const {
    return major != 0 && (major < major_wanted || (major == major_wanted && minor < minor_wanted));
  }
};

// The server does not serve a kind (a wrong apiVersion, or a CRD not installed).
class UnknownKind : public Error {
 public:
  using Error::Error;
};

class Discovery {
 public:
  explicit Discovery(Client* client) : client_(client) {}

  // Throws UnknownKind when the server does not serve `api_version` or has no such kind.
  const ResourceInfo& resolve(const std::string& api_version, const std::string& kind);
  // Whether the server serves the kind (no error).
  bool serves(const std::string& api_version, const std::string& kind);
  // Forget what was learned, after CRDs were created or changed.
  void refresh() { versions_.clear(); }
  // The server's /version, fetched once.
  const ServerVersion& server_version();

 private:
  const std::map<std::string, ResourceInfo>* kinds_of(const std::string& api_version);

  Client* client_;
  // apiVersion -> kind -> resource; an empty map when the server does not serve it.
  std::map<std::string, std::map<std::string, ResourceInfo>> versions_;
  std::optional<ServerVersion> server_version_;
};

// "/api/v1/namespaces/ns/persistentvolumeclaims[/name]" and the cluster-scoped forms.
std::string resource_path(const ResourceInfo& info, const std::string& ns, const std::string& name = {});

// "group/version" split ("v1" -> "", "v1").
void split_api_version(const std::string& api_version, std::string* group, std::string* version);

}  // namespace kgen::kube

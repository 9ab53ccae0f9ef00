#include "kube/served_check.h"

#include "common/error.h"
#include "kube/json_access.h"

namespace kgen::kube {

void require_served(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests, const RemovedIn& removed_in,
                    const std::string& environment) {
  std::vector<std::string> unserved;
  for (const auto& m : manifests) {
    const std::string api_version = text_at(m.object, "apiVersion");
    const std::string kind = text_at(m.object, "kind");
    const std::string release = removed_in(api_version, kind);
    if (release.empty() || discovery->serves(api_version, kind)) continue;
    const nlohmann::json& metadata = m.object.contains("metadata") ? m.object["metadata"] : m.object;
    const std::string ns = text_at(metadata, "namespace");
    const std::string name = text_at(metadata, "name");
    unserved.push_back(kind + " " + (ns.empty() ? name : ns + "/" + name) + " (component " + m.component + "): " +
                       api_version + ", removed in Kubernetes " + release);
  }
  if (unserved.empty()) return;
  std::string details;
  for (const auto& line : unserved) details += "  " + line + "\n";
  const ServerVersion& server = discovery->server_version();
  // "1.20" from /version; "" when the server does not say.
  const std::string version = server.major == 0 ? "" : std::to_string(server.major) + "." + std::to_string(server.minor);
  const std::string as = version.empty() ? "VERSION" : version;
  throw Error("the server at " + client->access().server + (version.empty() ? "" : " (Kubernetes " + version + ")") +
                  " does not serve the API versions of " + std::to_string(unserved.size()) +
                  " object(s); nothing was sent",
              "convert them for it: --kube-version " + as + ", or kubeVersion: \"" + as + "\" in environments/" +
                  environment + "/kgen.yaml",
              {}, details);
}

}  // namespace kgen::kube

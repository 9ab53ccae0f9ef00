// Stage 5 (after render, before output, golden and kube): rendered objects brought to
// the Kubernetes version they will run on. ks printed 2018's API versions; a newer
// cluster no longer serves many of them. Every object whose apiVersion the target no
// longer serves becomes the version that replaced it, with the old version's defaults
// written out where the new version changed them, so that the object means the same.
// Objects the target still serves, and custom resources, stay byte for byte as they were;
// the order of the objects never changes.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "render/render.h"

namespace kgen::convert {

/// A Kubernetes minor release, "1.29".
struct KubeVersion {
  int major = 1;
  int minor = 0;
  bool operator<(const KubeVersion& o) const { return major != o.major ? major < o.major : minor < o.minor; }
  bool operator<=(const KubeVersion& o) const { return !(o < *this); }
};

/// "1.29", "v1.29", "v1.29.0", "1.29.3+k3s1" (Argo CD's KUBE_VERSION). `source` names
/// where the text came from in the error. Throws kgen::Error for anything else.
KubeVersion parse_kube_version(const std::string& text, const std::string& source);

/// "1.29".
std::string to_string(const KubeVersion& version);

/// What the objects are converted for.
struct Target {
  KubeVersion version;
  /// When not empty, what the cluster serves ("apps/v1", "apps/v1/Deployment", as
  /// Argo CD's KUBE_API_VERSIONS lists them): a version the table knows as removed is
  /// also converted when the list does not name it.
  std::set<std::string> api_versions;
  /// Objects of kinds with no replacement (PodSecurityPolicy after 1.25) are left out
  /// instead of being an error.
  bool drop_removed = false;
};

/// Where a target version may come from, strongest first.
struct TargetSources {
  std::string flag;  // --kube-version; "ks" asks for ks's bytes despite the environment's setting
  bool drop_removed = false;
  // Argo CD's build environment (KUBE_VERSION, KUBE_API_VERSIONS: comma-separated),
  // used only when neither the flag nor the environment names a version.
  std::string argocd_kube_version;
  std::string argocd_api_versions;
};

/// The target for an environment: --kube-version, else its kubeVersion setting
/// (environments/<path>/kgen.yaml), else Argo CD's variables; nullopt: no conversion
/// (ks's bytes). Throws kgen::Error naming the flag, file or variable of a bad version.
std::optional<Target> choose_target(const TargetSources& sources, const app::Environment& env);

/// What happens to one object.
enum class Outcome {
  Served,     // the target serves its apiVersion: unchanged
  Converted,  // rewritten for a version the target serves
  NoReplacement,  // removed, nothing replaced it: an error, or left out with drop_removed
  Custom,     // a custom resource: served while its CRD serves the version
  Problem,    // it could be converted but for fields the new version does not have
};

/// One object's entry in the plan (`kgen migrate`).
struct Change {
  std::string component;
  std::string kind, ns, name;
  std::string api_version;      // as rendered
  std::string removed_in;       // the release that stopped serving it ("1.16"); empty when served
  std::string ended_in;         // NoReplacement: the release that removed the last version of the chain
  std::string new_api_version;  // what it became; empty when nothing replaced it
  Outcome outcome = Outcome::Served;
  std::vector<std::string> notes;     // what the conversion wrote, one line each
  std::vector<std::string> problems;  // "<field path>: <why>", with Outcome::Problem
};

/// The objects converted for `target`, in the same order. Throws kgen::Error naming the
/// object (kind namespace/name, component) and the release for the first object that
/// cannot be converted: a kind with no replacement (unless drop_removed), or a field the
/// new version no longer has (named with its path).
std::vector<render::Object> convert_objects(std::vector<render::Object> objects, const Target& target);

/// Every object's entry, in the objects' order, without throwing.
std::vector<Change> plan_conversion(const std::vector<render::Object>& objects, const Target& target);

/// `kgen migrate`'s lines for one environment's plan: per object its apiVersion, the
/// release that removed it and what the conversion does (indented notes), then a count.
std::vector<std::string> plan_lines(const std::vector<Change>& changes, const Target& target, bool* ok);

/// The release that stopped serving `api_version` for `kind`, when the table knows it
/// ("1.16"), else empty: kube/ callers name such objects before applying anything.
std::string removed_in(const std::string& api_version, const std::string& kind);

/// "Deployment web/nginx (component web)": how errors and plans name an object.
std::string describe(const nlohmann::json& object, const std::string& component);

}  // namespace kgen::convert

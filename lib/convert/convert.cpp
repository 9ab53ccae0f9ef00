#include "convert/convert.h"

#include <cctype>
#include <string>

#include "common/error.h"
#include "convert/rules.h"

namespace kgen::convert {
namespace {

using nlohmann::json;

// The API groups Kubernetes itself serves; any other group is a custom resource's.
bool is_builtin_group(const std::string& group) {
  static const std::set<std::string> kGroups = {
      "", "apps", "batch", "extensions", "policy", "autoscaling", "rbac.authorization.k8s.io", "networking.k8s.io",
      "storage.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "admissionregistration.k8s.io",
      "certificates.k8s.io", "coordination.k8s.io", "scheduling.k8s.io", "events.k8s.io", "node.k8s.io",
      "discovery.k8s.io", "settings.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
      "flowcontrol.apiserver.k8s.io", "resource.k8s.io", "internal.apiserver.k8s.io", "storagemigration.k8s.io"};
  return kGroups.count(group) > 0;
}

std::string group_of(const std::string& api_version) {
  const auto slash = api_version.find('/');
  return slash == std::string::npos ? "" : api_version.substr(0, slash);
}

std::string text(const json& object, const char* a, const char* b = nullptr) {
  if (!object.is_object() || !object.contains(a)) return {};
  const json& first = object[a];
  if (b == nullptr) return first.is_string() ? first.get<std::string>() : "";
  if (!first.is_object() || !first.contains(b) || !first[b].is_string()) return {};
  return first[b].get<std::string>();
}

bool served(const Rule& rule, const Target& target) {
  if (rule.removed_in <= target.version) return false;
  if (target.api_versions.empty()) return true;
  return target.api_versions.count(rule.api_version) > 0 ||
         target.api_versions.count(std::string(rule.api_version) + "/" + rule.kind) > 0;
}

// The CRD among the objects that defines `group` and `kind`, converted for the target.
const json* crd_for(const std::vector<json>& converted, const std::string& group, const std::string& kind) {
  for (const json& object : converted) {
    if (object.value("kind", "") != "CustomResourceDefinition" || !object.contains("spec")) continue;
    if (text(object, "spec", "group") == group && object["spec"].contains("names") &&
        text(object["spec"], "names", "kind") == kind) {
      return &object;
    }
  }
  return nullptr;
}

void explain_custom(const std::vector<json>& converted, Change* change) {
  const std::string group = group_of(change->api_version);
  const std::string version = change->api_version.substr(group.size() + 1);
  const json* crd = crd_for(converted, group, change->kind);
  if (crd == nullptr) {
    change->notes.push_back("custom resource: served while the cluster's CRD for " + change->kind + " in " + group +
                            " serves " + version + " (this environment does not render that CRD)");
    return;
  }
  const std::string name = text(*crd, "metadata", "name");
  bool serves = false;
  const json& spec = (*crd)["spec"];
  if (spec.contains("versions") && spec["versions"].is_array()) {
    for (const auto& v : spec["versions"]) serves = serves || (v.value("name", "") == version && v.value("served", false));
  } else {
    serves = spec.value("version", "") == version;
  }
  change->notes.push_back("custom resource: served while CRD " + name + " serves " + version + " (it does" +
                          std::string(serves ? "" : " not") + ", as this environment renders it)");
}

// One object through the chain of rules; `value` ends as the converted object.
Change plan_one(json* value, const std::string& component, const Target& target) {
  Change change;
  change.component = component;
  change.kind = value->value("kind", "");
  change.ns = text(*value, "metadata", "namespace");
  change.name = text(*value, "metadata", "name");
  change.api_version = value->value("apiVersion", "");
  for (int hop = 0; hop < 4; ++hop) {
    const Rule* rule = find_rule(value->value("apiVersion", ""), change.kind);
    if (rule == nullptr || served(*rule, target)) break;
    if (change.removed_in.empty()) change.removed_in = to_string(rule->removed_in);
    if (rule->replacement == nullptr) {
      change.outcome = Outcome::NoReplacement;
      change.ended_in = to_string(rule->removed_in);
      change.notes.clear();  // what earlier steps wrote is moot
      if (hop > 0) {
        change.notes.push_back(change.new_api_version + ", which replaced it, was removed in " + change.ended_in +
                               " with nothing in its place");
      }
      change.new_api_version.clear();
      return change;
    }
    Step step;
    if (rule->convert != nullptr) rule->convert(*value, step);
    if (step.notes.empty() && step.problems.empty()) {
      step.notes.push_back(std::string("the same fields and defaults in ") + rule->replacement + ": only apiVersion changes");
    }
    (*value)["apiVersion"] = rule->replacement;
    change.new_api_version = rule->replacement;
    change.outcome = Outcome::Converted;
    for (auto& note : step.notes) change.notes.push_back(std::move(note));
    for (auto& problem : step.problems) change.problems.push_back(std::move(problem));
  }
  if (!change.problems.empty()) change.outcome = Outcome::Problem;
  if (change.outcome == Outcome::Served && !is_builtin_group(group_of(change.api_version)) &&
      change.api_version.find('/') != std::string::npos) {
    change.outcome = Outcome::Custom;
  }
  return change;
}

std::vector<Change> plan(std::vector<json>* values, const std::vector<std::string>& components, const Target& target) {
  std::vector<Change> changes;
  for (size_t i = 0; i < values->size(); ++i) changes.push_back(plan_one(&(*values)[i], components[i], target));
  for (auto& change : changes) {
    if (change.outcome == Outcome::Custom) explain_custom(*values, &change);
  }
  return changes;
}

std::string where(const Change& change) {
  std::string out = change.kind + " " + (change.ns.empty() ? change.name : change.ns + "/" + change.name);
  return out + " (component " + change.component + ")";
}

}  // namespace

KubeVersion parse_kube_version(const std::string& text, const std::string& source) {
  size_t i = text.size() > 0 && text[0] == 'v' ? 1 : 0;
  const auto number = [&](int* out) {
    const size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start || i - start > 4) return false;
    *out = std::stoi(text.substr(start, i - start));
    return true;
  };
  KubeVersion version;
  int patch = 0;
  bool ok = number(&version.major) && i < text.size() && text[i++] == '.' && number(&version.minor);
  if (ok && i < text.size() && text[i] == '.') {
    ++i;
    ok = number(&patch);
  }
  // Build metadata and pre-releases ("+k3s1", "-eks-1234") say nothing about the API.
  ok = ok && (i == text.size() || text[i] == '+' || text[i] == '-');
  if (!ok || version.major != 1) {
    throw Error(source + " \"" + text + "\" is not a Kubernetes version", "write it like 1.29 or v1.29.0");
  }
  return version;
}

std::optional<Target> choose_target(const TargetSources& sources, const app::Environment& env) {
  Target target;
  target.drop_removed = sources.drop_removed;
  if (sources.flag == "ks") return std::nullopt;
  if (!sources.flag.empty()) {
    target.version = parse_kube_version(sources.flag, "--kube-version");
  } else if (!env.kube_version.empty()) {
    target.version = parse_kube_version(env.kube_version, env.settings_file + ": kubeVersion");
  } else if (!sources.argocd_kube_version.empty()) {
    target.version = parse_kube_version(sources.argocd_kube_version, "KUBE_VERSION");
    size_t start = 0;
    const std::string& list = sources.argocd_api_versions;
    while (start < list.size()) {
      size_t end = list.find(',', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) target.api_versions.insert(list.substr(start, end - start));
      start = end + 1;
    }
  } else {
    return std::nullopt;
  }
  return target;
}

std::string to_string(const KubeVersion& version) {
  return std::to_string(version.major) + "." + std::to_string(version.minor);
}

std::string describe(const json& object, const std::string& component) {
  Change change;
  change.kind = object.value("kind", "");
  change.ns = text(object, "metadata", "namespace");
  change.name = text(object, "metadata", "name");
  change.component = component;
  return where(change);
}

std::vector<Change> plan_conversion(const std::vector<render::Object>& objects, const Target& target) {
  std::vector<json> values;
  std::vector<std::string> components;
  for (const auto& object : objects) {
    values.push_back(object.value);
    components.push_back(object.component);
  }
  return plan(&values, components, target);
}

std::vector<render::Object> convert_objects(std::vector<render::Object> objects, const Target& target) {
  std::vector<json> values;
  std::vector<std::string> components;
  for (auto& object : objects) {
    values.push_back(std::move(object.value));
    components.push_back(object.component);
  }
  const std::vector<Change> changes = plan(&values, components, target);
  const std::string release = "Kubernetes " + to_string(target.version);
  for (const Change& change : changes) {
    if (change.outcome == Outcome::NoReplacement && !target.drop_removed) {
      throw Error(where(change) + ": " + change.kind + " has not been served since Kubernetes " + change.ended_in +
                      " and nothing replaced it (" + change.api_version + ")",
                  "leave it out of the components for " + release + ", or pass --drop-removed to leave such objects out");
    }
    if (change.outcome == Outcome::Problem) {
      std::string details;
      for (size_t i = 1; i < change.problems.size(); ++i) details += "  " + change.problems[i] + "\n";
      throw Error(where(change) + ": " + change.problems[0] + " (" + change.api_version + " -> " + change.new_api_version +
                      " for " + release + ")",
                  "change the component; 'kgen migrate --kube-version " + to_string(target.version) + "' lists every object",
                  {}, details);
    }
  }
  std::vector<render::Object> out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (changes[i].outcome == Outcome::NoReplacement) continue;
    out.push_back({std::move(values[i]), std::move(objects[i].component)});
  }
  return out;
}

std::string removed_in(const std::string& api_version, const std::string& kind) {
  const Rule* rule = find_rule(api_version, kind);
  return rule == nullptr ? "" : to_string(rule->removed_in);
}

}  // namespace kgen::convert

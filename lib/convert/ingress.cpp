// Ingress from extensions/v1beta1 and networking.k8s.io/v1beta1 to networking.k8s.io/v1
// (Kubernetes 1.22 stopped serving both; the deprecation guide lists the changes):
// backends name a service object (serviceName/servicePort -> service.name/port.number
// or port.name), spec.backend is spec.defaultBackend, and every path needs a pathType,
// which v1beta1 left to the controller (ImplementationSpecific).
#include <string>

#include "convert/rules.h"

namespace kgen::convert {
namespace {

using nlohmann::json;

void convert_backend(json& backend, const std::string& path, Step& step) {
  if (!backend.is_object() || !backend.contains("serviceName")) return;
  json service = {{"name", backend["serviceName"]}};
  if (backend.contains("servicePort")) {
    const json& port = backend["servicePort"];
    // An IntOrString: a string names the service's port.
    service["port"] = port.is_string() ? json{{"name", port}} : json{{"number", port}};
  }
  backend.erase("serviceName");
  backend.erase("servicePort");
  backend["service"] = service;
  step.notes.push_back(path + ": serviceName/servicePort as service.name/service.port." +
                       std::string(service.contains("port") && service["port"].contains("name") ? "name" : "number"));
}

}  // namespace

void ingress_to_networking_v1(json& object, Step& step) {
  if (!object.contains("spec") || !object["spec"].is_object()) return;
  json& spec = object["spec"];
  if (spec.contains("backend")) {
    spec["defaultBackend"] = spec["backend"];
    spec.erase("backend");
    step.notes.push_back("spec.backend: as spec.defaultBackend");
    convert_backend(spec["defaultBackend"], "spec.defaultBackend", step);
  }
  if (!spec.contains("rules") || !spec["rules"].is_array()) return;
  for (size_t r = 0; r < spec["rules"].size(); ++r) {
    json& rule = spec["rules"][r];
    if (!rule.is_object() || !rule.contains("http") || !rule["http"].is_object()) continue;
    json& paths = rule["http"]["paths"];
    if (!paths.is_array()) continue;
    for (size_t p = 0; p < paths.size(); ++p) {
      const std::string at = "spec.rules[" + std::to_string(r) + "].http.paths[" + std::to_string(p) + "]";
      if (!paths[p].is_object()) continue;
      write_default(paths[p], "pathType", "ImplementationSpecific", at + ".pathType",
                    "v1beta1 left path matching to the Ingress controller; v1 requires pathType", step);
      if (paths[p].contains("backend")) convert_backend(paths[p]["backend"], at + ".backend", step);
    }
  }
}

}  // namespace kgen::convert

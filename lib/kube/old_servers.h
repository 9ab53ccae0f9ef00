// Server-side apply bugs of Kubernetes 1.20 and older that kgen works around, decided by
// the version the server reports (never for newer servers), so that ks-era apps apply on
// the clusters of their era.
#pragma once

#include <nlohmann/json.hpp>

#include "kube/discovery.h"

namespace kgen::kube {

// Up to 1.20, server-side apply refuses a Service port without `protocol` (500
// "associative list with keys has an element that omits key field \"protocol\"", fixed in
// 1.21). On such a server, sets `protocol: TCP`, the server's own default (so the stored
// object is the same), on each Service port that omits it; true when it changed something.
bool add_default_port_protocols(const ServerVersion& version, const ResourceInfo& info, nlohmann::json* object);

// Kinds whose server-side apply the server cannot do at all: up to 1.20 an
// apiregistration.k8s.io APIService makes the server panic ("FieldManager must be
// installed to run apply"). Those are created or updated whole instead.
bool server_side_apply_broken(const ServerVersion& version, const ResourceInfo& info);

}  // namespace kgen::kube

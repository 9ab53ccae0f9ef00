// Before apply or diff sends anything: objects of API versions Kubernetes removed that
// this server does not serve. Without this check the first of them would fail in the
// middle of an apply, after the objects before it were changed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kube/discovery.h"
#include "kube/plan.h"

namespace kgen::kube {

/// The release that removed (apiVersion, kind), or "" when it is not a removed version.
using RemovedIn = std::function<std::string(const std::string& api_version, const std::string& kind)>;

/// Throws kgen::Error listing every object (kind namespace/name, component, apiVersion,
/// the release that removed it) whose removed apiVersion the server does not serve, with
/// the server's version and how to convert (`--kube-version`). Asks discovery only about
/// the versions `removed_in` knows, so custom resources of CRDs created in the same
/// apply are not in question.
void require_served(Client* client, Discovery* discovery, const std::vector<Manifest>& manifests,
                    const RemovedIn& removed_in, const std::string& environment);

}  // namespace kgen::kube

// Jsonnet text of the generated library (internal to k8slib).
#pragma once

#include <string>

#include "k8slib/model.h"

namespace kgen::k8slib {

std::string emit_k8s_libsonnet(const Model& model, const std::string& spec_text);
std::string emit_k_libsonnet(const Model& model);

}  // namespace kgen::k8slib

// kgen's version, from the CMake project version.
#pragma once

namespace kgen {

inline constexpr const char* kVersion = KGEN_VERSION;

}  // namespace kgen

// SHA-256 of a byte string.
#pragma once

#include <string>
#include <string_view>

namespace kgen {

std::string sha256_hex(std::string_view data);
// The 32 raw bytes.
std::string sha256_bytes(std::string_view data);

}  // namespace kgen

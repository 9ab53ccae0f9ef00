// Base64 (RFC 4648) through OpenSSL: kubeconfig *-data fields, Secret values, ApplySet ids.
#pragma once

#include <optional>
#include <string>

namespace kgen {

std::string base64_encode(const std::string& bytes);
// The URL-safe alphabet without padding (ApplySet ids).
std::string base64url_encode_unpadded(const std::string& bytes);
// Nothing when `text` is not valid base64 (whitespace and newlines are ignored).
std::optional<std::string> base64_decode(const std::string& text);

}  // namespace kgen

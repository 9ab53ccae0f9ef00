// Go's regexp package semantics on top of RE2, for ks's regex native functions
// (internal to the jsonnet stage).
#pragma once

#include <string>
#include <string_view>

namespace kgen::jsonnet {

// regexp.QuoteMeta: backslash-escapes exactly \.+*?()|[]{}^$
std::string go_quote_meta(std::string_view text);

// regexp.MatchString (unanchored). False with *error set on an invalid pattern.
bool go_regex_match(const std::string& pattern, const std::string& text, bool* matched, std::string* error);

// Regexp.ReplaceAllString: $1, ${1}, $name, ${name} expand, $$ is a dollar sign.
bool go_regex_replace_all(const std::string& pattern, const std::string& src, const std::string& repl,
                          std::string* out, std::string* error);

}  // namespace kgen::jsonnet

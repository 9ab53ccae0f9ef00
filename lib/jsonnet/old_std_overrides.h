// The fields of the standard library that behave as in go-jsonnet v0.11.2, the evaluator ks
// used, where libjsonnet 0.18's differ (internal to the jsonnet stage). Each file that calls
// one of them sees `std` with these fields on top (the prelude of import_resolver.cpp).
#pragma once

namespace kgen::jsonnet {

// Jsonnet object fields (text to place inside an object literal whose `std` is libjsonnet's).
extern const char* const kOldStdOverrides;

// Whether Jsonnet source `content` may call one of the overridden functions.
bool mentions_old_std(const char* content, unsigned long size);

}  // namespace kgen::jsonnet

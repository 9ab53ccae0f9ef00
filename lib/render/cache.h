// The render cache (internal to the render stage): an environment rendered before,
// from the same inputs, is served from disk instead of being evaluated again.
//
// An entry is keyed by a fingerprint of everything known before evaluating (kgen's
// version, the built-in library, the environment, the options, the modules and their
// component files, the search paths) and records every file the evaluation looked at,
// whether it existed and the SHA-256 of its content; paths inside the app relative to
// its root, so that a copy of the app elsewhere hits the same entry. A lookup re-reads and re-hashes
// those files, so an edit anywhere (an imported library, a params file) or a file
// appearing where an import would now find it is a miss, never a stale result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jsonnet/evaluator.h"
#include "render/program.h"
#include "render/render.h"

namespace kgen::render {

std::string render_fingerprint(const app::App& app, const app::Environment& env,
                               const std::vector<app::Module>& modules, const RenderOptions& options,
                               const PipelineLayout& layout);

// The cached result for `fingerprint` if every recorded input is unchanged.
// `root` is the app's root now: recorded inputs inside the app are relative to it.
std::optional<RenderResult> cache_lookup(const std::string& dir, const std::string& root, const std::string& fingerprint);

// Records a result. Failing to write the cache is not an error: it only costs speed.
void cache_store(const std::string& dir, const std::string& root, const std::string& fingerprint,
                 const std::vector<jsonnet::Evaluator::Input>& inputs, const RenderResult& result);

}  // namespace kgen::render

// Running deep recursion on a thread with a large stack.
//
// libjsonnet evaluates nested objects, `+:` chains and manifestation by C++ recursion,
// several kilobytes of stack per Jsonnet level; ks (go-jsonnet, whose stacks grow)
// rendered nesting far deeper than the 8 MB of a default thread allow.
#pragma once

#include <cstddef>
#include <functional>

namespace kgen {

// Runs `fn` on a new thread with `stack_bytes` of stack (reserved, touched only as
// used) and waits for it. Exceptions thrown by `fn` are rethrown here.
void run_with_stack(size_t stack_bytes, const std::function<void()>& fn);

}  // namespace kgen

#!/usr/bin/env bash
# Configures and builds kgen into build/ (Release with debug info). Used by the
# quickstart and test scripts; safe to run again, it only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build --parallel "$(nproc)" "$@"

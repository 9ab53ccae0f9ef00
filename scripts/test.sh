#!/usr/bin/env bash
# Second command of the README (and what CI runs): installs what is missing, builds
# everything and runs every test, then runs the suite again in a build with
# AddressSanitizer and UndefinedBehaviorSanitizer, where any report fails the run.
# The cluster tests include a real control plane (tests/realkube), built once into
# ~/.cache/kgen by install-deps.sh --real-kube (about 8 minutes cold, nothing afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --real-kube
scripts/build.sh
(cd build && ctest --output-on-failure --parallel "$(nproc)" "$@")

generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
if [ ! -f build-asan/CMakeCache.txt ]; then
  cmake -S . -B build-asan "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug -DKGEN_SANITIZE=ON >/dev/null
fi
cmake --build build-asan --parallel "$(nproc)"
# The fuzzer already runs with the sanitizers in the first pass.
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure --parallel "$(nproc)" -E fuzzer "$@")

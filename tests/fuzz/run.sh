#!/usr/bin/env bash
# Builds the params fuzzer with clang (libFuzzer + AddressSanitizer + UBSan) and runs
# it for SECONDS (default 20) on a copy of the corpus. Exit 0: no crash. A crash
# leaves its input in the output folder: add it to tests/fuzz/corpus/ as a regression.
#   tests/fuzz/run.sh [SECONDS] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-20}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out/corpus"
cp "$here"/corpus/* "$out/corpus/"
clang++-14 -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$root/lib" \
  -DKGEN_VERSION='"fuzz"' \
  "$here/params_fuzzer.cpp" "$root"/lib/params/*.cpp "$root"/lib/common/*.cpp "$root"/lib/encoding/*.cpp \
  -lre2 -lyaml-cpp -lcrypto -o "$out/params_fuzzer"
cd "$out"
exec ./params_fuzzer -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 corpus

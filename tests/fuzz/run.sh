#!/usr/bin/env bash
# Builds one of kgen's fuzz targets with clang (libFuzzer + AddressSanitizer + UBSan) and
# runs it for SECONDS (default 20) on a copy of its corpus. Exit 0: no crash. A crash
# leaves its input in OUT_DIR: add it to the target's corpus folder as a regression.
#   tests/fuzz/run.sh [params|yaml|cluster] [SECONDS] [OUT_DIR]
#     params: the Jsonnet parser and the params editor (corpus/)
#     yaml:   the go-yaml emitter/decoder round trip and app.yaml loading (corpus-yaml/)
#     cluster: kubeconfig loading and the API client's handling of server answers (corpus-cluster/)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${1:-params}"
seconds="${2:-20}"
out="${3:-$(mktemp -d)}"
case "$target" in
  params) corpus="$here/corpus"; sources=("$root"/lib/params/*.cpp) ;;
  yaml) corpus="$here/corpus-yaml"; sources=("$root"/lib/app/*.cpp) ;;
  cluster) corpus="$here/corpus-cluster"; sources=("$root"/lib/kube/*.cpp) ;;
  *) echo "unknown target $target (params, yaml or cluster)" >&2; exit 2 ;;
esac
mkdir -p "$out/corpus"
cp "$corpus"/* "$out/corpus/"
clang++-14 -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$root/lib" -DKGEN_VERSION='"fuzz"' \
  "$here/${target}_fuzzer.cpp" "${sources[@]}" "$root"/lib/common/*.cpp "$root"/lib/encoding/*.cpp \
  -lre2 -lyaml-cpp -lyaml -lcrypto -lcurl -o "$out/${target}_fuzzer"
cd "$out"
exec "./${target}_fuzzer" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 corpus

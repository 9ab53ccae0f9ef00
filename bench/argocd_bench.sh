#!/usr/bin/env bash
# What a render costs inside Argo CD: every `generate` is a new kgen process on a fresh
# copy of the repository, at a new path, with the render cache on the sidecar's emptyDir.
# Copies the app to a new temporary folder for each run, runs plugin.yaml's generate
# command there (`kgen argocd generate`) and prints the median wall time of: the first
# render (empty cache), fresh copies of the unchanged app, and fresh copies with
# Application parameters set (each value set once before, so cached too).
#
# usage: bench/argocd_bench.sh [KGEN] [RUNS] [COMPONENTS]
#   KGEN        the kgen binary (default build/cmd/kgen)
#   RUNS        renders per figure (default 20)
#   COMPONENTS  0: the tutorial app (the repository's root); N: bench/gen_app.py's N-component app
set -euo pipefail
cd "$(dirname "$0")/.."
kgen=$(realpath "${1:-build/cmd/kgen}")
runs=${2:-20}
components=${3:-0}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/app" "$work/home"
if [ "$components" = 0 ]; then
  cp -r app.yaml components environments "$work/app/"
else
  python3 bench/gen_app.py "$components" "$work/app" >/dev/null
fi
export HOME="$work/home" KGEN_CACHE_DIR="$work/emptydir" KGEN_OPENAPI_DIR="$work/no-specs"
export ARGOCD_APP_NAME=bench ARGOCD_APP_NAMESPACE=kubeflow ARGOCD_APP_SOURCE_PATH=. ARGOCD_APP_REVISION=HEAD

# One render of a fresh copy: prints its wall time and its CPU time (user + system),
# in milliseconds. On a busy machine the wall time waits for a core; the CPU time is
# what the render costs.
render() {
  local copy
  copy=$(mktemp -d "$work/checkout-XXXXXX")
  cp -r "$work/app/." "$copy/"
  local start end cpu
  start=$(date +%s%N)
  cpu=$( { TIMEFORMAT='%3U %3S'; time (cd "$copy" && "$kgen" argocd generate >/dev/null); } 2>&1 )
  end=$(date +%s%N)
  rm -rf "$copy"
  echo "$(((end - start) / 1000000)) $(echo "$cpu" | awk '{ printf "%d", ($1 + $2) * 1000 }')"
}

# "wall cpu" lines -> "median-wall median-cpu".
median() {
  cat > "$work/times"
  local column
  for column in 1 2; do
    cut -d' ' -f"$column" "$work/times" | sort -n | awk '{ v[NR] = $1 } END { printf "%s ", v[int((NR + 1) / 2)] }'
  done
  echo
}

first=$(render)
unchanged=$(for _ in $(seq "$runs"); do render; done | median)
if [ "$components" = 0 ]; then
  export ARGOCD_APP_PARAMETERS='[{"name": "pets-pvc", "map": {"storage": "40Gi"}}]'
  render >/dev/null
  with_parameters=$(for _ in $(seq "$runs"); do render; done | median)
  unset ARGOCD_APP_PARAMETERS
else
  with_parameters="-"
fi
# An empty cache folder each time: what every render would cost without the cache.
without_cache=$(for i in $(seq "$runs"); do KGEN_CACHE_DIR="$work/empty-$i" render; done | median)

echo "app: $([ "$components" = 0 ] && echo "tutorial" || echo "$components components"), $runs runs each; median wall and CPU time (ms)"
echo "first render, empty cache:          $first"
echo "fresh copy, unchanged app (cached): $unchanged"
echo "fresh copy, with parameters:        $with_parameters"
echo "fresh copy, empty cache each time:  $without_cache"

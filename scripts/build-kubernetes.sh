#!/usr/bin/env bash
# Builds kube-apiserver and kube-controller-manager v1.20.2 from Debian's `kubernetes`
# source package (the real control plane of the cluster tests, tests/realkube) into a cache
# folder keyed by this script's own hash, so a changed recipe builds anew and an unchanged
# one costs nothing. About 8 minutes cold on 2 cores, 2.3 GB of disk while it runs.
#   scripts/build-kubernetes.sh            build unless cached; prints nothing on stdout
#   scripts/build-kubernetes.sh --bin-dir  prints the folder that holds (or will hold) the binaries
# The packages it needs are named in install-deps.sh (--real-kube), which calls this script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source_version=1.20.5+really1.20.2-1.1+deb12u1
recipe="$(sha256sum "$here/build-kubernetes.sh" | cut -c1-12)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/kgen"
out="$cache/kubernetes-1.20.2-$recipe"
if [ "${1-}" = --bin-dir ]; then echo "$out/bin"; exit 0; fi

done_already() { [ -x "$out/bin/kube-apiserver" ] && [ -x "$out/bin/kube-controller-manager" ]; }
if done_already; then exit 0; fi
mkdir -p "$cache"
# Worktrees share the cache: one build at a time, the others wait and then find it done.
exec 9>"$cache/kubernetes-build.lock"
flock 9
if done_already; then exit 0; fi

"$here/add-deb-src.sh" kubernetes "$source_version"
work="$(mktemp -d "$cache/kubernetes-build.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
echo "build-kubernetes: building kube-apiserver and kube-controller-manager v1.20.2 into $out (about 8 minutes)" >&2
(cd "$work" && apt-get source -qq "kubernetes=$source_version" >/dev/null 2>&1) || {
  echo "build-kubernetes: apt-get source kubernetes=$source_version failed: is a deb-src entry for Debian 12 configured?" >&2
  exit 1
}
src="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*')"
# The vendored reflect2 1.0.1 makes the server panic on the first JSON body under Go >= 1.18;
# Debian's 1.0.2 is API-compatible.
rm -f "$src"/vendor/github.com/modern-go/reflect2/*.go "$src"/vendor/github.com/modern-go/reflect2/*.s
cp /usr/share/gocode/src/github.com/modern-go/reflect2/*.go /usr/share/gocode/src/github.com/modern-go/reflect2/*.s \
  "$src/vendor/github.com/modern-go/reflect2/"
# The tarball has no git history: tell the build its version, which the server reports at
# /version (kgen decides its workarounds for old servers from it).
cat > "$work/version" <<'VERSION'
KUBE_GIT_COMMIT=''
KUBE_GIT_TREE_STATE='clean'
KUBE_GIT_VERSION='v1.20.2'
KUBE_GIT_MAJOR='1'
KUBE_GIT_MINOR='20'
VERSION
# GOPATH mode through Kubernetes' own Makefile (it runs the code generators first);
# `go build -mod=vendor` misreads Go 1.15's vendor/modules.txt under Go 1.19.
(cd "$src" && env CGO_ENABLED=0 GOPROXY=off GOFLAGS= GOCACHE="$work/gocache" GOPATH="$work/gopath" \
   KUBE_GIT_VERSION_FILE="$work/version" \
   make WHAT="cmd/kube-apiserver cmd/kube-controller-manager" >"$work/make.log" 2>&1) || {
  tail -30 "$work/make.log" >&2
  echo "build-kubernetes: make failed in $src (log above)" >&2
  exit 1
}
mkdir -p "$work/result/bin"
cp "$src/_output/bin/kube-apiserver" "$src/_output/bin/kube-controller-manager" "$work/result/bin/"
"$work/result/bin/kube-apiserver" --version | grep -qx 'Kubernetes v1.20.2' || {
  echo "build-kubernetes: the built kube-apiserver reports $("$work/result/bin/kube-apiserver" --version), not v1.20.2" >&2
  exit 1
}
rm -rf "$out"
mv "$work/result" "$out"
echo "build-kubernetes: done, $out/bin" >&2

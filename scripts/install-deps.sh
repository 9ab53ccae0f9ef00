#!/usr/bin/env bash
# The one place that names kgen's Debian packages. Installs only what is missing,
# so it is cheap to run before every build. With --real-kube (scripts/test.sh) it also
# installs what the real control plane of the cluster tests needs and builds it
# (scripts/build-kubernetes.sh, cached); the quickstart does not pay for that.
set -euo pipefail
real_kube=0
if [ "${1-}" = --real-kube ]; then real_kube=1; fi

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # libraries kgen links against
  libjsonnet-dev        # Debian's libjsonnet, for -DKGEN_PATCHED_JSONNET=OFF (kgen builds its own, below)
  dpkg-dev              # `apt-get source` (libjsonnet's source package) and `patch`
  libyaml-cpp-dev       # YAML parsing (app.yaml, YAML components, parseYaml)
  libyaml-dev           # libyaml: YAML syntax check before yaml-cpp (which can hang on bad input)
  libcli11-dev          # command-line parsing
  nlohmann-json3-dev    # JSON values
  libre2-dev            # Go-compatible regular expressions (regexMatch, regexSubst)
  libssl-dev            # SHA-256 (the sha256 native, the render cache, golden hashes)
  libdtl-dev            # unified diffs (golden check, kgen diff)
  libcurl4-openssl-dev  # HTTP/TLS to the Kubernetes API server
  libmimalloc-dev       # a faster malloc for libjsonnet's many small allocations
  # run by kgen
  git                   # fetches GitHub registries (kgen registry add / pkg install)
  # tests
  libcpp-httplib-dev    # the test API server (tests/apiserver), HTTPS through OpenSSL
  openssl               # certificates made at test time for the test API server
  libgtest-dev libgmock-dev
  clang-14 libclang-rt-14-dev   # the libFuzzer target (tests/fuzz)
  jsonnet               # the reference `jsonnet` tool, used by tests and the benchmark baseline
  zsh fish              # the installed zsh and fish completions are tried by the install test
)
if [ "$real_kube" = 1 ]; then
  packages+=(
    # the real control plane of the cluster tests (scripts/build-kubernetes.sh, tests/realkube)
    golang-go make rsync  # kube-apiserver and kube-controller-manager from Debian's `kubernetes` source
    golang-github-modern-go-reflect2-dev  # replaces the vendored reflect2 1.0.1, broken under Go >= 1.18
    etcd-server           # the API server's store
    curl                  # readiness probes of tests/realkube/cluster.sh
  )
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# libjsonnet's source, which the build patches and compiles (cmake/patched_jsonnet.cmake,
# third_party/jsonnet/patches): Debian's source package of the libjsonnet above.
jsonnet_source_version=0.18.0+ds-3
jsonnet_dir="$(cd "$(dirname "$0")/.." && pwd)/third_party/jsonnet"
if [ ! -f "$jsonnet_dir/jsonnet-0.18.0+ds/core/vm.cpp" ]; then
  echo "install-deps: fetching libjsonnet's source (apt-get source jsonnet=$jsonnet_source_version)" >&2
  "$(dirname "$0")/add-deb-src.sh" jsonnet "$jsonnet_source_version"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get source -qq "jsonnet=$jsonnet_source_version" >/dev/null 2>&1) || {
    echo "install-deps: apt-get source jsonnet=$jsonnet_source_version failed: is a deb-src entry for Debian 12 configured?" >&2
    exit 1
  }
  mkdir -p "$jsonnet_dir"
  rm -rf "$jsonnet_dir/jsonnet-0.18.0+ds"
  mv "$work/jsonnet-0.18.0+ds" "$jsonnet_dir/"
fi

if [ "$real_kube" = 1 ]; then
  "$(dirname "$0")/build-kubernetes.sh"
fi

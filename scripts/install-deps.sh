#!/usr/bin/env bash
# The one place that names kgen's Debian packages. Installs only what is missing,
# so it is cheap to run before every build.
set -euo pipefail

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
  if ! apt-cache showsrc jsonnet 2>/dev/null | grep -q "^Version: $jsonnet_source_version\$"; then
    # No deb-src entry yet: add one for each Debian deb entry (deb822 or one-line form).
    deb_src=/etc/apt/sources.list.d/kgen-deb-src.sources
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -f "$f" ] && [ "$f" != "$deb_src" ] || continue
      grep -q 'debian' "$f" && grep -q '^Types:.*\bdeb\b' "$f" || continue
      sed -e 's/^Types:.*/Types: deb-src/' "$f"
      echo
    done | "${sudo_cmd[@]}" tee "$deb_src.new" >/dev/null
    if [ -f /etc/apt/sources.list ]; then
      sed -n 's/^deb \(.*debian.*\)/deb-src \1/p' /etc/apt/sources.list |
        "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/kgen-deb-src.list >/dev/null
    fi
    "${sudo_cmd[@]}" mv "$deb_src.new" "$deb_src"
    "${sudo_cmd[@]}" apt-get update -qq
  fi
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

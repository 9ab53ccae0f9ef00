#!/usr/bin/env bash
# The one place that names kgen's Debian packages. Installs only what is missing,
# so it is cheap to run before every build.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # libraries kgen links against
  libjsonnet-dev        # Jsonnet evaluator (libjsonnet / libjsonnet++)
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
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

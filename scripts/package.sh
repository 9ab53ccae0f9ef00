#!/usr/bin/env bash
# Builds kgen's Debian package, build/kgen_<version>_<arch>.deb, and prints its path.
# The version is the CMake project's; the dependencies are computed by dpkg-shlibdeps
# (dpkg-dev, named in install-deps.sh). Install it with `sudo apt-get install ./build/kgen_*.deb`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --target kgen >&2
cd build
cpack -G DEB >&2
ls -t "$PWD"/kgen_*.deb | head -n 1

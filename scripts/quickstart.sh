#!/usr/bin/env bash
# First command of the README: installs what is missing, builds kgen and renders the
# repository's own app (the pet-detector data preparation).
set -euo pipefail
cd "$(dirname "$0")/.."
# Progress of the install and the build goes to stderr, so that
# `scripts/quickstart.sh > out.yaml` holds only the manifests.
scripts/install-deps.sh >&2
scripts/build.sh --target kgen >&2
exec build/cmd/kgen show default

#!/usr/bin/env bash
# First command of the README: installs what is missing, builds kgen and renders the
# repository's own app (the pet-detector data preparation).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh --target kgen
exec build/cmd/kgen show default

#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (ctest runs
# the gtest unit tests and the lit tests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${SNIPGEN_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/build.sh"
ctest --test-dir "$BUILD" --output-on-failure -j2

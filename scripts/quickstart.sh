#!/usr/bin/env bash
# One command for a new user: install, build, and generate a snippet from the
# manual's layout example with the built-in model.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${SNIPGEN_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/build.sh"
OUT="$ROOT/out"
mkdir -p "$OUT"
"$BUILD/bin/snipgen" "$ROOT/examples/layout-example.yaml" \
  -num-instrs=1000 -seed=1 -o "$OUT/layout-example.elf"
echo
echo "Outputs:"
for f in "$OUT"/layout-example.elf*; do echo "  $f"; done
echo "Disassemble with: llvm-objdump-22 -d $OUT/layout-example.elf"

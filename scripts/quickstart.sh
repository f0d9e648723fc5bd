#!/usr/bin/env bash
# One command for a new user: install, build, generate a snippet from the
# manual's layout-example mix and run it on the built-in model.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${SNIPGEN_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/build.sh"
OUT="$ROOT/out"
mkdir -p "$OUT"
cd "$OUT"
"$BUILD/bin/snipgen" "$ROOT/examples/layout-example-model.yaml" \
  -num-instrs=1000 -seed=1 -o "$OUT/layout-example.elf" \
  --trace-log="$OUT/layout-example.trace" \
  --dump-registers-yaml="$OUT/registers_state.yml"
echo
echo "Outputs in $OUT:"
for f in "$OUT"/layout-example.elf* "$OUT"/layout-example.trace "$OUT"/registers_state.yml; do
  echo "  $f"
done
echo "Disassemble with: llvm-objdump-22 -d $OUT/layout-example.elf"
echo "Model trace:      head $OUT/layout-example.trace"

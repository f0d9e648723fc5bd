#!/usr/bin/env bash
# RVV generation against QEMU 10: the vector layouts of test/rvv-generation
# (arithmetic over the whole bag, biased mode with vill, FP with branches and
# loops, the init modes, RV32), 5 seeds x 1500 primary instructions each,
# compared after every instruction (snipgen-qemu-check).
#   bench/rvv-cosim.sh [SEEDS (default 1-5)] [NUM_INSTRS (default 1500)]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${SNIPGEN_BUILD_DIR:-$ROOT/build}/bin"
IN="$ROOT/test/rvv-generation/Inputs"
exec python3 "$ROOT/tools/cosim-campaign.py" --bin-dir "$BIN" \
  --layout "$IN/cosim-arith.yaml" --layout "$IN/cosim-biased.yaml" \
  --layout "$IN/cosim-branches-fp.yaml" --layout "$IN/cosim-init-loads.yaml" \
  --layout "$IN/cosim-init-splats.yaml" \
  --seeds "${1:-1-5}" --num-instrs "${2:-1500}" --jobs 2

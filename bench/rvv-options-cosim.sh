#!/usr/bin/env bash
# v0 masks and llvm-snippy's RVV options against QEMU 10 (the layouts of
# test/rvv-options/Inputs: masks slid in on RV32, loaded on RV64 with VSETVL
# inserted, nomask mode in biased mode with vill), 5 seeds x 1500 primary
# instructions each, compared after every instruction (snipgen-qemu-check).
#   bench/rvv-options-cosim.sh [SEEDS (default 1-5)] [NUM_INSTRS (default 1500)]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${SNIPGEN_BUILD_DIR:-$ROOT/build}/bin"
IN="$ROOT/test/rvv-options/Inputs"
exec python3 "$ROOT/tools/cosim-campaign.py" --bin-dir "$BIN" \
  --layout "$IN/cosim-masks-rv32.yaml" --layout "$IN/cosim-masks-rv64.yaml" \
  --layout "$IN/cosim-nomask.yaml" \
  --seeds "${1:-1-5}" --num-instrs "${2:-1500}" --jobs 2

#!/usr/bin/env bash
# Campaign throughput: snipgen-campaign with 2 jobs against the same seeds run
# one by one in a shell loop (generation + model run only, no coverage).
#   bench/campaign-throughput.sh [SEEDS (default 40)] [NUM_INSTRS (default 100)] [LAYOUT]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${SNIPGEN_BUILD_DIR:-$ROOT/build}/bin"
N=${1:-40}
K=${2:-100}
LAYOUT=${3:-$ROOT/examples/layout-memory.yaml}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s.%N)
for s in $(seq 1 "$N"); do
  "$BIN/snipgen" "$LAYOUT" -num-instrs="$K" -seed="$s" -object-type=exec -model-plugin=builtin \
    -o="$tmp/loop.elf" 2>/dev/null
done
t1=$(date +%s.%N)
"$BIN/snipgen-campaign" run "$LAYOUT" --seeds=1-"$N" --num-instrs="$K" --jobs=2 --out="$tmp/c" \
  --progress=never >/dev/null
t2=$(date +%s.%N)
python3 - "$N" "$t0" "$t1" "$t2" <<'PY'
import sys
n, t0, t1, t2 = int(sys.argv[1]), *map(float, sys.argv[2:])
loop, camp = t1 - t0, t2 - t1
print(f"shell loop, 1 at a time:          {n / loop:6.2f} seeds/s ({loop:.1f} s)")
print(f"snipgen-campaign --jobs=2 (+cov): {n / camp:6.2f} seeds/s ({camp:.1f} s)")
PY

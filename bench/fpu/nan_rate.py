#!/usr/bin/env python3
"""Share of FP operations with a NaN operand, from snipgen's own traces.

Runs snipgen on an FP-heavy layout for many seeds, once per fpu-config
variant, with --trace-log and --dump-initial-registers-yaml, replays the
register writes of the commit log from the initial state and, for every
executed FP operation (an f* instruction that computes: not a load, store or
fmv), checks whether any FP source operand read at the instruction's
precision is a NaN (a single that is not NaN-boxed reads as NaN).

  nan_rate.py --snipgen build/bin/snipgen --seeds 50 \
      [--max-enabled-share 0.05] [--min-reduction 4] [--manual-example]

--manual-example runs the manual's fpu-config example (examples/
fpu-config.yaml) on a histogram of FADD_D, FMUL_D and FDIV_D, with its
mode set to each of the four modes in turn. Its valuegram draws NaNs and
infinities on purpose, so the enabled modes do not reach 0% there.

Prints one line per variant and exits 1 if the thresholds (when given) are
not met.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

LAYOUT = """options:
  mtriple: riscv64-unknown-elf
  march: rv64gc
  init-regs-in-elf: true
  num-instrs: {num}
sections:
  - {{name: 1, VMA: 0x10000, SIZE: 0x40000, ACCESS: rx}}
  - {{name: 2, VMA: 0x80000, SIZE: 0x1000, ACCESS: rw}}
histogram:
  - [FADD_D, 1.0]
  - [FSUB_D, 1.0]
  - [FMUL_D, 1.0]
  - [FDIV_D, 1.0]
  - [FMADD_D, 1.0]
  - [FSQRT_D, 1.0]
  - [FADD_S, 1.0]
  - [FMUL_S, 1.0]
  - [FMSUB_S, 1.0]
  - [FCVT_S_D, 1.0]
  - [FCVT_D_S, 1.0]
  - [FLT_D, 0.5]
  - [FCVT_D_W, 0.5]
{fpu}
"""

VARIANTS = [
    ("disabled", "fpu-config:\n  overwrite:\n    mode: disabled\n"),
    ("if-all-operands", "fpu-config:\n  overwrite:\n    range: {min: -1000, max: 1000}\n    mode: if-all-operands\n"),
    ("if-any-operand", "fpu-config:\n  overwrite:\n    range: {min: -1000, max: 1000}\n    mode: if-any-operand\n"),
    ("if-model-detected-nan", "fpu-config:\n  overwrite:\n    range: {min: -1000, max: 1000}\n    mode: if-model-detected-nan\n"),
]

ABI = {}
for i in range(8):
    ABI["ft%d" % i] = i
ABI["fs0"], ABI["fs1"] = 8, 9
for i in range(8):
    ABI["fa%d" % i] = 10 + i
for i in range(2, 12):
    ABI["fs%d" % i] = 16 + i
for i in range(8, 12):
    ABI["ft%d" % i] = 20 + i

WIDTH = {"h": 16, "s": 32, "d": 64}


def is_nan(raw, bits):
    if bits < 64 and (raw >> bits) != (1 << (64 - bits)) - 1:
        return True  # not NaN-boxed
    v = raw & ((1 << bits) - 1)
    exp_bits = {16: 5, 32: 8, 64: 11}[bits]
    man_bits = bits - 1 - exp_bits
    exp = (v >> man_bits) & ((1 << exp_bits) - 1)
    return exp == (1 << exp_bits) - 1 and (v & ((1 << man_bits) - 1)) != 0


def read_initial(path):
    f = {}
    for line in open(path):
        m = re.match(r"\s*- \[ F(\d+), 0x([0-9a-f]+) \]", line)
        if m:
            f[int(m.group(1))] = int(m.group(2), 16)
    return f


INSN = re.compile(r"core\s+\d+: 0x[0-9a-f]+ \(0x[0-9a-f]+\) (\S+)\s*(.*)$")
FWRITE = re.compile(r" f(\d+)\s+0x([0-9a-f]+)")


def count(trace, initial):
    regs = dict(initial)
    ops = nan_ops = 0
    pending = None
    for line in open(trace):
        m = INSN.match(line)
        if m:
            pending = (m.group(1), m.group(2))
            continue
        if pending is None or ": 3 0x" not in line:
            continue
        mnem, args = pending
        pending = None
        # Check the sources before applying this instruction's writes.
        if mnem.startswith("f") and not re.match(r"f(mv|l[whd]|s[whd])\b", mnem):
            operands = [a.strip() for a in args.split(",")]
            srcs = [ABI[a] for a in operands[1:] if a in ABI]
            if srcs:
                bits = WIDTH.get(mnem.split(".")[-1], 64)
                ops += 1
                if any(is_nan(regs.get(r, 0), bits) for r in srcs):
                    nan_ops += 1
        for w in FWRITE.finditer(line):
            regs[int(w.group(1))] = int(w.group(2), 16)
    return ops, nan_ops


MANUAL_LAYOUT = """options:
  mtriple: riscv64-unknown-elf
  march: rv64gc
  init-regs-in-elf: true
  num-instrs: {num}
sections:
  - {{name: 1, VMA: 0x10000, SIZE: 0x40000, ACCESS: rx}}
  - {{name: 2, VMA: 0x80000, SIZE: 0x1000, ACCESS: rw}}
histogram:
  - [FADD_D, 1.0]
  - [FMUL_D, 1.0]
  - [FDIV_D, 1.0]
{fpu}
"""


def manual_variants():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "..", "examples", "fpu-config.yaml")) as f:
        text = "".join(l for l in f if not l.startswith("#"))
    out = []
    for mode in ("disabled", "if-all-operands", "if-any-operand",
                 "if-model-detected-nan"):
        out.append((mode, text.replace("mode: if-any-operand", "mode: " + mode)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--snipgen", required=True)
    ap.add_argument("--seeds", type=int, default=50)
    ap.add_argument("--num-instrs", type=int, default=500)
    ap.add_argument("--max-enabled-share", type=float)
    ap.add_argument("--min-reduction", type=float)
    ap.add_argument("--manual-example", action="store_true")
    args = ap.parse_args()
    layout_text = MANUAL_LAYOUT if args.manual_example else LAYOUT
    variants = manual_variants() if args.manual_example else VARIANTS
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, fpu in variants:
            layout = os.path.join(tmp, name + ".yaml")
            with open(layout, "w") as f:
                f.write(layout_text.format(num=args.num_instrs, fpu=fpu))
            ops = nan_ops = overwritten = 0
            for seed in range(1, args.seeds + 1):
                trace = os.path.join(tmp, "t.log")
                init = os.path.join(tmp, "i.yml")
                subprocess.run([args.snipgen, layout, "-seed=%d" % seed,
                                "-o", os.path.join(tmp, "a.elf"),
                                "--trace-log=" + trace,
                                "--dump-initial-registers-yaml=" + init],
                               check=True, stderr=subprocess.DEVNULL)
                o, n = count(trace, read_initial(init))
                ops += o
                nan_ops += n
            share = nan_ops / ops if ops else 0.0
            results[name] = share
            print("%-22s %7d FP operations, %6d with a NaN operand: %5.1f%%"
                  % (name, ops, nan_ops, 100 * share))
    ok = True
    enabled = [v for k, v in results.items() if k != "disabled"]
    if args.max_enabled_share is not None and max(enabled) > args.max_enabled_share:
        print("FAIL: an enabled mode leaves more than %.1f%% NaN operations"
              % (100 * args.max_enabled_share))
        ok = False
    if args.min_reduction is not None:
        for k, v in results.items():
            if k != "disabled" and v * args.min_reduction > results["disabled"]:
                print("FAIL: %s does not cut the NaN share %gx" % (k, args.min_reduction))
                ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

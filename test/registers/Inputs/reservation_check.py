#!/usr/bin/env python3
"""Checks a snipgen commit-log trace against register reservations.

  reservation_check.py TRACE --primary add,sub,... \
      [--no-read x11,f4] [--no-write x10,f4] \
      [--no-primary-read x20] [--no-primary-write x24]
  reservation_check.py --seeds 1-30 --run 'snipgen l.yaml -seed={seed}
      --trace-log={trace}' --primary ... (the same checks, seed by seed)

Register writes come from the commit lines (" x10 0x..."), reads from the
disassembly of the instruction lines: every register operand but the first
one (the destination), all of them for stores, and the base of "off(reg)".
--no-read / --no-write hold for every instruction (hard reservations),
--no-primary-* for the instructions whose mnemonic is in --primary (soft).
FP registers are named f0..f31 and cover every precision. Prints the number
of instructions checked, or the first violations and exits 1.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

ABI = {"zero": 0, "ra": 1, "sp": 2, "gp": 3, "tp": 4, "t0": 5, "t1": 6,
       "t2": 7, "s0": 8, "fp": 8, "s1": 9}
for i in range(8):
    ABI["a%d" % i] = 10 + i
for i in range(2, 12):
    ABI["s%d" % i] = 16 + i
for i in range(3, 7):
    ABI["t%d" % i] = 25 + i
FABI = {}
for i in range(8):
    FABI["ft%d" % i] = i
FABI["fs0"], FABI["fs1"] = 8, 9
for i in range(8):
    FABI["fa%d" % i] = 10 + i
for i in range(2, 12):
    FABI["fs%d" % i] = 16 + i
for i in range(8, 12):
    FABI["ft%d" % i] = 20 + i

STORES = re.compile(r"^(c\.)?f?s[bhwd]$")
INSN = re.compile(r"core\s+\d+: 0x([0-9a-f]+) \(0x[0-9a-f]+\) (\S+)\s*(.*)$")
WRITE = re.compile(r" ([xf])(\d+)\s+0x[0-9a-f]+")


def reg_name(tok):
    tok = tok.strip()
    if tok in ABI:
        return "x%d" % ABI[tok]
    if tok in FABI:
        return "f%d" % FABI[tok]
    return None


def operands(args):
    """Register operands in order; 'off(reg)' gives reg."""
    out = []
    for tok in args.split(","):
        m = re.match(r".*\((\w+)\)", tok.strip())
        r = reg_name(m.group(1) if m else tok)
        if r:
            out.append(r)
    return out


def regset(text):
    return set(r for r in (text or "").split(",") if r)


def check(trace, primary, hard_r, hard_w, soft_r, soft_w):
    errors, checked, pending = [], 0, None
    for line in open(trace):
        m = INSN.match(line)
        if m:
            pending = m.groups()
            continue
        if pending is None or ": 3 0x" not in line:
            continue
        pc, mnem, args = pending
        pending = None
        checked += 1
        ops = operands(args)
        reads = ops if STORES.match(mnem) else ops[1:]
        writes = ["%s%s" % w for w in WRITE.findall(line)]
        is_primary = mnem in primary
        for r in reads:
            if r in hard_r or (is_primary and r in soft_r):
                errors.append("0x%s %s %s reads %s" % (pc, mnem, args, r))
        for w in writes:
            if w in hard_w or (is_primary and w in soft_w):
                errors.append("0x%s %s %s writes %s" % (pc, mnem, args, w))
    if checked == 0:
        errors.append("no instruction in the trace")
    return errors, checked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trace", nargs="?")
    ap.add_argument("--run")
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--primary", required=True)
    for opt in ("no-read", "no-write", "no-primary-read", "no-primary-write"):
        ap.add_argument("--" + opt)
    a = ap.parse_args()
    primary = regset(a.primary)
    hard_r, hard_w = regset(a.no_read), regset(a.no_write)
    soft_r, soft_w = regset(a.no_primary_read), regset(a.no_primary_write)
    if not a.run:
        errors, checked = check(a.trace, primary, hard_r, hard_w, soft_r, soft_w)
    else:
        lo, _, hi = a.seeds.partition("-")
        errors, checked = [], 0
        with tempfile.TemporaryDirectory() as tmp:
            trace = os.path.join(tmp, "trace.log")
            for seed in range(int(lo), int(hi or lo) + 1):
                cmd = a.run.format(seed=seed, trace=trace, tmp=tmp)
                subprocess.run(shlex.split(cmd), check=True,
                               stderr=subprocess.DEVNULL)
                e, c = check(trace, primary, hard_r, hard_w, soft_r, soft_w)
                errors += ["seed %d: %s" % (seed, x) for x in e]
                checked += c
    if errors:
        print("\n".join(errors[:20]))
        return 1
    print("reservations hold for %d instructions" % checked)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Register values that primary instructions read, from a snipgen trace.

  operand_values.py TRACE INITIAL.yml --mnemonics add,fadd.d ... MODE

Replays the commit log from the initial register dump and, for every
executed instruction whose mnemonic is listed, looks at the values of its
source registers just before it runs (memory bases excluded: they hold
addresses). MODE is one of
  --fixed FILE      every source register listed in FILE's `registers:`
                    holds its value there;
  --allowed V,...   every source value is one of the listed values (hex);
  --print           print "mnemonic reg=value ..." lines.
With --outputs the destination register is checked too (its value just
before the instruction: -valuegram-operands-regs-init-outputs).
Prints "checked N operands" or the first mismatches (exit 1).
"""
import argparse
import re
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from reservation_check import INSN, STORES, reg_name  # noqa: E402

WRITE = re.compile(r" ([xf])(\d+)\s+0x([0-9a-f]+)")


def read_dump(path):
    regs = {}
    for line in open(path):
        m = re.match(r"\s*- \[ ([XF])(\d+), (0x[0-9a-f]+) \]", line)
        if m:
            regs[m.group(1).lower() + m.group(2)] = int(m.group(3), 16)
    return regs


def sources(mnem, args, outputs=False):
    """Source registers, without the memory base (an address), even when
    the same register is also the data operand; with outputs, the
    destination too."""
    toks = [t.strip() for t in args.split(",")]
    bases = set()
    for tok in toks:
        m = re.match(r".*\((\w+)\)", tok)
        if m:
            bases.add(reg_name(m.group(1)))
    out = []
    for i, tok in enumerate(toks):
        r = reg_name(tok)
        if r and r not in bases and (i > 0 or outputs or STORES.match(mnem)):
            out.append(r)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trace")
    ap.add_argument("initial")
    ap.add_argument("--mnemonics", required=True)
    ap.add_argument("--fixed")
    ap.add_argument("--allowed")
    ap.add_argument("--print", action="store_true")
    ap.add_argument("--outputs", action="store_true")
    a = ap.parse_args()
    mnems = set(a.mnemonics.split(","))
    expect = read_dump(a.fixed) if a.fixed else {}
    allowed = set(int(v, 16) for v in a.allowed.split(",")) if a.allowed else None
    regs = read_dump(a.initial)
    errors, checked, pending = [], 0, None
    for line in open(a.trace):
        m = INSN.match(line)
        if m:
            pending = m.groups()
            continue
        if pending is None or ": 3 0x" not in line:
            continue
        pc, mnem, args = pending
        pending = None
        if mnem in mnems:
            srcs = sources(mnem, args, a.outputs)
            if a.print:
                print(mnem, " ".join("%s=0x%x" % (r, regs.get(r, 0)) for r in srcs))
            for r in srcs:
                v = regs.get(r, 0)
                if r == "x0":
                    continue
                bad = (r in expect and v != expect[r]) or \
                      (allowed is not None and v not in allowed)
                checked += 1
                if bad:
                    errors.append("0x%s %s %s: %s = 0x%x" % (pc, mnem, args, r, v))
        for kind, num, val in WRITE.findall(line):
            regs[kind + num] = int(val, 16)
    if checked == 0:
        errors.append("no operand checked")
    if errors:
        print("\n".join(errors[:20]))
        return 1
    if not a.print:
        print("checked %d operands" % checked)
    return 0


if __name__ == "__main__":
    sys.exit(main())

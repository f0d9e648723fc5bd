#!/usr/bin/env python3
"""Checks the far jumps of code-layout from `llvm-objdump -d -M no-aliases`.

usage: check-far-jumps.py MIN [REG...]

A far jump is an AUIPC R followed by a JALR through R. There must be at
least MIN of them, and R is never one of the REGs (reserved registers).
Prints how many there were.
"""
import re
import sys

least = int(sys.argv[1])
forbidden = set(sys.argv[2:])
count, bad, prev = 0, [], None
for line in sys.stdin:
    m = re.match(r"^\s*([0-9a-f]+):\s+(\S+)\s+(.*)$", line.rstrip())
    if not m:
        continue
    addr, op, ops = m.group(1), m.group(2), m.group(3)
    regs = [r.strip() for r in re.split(r"[,()]", ops) if r.strip()]
    if op == "jalr" and prev and len(regs) >= 2 and prev[1] in regs[1:]:
        count += 1
        if prev[1] in forbidden:
            bad.append("%s: auipc %s" % (prev[0], prev[1]))
    prev = (addr, regs[0]) if op == "auipc" and regs else None
if bad:
    print("through reserved registers: " + ", ".join(bad))
    sys.exit(1)
if count < least:
    print("only %d far jumps" % count)
    sys.exit(1)
print("at least %d far jumps, none through a reserved register" % least)

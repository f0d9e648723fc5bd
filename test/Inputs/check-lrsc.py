#!/usr/bin/env python3
"""Checks that every LR/SC in a straight-line snippet is in one of the two
implementation-independent forms (docs/user-guide.md, "LR/SC"):
  lr.X rd, (b) ; sc.X s, src, (b) ; bne s, zero, <the lr>
with b, rd, s distinct, s != zero, src != s; or an SC whose previous LR/SC in
program order is an SC. Reads `llvm-objdump -d -M no-aliases` from stdin."""
import re
import sys

LINE = re.compile(r"^\s*([0-9a-f]+):\s+(?:[0-9a-f]{4,8}\s+)?([a-z0-9.]+)\s*(.*)$")
insts = []
for line in sys.stdin:
    m = LINE.match(line)
    if m:
        ops = [o.strip() for o in re.split(r",\s*", m.group(3).split("<")[0].strip()) if o]
        insts.append((int(m.group(1), 16), m.group(2), ops))


def width(mn):
    return mn.split(".")[1]


def base(op):
    return op.strip("()")


errors, loops, failing = [], 0, 0
last = None  # "lr" or "sc": the previous reservation instruction
for i, (addr, mn, ops) in enumerate(insts):
    if mn.startswith("lr."):
        last = "lr"
        if i + 2 >= len(insts):
            errors.append(f"{addr:x}: lr without sc and branch")
            continue
        _, smn, sops = insts[i + 1]
        _, bmn, bops = insts[i + 2]
        rd, b = ops[0], base(ops[1])
        if not smn.startswith("sc.") or width(smn) != width(mn):
            errors.append(f"{addr:x}: lr not followed by an sc of its size: {smn}")
            continue
        s, src, sb = sops[0], sops[1], base(sops[2])
        if sb != b:
            errors.append(f"{addr:x}: sc base {sb} != lr base {b}")
        if len({b, rd, s}) != 3 or s == "zero" or src == s:
            errors.append(f"{addr:x}: registers b={b} rd={rd} status={s} src={src}")
        if bmn != "bne" or bops[0] != s or bops[1] != "zero" or int(bops[2], 16) != addr:
            errors.append(f"{addr:x}: no retry branch: {bmn} {bops}")
        loops += 1
    elif mn.startswith("sc."):
        prev = insts[i - 1][1] if i else ""
        if prev.startswith("lr."):
            last = "sc"  # the loop's own sc
            continue
        if last != "sc":
            errors.append(f"{addr:x}: sc whose previous lr/sc is not an sc ({last})")
        failing += 1
        last = "sc"

print(f"lr/sc loops: {loops}, failing sc: {failing}")
for e in errors[:20]:
    print("error:", e)
sys.exit(1 if errors else 0)

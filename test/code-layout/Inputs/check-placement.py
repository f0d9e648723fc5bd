#!/usr/bin/env python3
"""Checks code-layout placement from `llvm-objdump -t` output on stdin.

usage: check-placement.py ALIGN RANGE...   (RANGE: start:size[:stride:first:last])

Every code symbol (the functions and their `<function>.bbN` block labels,
in .snippy.*.rx* sections) must start in some range at an allowed offset of
its stride and be ALIGN-aligned. Prints how many symbols were checked.
"""
import re
import sys

align = int(sys.argv[1], 0)
ranges = []
for spec in sys.argv[2:]:
    parts = [int(p, 0) for p in spec.split(":")]
    start, size = parts[0], parts[1]
    stride, first, last = (parts[2:5] if len(parts) == 5 else (1, 0, 0))
    ranges.append((start, size, stride, first, last))

count, bad = 0, []
for line in sys.stdin:
    m = re.match(r"^([0-9a-f]+)\s+(\S+)\s+(\S*)\s*(\.snippy\.\S+\.rw?x)\s+[0-9a-f]+\s+(\S+)$", line.strip())
    if not m:
        continue
    addr, name = int(m.group(1), 16), m.group(5)
    if name.startswith("$"):
        continue  # mapping symbols
    count += 1
    ok = addr % align == 0 and any(
        s <= addr < s + n and first <= (addr - s) % stride <= last
        for s, n, stride, first, last in ranges)
    if not ok:
        bad.append("%s at %#x" % (name, addr))
if bad:
    print("misplaced: " + ", ".join(bad))
    sys.exit(1)
if count == 0:
    print("no code symbols found")
    sys.exit(1)
print("%d code symbols in the ranges" % count)

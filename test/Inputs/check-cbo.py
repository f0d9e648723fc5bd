#!/usr/bin/env python3
"""check-cbo.py TRACE BLOCK LO HI: every cbo.* in a model trace (-trace-log,
Spike format) addresses a BLOCK-aligned block inside [LO, HI). Register
values are followed from the trace's register writes."""
import re
import sys

ABI = ["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1"] + \
      [f"a{i}" for i in range(8)] + [f"s{i}" for i in range(2, 12)] + \
      [f"t{i}" for i in range(3, 7)]
trace, block, lo, hi = sys.argv[1], int(sys.argv[2], 0), int(sys.argv[3], 0), int(sys.argv[4], 0)
regs = {f"x{i}": None for i in range(32)}
regs["x0"] = 0
inside = outside = 0
problems = []
for line in open(trace):
    m = re.match(r"core\s+\d+: 0x([0-9a-f]+) \(0x[0-9a-f]+\) (cbo\.\w+) \((\w+)\)", line)
    if m:
        reg = "x%d" % ABI.index(m.group(3))
        addr = regs[reg]
        if addr is None or addr % block or addr < lo or addr + block > hi:
            outside += 1
            problems.append(f"{m.group(2)} at 0x{m.group(1)}: {reg} = {addr}")
        else:
            inside += 1
        continue
    for r, v in re.findall(r" (x\d+)\s+0x([0-9a-f]+)", line):
        regs[r] = int(v, 16)
print(f"cbo: {inside} in scheme and aligned, {outside} outside")
for p in problems[:10]:
    print("error:", p)
sys.exit(1 if outside or not inside else 0)

#!/usr/bin/env python3
"""Checks loop iteration counts from a commit-log trace, independently of
snipgen's own model check.

usage: check-loop-trace.py TRACE DOT...

Each --dump-cfg file lists every loop as
  loop K entry (depth D, N iterations, starts at 0xSTART):\\lINIT: ...
where INIT is the first instruction of the code that sets the counter (run
once per entry of the loop) and START is where the back edge lands (run
once per iteration). So the trace must show START exactly N times per
execution of INIT.
"""
import re
import sys
from collections import Counter

trace, dots = sys.argv[1], sys.argv[2:]
loops = []
pat = re.compile(r"loop (\d+) entry \(depth \d+, (\d+) iterations, "
                 r"starts at 0x([0-9a-f]+)\):\\l([0-9a-f]+):")
for d in dots:
    for m in pat.finditer(open(d).read()):
        loops.append((d, int(m.group(1)), int(m.group(2)), int(m.group(3), 16),
                      int(m.group(4), 16)))
pcs = Counter()
line = re.compile(r"^core\s+\d+: 0x([0-9a-f]+) \(")
for l in open(trace):
    m = line.match(l)
    if m:
        pcs[int(m.group(1), 16)] += 1
entries = 0
for d, k, n, start, init in loops:
    e, runs = pcs[init], pcs[start]
    if runs != n * e:
        print("%s: loop %d: %d iterations for %d entries, expected %d each"
              % (d, k, runs, e, n))
        sys.exit(1)
    entries += e
print("%d loops, %d entries, all iteration counts as planned" %
      (len(loops), entries))

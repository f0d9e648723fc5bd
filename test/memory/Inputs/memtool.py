#!/usr/bin/env python3
"""Small checks on snipgen's memory dumps and disassembly, for lit tests.

  memtool.py disjoint RESTRICTED.yaml DUMP.yaml
      every address (+ access-size) of DUMP avoids every restricted range
  memtool.py aligned DUMP.yaml LO HI ALIGN
      prints how many plain addresses of DUMP lie in [LO, HI) and how many of
      them are not ALIGN-aligned
  memtool.py runs MNEMONIC[,MNEMONIC...] < objdump-output
      prints the lengths of the maximal runs of consecutive instructions with
      these mnemonics
"""
import re
import sys


def entries(path):
    """(addr, access-size or None) of every `- addr:` entry, in order."""
    out = []
    for line in open(path):
        m = re.match(r"\s*- addr: (0x[0-9a-fA-F]+)", line)
        if m:
            out.append([int(m.group(1), 16), None])
            continue
        m = re.match(r"\s*access-size: (\d+)", line)
        if m and out:
            out[-1][1] = int(m.group(1))
    return out


def main():
    cmd = sys.argv[1]
    if cmd == "disjoint":
        bad = [(a, s) for a, s in entries(sys.argv[3])
               for r, rs in entries(sys.argv[2])
               if a < r + (rs or 16) and r < a + (s or 1)]
        print("overlapping: %d" % len(bad))
    elif cmd == "aligned":
        lo, hi, align = (int(x, 0) for x in sys.argv[3:6])
        inside = [a for a, _ in entries(sys.argv[2]) if lo <= a < hi]
        print("in range: %d, misaligned: %d" %
              (len(inside), sum(1 for a in inside if a % align)))
    elif cmd == "runs":
        names = set(sys.argv[2].split(","))
        runs, cur = [], 0
        for line in sys.stdin:
            m = re.match(r"\s*[0-9a-f]+:\s+(?:[0-9a-f]{2,8}\s+)*\s*([a-z.]+)\s", line)
            if not m:
                continue
            if m.group(1) in names:
                cur += 1
            elif cur:
                runs.append(cur)
                cur = 0
        if cur:
            runs.append(cur)
        print("runs: " + " ".join(map(str, runs)))
    else:
        sys.exit("unknown command " + cmd)


main()

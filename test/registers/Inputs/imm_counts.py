#!/usr/bin/env python3
"""Counts the last immediate of a mnemonic in llvm-objdump output and checks
the counts against weights.

  imm_counts.py DISASSEMBLY MNEMONIC [VALUE:WEIGHT ...]

Without weights: prints "value count" lines. With weights: every value seen
must have a weight, and each count must lie within 5 standard deviations of
its binomial expectation; prints "MNEMONIC: N immediates as weighted" or the
offending values (exit 1).
"""
import math
import re
import sys


def main():
    path, mnem = sys.argv[1], sys.argv[2]
    weights = dict((int(v, 0), float(w)) for v, w in
                   (a.split(":") for a in sys.argv[3:]))
    counts = {}
    for line in open(path):
        parts = line.split("\t")
        if len(parts) < 3 or parts[1].strip() != mnem:
            continue
        last = parts[2].split(",")[-1].strip()
        m = re.match(r"(-?(0x[0-9a-f]+|\d+))(\(|$)", last)
        if m:
            v = int(m.group(1), 0)
            counts[v] = counts.get(v, 0) + 1
    if not weights:
        for v in sorted(counts):
            print(v, counts[v])
        return 0
    n = sum(counts.values())
    total = sum(weights.values())
    errors = []
    for v, c in sorted(counts.items()):
        if v not in weights:
            errors.append("value %d (%d times) has no weight" % (v, c))
    for v, w in weights.items():
        p = w / total
        exp, sd = n * p, math.sqrt(n * p * (1 - p))
        c = counts.get(v, 0)
        if abs(c - exp) > 5 * sd + 1e-9:
            errors.append("value %d: %d times, expected %.1f +- %.1f" % (v, c, exp, 5 * sd))
    if n == 0:
        errors.append("no %s found" % mnem)
    if errors:
        print("\n".join(errors))
        return 1
    print("%s: %d immediates as weighted" % (mnem, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())

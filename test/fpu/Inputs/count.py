#!/usr/bin/env python3
"""count.py PATTERN FILE... : prints how many lines of each FILE match the
regex PATTERN, space separated; with --less, exits 1 unless the counts
strictly decrease from the first file to the last."""
import re
import sys

args = sys.argv[1:]
less = "--less" in args
args = [a for a in args if a != "--less"]
pat = re.compile(args[0])
counts = [sum(1 for l in open(f) if pat.search(l)) for f in args[1:]]
print(" ".join(map(str, counts)))
sys.exit(1 if less and any(a <= b for a, b in zip(counts, counts[1:])) else 0)
